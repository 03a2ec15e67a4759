// Package math/bits on edge values and pseudo-random words, against go1.19's results.
package main

import "math/bits"

var seed uint64 = 0x853C49E6748FEA9B

func next() uint64 {
	seed ^= seed >> 12
	seed ^= seed << 25
	seed ^= seed >> 27
	return seed * 2685821657736338717
}

func main() {
	xs := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0x8000, 0xffff, 1 << 31, 1<<32 - 1, 1 << 32, 1 << 63, 1<<64 - 1, 0x0123456789abcdef}
	for i := 0; i < 40; i++ {
		xs = append(xs, next()>>(next()%64))
	}
	for _, x := range xs {
		println("len", x, bits.Len(uint(x)), bits.Len8(uint8(x)), bits.Len16(uint16(x)), bits.Len32(uint32(x)), bits.Len64(x))
		println("lz", bits.LeadingZeros(uint(x)), bits.LeadingZeros8(uint8(x)), bits.LeadingZeros16(uint16(x)), bits.LeadingZeros32(uint32(x)), bits.LeadingZeros64(x))
		println("tz", bits.TrailingZeros(uint(x)), bits.TrailingZeros8(uint8(x)), bits.TrailingZeros16(uint16(x)), bits.TrailingZeros32(uint32(x)), bits.TrailingZeros64(x))
		println("ones", bits.OnesCount(uint(x)), bits.OnesCount8(uint8(x)), bits.OnesCount16(uint16(x)), bits.OnesCount32(uint32(x)), bits.OnesCount64(x))
		k := int(next()%200) - 100
		println("rot", k, bits.RotateLeft(uint(x), k), bits.RotateLeft8(uint8(x), k), bits.RotateLeft16(uint16(x), k), bits.RotateLeft32(uint32(x), k), bits.RotateLeft64(x, k))
		println("rev", bits.Reverse(uint(x)), bits.Reverse8(uint8(x)), bits.Reverse16(uint16(x)), bits.Reverse32(uint32(x)), bits.Reverse64(x))
		println("revb", bits.ReverseBytes(uint(x)), bits.ReverseBytes16(uint16(x)), bits.ReverseBytes32(uint32(x)), bits.ReverseBytes64(x))
	}
	for i, x := range xs {
		y := xs[(i*7+3)%len(xs)]
		c := uint64(i & 1)
		s, co := bits.Add64(x, y, c)
		d, bo := bits.Sub64(x, y, c)
		s32, co32 := bits.Add32(uint32(x), uint32(y), uint32(c))
		d32, bo32 := bits.Sub32(uint32(x), uint32(y), uint32(c))
		hi, lo := bits.Mul64(x, y)
		h32, l32 := bits.Mul32(uint32(x), uint32(y))
		println("arith", x, y, s, co, d, bo, s32, co32, d32, bo32, hi, lo, h32, l32)
		if y != 0 {
			q, r := bits.Div64(x%y, next(), y)
			println("div", q, r, bits.Rem64(x, y, y), bits.Rem32(uint32(x), uint32(y), uint32(y)|1))
			if uint32(y) != 0 {
				q32, r32 := bits.Div32(uint32(x)%uint32(y), uint32(next()), uint32(y))
				println("div32", q32, r32)
			}
		}
	}
	defer func() {
		e := recover().(error)
		println(e.Error())
		defer func() { println(recover().(error).Error()) }()
		bits.Div64(0, 1, 0)
	}()
	bits.Div64(5, 0, 5)
}
