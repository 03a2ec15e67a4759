package main

import (
	"math"
	"strconv"
)

// x is a 64-bit LCG: the same pseudo-random inputs under Go and gosim.
var x uint64 = 88172645463325252

func next() uint64 {
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	return x
}

func main() {
	var h uint32
	mix := func(s string) {
		for i := 0; i < len(s); i++ {
			h = h*16777619 ^ uint32(s[i])
		}
	}
	for i := 0; i < 100; i++ {
		b := next()
		var f float64
		switch i % 4 {
		case 0:
			f = math.Float64frombits(b)
		case 1:
			f = float64(math.Float32frombits(uint32(b)))
		case 2:
			f = float64(int64(b>>20)) / float64(uint64(1)<<(b%50))
		default:
			f = float64(b%100000) / 1000
		}
		for _, c := range []byte{'g', 'e', 'f'} {
			for _, p := range []int{-1, 0, 3, 17} {
				if c == 'f' && (f > 1e30 || f < -1e30) {
					continue
				}
				s := strconv.FormatFloat(f, c, p, 64)
				mix(s)
				if i < 8 && p == -1 {
					println(s)
				}
			}
		}
		s32 := strconv.FormatFloat(f, 'g', -1, 32)
		mix(s32)
		g, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', -1, 64), 64)
		if err == nil && g != f && f == f {
			println("round trip failed", f)
		}
		g32, _ := strconv.ParseFloat(s32, 32)
		mix(strconv.FormatUint(math.Float64bits(g32), 16))
		mix(strconv.FormatInt(int64(b), 36))
		mix(strconv.Quote(string(rune(b % 0x11000))))
	}
	println(h)
}
