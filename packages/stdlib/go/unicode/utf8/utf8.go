// Package utf8 encodes and decodes UTF-8 text (Go 1.19's API and results).
package utf8

const (
	RuneError = '\uFFFD'     // the "error" rune, Unicode replacement character
	RuneSelf  = 0x80         // runes below RuneSelf are one byte
	MaxRune   = '\U0010FFFF' // largest valid code point
	UTFMax    = 4            // most bytes of one encoded rune
)

// Surrogate halves are not valid runes.
const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// Bounds of the second byte that a valid sequence allows after a given first byte
// (the first byte fixes the range so overlong forms and surrogates are rejected).
func secondRange(b0 byte) (lo, hi byte) {
	switch b0 {
	case 0xE0:
		return 0xA0, 0xBF
	case 0xED:
		return 0x80, 0x9F
	case 0xF0:
		return 0x90, 0xBF
	case 0xF4:
		return 0x80, 0x8F
	}
	return 0x80, 0xBF
}

// seqLen is the length of a sequence starting with b0, or 0 when b0 cannot start one.
func seqLen(b0 byte) int {
	switch {
	case b0 < 0x80:
		return 1
	case b0 < 0xC2:
		return 0
	case b0 < 0xE0:
		return 2
	case b0 < 0xF0:
		return 3
	case b0 < 0xF5:
		return 4
	}
	return 0
}

// decode decodes the first rune of p (given as a byte-reading function's results).
func decode(get func(int) byte, n int) (rune, int) {
	if n < 1 {
		return RuneError, 0
	}
	b0 := get(0)
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	sz := seqLen(b0)
	if sz == 0 || n < 2 {
		return RuneError, 1
	}
	lo, hi := secondRange(b0)
	b1 := get(1)
	if b1 < lo || b1 > hi {
		return RuneError, 1
	}
	if sz == 2 {
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	}
	if n < 3 {
		return RuneError, 1
	}
	b2 := get(2)
	if b2 < 0x80 || b2 > 0xBF {
		return RuneError, 1
	}
	if sz == 3 {
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	}
	if n < 4 {
		return RuneError, 1
	}
	b3 := get(3)
	if b3 < 0x80 || b3 > 0xBF {
		return RuneError, 1
	}
	return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
}

// DecodeRune unpacks the first UTF-8 encoding in p: (RuneError, 0) if p is empty,
// (RuneError, 1) if the encoding is invalid.
func DecodeRune(p []byte) (r rune, size int) {
	if len(p) > 0 && p[0] < RuneSelf {
		return rune(p[0]), 1
	}
	return decode(func(i int) byte { return p[i] }, len(p))
}

// DecodeRuneInString is DecodeRune for a string.
func DecodeRuneInString(s string) (r rune, size int) {
	if len(s) > 0 && s[0] < RuneSelf {
		return rune(s[0]), 1
	}
	return decode(func(i int) byte { return s[i] }, len(s))
}

// DecodeLastRune unpacks the last UTF-8 encoding in p.
func DecodeLastRune(p []byte) (r rune, size int) {
	n := len(p)
	if n == 0 {
		return RuneError, 0
	}
	if p[n-1] < RuneSelf {
		return rune(p[n-1]), 1
	}
	start := n - 1
	lim := n - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if !isCont(p[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRune(p[start:n])
	if start+size != n {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRuneInString is DecodeLastRune for a string.
func DecodeLastRuneInString(s string) (r rune, size int) {
	n := len(s)
	if n == 0 {
		return RuneError, 0
	}
	if s[n-1] < RuneSelf {
		return rune(s[n-1]), 1
	}
	start := n - 1
	lim := n - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if !isCont(s[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRuneInString(s[start:n])
	if start+size != n {
		return RuneError, 1
	}
	return r, size
}

func isCont(b byte) bool { return b&0xC0 == 0x80 }

// FullRune reports whether p begins with a full encoding of a rune (an invalid
// encoding counts as full: it decodes as an error rune of width 1).
func FullRune(p []byte) bool {
	return full(func(i int) byte { return p[i] }, len(p))
}

// FullRuneInString is FullRune for a string.
func FullRuneInString(s string) bool {
	return full(func(i int) byte { return s[i] }, len(s))
}

func full(get func(int) byte, n int) bool {
	if n == 0 {
		return false
	}
	b0 := get(0)
	sz := seqLen(b0)
	if sz <= 1 || n >= sz {
		return true
	}
	// A short prefix is full when a byte already in it is invalid.
	lo, hi := secondRange(b0)
	if n > 1 {
		b1 := get(1)
		if b1 < lo || b1 > hi {
			return true
		}
	}
	if n > 2 {
		b2 := get(2)
		if b2 < 0x80 || b2 > 0xBF {
			return true
		}
	}
	return false
}

// RuneLen is the number of bytes that encode r, or -1 if r is not a valid rune.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// EncodeRune writes the encoding of r (RuneError if r is invalid) into p, which must
// be large enough, and returns the number of bytes written.
func EncodeRune(p []byte, r rune) int {
	if uint32(r) < RuneSelf {
		p[0] = byte(r)
		return 1
	}
	var buf [UTFMax]byte
	n := encode(&buf, r)
	// Index p from the end first so a short p panics before any byte is written, as Go does.
	_ = p[n-1]
	for i := 0; i < n; i++ {
		p[i] = buf[i]
	}
	return n
}

// AppendRune appends the encoding of r to p.
func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < RuneSelf {
		return append(p, byte(r))
	}
	var buf [UTFMax]byte
	n := encode(&buf, r)
	return append(p, buf[:n]...)
}

func encode(buf *[UTFMax]byte, r rune) int {
	if uint32(r) > MaxRune || (surrogateMin <= r && r <= surrogateMax) {
		r = RuneError
	}
	switch {
	case r < 0x80:
		buf[0] = byte(r)
		return 1
	case r < 0x800:
		buf[0] = 0xC0 | byte(r>>6)
		buf[1] = 0x80 | byte(r)&0x3F
		return 2
	case r < 0x10000:
		buf[0] = 0xE0 | byte(r>>12)
		buf[1] = 0x80 | byte(r>>6)&0x3F
		buf[2] = 0x80 | byte(r)&0x3F
		return 3
	}
	buf[0] = 0xF0 | byte(r>>18)
	buf[1] = 0x80 | byte(r>>12)&0x3F
	buf[2] = 0x80 | byte(r>>6)&0x3F
	buf[3] = 0x80 | byte(r)&0x3F
	return 4
}

// RuneCount is the number of runes in p (each invalid byte counts as one).
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
		} else {
			_, sz := DecodeRune(p[i:])
			i += sz
		}
		n++
	}
	return n
}

// RuneCountInString is RuneCount for a string.
func RuneCountInString(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
		} else {
			_, sz := DecodeRuneInString(s[i:])
			i += sz
		}
		n++
	}
	return n
}

// RuneStart reports whether b could be the first byte of an encoded rune.
func RuneStart(b byte) bool { return !isCont(b) }

// Valid reports whether p consists entirely of valid UTF-8 encodings.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
			continue
		}
		r, sz := DecodeRune(p[i:])
		if r == RuneError && sz == 1 {
			return false
		}
		i += sz
	}
	return true
}

// ValidString reports whether s consists entirely of valid UTF-8 encodings.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
			continue
		}
		r, sz := DecodeRuneInString(s[i:])
		if r == RuneError && sz == 1 {
			return false
		}
		i += sz
	}
	return true
}

// ValidRune reports whether r can be encoded as UTF-8.
func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < surrogateMin:
		return true
	case surrogateMax < r && r <= MaxRune:
		return true
	}
	return false
}
