package strconv

import "math"

// floatInfo describes an IEEE 754 binary format.
type floatInfo struct {
	mantbits uint
	expbits  uint
	bias     int
}

var float32info = floatInfo{23, 8, -127}
var float64info = floatInfo{52, 11, -1023}

// FormatFloat formats f (of bitSize 32 or 64) in format fmt ('b', 'e', 'E', 'f', 'g',
// 'G', 'x', 'X') with precision prec (-1: the fewest digits that parse back to f).
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return string(genericFtoa(make([]byte, 0, max(prec+4, 24)), f, fmt, prec, bitSize))
}

// AppendFloat appends FormatFloat(f, fmt, prec, bitSize) to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return genericFtoa(dst, f, fmt, prec, bitSize)
}

func genericFtoa(dst []byte, val float64, fmt byte, prec, bitSize int) []byte {
	var bits uint64
	var flt *floatInfo
	switch bitSize {
	case 32:
		bits = uint64(math.Float32bits(float32(val)))
		flt = &float32info
	case 64:
		bits = math.Float64bits(val)
		flt = &float64info
	default:
		panic("strconv: illegal AppendFloat/FormatFloat bitSize")
	}
	neg := bits>>(flt.expbits+flt.mantbits) != 0
	exp := int(bits>>flt.mantbits) & (1<<flt.expbits - 1)
	mant := bits & (uint64(1)<<flt.mantbits - 1)
	switch exp {
	case 1<<flt.expbits - 1:
		switch {
		case mant != 0:
			return append(dst, "NaN"...)
		case neg:
			return append(dst, "-Inf"...)
		}
		return append(dst, "+Inf"...)
	case 0:
		exp++ // subnormal
	default:
		mant |= uint64(1) << flt.mantbits
	}
	exp += flt.bias
	// val = mant × 2^(exp - mantbits)
	switch fmt {
	case 'b':
		return fmtB(dst, neg, mant, exp, flt)
	case 'x', 'X':
		return fmtX(dst, prec, fmt, neg, mant, exp, flt)
	}
	d := new(decimal)
	if sh := int(flt.mantbits) - exp; sh > 0 && sh < 64 && mant&(1<<uint(sh)-1) == 0 {
		d.assign(mant >> uint(sh)) // an integer: its digits are exact without a shift
	} else {
		d.assign(mant)
		d.shift(exp - int(flt.mantbits))
	}
	shortest := prec < 0
	if shortest {
		roundShortest(d, mant, exp, flt)
		switch fmt {
		case 'e', 'E':
			prec = max(d.nd-1, 0)
		case 'f':
			prec = max(d.nd-d.dp, 0)
		case 'g', 'G':
			prec = d.nd
		}
	} else {
		switch fmt {
		case 'e', 'E':
			d.round(prec + 1)
		case 'f':
			d.round(d.dp + prec)
		case 'g', 'G':
			if prec == 0 {
				prec = 1
			}
			d.round(prec)
		}
	}
	return formatDigits(dst, shortest, neg, d, prec, fmt)
}

// roundShortest rounds d (the exact value of mant × 2^(exp-mantbits)) to the fewest
// digits that still lie strictly between the neighbouring floats' midpoints (or on
// them, when mant is even: round-to-even parsing gives mant back), choosing among the
// shortest candidates the one nearest to d.
func roundShortest(d *decimal, mant uint64, exp int, flt *floatInfo) {
	if mant == 0 {
		d.nd = 0
		return
	}
	// An integer with few enough digits is already the shortest representation: the
	// spacing of floats here (2^(exp-mantbits)) exceeds the omitted powers of ten.
	minexp := flt.bias + 1
	if exp > minexp && 332*(d.dp-d.nd) >= 100*(exp-int(flt.mantbits)) {
		return
	}
	// upper and lower are the midpoints to the next float up and down.
	upper := new(decimal)
	upper.assign(mant*2 + 1)
	upper.shift(exp - int(flt.mantbits) - 1)
	var mantlo uint64
	var explo int
	if mant > 1<<flt.mantbits || exp == minexp {
		mantlo, explo = mant-1, exp
	} else {
		// mant is a power of two: the float below is half as far away.
		mantlo, explo = mant*2-1, exp-1
	}
	lower := new(decimal)
	lower.assign(mantlo*2 + 1)
	lower.shift(explo - int(flt.mantbits) - 1)
	inclusive := mant%2 == 0

	// Walk digit positions of upper (which has the most integer digits); at each, a
	// digit of d, lower and upper, '0' where a number has no digit there.
	upDelta := 0 // 0: upper and d agree so far; 1: differ by one unit followed by 9s vs 0s; 2: differ by more
	for ui := 0; ; ui++ {
		mi := ui - upper.dp + d.dp
		if mi >= d.nd {
			break
		}
		li := ui - upper.dp + lower.dp
		l := byte('0')
		if li >= 0 && li < lower.nd {
			l = lower.d[li]
		}
		m := byte('0')
		if mi >= 0 {
			m = d.d[mi]
		}
		u := byte('0')
		if ui < upper.nd {
			u = upper.d[ui]
		}
		// Truncating d here stays above lower if they differ at this digit, or if lower
		// ends here exactly and the bounds are inclusive.
		okDown := l != m || inclusive && li+1 == lower.nd
		switch {
		case upDelta == 0 && m+1 < u:
			upDelta = 2
		case upDelta == 0 && m != u:
			upDelta = 1
		case upDelta == 1 && (m != '9' || u != '0'):
			upDelta = 2
		}
		// Rounding d up here stays below upper when upper is at least two units above,
		// or is one unit above and has more digits (or is inclusive).
		okUp := upDelta > 0 && (inclusive || upDelta > 1 || ui+1 < upper.nd)
		switch {
		case okDown && okUp:
			d.round(mi + 1)
			return
		case okDown:
			d.roundDown(mi + 1)
			return
		case okUp:
			d.roundUp(mi + 1)
			return
		}
	}
}

