package bits

// ---- full-width arithmetic: sums and differences with carry/borrow in and out (0 or 1), 128-bit products and
// 128-by-64 quotients

func Add(x, y, carry uint) (sum, carryOut uint) {
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}
func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	s := uint64(x) + uint64(y) + uint64(carry)
	return uint32(s), uint32(s >> 32)
}
func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	// a carry out of the top bit: both tops set, or either set and the sum's clear
	carryOut = (x&y | (x|y)&^sum) >> 63
	return
}

func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}
func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	d := uint64(x) - uint64(y) - uint64(borrow)
	return uint32(d), uint32(d>>32) & 1
}
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	borrowOut = (^x&y | ^(x^y)&diff) >> 63
	return
}

func Mul(x, y uint) (hi, lo uint) {
	h, l := Mul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}
func Mul32(x, y uint32) (hi, lo uint32) {
	p := uint64(x) * uint64(y)
	return uint32(p >> 32), uint32(p)
}

// Mul64 multiplies by 32-bit halves (schoolbook).
func Mul64(x, y uint64) (hi, lo uint64) {
	const m32 = 1<<32 - 1
	x0, x1 := x&m32, x>>32
	y0, y1 := y&m32, y>>32
	mid := x1*y0 + (x0*y0)>>32
	mid2 := mid&m32 + x0*y1
	return x1*y1 + mid>>32 + mid2>>32, x * y
}

func Div(hi, lo, y uint) (quo, rem uint) {
	q, r := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}
func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y != 0 && y <= hi {
		panic(overflowError)
	}
	z := uint64(hi)<<32 | uint64(lo)
	return uint32(z / uint64(y)), uint32(z % uint64(y))
}

// Div64 divides hi:lo by y (hi < y, so the quotient fits): y is normalized so its top bit is set, and the
// quotient found in two 32-bit digits, each estimated from the top words and corrected (Knuth's algorithm D).
func Div64(hi, lo, y uint64) (quo, rem uint64) {
	if y == 0 {
		return hi / y, 0 // the runtime's integer divide by zero panic
	}
	if y <= hi {
		panic(overflowError)
	}
	const two32 = 1 << 32
	const m32 = two32 - 1
	s := uint(LeadingZeros64(y))
	y <<= s
	yn1, yn0 := y>>32, y&m32
	un32 := hi<<s | lo>>(64-s)
	if s == 0 {
		un32 = hi
	}
	un10 := lo << s
	un1, un0 := un10>>32, un10&m32
	q1 := un32 / yn1
	rhat := un32 - q1*yn1
	for q1 >= two32 || q1*yn0 > two32*rhat+un1 {
		q1--
		rhat += yn1
		if rhat >= two32 {
			break
		}
	}
	un21 := un32*two32 + un1 - q1*y
	q0 := un21 / yn1
	rhat = un21 - q0*yn1
	for q0 >= two32 || q0*yn0 > two32*rhat+un0 {
		q0--
		rhat += yn1
		if rhat >= two32 {
			break
		}
	}
	return q1*two32 + q0, (un21*two32 + un0 - q0*y) >> s
}

func Rem(hi, lo, y uint) uint { return uint(Rem64(uint64(hi), uint64(lo), uint64(y))) }
func Rem32(hi, lo, y uint32) uint32 {
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

// Rem64 is the remainder of hi:lo divided by y, whatever hi is (hi is reduced first, so no overflow).
func Rem64(hi, lo, y uint64) uint64 {
	_, rem := Div64(hi%y, lo, y)
	return rem
}

// overflowError is the panic of a quotient that does not fit (Go's runtime.overflowError).
var overflowError error = runtimeError("integer overflow")

// runtimeError is a runtime.Error with Go's message ("runtime error: " + text).
type runtimeError string

func (e runtimeError) Error() string { return "runtime error: " + string(e) }
func (e runtimeError) RuntimeError() {}
