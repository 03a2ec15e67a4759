package strconv

import "math"

// commonPrefixLenIgnoreCase is the length of the common prefix of s and the lower-case prefix.
func commonPrefixLenIgnoreCase(s, prefix string) int {
	n := len(prefix)
	if n > len(s) {
		n = len(s)
	}
	for i := 0; i < n; i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return i
		}
	}
	return n
}

// special parses a signed "inf"/"infinity" or an unsigned "nan" (any case) at the start of s.
func special(s string) (f float64, n int, ok bool) {
	if len(s) == 0 {
		return 0, 0, false
	}
	sign := 1
	nsign := 0
	c := s[0]
	if c == '+' || c == '-' {
		if c == '-' {
			sign = -1
		}
		nsign = 1
		s = s[1:]
		c = 'i'
	}
	switch c {
	case 'i', 'I':
		n := commonPrefixLenIgnoreCase(s, "infinity")
		if 3 < n && n < 8 {
			n = 3 // only "inf" is consumed unless all of "infinity" is there
		}
		if n == 3 || n == 8 {
			return math.Inf(sign), nsign + n, true
		}
	case 'n', 'N':
		if commonPrefixLenIgnoreCase(s, "nan") == 3 {
			return math.NaN(), 3, true
		}
	}
	return 0, 0, false
}

// floatText is what readFloat found besides decimal digits: the sign and, for a hex
// float, its value hexMant × 2^hexExp.
type floatText struct {
	neg      bool
	hex      bool
	hexMant  uint64
	hexExp   int  // binary exponent for hex
	hexTrunc bool // nonzero hex digits beyond hexMant's precision
}

// readFloat scans a decimal or hexadecimal floating-point number at the start of s
// (decimal digits into d, hex into ft), returning the bytes used and whether the
// syntax was right.
func readFloat(s string, d *decimal, ft *floatText) (n int, ok bool) {
	underscores := false
	i := 0
	if i >= len(s) {
		return 0, false
	}
	if s[i] == '+' {
		i++
	} else if s[i] == '-' {
		ft.neg = true
		i++
	}
	base := uint64(10)
	if i+2 < len(s) && s[i] == '0' && lower(s[i+1]) == 'x' {
		base = 16
		ft.hex = true
		i += 2
	}
	sawdot, sawdigits := false, false
	nd, dp := 0, 0
	d.nd, d.dp, d.trunc = 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			underscores = true
			continue
		case c == '.':
			if sawdot {
				goto done
			}
			sawdot = true
			dp = nd
			continue
		case '0' <= c && c <= '9' || base == 16 && 'a' <= lower(c) && lower(c) <= 'f':
			sawdigits = true
			if base == 16 {
				var v uint64
				if c <= '9' {
					v = uint64(c - '0')
				} else {
					v = uint64(lower(c) - 'a' + 10)
				}
				if c == '0' && nd == 0 {
					dp--
					continue
				}
				nd++
				if nd <= 16 {
					ft.hexMant = ft.hexMant*16 + v
				} else if v != 0 {
					ft.hexTrunc = true
				}
				continue
			}
			if c == '0' && d.nd == 0 {
				dp-- // leading zeros move the point
				continue
			}
			nd++
			if d.nd < maxDigits {
				d.d[d.nd] = c
				d.nd++
			} else if c != '0' {
				d.trunc = true
			}
			continue
		}
		break
	}
done:
	if !sawdigits {
		return i, false
	}
	if !sawdot {
		dp = nd
	}
	if base == 16 {
		// The value is hexMant × 16^(dp - digits kept), times 2^(the p exponent).
		kept := nd
		if kept > 16 {
			kept = 16
		}
		ft.hexExp = 4 * (dp - kept)
	}
	// Exponent.
	if i < len(s) && lower(s[i]) == 'e' && base == 10 || i < len(s) && lower(s[i]) == 'p' && base == 16 {
		i++
		if i >= len(s) {
			return i, false
		}
		esign := 1
		if s[i] == '+' {
			i++
		} else if s[i] == '-' {
			i++
			esign = -1
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return i, false
		}
		e := 0
		for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
			if s[i] == '_' {
				underscores = true
				continue
			}
			if e < 10000 {
				e = e*10 + int(s[i]) - '0'
			}
		}
		if base == 16 {
			ft.hexExp += e * esign
		} else {
			dp += e * esign
		}
	} else if base == 16 {
		return i, false // a hex float needs its p exponent
	}
	if base == 10 {
		d.dp = dp
		d.trim()
	}
	if underscores && !underscoreOK(s[:i]) {
		return i, false
	}
	return i, true
}

