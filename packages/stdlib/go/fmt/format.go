package fmt

import (
	"strconv"
	"unicode/utf8"
)

const (
	lowerHex = "0123456789abcdefx"
	upperHex = "0123456789ABCDEFX"
)

// flags holds the flags, width and precision of the verb being formatted.
type flags struct {
	widPresent  bool
	precPresent bool
	minus       bool
	plus        bool
	sharp       bool
	space       bool
	zero        bool
	// %+v and %#v are recorded as plusV and sharpV (plus and sharp then mean nothing else)
	plusV  bool
	sharpV bool
}

// formatter is the low-level formatting engine: it appends one operand's text, padded, to buf.
type formatter struct {
	buf *buffer
	flags
	wid  int
	prec int
	// scratch for integer and float conversions (68 bytes hold a 64-bit %b with sign and prefix)
	scratch [68]byte
}

// clearflags resets the flags; wid and prec keep their last values (a Formatter's Width sees them, as in Go).
func (f *formatter) clearflags() {
	f.flags = flags{}
}

func (f *formatter) init(buf *buffer) {
	f.buf = buf
	f.clearflags()
}

// writePadding appends n padding bytes: zeros when the zero flag is set, else spaces.
func (f *formatter) writePadding(n int) {
	if n <= 0 {
		return
	}
	c := byte(' ')
	if f.zero {
		c = '0'
	}
	for i := 0; i < n; i++ {
		*f.buf = append(*f.buf, c)
	}
}

// pad appends b padded to the width (counted in runes) on the side the minus flag selects.
func (f *formatter) pad(b []byte) {
	if !f.widPresent || f.wid == 0 {
		f.buf.write(b)
		return
	}
	n := f.wid - utf8.RuneCount(b)
	if f.minus {
		f.buf.write(b)
		f.writePadding(n)
	} else {
		f.writePadding(n)
		f.buf.write(b)
	}
}

func (f *formatter) padString(s string) {
	if !f.widPresent || f.wid == 0 {
		f.buf.writeString(s)
		return
	}
	n := f.wid - utf8.RuneCountInString(s)
	if f.minus {
		f.buf.writeString(s)
		f.writePadding(n)
	} else {
		f.writePadding(n)
		f.buf.writeString(s)
	}
}

// padNoZero pads with spaces even when the zero flag is set (zero padding is for numbers' digits only).
func (f *formatter) padNoZero(b []byte) {
	z := f.zero
	f.zero = false
	f.pad(b)
	f.zero = z
}

func (f *formatter) fmtBoolean(v bool) {
	if v {
		f.padString("true")
	} else {
		f.padString("false")
	}
}

// fmtUnicode formats u as "U+0078", or "U+0078 'x'" with the sharp flag when u is printable.
func (f *formatter) fmtUnicode(u uint64) {
	prec := 4
	if f.precPresent && f.prec > 4 {
		prec = f.prec
	}
	var digits []byte
	for x := u; x > 0 || len(digits) == 0; x >>= 4 {
		digits = append(digits, upperHex[x&0xF])
	}
	for len(digits) < prec {
		digits = append(digits, '0')
	}
	out := make([]byte, 0, len(digits)+10)
	out = append(out, 'U', '+')
	for i := len(digits) - 1; i >= 0; i-- {
		out = append(out, digits[i])
	}
	if f.sharp && u <= utf8.MaxRune && strconv.IsPrint(rune(u)) {
		out = append(out, ' ', '\'')
		out = utf8.AppendRune(out, rune(u))
		out = append(out, '\'')
	}
	f.padNoZero(out)
}

// fmtInteger formats u (a two's complement int64 when signed) in base with the digits table for verb.
func (f *formatter) fmtInteger(u uint64, base int, signed bool, verb rune, digits string) {
	neg := signed && int64(u) < 0
	if neg {
		u = -u
	}
	// the minimum number of digits: the precision, or with zero padding the width less a sign
	prec := 0
	if f.precPresent {
		prec = f.prec
		if prec == 0 && u == 0 {
			// an explicit zero precision prints no digits for zero: only the padding
			z := f.zero
			f.zero = false
			f.writePadding(f.wid)
			f.zero = z
			return
		}
	} else if f.zero && f.widPresent {
		prec = f.wid
		if neg || f.plus || f.space {
			prec--
		}
	}
	var small [68]byte
	b := small[:]
	if prec+4 > len(b) {
		b = make([]byte, prec+4)
	}
	i := len(b)
	b64 := uint64(base)
	for u >= b64 {
		i--
		b[i] = digits[u%b64]
		u /= b64
	}
	i--
	b[i] = digits[u]
	for i > 0 && len(b)-i < prec {
		i--
		b[i] = '0'
	}
	if f.sharp {
		switch base {
		case 2:
			i -= 2
			b[i], b[i+1] = '0', 'b'
		case 8:
			if b[i] != '0' {
				i--
				b[i] = '0'
			}
		case 16:
			i -= 2
			b[i], b[i+1] = '0', digits[16]
		}
	}
	if verb == 'O' {
		i -= 2
		b[i], b[i+1] = '0', 'o'
	}
	switch {
	case neg:
		i--
		b[i] = '-'
	case f.plus:
		i--
		b[i] = '+'
	case f.space:
		i--
		b[i] = ' '
	}
	f.padNoZero(b[i:])
}

// truncate cuts s to the precision (in runes) if one is given.
func (f *formatter) truncateString(s string) string {
	if f.precPresent {
		n := 0
		for i := range s {
			if n == f.prec {
				return s[:i]
			}
			n++
		}
	}
	return s
}

