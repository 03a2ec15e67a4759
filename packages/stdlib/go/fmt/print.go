package fmt

import (
	"io"
	"os"
	"reflect"
	"unicode/utf8"
)

// State is what a Formatter's Format method sees of the printer: its output and the verb's options.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by a value with its own Format method (it then decides every verb's output).
type Formatter interface {
	Format(f State, verb rune)
}

// Stringer is implemented by a value with a String method: %v and the print functions use it.
type Stringer interface {
	String() string
}

// GoStringer is implemented by a value with a GoString method: %#v uses it.
type GoStringer interface {
	GoString() string
}

// buffer is the printer's output: appended to, then written in one call.
type buffer []byte

func (b *buffer) write(p []byte)       { *b = append(*b, p...) }
func (b *buffer) writeString(s string) { *b = append(*b, s...) }
func (b *buffer) writeByte(c byte)     { *b = append(*b, c) }
func (b *buffer) writeRune(r rune)     { *b = utf8.AppendRune(*b, r) }

// printer formats the operands of one print call.
type printer struct {
	buf buffer
	// the operand being printed: arg as an interface, or value when it came through reflection
	arg   any
	value reflect.Value
	fmt   formatter
	// the format used explicit argument indexes ([n]): extra operands are then not reported
	reordered bool
	// the last argument index was good
	goodArgNum bool
	// inside a method's panic report (a second panic there propagates), inside a bad-verb report
	panicking bool
	erroring  bool
	// Errorf: %w accepted; the error it consumed
	wrapErrs   bool
	wrappedErr error
}

func (p *printer) Width() (int, bool)     { return p.fmt.wid, p.fmt.widPresent }
func (p *printer) Precision() (int, bool) { return p.fmt.prec, p.fmt.precPresent }

func (p *printer) Flag(c int) bool {
	switch c {
	case '-':
		return p.fmt.minus
	case '+':
		return p.fmt.plus || p.fmt.plusV
	case '#':
		return p.fmt.sharp || p.fmt.sharpV
	case ' ':
		return p.fmt.space
	case '0':
		return p.fmt.zero
	}
	return false
}

// Write lets a Formatter's Format method append to the output.
func (p *printer) Write(b []byte) (int, error) {
	p.buf.write(b)
	return len(b), nil
}

// WriteString lets a Formatter append a string (io.StringWriter).
func (p *printer) WriteString(s string) (int, error) {
	p.buf.writeString(s)
	return len(s), nil
}

// Fprintf formats according to format and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintf(format, a)
	n, err = w.Write(p.buf)
	p.free()
	return
}

// Printf formats according to format and writes to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return Fprintf(os.Stdout, format, a...)
}

// Sprintf formats according to format and returns the string.
func Sprintf(format string, a ...any) string {
	p := newPrinter()
	p.doPrintf(format, a)
	s := string(p.buf)
	p.free()
	return s
}

// Fprint formats its operands with %v, adding spaces between operands when neither is a string.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrint(a)
	n, err = w.Write(p.buf)
	p.free()
	return
}

func Print(a ...any) (n int, err error) {
	return Fprint(os.Stdout, a...)
}

func Sprint(a ...any) string {
	p := newPrinter()
	p.doPrint(a)
	s := string(p.buf)
	p.free()
	return s
}

// Fprintln formats its operands with %v, always with spaces between them, and a newline after.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintln(a)
	n, err = w.Write(p.buf)
	p.free()
	return
}

func Println(a ...any) (n int, err error) {
	return Fprintln(os.Stdout, a...)
}

func Sprintln(a ...any) string {
	p := newPrinter()
	p.doPrintln(a)
	s := string(p.buf)
	p.free()
	return s
}

// Append-style functions (Go 1.19).
func Appendf(b []byte, format string, a ...any) []byte {
	p := newPrinter()
	p.doPrintf(format, a)
	b = append(b, p.buf...)
	p.free()
	return b
}

func Append(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrint(a)
	b = append(b, p.buf...)
	p.free()
	return b
}

func Appendln(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrintln(a)
	b = append(b, p.buf...)
	p.free()
	return b
}

func (p *printer) doPrint(a []any) {
	prevString := false
	for i, arg := range a {
		isString := arg != nil && reflect.TypeOf(arg).Kind() == reflect.String
		if i > 0 && !isString && !prevString {
			p.buf.writeByte(' ')
		}
		p.printArg(arg, 'v')
		prevString = isString
	}
}

func (p *printer) doPrintln(a []any) {
	for i, arg := range a {
		if i > 0 {
			p.buf.writeByte(' ')
		}
		p.printArg(arg, 'v')
	}
	p.buf.writeByte('\n')
}

// badVerb reports a verb the operand does not take: %!verb(type=value).
func (p *printer) badVerb(verb rune) {
	p.erroring = true
	p.buf.writeString("%!")
	p.buf.writeRune(verb)
	p.buf.writeByte('(')
	if p.arg != nil {
		p.buf.writeString(reflect.TypeOf(p.arg).String())
		p.buf.writeByte('=')
		p.printArg(p.arg, 'v')
	} else if p.value.IsValid() {
		p.buf.writeString(p.value.Type().String())
		p.buf.writeByte('=')
		p.printValue(p.value, 'v', 0)
	} else {
		p.buf.writeString("<nil>")
	}
	p.buf.writeByte(')')
	p.erroring = false
}

