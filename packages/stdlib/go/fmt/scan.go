package fmt

import (
	"errors"
	"io"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// scanner reads operands from a string: Sscan (newlines are spaces), Sscanln (a newline ends the input) and
// Sscanf (the format's text must match). Errors unwind as a scanFailure panic caught by the entry points.
type scanner struct {
	s       string
	i       int
	nlSpace bool
}

type scanFailure struct{ err error }

func (sc *scanner) fail(msg string) { panic(scanFailure{errors.New(msg)}) }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

// skipSpace skips blanks (and newlines when they count as space); a newline otherwise ends the operands.
func (sc *scanner) skipSpace() {
	for sc.i < len(sc.s) {
		c := sc.s[sc.i]
		if c == '\n' {
			if !sc.nlSpace {
				sc.fail("unexpected newline")
			}
		} else if !isSpace(c) {
			return
		}
		sc.i++
	}
}

// token reads up to the next blank or newline.
func (sc *scanner) token() string {
	start := sc.i
	for sc.i < len(sc.s) && !isSpace(sc.s[sc.i]) && sc.s[sc.i] != '\n' {
		sc.i++
	}
	return sc.s[start:sc.i]
}

// number reads an optionally signed integer in base (0: a 0b/0o/0x/0 prefix decides, as %v reads it); it
// returns the sign and digits without the prefix, and the base.
func (sc *scanner) number(base int, signed bool) (string, int) {
	sign := ""
	if sc.i < len(sc.s) && (sc.s[sc.i] == '+' || (signed && sc.s[sc.i] == '-')) {
		sign = sc.s[sc.i : sc.i+1]
		sc.i++
	}
	if base == 0 {
		base = 10
		if sc.i+1 < len(sc.s) && sc.s[sc.i] == '0' {
			base = 8
			switch sc.s[sc.i+1] {
			case 'b', 'B':
				base = 2
			case 'o', 'O':
			case 'x', 'X':
				base = 16
			default:
				base = -8 // a leading 0 alone: octal, the 0 being a digit
			}
			if base > 0 {
				sc.i += 2
			} else {
				base = 8
			}
		}
	}
	start := sc.i
	for sc.i < len(sc.s) && (digitVal(sc.s[sc.i]) < base || sc.s[sc.i] == '_') {
		sc.i++
	}
	if sc.i == start {
		sc.fail("expected integer")
	}
	return sign + sc.s[start:sc.i], base
}

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return 99
}

func verbBase(verb rune) int {
	switch verb {
	case 'b':
		return 2
	case 'o':
		return 8
	case 'x', 'X':
		return 16
	case 'v':
		return 0
	}
	return 10
}

func (sc *scanner) scanInt(verb rune, bits int) int64 {
	tok, base := sc.number(verbBase(verb), true)
	n, err := strconv.ParseInt(tok, base, 64)
	if err != nil {
		panic(scanFailure{err})
	}
	if x := n << (64 - bits) >> (64 - bits); x != n {
		sc.fail("integer overflow on token " + tok)
	}
	return n
}

func (sc *scanner) scanUint(verb rune, bits int) uint64 {
	tok, base := sc.number(verbBase(verb), false)
	n, err := strconv.ParseUint(tok, base, 64)
	if err != nil {
		panic(scanFailure{err})
	}
	if x := n << (64 - bits) >> (64 - bits); x != n {
		sc.fail("unsigned integer overflow on token " + tok)
	}
	return n
}

func (sc *scanner) scanFloat(bits int) float64 {
	tok := sc.token()
	f, err := strconv.ParseFloat(tok, bits)
	if err != nil {
		panic(scanFailure{err})
	}
	return f
}