// floatBits rounds d to the nearest float of format flt (ties to even); overflow gives
// ±Inf and ovf.
func (d *decimal) floatBits(flt *floatInfo) (b uint64, ovf bool) {
	var exp int
	var mant uint64
	if d.nd == 0 {
		exp = flt.bias
		goto out
	}
	if d.dp > 310 {
		goto overflow
	}
	if d.dp < -330 {
		mant, exp = 0, flt.bias
		goto out
	}
	// Scale d into [0.5, 1) by powers of two, exp counting them.
	exp = 0
	for d.dp > 0 {
		n := 27
		if d.dp < len(powtab) {
			n = powtab[d.dp]
		}
		d.shift(-n)
		exp += n
	}
	for d.dp < 0 || d.dp == 0 && d.d[0] < '5' {
		n := 27
		if -d.dp < len(powtab) {
			n = powtab[-d.dp]
		}
		d.shift(n)
		exp -= n
	}
	// [0.5, 1) → [1, 2)
	exp--
	// Below the smallest normal exponent the value is subnormal: fewer mantissa bits.
	if exp < flt.bias+1 {
		n := flt.bias + 1 - exp
		d.shift(-n)
		exp += n
	}
	if exp-flt.bias >= 1<<flt.expbits-1 {
		goto overflow
	}
	d.shift(int(1 + flt.mantbits))
	mant = d.roundedInteger()
	if mant == 2<<flt.mantbits {
		// Rounding carried into a new bit.
		mant >>= 1
		exp++
		if exp-flt.bias >= 1<<flt.expbits-1 {
			goto overflow
		}
	}
	if mant&(1<<flt.mantbits) == 0 {
		exp = flt.bias // subnormal
	}
	goto out
overflow:
	mant = 0
	exp = 1<<flt.expbits - 1 + flt.bias
	ovf = true
out:
	b = mant & (uint64(1)<<flt.mantbits - 1)
	b |= uint64((exp-flt.bias)&(1<<flt.expbits-1)) << flt.mantbits
	if d.neg {
		b |= 1 << flt.mantbits << flt.expbits
	}
	return b, ovf
}

// powtab[n] is the largest k with 2^k <= 10^n: a shift by it brings d toward [0.5, 1) without overshooting.
var powtab = []int{1, 3, 6, 9, 13, 16, 19, 23, 26}

// hexBits rounds mant × 2^exp to the format flt (ties to even; trunc: nonzero bits
// below mant were dropped); overflow gives ±Inf and ovf.
func hexBits(mant uint64, exp int, neg, trunc bool, flt *floatInfo) (b uint64, ovf bool) {
	mb := flt.mantbits
	e := flt.bias // biased exponent field 0 for zero and subnormals
	if mant != 0 {
		if trunc {
			mant |= 1 // sticky
		}
		// Normalize: top bit at mb+2 (two bits below the mantissa for rounding).
		for mant>>(mb+2) == 0 {
			mant <<= 1
			exp--
		}
		for mant>>(mb+3) != 0 {
			mant = mant>>1 | mant&1
			exp++
		}
		e = exp + int(mb) + 2 // value is 1.f × 2^e
		minExp := flt.bias + 1
		for e < minExp && mant != 0 {
			mant = mant>>1 | mant&1
			e++
		}
		low := mant & 3
		mant >>= 2
		if low == 3 || low == 2 && mant&1 == 1 {
			mant++
			if mant == 1<<(mb+1) {
				mant >>= 1
				e++
			}
		}
		if mant>>mb == 0 {
			e = flt.bias
		}
		if e > flt.bias+(1<<flt.expbits)-2 {
			mant = 0
			e = flt.bias + (1 << flt.expbits) - 1
			ovf = true
		}
	}
	b = mant & (1<<mb - 1)
	b |= uint64((e-flt.bias)&(1<<flt.expbits-1)) << mb
	if neg {
		b |= 1 << mb << flt.expbits
	}
	return b, ovf
}

// parseFloatPrefix parses the longest floating-point prefix of s.
func parseFloatPrefix(s string, bitSize int) (float64, int, error) {
	const fnParseFloat = "ParseFloat"
	if val, n, ok := special(s); ok {
		return val, n, nil
	}
	d := new(decimal)
	var ft floatText
	n, ok := readFloat(s, d, &ft)
	if !ok {
		return 0, n, syntaxError(fnParseFloat, s)
	}
	d.neg = ft.neg
	flt := &float64info
	if bitSize == 32 {
		flt = &float32info
	}
	var b uint64
	var ovf bool
	if ft.hex {
		b, ovf = hexBits(ft.hexMant, ft.hexExp, ft.neg, ft.hexTrunc, flt)
	} else {
		b, ovf = d.floatBits(flt)
	}
	var f float64
	if bitSize == 32 {
		f = float64(math.Float32frombits(uint32(b)))
	} else {
		f = math.Float64frombits(b)
	}
	if ovf {
		return f, n, rangeError(fnParseFloat, s)
	}
	return f, n, nil
}

// ParseFloat converts s to the nearest float64 (bitSize 64) or float32 (bitSize 32,
// returned as a float64). Out-of-range values give ±Inf and a *NumError with ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	f, n, err := parseFloatPrefix(s, bitSize)
	if n != len(s) && (err == nil || err.(*NumError).Err != ErrSyntax) {
		return 0, syntaxError("ParseFloat", s)
	}
	return f, err
}
