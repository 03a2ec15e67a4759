package fmt

import (
	"reflect"
	"unicode/utf8"
)

// maxNum bounds widths, precisions and argument indexes (larger ones are treated as absent).
const maxNum = 1000000

// parseNum reads a decimal number at s[i:end]; ok is false when there is none (or it is too large).
func parseNum(s string, i, end int) (num int, ok bool, next int) {
	if i >= end {
		return 0, false, end
	}
	for next = i; next < end && s[next] >= '0' && s[next] <= '9'; next++ {
		if num > maxNum || num < -maxNum {
			return 0, false, end
		}
		num = num*10 + int(s[next]-'0')
		ok = true
	}
	return num, ok, next
}

// intFromArg takes a '*' width or precision from operand argNum: an integer of any type that fits in int.
func intFromArg(a []any, argNum int) (num int, ok bool, next int) {
	next = argNum
	if argNum >= len(a) {
		return 0, false, next
	}
	num, ok = a[argNum].(int)
	if !ok {
		v := reflect.ValueOf(a[argNum])
		switch v.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			n := v.Int()
			if int64(int(n)) == n {
				num, ok = int(n), true
			}
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			n := v.Uint()
			if int64(n) >= 0 && uint64(int(n)) == n {
				num, ok = int(n), true
			}
		}
	}
	next = argNum + 1
	if num > maxNum || num < -maxNum {
		num, ok = 0, false
	}
	return num, ok, next
}

// argIndex parses "[n]" at format[i:]: the zero-based index, the bytes consumed, and whether it was well formed.
func argIndex(format string) (index int, width int, ok bool) {
	if len(format) < 3 {
		return 0, 1, false
	}
	for i := 1; i < len(format); i++ {
		if format[i] == ']' {
			n, isNum, next := parseNum(format, 1, i)
			if !isNum || next != i {
				return 0, i + 1, false
			}
			return n - 1, i + 1, true
		}
	}
	return 0, 1, false
}

// argNumber applies an explicit argument index at format[i], if any.
func (p *printer) argNumber(argNum int, format string, i int, numArgs int) (int, int, bool) {
	if i >= len(format) || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	index, width, ok := argIndex(format[i:])
	if ok && index >= 0 && index < numArgs {
		return index, i + width, true
	}
	p.goodArgNum = false
	return argNum, i + width, ok
}

func (p *printer) verbError(verb rune, what string) {
	p.buf.writeString("%!")
	p.buf.writeRune(verb)
	p.buf.writeString(what)
}

// setV records the v verb's flags: %+v and %#v are their own modes.
func (p *printer) setV() {
	p.fmt.sharpV = p.fmt.sharp
	p.fmt.sharp = false
	p.fmt.plusV = p.fmt.plus
	p.fmt.plus = false
}

func (p *printer) doPrintf(format string, a []any) {
	end := len(format)
	argNum := 0
	afterIndex := false
	p.reordered = false
	i := 0
	for i < end {
		p.goodArgNum = true
		start := i
		for i < end && format[i] != '%' {
			i++
		}
		if i > start {
			p.buf.writeString(format[start:i])
		}
		if i >= end {
			break
		}
		i++ // the '%'
		p.fmt.clearflags()
		simple := false
	flagLoop:
		for ; i < end; i++ {
			switch c := format[i]; c {
			case '#':
				p.fmt.sharp = true
			case '0':
				p.fmt.zero = !p.fmt.minus // zero padding only on the left
			case '+':
				p.fmt.plus = true
			case '-':
				p.fmt.minus = true
				p.fmt.zero = false
			case ' ':
				p.fmt.space = true
			default:
				// the common case: a lower-case verb right after the flags
				if c >= 'a' && c <= 'z' && argNum < len(a) {
					if c == 'v' {
						p.setV()
					}
					p.printArg(a[argNum], rune(c))
					argNum++
					i++
					simple = true
				}
				break flagLoop
			}
		}
		if simple {
			continue
		}

		argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))

		// width
		if i < end && format[i] == '*' {
			i++
			p.fmt.wid, p.fmt.widPresent, argNum = intFromArg(a, argNum)
			if !p.fmt.widPresent {
				p.buf.writeString("%!(BADWIDTH)")
			}
			if p.fmt.wid < 0 {
				// a negative width means left-justify
				p.fmt.wid = -p.fmt.wid
				p.fmt.minus = true
				p.fmt.zero = false
			}
			afterIndex = false
		} else {
			p.fmt.wid, p.fmt.widPresent, i = parseNum(format, i, end)
			if afterIndex && p.fmt.widPresent {
				p.goodArgNum = false // "%[3]2d"
			}
		}

		// precision
		if i+1 < end && format[i] == '.' {
			i++
			if afterIndex {
				p.goodArgNum = false // "%[3].2d"
			}
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
			if i < end && format[i] == '*' {
				i++
				p.fmt.prec, p.fmt.precPresent, argNum = intFromArg(a, argNum)
				if p.fmt.prec < 0 {
					p.fmt.prec = 0
					p.fmt.precPresent = false
				}
				if !p.fmt.precPresent {
					p.buf.writeString("%!(BADPREC)")
				}
				afterIndex = false
			} else {
				p.fmt.prec, p.fmt.precPresent, i = parseNum(format, i, end)
				if !p.fmt.precPresent {
					p.fmt.prec = 0
					p.fmt.precPresent = true
				}
			}
		}

		if !afterIndex {
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		}

		if i >= end {
			p.buf.writeString("%!(NOVERB)")
			break
		}

		verb, size := rune(format[i]), 1
		if verb >= utf8.RuneSelf {
			verb, size = utf8.DecodeRuneInString(format[i:])
		}
		i += size

		switch {
		case verb == '%':
			p.buf.writeByte('%') // takes no operand, ignores width and precision
		case !p.goodArgNum:
			p.verbError(verb, "(BADINDEX)")
		case argNum >= len(a):
			p.verbError(verb, "(MISSING)")
		default:
			if verb == 'v' {
				p.setV()
			}
			p.printArg(a[argNum], verb)
			argNum++
		}
	}

	// operands left over (unless the format chose operands by index)
	if !p.reordered && argNum < len(a) {
		p.fmt.clearflags()
		p.buf.writeString("%!(EXTRA ")
		for k, arg := range a[argNum:] {
			if k > 0 {
				p.buf.writeString(", ")
			}
			if arg == nil {
				p.buf.writeString("<nil>")
			} else {
				p.buf.writeString(reflect.TypeOf(arg).String())
				p.buf.writeByte('=')
				p.printArg(arg, 'v')
			}
		}
		p.buf.writeByte(')')
	}
}
