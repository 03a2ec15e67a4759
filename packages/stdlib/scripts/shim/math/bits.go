// Package math (difftest shim, used when go/math is absent): the few functions strconv
// needs, computed with float arithmetic instead of unsafe.
package math

func Inf(sign int) float64 {
	x := 1e308
	x *= 10
	if sign < 0 {
		return -x
	}
	return x
}

func NaN() float64 {
	z := 0.0
	return z / z
}

func Float64bits(f float64) uint64 {
	if f != f {
		return 0x7FF8000000000001
	}
	var sign uint64
	if f < 0 || f == 0 && 1/f < 0 {
		sign = 1 << 63
		f = -f
	}
	if f == 0 {
		return sign
	}
	if f > 1.7976931348623157e308 {
		return sign | 0x7FF<<52
	}
	e := 0
	for f >= 2 {
		f /= 2
		e++
	}
	for f < 1 && e > -1022 {
		f *= 2
		e--
	}
	if f < 1 {
		// subnormal: f × 2^-1022 with f < 1
		return sign | uint64(f*(1<<52))
	}
	return sign | uint64(e+1023)<<52 | (uint64(f*(1<<52)) - 1<<52)
}

func Float64frombits(b uint64) float64 {
	sign := b>>63 != 0
	e := int(b>>52) & 0x7FF
	m := b & (1<<52 - 1)
	var f float64
	switch e {
	case 0x7FF:
		if m != 0 {
			return NaN()
		}
		f = Inf(1)
	case 0:
		f = float64(m)
		for i := 0; i < 1074; i++ {
			f /= 2
		}
	default:
		f = float64(m|1<<52) / (1 << 52)
		for ; e > 1023; e-- {
			f *= 2
		}
		for ; e < 1023; e++ {
			f /= 2
		}
	}
	if sign {
		f = -f
	}
	return f
}

func Float32bits(f float32) uint32 {
	b := Float64bits(float64(f))
	sign := uint32(b>>63) << 31
	e := int(b>>52) & 0x7FF
	m := b & (1<<52 - 1)
	switch {
	case e == 0x7FF:
		if m != 0 {
			return sign | 0x7FC00001
		}
		return sign | 0xFF<<23
	case e == 0 && m == 0:
		return sign
	}
	e -= 1023
	if e < -126 {
		// subnormal float32: (1.m) × 2^e = k × 2^-149
		full := m | 1<<52
		return sign | uint32(full>>uint(52-149-e))
	}
	return sign | uint32(e+127)<<23 | uint32(m>>29)
}

func Float32frombits(b uint32) float32 {
	sign := b>>31 != 0
	e := int(b>>23) & 0xFF
	m := uint64(b & (1<<23 - 1))
	var f float64
	switch e {
	case 0xFF:
		if m != 0 {
			return float32(NaN())
		}
		f = Inf(1)
	case 0:
		f = float64(m)
		for i := 0; i < 149; i++ {
			f /= 2
		}
	default:
		f = Float64frombits(uint64(e-127+1023)<<52 | m<<29)
	}
	if sign {
		f = -f
	}
	return float32(f)
}
