// Package utf16: UTF-16 encoding and decoding of runes (Go 1.19's API).
package utf16

const (
	replacementChar = '\uFFFD'
	maxRune         = '\U0010FFFF'
	// the surrogate ranges: high (first) halves in [surr1, surr2), low (second) in [surr2, surr3)
	surr1    = 0xd800
	surr2    = 0xdc00
	surr3    = 0xe000
	surrSelf = 0x10000
)

// IsSurrogate reports whether r can appear in a surrogate pair.
func IsSurrogate(r rune) bool {
	return surr1 <= r && r < surr3
}

// DecodeRune returns the rune of the surrogate pair r1, r2, or U+FFFD when they are not one.
func DecodeRune(r1, r2 rune) rune {
	if r1 >= surr1 && r1 < surr2 && r2 >= surr2 && r2 < surr3 {
		return (r1-surr1)<<10 | (r2 - surr2) + surrSelf
	}
	return replacementChar
}

// EncodeRune returns the surrogate pair of r, or U+FFFD, U+FFFD when r needs none or is not a valid rune.
func EncodeRune(r rune) (r1, r2 rune) {
	if r < surrSelf || r > maxRune {
		return replacementChar, replacementChar
	}
	r -= surrSelf
	return surr1 + (r>>10)&0x3ff, surr2 + r&0x3ff
}

// Encode returns the UTF-16 encoding of s; invalid runes become U+FFFD.
func Encode(s []rune) []uint16 {
	n := len(s)
	for _, r := range s {
		if r >= surrSelf {
			n++
		}
	}
	a := make([]uint16, n)
	i := 0
	for _, r := range s {
		switch {
		case 0 <= r && r < surr1, surr3 <= r && r < surrSelf:
			a[i] = uint16(r)
			i++
		case surrSelf <= r && r <= maxRune:
			r1, r2 := EncodeRune(r)
			a[i] = uint16(r1)
			a[i+1] = uint16(r2)
			i += 2
		default:
			a[i] = uint16(replacementChar)
			i++
		}
	}
	return a[:i]
}

// Decode returns the runes of the UTF-16 encoding s; an unpaired surrogate becomes U+FFFD.
func Decode(s []uint16) []rune {
	a := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		r := rune(s[i])
		switch {
		case r < surr1, surr3 <= r:
			a = append(a, r)
		case surr1 <= r && r < surr2 && i+1 < len(s) && surr2 <= rune(s[i+1]) && rune(s[i+1]) < surr3:
			a = append(a, DecodeRune(r, rune(s[i+1])))
			i++
		default:
			a = append(a, replacementChar)
		}
	}
	return a
}