func (f *formatter) truncate(b []byte) []byte {
	if f.precPresent {
		n := 0
		for i := 0; i < len(b); {
			if n == f.prec {
				return b[:i]
			}
			_, w := utf8.DecodeRune(b[i:])
			i += w
			n++
		}
	}
	return b
}

func (f *formatter) fmtS(s string) {
	f.padString(f.truncateString(s))
}

func (f *formatter) fmtBs(b []byte) {
	f.pad(f.truncate(b))
}

// fmtSbx formats a string or byte slice as hex digits: the precision counts input bytes; the space flag puts a
// space between bytes (each then with its own 0x under sharp); sharp alone puts one 0x in front.
func (f *formatter) fmtSbx(s string, b []byte, digits string) {
	n := len(b)
	if b == nil {
		n = len(s)
	}
	if f.precPresent && f.prec < n {
		n = f.prec
	}
	width := 2 * n
	if width > 0 {
		if f.space {
			if f.sharp {
				width *= 2
			}
			width += n - 1
		} else if f.sharp {
			width += 2
		}
	} else {
		if f.widPresent {
			f.writePadding(f.wid)
		}
		return
	}
	if f.widPresent && f.wid > width && !f.minus {
		f.writePadding(f.wid - width)
	}
	buf := *f.buf
	if f.sharp {
		buf = append(buf, '0', digits[16])
	}
	for i := 0; i < n; i++ {
		if f.space && i > 0 {
			buf = append(buf, ' ')
			if f.sharp {
				buf = append(buf, '0', digits[16])
			}
		}
		var c byte
		if b != nil {
			c = b[i]
		} else {
			c = s[i]
		}
		buf = append(buf, digits[c>>4], digits[c&0xF])
	}
	*f.buf = buf
	if f.widPresent && f.wid > width && f.minus {
		f.writePadding(f.wid - width)
	}
}

func (f *formatter) fmtSx(s, digits string) { f.fmtSbx(s, nil, digits) }

func (f *formatter) fmtBx(b []byte, digits string) { f.fmtSbx("", b, digits) }

// fmtQ formats s as a double-quoted Go string, or back-quoted with the sharp flag when it can be.
func (f *formatter) fmtQ(s string) {
	s = f.truncateString(s)
	if f.sharp && strconv.CanBackquote(s) {
		f.padString("`" + s + "`")
		return
	}
	buf := f.scratch[:0]
	if f.plus {
		f.pad(strconv.AppendQuoteToASCII(buf, s))
	} else {
		f.pad(strconv.AppendQuote(buf, s))
	}
}

// fmtC formats c as the character it encodes (U+FFFD when it is not a valid code point).
func (f *formatter) fmtC(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	f.pad(utf8.AppendRune(f.scratch[:0], r))
}

// fmtQc formats c as a single-quoted Go character literal.
func (f *formatter) fmtQc(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	buf := f.scratch[:0]
	if f.plus {
		f.pad(strconv.AppendQuoteRuneToASCII(buf, r))
	} else {
		f.pad(strconv.AppendQuoteRune(buf, r))
	}
}

// fmtFloat formats v (of size 32 or 64 bits) with strconv's verb and precision (the flag's precision wins).
func (f *formatter) fmtFloat(v float64, size int, verb rune, prec int) {
	if f.precPresent {
		prec = f.prec
	}
	// num[0] is the sign: '+' when strconv gave none
	num := strconv.AppendFloat(f.scratch[:1], v, byte(verb), prec, size)
	if num[1] == '-' || num[1] == '+' {
		num = num[1:]
	} else {
		num[0] = '+'
	}
	if f.space && num[0] == '+' && !f.plus {
		num[0] = ' '
	}
	if num[1] == 'I' || num[1] == 'N' {
		// infinities and NaN are padded with spaces; NaN shows a sign only when asked for
		if num[1] == 'N' && !f.space && !f.plus {
			num = num[1:]
		}
		f.padNoZero(num)
		return
	}
	if f.sharp && verb != 'b' {
		num = f.sharpFloat(num, verb, prec)
	}
	if f.plus || num[0] != '+' {
		if f.zero && f.widPresent && f.wid > len(num) {
			// the sign goes before the zero padding
			f.buf.writeByte(num[0])
			f.writePadding(f.wid - len(num))
			f.buf.write(num[1:])
			return
		}
		f.pad(num)
		return
	}
	f.pad(num[1:])
}

// sharpFloat applies the sharp flag: always a decimal point, and for %g/%x the trailing zeros up to the
// precision's count of significant digits (6 when none was given).
func (f *formatter) sharpFloat(num []byte, verb rune, prec int) []byte {
	want := 0
	if verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x' {
		want = prec
		if want == -1 {
			want = 6
		}
	}
	// split off the exponent: p for %x and %b, e for the decimal verbs
	mant, exp := num, []byte(nil)
	for i := 1; i < len(num); i++ {
		c := num[i]
		if c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X') {
			mant, exp = num[:i], append([]byte(nil), num[i:]...)
			break
		}
	}
	dot := false
	seen := false
	for i := 1; i < len(mant); i++ {
		c := mant[i]
		if c == '.' {
			dot = true
			continue
		}
		if c != '0' {
			seen = true
		}
		if seen {
			want--
		}
	}
	if !dot {
		if len(mant) == 2 && mant[1] == '0' {
			want--
		}
		mant = append(mant, '.')
	}
	for ; want > 0; want-- {
		mant = append(mant, '0')
	}
	return append(mant, exp...)
}
