package math

// FMA is x*y + z rounded once (what amd64's VFMADD instructions give): the exact product of the two 53-bit
// mantissas (106 bits) and z's mantissa are added as 128-bit integers, then rounded to nearest even.
func FMA(x, y, z float64) float64 {
	// zeros, infinities and NaNs: the plain expression has the same value
	if x == 0 || y == 0 || z == 0 || !isFinite(x) || !isFinite(y) || !isFinite(z) {
		return x*y + z
	}
	xneg, xe, xm := splitFloat(x)
	yneg, ye, ym := splitFloat(y)
	zneg, ze, zm := splitFloat(z)
	// both operands as 128-bit integers with their top bit at 125 (room for a carry), times 2**exponent
	ph, pl := mul64(xm, ym)
	pe := xe + ye
	n := nlz128(ph, pl) - 2
	ph, pl = shl128(ph, pl, n)
	pe -= int(n)
	pneg := xneg != yneg
	zh, zl := shl128(0, zm, nlz128(0, zm)-2)
	ze -= int(nlz128(0, zm) - 2)
	if pe < ze {
		ph, pl, pe, pneg, zh, zl, ze, zneg = zh, zl, ze, zneg, ph, pl, pe, pneg
	}
	zh, zl = shr128jam(zh, zl, uint(pe-ze))
	var rh, rl uint64
	neg := pneg
	if pneg == zneg {
		rl = pl + zl
		rh = ph + zh
		if rl < pl {
			rh++
		}
	} else if ph > zh || ph == zh && pl >= zl {
		rh, rl = sub128(ph, pl, zh, zl)
	} else {
		rh, rl = sub128(zh, zl, ph, pl)
		neg = zneg
	}
	if rh == 0 && rl == 0 {
		return 0 // exact cancellation: +0
	}
	return roundFloat(neg, rh, rl, pe)
}

// splitFloat: f = ±m × 2**e with m an integer below 2**53.
func splitFloat(f float64) (neg bool, e int, m uint64) {
	b := Float64bits(f)
	be := int(b >> shift & mask)
	if be == 0 {
		return b&signMask != 0, -1074, b & fracMask
	}
	return b&signMask != 0, be - 1075, b&fracMask | 1<<shift
}

// roundFloat is ±(rh:rl) × 2**e rounded to the nearest float64 (ties to even), denormals and overflow included.
func roundFloat(neg bool, rh, rl uint64, e int) float64 {
	top := 127 - int(nlz128(rh, rl))
	eu := e + top - 52 // the exponent of the result's last mantissa bit
	if eu < -1074 {
		eu = -1074
	}
	var q uint64
	if s := eu - e; s <= 0 {
		_, q = shl128(rh, rl, uint(-s)) // fewer than 53 bits: exact
	} else {
		_, q = shr128(rh, rl, uint(s))
		half := bit128(rh, rl, uint(s-1))
		below := lowBits128(rh, rl, uint(s-1))
		if half && (below || q&1 != 0) {
			q++
		}
		if q == 1<<53 {
			q >>= 1
			eu++
		}
	}
	var b uint64
	if q >= 1<<shift {
		if eu+1075 >= mask {
			b = uvinf
		} else {
			b = uint64(eu+1075)<<shift | q&fracMask
		}
	} else {
		b = q // denormal (eu == -1074)
	}
	if neg {
		b |= signMask
	}
	return Float64frombits(b)
}

// mul64 is the 128-bit product of a and b.
func mul64(a, b uint64) (hi, lo uint64) {
	const m32 = 1<<32 - 1
	a0, a1 := a&m32, a>>32
	b0, b1 := b&m32, b>>32
	t := a1*b0 + (a0*b0)>>32
	u := t&m32 + a0*b1
	return a1*b1 + t>>32 + u>>32, a * b
}

func nlz64(x uint64) uint {
	if x == 0 {
		return 64
	}
	n := uint(0)
	for x&(1<<63) == 0 {
		x <<= 1
		n++
	}
	return n
}

func nlz128(hi, lo uint64) uint {
	if hi != 0 {
		return nlz64(hi)
	}
	return 64 + nlz64(lo)
}

func shl128(hi, lo uint64, n uint) (uint64, uint64) {
	switch {
	case n == 0:
		return hi, lo
	case n >= 64:
		return lo << (n - 64), 0
	}
	return hi<<n | lo>>(64-n), lo << n
}

func shr128(hi, lo uint64, n uint) (uint64, uint64) {
	switch {
	case n == 0:
		return hi, lo
	case n >= 128:
		return 0, 0
	case n >= 64:
		return 0, hi >> (n - 64)
	}
	return hi >> n, lo>>n | hi<<(64-n)
}

// shr128jam shifts right, keeping whether any bit was lost in bit 0 (enough for rounding far above it).
func shr128jam(hi, lo uint64, n uint) (uint64, uint64) {
	lost := lowBits128(hi, lo, n)
	h, l := shr128(hi, lo, n)
	if lost {
		l |= 1
	}
	return h, l
}

func sub128(ah, al, bh, bl uint64) (uint64, uint64) {
	l := al - bl
	h := ah - bh
	if al < bl {
		h--
	}
	return h, l
}

// bit128 reports bit i of hi:lo.
func bit128(hi, lo uint64, i uint) bool {
	if i >= 64 {
		return hi>>(i-64)&1 != 0
	}
	return lo>>i&1 != 0
}

// lowBits128 reports whether any of the n lowest bits of hi:lo is set.
func lowBits128(hi, lo uint64, n uint) bool {
	switch {
	case n == 0:
		return false
	case n >= 128:
		return hi|lo != 0
	case n > 64:
		return lo != 0 || hi<<(128-n) != 0
	case n == 64:
		return lo != 0
	}
	return lo<<(64-n) != 0
}
