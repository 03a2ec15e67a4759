package math

// Sin, Cos and Tan (Cephes' method): x is reduced to z in [-π/4, π/4] and an octant j, by x - y×π/4 with π/4
// in three parts (Cody-Waite) below 2**29, by a multiplication with the bits of 4/π (Payne-Hanek) above; then
// a degree-13 polynomial for sin or cos of z, or a rational function for tan.

// The three parts of π/4 (the first two with trailing zero bits, so y×part is exact for the y used).
const (
	pi4A = 7.85398125648498535156e-1  // 0x3fe921fb40000000
	pi4B = 3.77489470793079817668e-8  // 0x3e64442d00000000
	pi4C = 2.69515142907905952645e-15 // 0x3ce8469898cc5170
)

// reduceThreshold: from here y×pi4A would not be exact, and trigReduce reduces.
const reduceThreshold = 1 << 29

var sinCoef = [6]float64{
	1.58962301576546568060e-10,
	-2.50507477628578072866e-8,
	2.75573136213857245213e-6,
	-1.98412698295895385996e-4,
	8.33333333332211858878e-3,
	-1.66666666666666307295e-1,
}

var cosCoef = [6]float64{
	-1.13585365213876817300e-11,
	2.08757008419747316778e-9,
	-2.75573141792967388112e-7,
	2.48015872888517045348e-5,
	-1.38888888888730564116e-3,
	4.16666666666665929218e-2,
}

// octant reduces x >= 0: z = x - j×π/4 with j even (odd octants are moved up by one).
func octant(x float64) (j uint64, z float64) {
	if x >= reduceThreshold {
		return trigReduce(x)
	}
	j = uint64(x * (4 / Pi))
	y := float64(j)
	if j&1 == 1 {
		j++
		y++
	}
	return j, ((x - y*pi4A) - y*pi4B) - y*pi4C
}

func sinPoly(z, zz float64) float64 {
	return z + z*zz*((((((sinCoef[0]*zz)+sinCoef[1])*zz+sinCoef[2])*zz+sinCoef[3])*zz+sinCoef[4])*zz+sinCoef[5])
}

func cosPoly(zz float64) float64 {
	return 1.0 - 0.5*zz + zz*zz*((((((cosCoef[0]*zz)+cosCoef[1])*zz+cosCoef[2])*zz+cosCoef[3])*zz+cosCoef[4])*zz+cosCoef[5])
}

// Sin is the sine of x radians (Sin(±0) = ±0; Inf and NaN give NaN).
func Sin(x float64) float64 {
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	neg := x < 0
	j, z := octant(Abs(x))
	j &= 7
	if j > 3 {
		neg = !neg
		j -= 4
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = cosPoly(zz)
	} else {
		y = sinPoly(z, zz)
	}
	if neg {
		return -y
	}
	return y
}

// Cos is the cosine of x radians.
func Cos(x float64) float64 {
	if IsNaN(x) || IsInf(x, 0) {
		return NaN()
	}
	neg := false
	j, z := octant(Abs(x))
	j &= 7
	if j > 3 {
		j -= 4
		neg = !neg
	}
	if j > 1 {
		neg = !neg
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = sinPoly(z, zz)
	} else {
		y = cosPoly(zz)
	}
	if neg {
		return -y
	}
	return y
}

var tanP = [3]float64{
	-1.30936939181383777646e4,
	1.15351664838587416140e6,
	-1.79565251976484877988e7,
}

var tanQ = [5]float64{
	1.00000000000000000000e0,
	1.36812963470692954678e4,
	-1.32089234440210967447e6,
	2.50083801823357915839e7,
	-5.38695755929454629881e7,
}

// Tan is the tangent of x radians.
func Tan(x float64) float64 {
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	neg := x < 0
	j, z := octant(Abs(x))
	zz := z * z
	y := z
	if zz > 1e-14 {
		y = z + z*(zz*(((tanP[0]*zz)+tanP[1])*zz+tanP[2])/((((zz+tanQ[1])*zz+tanQ[2])*zz+tanQ[3])*zz+tanQ[4]))
	}
	if j&2 == 2 {
		y = -1 / y
	}
	if neg {
		return -y
	}
	return y
}

// invPi4Bits is 4/π in binary: the integer part in the first word, then 19 words of fraction bits.
var invPi4Bits = [20]uint64{
	0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083, 0xfca2c757bd778ac3,
	0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d, 0xd1046bea5d768909, 0xd338e04d68befc82,
	0x7323ac7306a673e9, 0x3908bf177bf25076, 0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e,
	0x9e8c7ecd3cbfd45a, 0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757,
}

// trigReduce (Payne-Hanek) for x >= 2**29: the 53-bit mantissa times the 192 bits of 4/π that matter for its
// exponent gives x×4/π mod 8 exactly enough: the octant in the top 3 bits, the fraction in the rest.
func trigReduce(x float64) (j uint64, z float64) {
	const pi4 = Pi / 4
	if x < pi4 {
		return 0, x
	}
	m := Float64bits(x)
	exp := int(m>>shift&mask) - bias - shift
	m = m&fracMask | 1<<shift
	digit, bitshift := uint(exp+61)/64, uint(exp+61)%64
	w0 := invPi4Bits[digit]<<bitshift | invPi4Bits[digit+1]>>(64-bitshift)
	w1 := invPi4Bits[digit+1]<<bitshift | invPi4Bits[digit+2]>>(64-bitshift)
	w2 := invPi4Bits[digit+2]<<bitshift | invPi4Bits[digit+3]>>(64-bitshift)
	w2hi, _ := mul64(w2, m)
	w1hi, w1lo := mul64(w1, m)
	lo := w1lo + w2hi
	hi := w0*m + w1hi
	if lo < w1lo {
		hi++
	}
	j = hi >> 61
	hi = hi<<3 | lo>>61
	lz := nlz64(hi)
	e := uint64(bias - (lz + 1))
	hi = (hi << (lz + 1)) | (lo >> (64 - (lz + 1)))
	hi >>= 64 - shift
	hi |= e << shift
	z = Float64frombits(hi)
	if j&1 == 1 {
		j++
		j &= 7
		z--
	}
	return j, z * pi4
}