// scanOne stores one operand into the variable arg points to.
func (sc *scanner) scanOne(verb rune, arg any) {
	if verb == 'c' {
		r, w := utf8.DecodeRuneInString(sc.s[sc.i:])
		sc.i += w
		switch p := arg.(type) {
		case *rune:
			*p = r
			return
		case *int:
			*p = int(r)
			return
		}
	}
	switch p := arg.(type) {
	case *bool:
		b, err := strconv.ParseBool(sc.token())
		if err != nil {
			sc.fail("syntax error scanning boolean")
		}
		*p = b
	case *int:
		*p = int(sc.scanInt(verb, 64))
	case *int8:
		*p = int8(sc.scanInt(verb, 8))
	case *int16:
		*p = int16(sc.scanInt(verb, 16))
	case *int32:
		*p = int32(sc.scanInt(verb, 32))
	case *int64:
		*p = sc.scanInt(verb, 64)
	case *uint:
		*p = uint(sc.scanUint(verb, 64))
	case *uint8:
		*p = uint8(sc.scanUint(verb, 8))
	case *uint16:
		*p = uint16(sc.scanUint(verb, 16))
	case *uint32:
		*p = uint32(sc.scanUint(verb, 32))
	case *uint64:
		*p = sc.scanUint(verb, 64)
	case *uintptr:
		*p = uintptr(sc.scanUint(verb, 64))
	case *float32:
		*p = float32(sc.scanFloat(32))
	case *float64:
		*p = sc.scanFloat(64)
	case *string:
		*p = sc.token()
	case *[]byte:
		*p = []byte(sc.token())
	default:
		if t := reflect.TypeOf(arg); t == nil || t.Kind() != reflect.Pointer {
			s := "<nil>"
			if t != nil {
				s = t.String()
			}
			sc.fail("type not a pointer: " + s)
		}
		sc.fail("can't scan type: " + reflect.TypeOf(arg).String())
	}
}

// catch turns a scanFailure into the returned error.
func catch(err *error) {
	if r := recover(); r != nil {
		f, ok := r.(scanFailure)
		if !ok {
			panic(r)
		}
		*err = f.err
	}
}

func (sc *scanner) doScan(a []any, n *int) {
	for _, arg := range a {
		sc.skipSpace()
		if sc.i >= len(sc.s) {
			panic(scanFailure{io.EOF})
		}
		sc.scanOne('v', arg)
		*n++
	}
	if !sc.nlSpace {
		for sc.i < len(sc.s) && isSpace(sc.s[sc.i]) {
			sc.i++
		}
		if sc.i < len(sc.s) && sc.s[sc.i] != '\n' {
			sc.fail("expected newline")
		}
	}
}

// Sscan scans space-separated values (newlines count as space) from str into the pointed-to operands.
func Sscan(str string, a ...any) (n int, err error) {
	defer catch(&err)
	sc := &scanner{s: str, nlSpace: true}
	sc.doScan(a, &n)
	return
}

// Sscanln is like Sscan but stops at a newline, after which no more input may follow the operands.
func Sscanln(str string, a ...any) (n int, err error) {
	defer catch(&err)
	sc := &scanner{s: str}
	sc.doScan(a, &n)
	return
}

// Sscanf scans str as the format directs: verbs read operands, blanks match any blanks, other text itself.
func Sscanf(str string, format string, a ...any) (n int, err error) {
	defer catch(&err)
	sc := &scanner{s: str}
	argNum := 0
	for i := 0; i < len(format); {
		c := format[i]
		if c == '%' && i+1 < len(format) {
			i++
			// flags and widths are accepted and ignored
			for i < len(format) && (format[i] == '+' || format[i] == '-' || format[i] == '#' || format[i] == ' ' || format[i] == '0' || (format[i] >= '1' && format[i] <= '9')) {
				i++
			}
			if i >= len(format) {
				break
			}
			verb, w := utf8.DecodeRuneInString(format[i:])
			i += w
			if verb == '%' {
				for sc.i < len(sc.s) && isSpace(sc.s[sc.i]) {
					sc.i++
				}
				if sc.i >= len(sc.s) || sc.s[sc.i] != '%' {
					sc.fail("missing literal %")
				}
				sc.i++
				continue
			}
			if argNum >= len(a) {
				sc.fail("too few operands for format '%" + string(verb) + "'")
			}
			if verb != 'c' {
				for sc.i < len(sc.s) && isSpace(sc.s[sc.i]) {
					sc.i++
				}
			}
			if sc.i >= len(sc.s) {
				panic(scanFailure{io.EOF})
			}
			sc.scanOne(verb, a[argNum])
			argNum++
			n++
			continue
		}
		if isSpace(c) {
			for i < len(format) && isSpace(format[i]) {
				i++
			}
			for sc.i < len(sc.s) && isSpace(sc.s[sc.i]) {
				sc.i++
			}
			continue
		}
		if sc.i >= len(sc.s) || sc.s[sc.i] != c {
			sc.fail("input does not match format")
		}
		sc.i++
		i++
	}
	if argNum < len(a) {
		sc.fail("too many operands")
	}
	return
}