func formatDigits(dst []byte, shortest bool, neg bool, d *decimal, prec int, fmt byte) []byte {
	switch fmt {
	case 'e', 'E':
		return fmtE(dst, neg, d, prec, fmt)
	case 'f':
		return fmtF(dst, neg, d, prec)
	case 'g', 'G':
		eprec := prec
		if eprec > d.nd && d.nd >= d.dp {
			eprec = d.nd
		}
		// %e when the exponent is below -4 or at least the precision (6 for shortest).
		if shortest {
			eprec = 6
		}
		exp := d.dp - 1
		if exp < -4 || exp >= eprec {
			if prec > d.nd {
				prec = d.nd
			}
			return fmtE(dst, neg, d, prec-1, fmt+'e'-'g')
		}
		if prec > d.dp {
			prec = d.nd
		}
		return fmtF(dst, neg, d, max(prec-d.dp, 0))
	}
	return append(dst, '%', fmt)
}

// fmtE: -d.ddddde±dd
func fmtE(dst []byte, neg bool, d *decimal, prec int, fmt byte) []byte {
	if neg {
		dst = append(dst, '-')
	}
	ch := byte('0')
	if d.nd != 0 {
		ch = d.d[0]
	}
	dst = append(dst, ch)
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			if i < d.nd {
				dst = append(dst, d.d[i])
			} else {
				dst = append(dst, '0')
			}
		}
	}
	dst = append(dst, fmt)
	exp := d.dp - 1
	if d.nd == 0 {
		exp = 0
	}
	if exp < 0 {
		dst = append(dst, '-')
		exp = -exp
	} else {
		dst = append(dst, '+')
	}
	switch {
	case exp < 10:
		dst = append(dst, '0', byte(exp)+'0')
	case exp < 100:
		dst = append(dst, byte(exp/10)+'0', byte(exp%10)+'0')
	default:
		dst = append(dst, byte(exp/100)+'0', byte(exp/10)%10+'0', byte(exp%10)+'0')
	}
	return dst
}

// fmtF: -ddddd.ddd
func fmtF(dst []byte, neg bool, d *decimal, prec int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	if d.dp > 0 {
		for i := 0; i < d.dp; i++ {
			if i < d.nd {
				dst = append(dst, d.d[i])
			} else {
				dst = append(dst, '0')
			}
		}
	} else {
		dst = append(dst, '0')
	}
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			ch := byte('0')
			if j := d.dp + i - 1; 0 <= j && j < d.nd {
				ch = d.d[j]
			}
			dst = append(dst, ch)
		}
	}
	return dst
}

// fmtB: -ddddp±ddd (the mantissa as an integer and a binary exponent)
func fmtB(dst []byte, neg bool, mant uint64, exp int, flt *floatInfo) []byte {
	if neg {
		dst = append(dst, '-')
	}
	dst = formatBits(dst, mant, 10, false)
	dst = append(dst, 'p')
	exp -= int(flt.mantbits)
	if exp >= 0 {
		dst = append(dst, '+')
	}
	return formatBits(dst, uint64(exp), 10, exp < 0)
}

// fmtX: -0x1.yyyyp±dd (hexadecimal mantissa rounded to prec digits, ties to even).
func fmtX(dst []byte, prec int, fmt byte, neg bool, mant uint64, exp int, flt *floatInfo) []byte {
	if mant == 0 {
		exp = 0
	}
	// Normalize mant to 1.60 fixed point: the leading 1 at bit 60.
	mant <<= 60 - flt.mantbits
	for mant != 0 && mant&(1<<60) == 0 {
		mant <<= 1
		exp--
	}
	// Round to prec hex digits.
	if prec >= 0 && prec < 15 {
		shift := uint(prec * 4)
		extra := (mant << shift) & (1<<60 - 1)
		mant >>= 60 - shift
		if extra|(mant&1) > 1<<59 {
			mant++
		}
		mant <<= 60 - shift
		if mant&(1<<61) != 0 {
			// Carried into the next binary place.
			mant >>= 1
			exp++
		}
	}
	hex := lowerhex
	if fmt == 'X' {
		hex = "0123456789ABCDEF"
	}
	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, '0', fmt, '0'+byte((mant>>60)&1))
	mant <<= 4 // drop the leading bit and bring the first fraction digit to bits 60..63
	if prec < 0 && mant != 0 {
		dst = append(dst, '.')
		for mant != 0 {
			dst = append(dst, hex[(mant>>60)&15])
			mant <<= 4
		}
	} else if prec > 0 {
		dst = append(dst, '.')
		for i := 0; i < prec; i++ {
			dst = append(dst, hex[(mant>>60)&15])
			mant <<= 4
		}
	}
	ch := byte('P')
	if fmt == lower(fmt) {
		ch = 'p'
	}
	dst = append(dst, ch)
	if exp < 0 {
		ch = '-'
		exp = -exp
	} else {
		ch = '+'
	}
	dst = append(dst, ch)
	switch {
	case exp < 100:
		dst = append(dst, byte(exp/10)+'0', byte(exp%10)+'0')
	case exp < 1000:
		dst = append(dst, byte(exp/100)+'0', byte((exp/10)%10)+'0', byte(exp%10)+'0')
	default:
		dst = append(dst, byte(exp/1000)+'0', byte(exp/100)%10+'0', byte((exp/10)%10)+'0', byte(exp%10)+'0')
	}
	return dst
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}