func (p *printer) fmtBool(v bool, verb rune) {
	if verb == 't' || verb == 'v' {
		p.fmt.fmtBoolean(v)
		return
	}
	p.badVerb(verb)
}

// fmtHex64 formats v in lower-case hex, with a 0x prefix when leading0x.
func (p *printer) fmtHex64(v uint64, leading0x bool) {
	sharp := p.fmt.sharp
	p.fmt.sharp = leading0x
	p.fmt.fmtInteger(v, 16, false, 'v', lowerHex)
	p.fmt.sharp = sharp
}

func (p *printer) fmtInteger(v uint64, signed bool, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV && !signed {
			p.fmtHex64(v, true)
			return
		}
		p.fmt.fmtInteger(v, 10, signed, verb, lowerHex)
	case 'd':
		p.fmt.fmtInteger(v, 10, signed, verb, lowerHex)
	case 'b':
		p.fmt.fmtInteger(v, 2, signed, verb, lowerHex)
	case 'o', 'O':
		p.fmt.fmtInteger(v, 8, signed, verb, lowerHex)
	case 'x':
		p.fmt.fmtInteger(v, 16, signed, verb, lowerHex)
	case 'X':
		p.fmt.fmtInteger(v, 16, signed, verb, upperHex)
	case 'c':
		p.fmt.fmtC(v)
	case 'q':
		p.fmt.fmtQc(v)
	case 'U':
		p.fmt.fmtUnicode(v)
	default:
		p.badVerb(verb)
	}
}

func (p *printer) fmtFloat(v float64, size int, verb rune) {
	switch verb {
	case 'v':
		p.fmt.fmtFloat(v, size, 'g', -1)
	case 'b', 'g', 'G', 'x', 'X':
		p.fmt.fmtFloat(v, size, verb, -1)
	case 'f', 'e', 'E':
		p.fmt.fmtFloat(v, size, verb, 6)
	case 'F':
		p.fmt.fmtFloat(v, size, 'f', 6)
	default:
		p.badVerb(verb)
	}
}

// fmtComplex prints (re+imi): both parts with the verb, the imaginary part always signed.
func (p *printer) fmtComplex(v complex128, size int, verb rune) {
	switch verb {
	case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E':
		plus := p.fmt.plus
		p.buf.writeByte('(')
		p.fmtFloat(real(v), size/2, verb)
		p.fmt.plus = true
		p.fmtFloat(imag(v), size/2, verb)
		p.buf.writeString("i)")
		p.fmt.plus = plus
	default:
		p.badVerb(verb)
	}
}

func (p *printer) fmtString(v string, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.fmt.fmtQ(v)
		} else {
			p.fmt.fmtS(v)
		}
	case 's':
		p.fmt.fmtS(v)
	case 'x':
		p.fmt.fmtSx(v, lowerHex)
	case 'X':
		p.fmt.fmtSx(v, upperHex)
	case 'q':
		p.fmt.fmtQ(v)
	default:
		p.badVerb(verb)
	}
}

func (p *printer) fmtBytes(v []byte, verb rune, typeString string) {
	switch verb {
	case 'v', 'd':
		if p.fmt.sharpV {
			p.buf.writeString(typeString)
			if v == nil {
				p.buf.writeString("(nil)")
				return
			}
			p.buf.writeByte('{')
			for i, c := range v {
				if i > 0 {
					p.buf.writeString(", ")
				}
				p.fmtHex64(uint64(c), true)
			}
			p.buf.writeByte('}')
			return
		}
		p.buf.writeByte('[')
		for i, c := range v {
			if i > 0 {
				p.buf.writeByte(' ')
			}
			p.fmt.fmtInteger(uint64(c), 10, false, verb, lowerHex)
		}
		p.buf.writeByte(']')
	case 's':
		p.fmt.fmtBs(v)
	case 'x':
		p.fmt.fmtBx(v, lowerHex)
	case 'X':
		p.fmt.fmtBx(v, upperHex)
	case 'q':
		p.fmt.fmtQ(string(v))
	default:
		p.printValue(reflect.ValueOf(v), verb, 0)
	}
}

// fmtPointer prints a reference's address (gosim's simulated address).
func (p *printer) fmtPointer(value reflect.Value, verb rune) {
	var u uintptr
	switch value.Kind() {
	case reflect.Chan, reflect.Func, reflect.Map, reflect.Pointer, reflect.Slice, reflect.UnsafePointer:
		u = value.Pointer()
	default:
		p.badVerb(verb)
		return
	}
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.buf.writeByte('(')
			p.buf.writeString(value.Type().String())
			p.buf.writeString(")(")
			if u == 0 {
				p.buf.writeString("nil")
			} else {
				p.fmtHex64(uint64(u), true)
			}
			p.buf.writeByte(')')
		} else if u == 0 {
			p.fmt.padString("<nil>")
		} else {
			p.fmtHex64(uint64(u), !p.fmt.sharp)
		}
	case 'p':
		p.fmtHex64(uint64(u), !p.fmt.sharp)
	case 'b', 'o', 'd', 'x', 'X':
		p.fmtInteger(uint64(u), false, verb)
	default:
		p.badVerb(verb)
	}
}

