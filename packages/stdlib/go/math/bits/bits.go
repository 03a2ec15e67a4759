// Package bits: Go 1.19's math/bits for gosim (counting, rotating and reversing bits; full-width arithmetic).
package bits

// UintSize is the size of a uint in bits.
const UintSize = 64

// ---- lengths and leading zeros: Len is the number of bits needed for x (0 for 0)

// len8 is the bit length of each byte value.
var len8 = func() (t [256]uint8) {
	for i := 1; i < 256; i++ {
		t[i] = t[i/2] + 1
	}
	return
}()

func Len(x uint) int     { return Len64(uint64(x)) }
func Len8(x uint8) int   { return int(len8[x]) }
func Len16(x uint16) int { return Len64(uint64(x)) }
func Len32(x uint32) int { return Len64(uint64(x)) }
func Len64(x uint64) (n int) {
	if x >= 1<<32 {
		x >>= 32
		n = 32
	}
	if x >= 1<<16 {
		x >>= 16
		n += 16
	}
	if x >= 1<<8 {
		x >>= 8
		n += 8
	}
	return n + int(len8[x])
}

func LeadingZeros(x uint) int     { return 64 - Len(x) }
func LeadingZeros8(x uint8) int   { return 8 - Len8(x) }
func LeadingZeros16(x uint16) int { return 16 - Len16(x) }
func LeadingZeros32(x uint32) int { return 32 - Len32(x) }
func LeadingZeros64(x uint64) int { return 64 - Len64(x) }

// ---- trailing zeros: the lowest set bit isolated (x & -x) is a power of two; a de Bruijn sequence times it
// has a distinct top 6 bits for each of the 64 powers

const deBruijn64 = 0x03f79d71b4ca8b09

var deBruijnIndex = func() (t [64]uint8) {
	for i := uint(0); i < 64; i++ {
		t[uint64(deBruijn64)<<i>>58] = uint8(i)
	}
	return
}()

func TrailingZeros(x uint) int { return TrailingZeros64(uint64(x)) }
func TrailingZeros8(x uint8) int {
	if x == 0 {
		return 8
	}
	return TrailingZeros64(uint64(x))
}
func TrailingZeros16(x uint16) int {
	if x == 0 {
		return 16
	}
	return TrailingZeros64(uint64(x))
}
func TrailingZeros32(x uint32) int {
	if x == 0 {
		return 32
	}
	return TrailingZeros64(uint64(x))
}
func TrailingZeros64(x uint64) int {
	if x == 0 {
		return 64
	}
	return int(deBruijnIndex[(x&-x)*deBruijn64>>58])
}

// ---- population count (bits summed in pairs, nibbles, bytes, then all bytes by one multiplication)

func OnesCount(x uint) int     { return OnesCount64(uint64(x)) }
func OnesCount8(x uint8) int   { return OnesCount64(uint64(x)) }
func OnesCount16(x uint16) int { return OnesCount64(uint64(x)) }
func OnesCount32(x uint32) int { return OnesCount64(uint64(x)) }
func OnesCount64(x uint64) int {
	x = x - (x>>1)&0x5555555555555555
	x = x&0x3333333333333333 + (x>>2)&0x3333333333333333
	x = (x + x>>4) & 0x0f0f0f0f0f0f0f0f
	return int((x * 0x0101010101010101) >> 56)
}

// ---- rotation: by k mod the width, to the left (k < 0: to the right)

func RotateLeft(x uint, k int) uint { return uint(RotateLeft64(uint64(x), k)) }
func RotateLeft8(x uint8, k int) uint8 {
	s := uint(k) & 7
	return x<<s | x>>(8-s)
}
func RotateLeft16(x uint16, k int) uint16 {
	s := uint(k) & 15
	return x<<s | x>>(16-s)
}
func RotateLeft32(x uint32, k int) uint32 {
	s := uint(k) & 31
	return x<<s | x>>(32-s)
}
func RotateLeft64(x uint64, k int) uint64 {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

// ---- reversal: of the bits (swapping ever larger groups), and of the bytes

func Reverse(x uint) uint { return uint(Reverse64(uint64(x))) }
func Reverse8(x uint8) uint8 {
	return uint8(Reverse64(uint64(x)) >> 56)
}
func Reverse16(x uint16) uint16 {
	return uint16(Reverse64(uint64(x)) >> 48)
}
func Reverse32(x uint32) uint32 {
	return uint32(Reverse64(uint64(x)) >> 32)
}
func Reverse64(x uint64) uint64 {
	x = x>>1&0x5555555555555555 | x&0x5555555555555555<<1
	x = x>>2&0x3333333333333333 | x&0x3333333333333333<<2
	x = x>>4&0x0f0f0f0f0f0f0f0f | x&0x0f0f0f0f0f0f0f0f<<4
	return ReverseBytes64(x)
}

func ReverseBytes(x uint) uint { return uint(ReverseBytes64(uint64(x))) }
func ReverseBytes16(x uint16) uint16 {
	return x>>8 | x<<8
}
func ReverseBytes32(x uint32) uint32 {
	return uint32(ReverseBytes64(uint64(x)) >> 32)
}
func ReverseBytes64(x uint64) uint64 {
	x = x>>8&0x00ff00ff00ff00ff | x&0x00ff00ff00ff00ff<<8
	x = x>>16&0x0000ffff0000ffff | x&0x0000ffff0000ffff<<16
	return x>>32 | x<<32
}
