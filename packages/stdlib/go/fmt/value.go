package fmt

import "reflect"

// printValue prints a value reached through reflection; depth > 0 inside a composite (where an operand's
// methods are used again, and pointers print as addresses).
func (p *printer) printValue(value reflect.Value, verb rune, depth int) {
	if depth > 0 && value.IsValid() && value.CanInterface() {
		p.arg = value.Interface()
		if p.handleMethods(verb) {
			return
		}
	}
	p.arg = nil
	p.value = value
	switch value.Kind() {
	case reflect.Invalid:
		if depth == 0 {
			p.buf.writeString("<invalid reflect.Value>")
		} else if verb == 'v' {
			p.buf.writeString("<nil>")
		} else {
			p.badVerb(verb)
		}
	case reflect.Bool:
		p.fmtBool(value.Bool(), verb)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.fmtInteger(uint64(value.Int()), true, verb)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.fmtInteger(value.Uint(), false, verb)
	case reflect.Float32:
		p.fmtFloat(value.Float(), 32, verb)
	case reflect.Float64:
		p.fmtFloat(value.Float(), 64, verb)
	case reflect.Complex64:
		p.fmtComplex(value.Complex(), 64, verb)
	case reflect.Complex128:
		p.fmtComplex(value.Complex(), 128, verb)
	case reflect.String:
		p.fmtString(value.String(), verb)
	case reflect.Map:
		p.printMap(value, verb, depth)
	case reflect.Struct:
		p.printStruct(value, verb, depth)
	case reflect.Interface:
		inner := value.Elem()
		if inner.IsValid() {
			p.printValue(inner, verb, depth+1)
		} else if p.fmt.sharpV {
			p.buf.writeString(value.Type().String())
			p.buf.writeString("(nil)")
		} else {
			p.buf.writeString("<nil>")
		}
	case reflect.Array, reflect.Slice:
		p.printList(value, verb, depth)
	case reflect.Pointer:
		// at the top level a pointer to a composite prints as &composite; deeper, as an address (no loops)
		if depth == 0 && value.Pointer() != 0 {
			switch e := value.Elem(); e.Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				p.buf.writeByte('&')
				p.printValue(e, verb, depth+1)
				return
			}
		}
		p.fmtPointer(value, verb)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		p.fmtPointer(value, verb)
	default:
		p.buf.writeByte('?')
		p.buf.writeString(value.Type().String())
		p.buf.writeByte('?')
	}
}

// sep writes the separator between elements: ", " under %#v, else a space.
func (p *printer) sep() {
	if p.fmt.sharpV {
		p.buf.writeString(", ")
	} else {
		p.buf.writeByte(' ')
	}
}

func (p *printer) printMap(value reflect.Value, verb rune, depth int) {
	if p.fmt.sharpV {
		p.buf.writeString(value.Type().String())
		if value.IsNil() {
			p.buf.writeString("(nil)")
			return
		}
		p.buf.writeByte('{')
	} else {
		p.buf.writeString("map[")
	}
	keys, vals := sortedMap(value)
	for i := range keys {
		if i > 0 {
			p.sep()
		}
		p.printValue(keys[i], verb, depth+1)
		p.buf.writeByte(':')
		p.printValue(vals[i], verb, depth+1)
	}
	if p.fmt.sharpV {
		p.buf.writeByte('}')
	} else {
		p.buf.writeByte(']')
	}
}

func (p *printer) printStruct(value reflect.Value, verb rune, depth int) {
	t := value.Type()
	if p.fmt.sharpV {
		p.buf.writeString(t.String())
	}
	p.buf.writeByte('{')
	for i := 0; i < value.NumField(); i++ {
		if i > 0 {
			p.sep()
		}
		if p.fmt.plusV || p.fmt.sharpV {
			if name := t.Field(i).Name; name != "" {
				p.buf.writeString(name)
				p.buf.writeByte(':')
			}
		}
		// a field of interface type prints as its contents
		f := value.Field(i)
		if f.Kind() == reflect.Interface && !f.IsNil() {
			f = f.Elem()
		}
		p.printValue(f, verb, depth+1)
	}
	p.buf.writeByte('}')
}

func (p *printer) printList(value reflect.Value, verb rune, depth int) {
	t := value.Type()
	if verb == 's' || verb == 'q' || verb == 'x' || verb == 'X' {
		// byte slices and arrays (of any byte type) take the string verbs
		if t.Elem().Kind() == reflect.Uint8 {
			var b []byte
			if value.Kind() == reflect.Slice {
				b = value.Bytes()
			} else {
				b = make([]byte, value.Len())
				for i := range b {
					b[i] = byte(value.Index(i).Uint())
				}
			}
			p.fmtBytes(b, verb, t.String())
			return
		}
	}
	if p.fmt.sharpV {
		p.buf.writeString(t.String())
		if value.Kind() == reflect.Slice && value.IsNil() {
			p.buf.writeString("(nil)")
			return
		}
		p.buf.writeByte('{')
	} else {
		p.buf.writeByte('[')
	}
	for i := 0; i < value.Len(); i++ {
		if i > 0 {
			p.sep()
		}
		p.printValue(value.Index(i), verb, depth+1)
	}
	if p.fmt.sharpV {
		p.buf.writeByte('}')
	} else {
		p.buf.writeByte(']')
	}
}