// catchPanic turns a panic in an operand's method into %!verb(PANIC=Method method: value); a nil pointer
// receiver prints <nil>.
func (p *printer) catchPanic(arg any, verb rune, method string) {
	err := recover()
	if err == nil {
		return
	}
	if v := reflect.ValueOf(arg); v.Kind() == reflect.Pointer && v.IsNil() {
		p.buf.writeString("<nil>")
		return
	}
	if p.panicking {
		// the panic value's own method panicked too
		panic(err)
	}
	saved := p.fmt.flags
	p.fmt.clearflags()
	p.buf.writeString("%!")
	p.buf.writeRune(verb)
	p.buf.writeString("(PANIC=")
	p.buf.writeString(method)
	p.buf.writeString(" method: ")
	p.panicking = true
	p.printArg(err, 'v')
	p.panicking = false
	p.buf.writeByte(')')
	p.fmt.flags = saved
}

// handleMethods prints p.arg through its Format, GoString, Error or String method when the verb uses one.
func (p *printer) handleMethods(verb rune) (handled bool) {
	if p.erroring {
		return false
	}
	if verb == 'w' {
		err, ok := p.arg.(error)
		if !ok || !p.wrapErrs || p.wrappedErr != nil {
			p.wrappedErr = nil
			p.wrapErrs = false
			p.badVerb(verb)
			return true
		}
		p.wrappedErr = err
		verb = 'v'
	}
	if f, ok := p.arg.(Formatter); ok {
		handled = true // a recovered panic returns it too
		defer p.catchPanic(p.arg, verb, "Format")
		f.Format(p, verb)
		return true
	}
	if p.fmt.sharpV {
		if g, ok := p.arg.(GoStringer); ok {
			handled = true // a recovered panic returns it too
			defer p.catchPanic(p.arg, verb, "GoString")
			p.fmt.fmtS(g.GoString())
			return true
		}
		return false
	}
	switch verb {
	case 'v', 's', 'x', 'X', 'q':
		if e, ok := p.arg.(error); ok {
			handled = true
			defer p.catchPanic(p.arg, verb, "Error")
			p.fmtString(e.Error(), verb)
			return true
		}
		if s, ok := p.arg.(Stringer); ok {
			handled = true
			defer p.catchPanic(p.arg, verb, "String")
			p.fmtString(s.String(), verb)
			return true
		}
	}
	return false
}

// printArg prints one operand: the basic types directly, others through their methods or reflection.
func (p *printer) printArg(arg any, verb rune) {
	p.arg = arg
	p.value = reflect.Value{}
	if arg == nil {
		if verb == 'T' || verb == 'v' {
			p.fmt.padString("<nil>")
		} else {
			p.badVerb(verb)
		}
		return
	}
	switch verb {
	case 'T':
		p.fmt.fmtS(reflect.TypeOf(arg).String())
		return
	case 'p':
		p.fmtPointer(reflect.ValueOf(arg), 'p')
		return
	}
	switch x := arg.(type) {
	case bool:
		p.fmtBool(x, verb)
	case float32:
		p.fmtFloat(float64(x), 32, verb)
	case float64:
		p.fmtFloat(x, 64, verb)
	case complex64:
		p.fmtComplex(complex128(x), 64, verb)
	case complex128:
		p.fmtComplex(x, 128, verb)
	case int:
		p.fmtInteger(uint64(x), true, verb)
	case int8:
		p.fmtInteger(uint64(x), true, verb)
	case int16:
		p.fmtInteger(uint64(x), true, verb)
	case int32:
		p.fmtInteger(uint64(x), true, verb)
	case int64:
		p.fmtInteger(uint64(x), true, verb)
	case uint:
		p.fmtInteger(uint64(x), false, verb)
	case uint8:
		p.fmtInteger(uint64(x), false, verb)
	case uint16:
		p.fmtInteger(uint64(x), false, verb)
	case uint32:
		p.fmtInteger(uint64(x), false, verb)
	case uint64:
		p.fmtInteger(x, false, verb)
	case uintptr:
		p.fmtInteger(uint64(x), false, verb)
	case string:
		p.fmtString(x, verb)
	case []byte:
		p.fmtBytes(x, verb, "[]byte")
	case reflect.Value:
		if x.IsValid() && x.CanInterface() {
			p.arg = x.Interface()
			if p.handleMethods(verb) {
				return
			}
		}
		p.printValue(x, verb, 0)
	default:
		if !p.handleMethods(verb) {
			p.printValue(reflect.ValueOf(x), verb, 0)
		}
	}
}
