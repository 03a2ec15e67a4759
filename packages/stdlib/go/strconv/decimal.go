package strconv

// decimal is an exact decimal number 0.d[0]d[1]...d[nd-1] × 10^dp (digits as ASCII),
// used to convert between binary floating point and decimal without rounding error.
// When a right shift needs more than maxDigits digits the rest is dropped and trunc
// records that the value is slightly larger than the digits say.
type decimal struct {
	d     [maxDigits]byte
	nd    int  // number of digits used
	dp    int  // decimal point position
	neg   bool // negative
	trunc bool // nonzero digits were dropped
}

// maxDigits holds every digit of a float64's exact value (2^-1074 has 751 significant digits).
const maxDigits = 800

// maxShift bits are shifted per step: a digit (<= 9) times 2^maxShift plus a carry fits in uint64.
const maxShift = 59

// assign sets a to the integer v.
func (a *decimal) assign(v uint64) {
	var buf [24]byte
	n := 0
	for v > 0 {
		buf[n] = byte('0' + v%10)
		v /= 10
		n++
	}
	a.nd = 0
	for n--; n >= 0; n-- {
		a.d[a.nd] = buf[n]
		a.nd++
	}
	a.dp = a.nd
	a.trim()
}

// trim drops trailing zeros (the value is unchanged); zero has dp 0.
func (a *decimal) trim() {
	for a.nd > 0 && a.d[a.nd-1] == '0' {
		a.nd--
	}
	if a.nd == 0 {
		a.dp = 0
	}
}

// shift multiplies a by 2^k (k may be negative).
func (a *decimal) shift(k int) {
	if a.nd == 0 {
		return
	}
	for k > 0 {
		s := k
		if s > maxShift {
			s = maxShift
		}
		a.mul2(uint(s))
		k -= s
	}
	for k < 0 {
		s := -k
		if s > maxShift {
			s = maxShift
		}
		a.div2(uint(s))
		k += s
	}
}

// mul2 multiplies a by 2^s, from the least significant digit up.
func (a *decimal) mul2(s uint) {
	// Count the digits of the product first so they can be written right to left in place.
	var carry uint64
	for i := a.nd - 1; i >= 0; i-- {
		carry = (uint64(a.d[i]-'0')<<s + carry) / 10
	}
	extra := 0
	for c := carry; c > 0; c /= 10 {
		extra++
	}
	w := a.nd + extra - 1 // index of the lowest digit written
	carry = 0
	for i := a.nd - 1; i >= 0; i-- {
		n := uint64(a.d[i]-'0')<<s + carry
		carry = n / 10
		if w < maxDigits {
			a.d[w] = byte('0' + n%10)
		} else if n%10 != 0 {
			a.trunc = true
		}
		w--
	}
	for carry > 0 {
		if w < maxDigits {
			a.d[w] = byte('0' + carry%10)
		} else if carry%10 != 0 {
			a.trunc = true
		}
		carry /= 10
		w--
	}
	a.nd += extra
	if a.nd > maxDigits {
		a.nd = maxDigits
	}
	a.dp += extra
	a.trim()
}

// div2 divides a by 2^s by long division from the most significant digit.
func (a *decimal) div2(s uint) {
	mask := uint64(1)<<s - 1
	r := 0 // digits read
	var n uint64
	// Read digits until the quotient's first digit is nonzero.
	for ; n>>s == 0; r++ {
		if r >= a.nd {
			if n == 0 {
				a.nd = 0
				a.dp = 0
				return
			}
			for n>>s == 0 {
				n *= 10
				r++
			}
			break
		}
		n = n*10 + uint64(a.d[r]-'0')
	}
	a.dp -= r - 1
	w := 0
	for ; r < a.nd; r++ {
		c := uint64(a.d[r] - '0')
		a.d[w] = byte('0' + n>>s)
		w++
		n = (n&mask)*10 + c
	}
	// The rest of the quotient: the remainder's digits.
	for n > 0 {
		if w < maxDigits {
			a.d[w] = byte('0' + n>>s)
			w++
		} else if n>>s != 0 {
			a.trunc = true
		}
		n = (n & mask) * 10
	}
	a.nd = w
	a.trim()
}

// shouldRoundUp reports whether rounding a to nd digits goes up: above half, or
// exactly half and the kept last digit is odd (ties to even; a truncated tail is above half).
func (a *decimal) shouldRoundUp(nd int) bool {
	if nd < 0 || nd >= a.nd {
		return false
	}
	if a.d[nd] == '5' && nd+1 == a.nd {
		if a.trunc {
			return true
		}
		return nd > 0 && (a.d[nd-1]-'0')%2 == 1
	}
	return a.d[nd] >= '5'
}

// round rounds a to nd digits (nearest, ties to even); nothing happens for nd < 0 or nd >= a.nd.
func (a *decimal) round(nd int) {
	if nd < 0 || nd >= a.nd {
		return
	}
	if a.shouldRoundUp(nd) {
		a.roundUp(nd)
	} else {
		a.roundDown(nd)
	}
}

func (a *decimal) roundDown(nd int) {
	if nd < 0 || nd >= a.nd {
		return
	}
	a.nd = nd
	a.trim()
}

func (a *decimal) roundUp(nd int) {
	if nd < 0 || nd >= a.nd {
		return
	}
	for i := nd - 1; i >= 0; i-- {
		if a.d[i] < '9' {
			a.d[i]++
			a.nd = i + 1
			return
		}
	}
	// All nines: the value becomes 1 followed by zeros.
	a.d[0] = '1'
	a.nd = 1
	a.dp++
}

// roundedInteger is a rounded to the nearest integer (ties to even), saturating at 2^64-1.
func (a *decimal) roundedInteger() uint64 {
	if a.dp > 20 {
		return 0xFFFFFFFFFFFFFFFF
	}
	var n uint64
	i := 0
	for ; i < a.dp && i < a.nd; i++ {
		n = n*10 + uint64(a.d[i]-'0')
	}
	for ; i < a.dp; i++ {
		n *= 10
	}
	if a.shouldRoundUp(a.dp) {
		n++
	}
	return n
}
