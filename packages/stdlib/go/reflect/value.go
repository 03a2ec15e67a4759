package reflect

// flag records how a Value was obtained.
type flag uint

const (
	// flagRO: obtained through an unexported struct field; Interface refuses it (as Go's does).
	flagRO flag = 1 << iota
	// flagAddr: the value is in memory at base's target + off (reached through a pointer): Set writes there.
	flagAddr
)

// Value is a Go value: its type and the value boxed in an interface of that type (for a Value of interface kind,
// i holds the interface's contents). The box is a copy; a Value reached through a pointer also records where the
// value lives (base, a boxed pointer, and off), so Set can store there (the Value's own copy is not updated).
type Value struct {
	t    *rtype
	i    any
	fl   flag
	base any
	off  int
}

// A ValueError occurs when a Value method is called on a Value that does not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

// ValueOf returns a Value holding i's dynamic value; the zero Value for nil.
func ValueOf(i any) Value {
	id := typeid(i)
	if id < 0 {
		return Value{}
	}
	return Value{t: rtypeOf(id), i: i}
}

// Zero returns the zero value of type t.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	if t.Kind() == Interface {
		return Value{t: t}
	}
	return Value{t: t, i: vzero(t.id)}
}

// Indirect returns the value v points to (v itself when it is not a pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

func (v Value) IsValid() bool { return v.t != nil }

func (v Value) Kind() Kind {
	if v.t == nil {
		return Invalid
	}
	return v.t.Kind()
}

func (v Value) Type() Type {
	if v.t == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return v.t
}

func (v Value) mustBe(method string, kinds ...Kind) Kind {
	k := v.Kind()
	for _, x := range kinds {
		if k == x {
			return k
		}
	}
	panic(&ValueError{"reflect.Value." + method, k})
}

func (v Value) Bool() bool {
	v.mustBe("Bool", Bool)
	return vbool(v.i)
}

func (v Value) Int() int64 {
	v.mustBe("Int", Int, Int8, Int16, Int32, Int64)
	return vint(v.i)
}

func (v Value) Uint() uint64 {
	v.mustBe("Uint", Uint, Uint8, Uint16, Uint32, Uint64, Uintptr)
	return vuint(v.i)
}

func (v Value) Float() float64 {
	v.mustBe("Float", Float32, Float64)
	return vfloat(v.i)
}

func (v Value) Complex() complex128 {
	v.mustBe("Complex", Complex64, Complex128)
	return vcomplex(v.i)
}

// String returns a string's contents; for other kinds "<T Value>" as Go's does.
func (v Value) String() string {
	switch v.Kind() {
	case Invalid:
		return "<invalid Value>"
	case String:
		return vstring(v.i)
	}
	return "<" + v.t.String() + " Value>"
}

func (v Value) Bytes() []byte {
	if v.Kind() == Slice && v.t.Elem().Kind() == Uint8 {
		return vbytes(v.i)
	}
	panic(&ValueError{"reflect.Value.Bytes", v.Kind()})
}

func (v Value) Len() int {
	switch v.Kind() {
	case Array:
		return tlen(v.t.id)
	case Slice, String, Map, Chan:
		return vlen(v.i)
	case Pointer:
		if v.t.Elem().Kind() == Array {
			return v.t.Elem().Len()
		}
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func (v Value) Cap() int {
	switch v.Kind() {
	case Array:
		return tlen(v.t.id)
	case Slice, Chan:
		return vcap(v.i)
	}
	panic(&ValueError{"reflect.Value.Cap", v.Kind()})
}

// elemValue wraps an element the runtime boxed (or, for an interface-typed element, its contents).
func elemValue(t *rtype, i any, fl flag) Value {
	return Value{t: t, i: i, fl: fl}
}

func (v Value) Index(k int) Value {
	switch v.Kind() {
	case Array, Slice:
		if k < 0 || k >= v.Len() {
			panic("reflect: " + kindIndexName(v.Kind()) + " index out of range")
		}
		e := elemValue(rtypeOf(telem(v.t.id)), velem(v.i, k), v.fl&^flagAddr)
		if v.Kind() == Array && v.fl&flagAddr != 0 {
			e.fl |= flagAddr
			e.base, e.off = v.base, v.off+k*tsize(e.t.id)
		}
		return e
	case String:
		if k < 0 || k >= v.Len() {
			panic("reflect: string index out of range")
		}
		return Value{t: TypeOf(byte(0)).common(), i: velem(v.i, k), fl: v.fl &^ flagAddr}
	}
	panic(&ValueError{"reflect.Value.Index", v.Kind()})
}

func kindIndexName(k Kind) string {
	if k == Array {
		return "array"
	}
	return "slice"
}

func (v Value) NumField() int {
	v.mustBe("NumField", Struct)
	return tnumfield(v.t.id)
}

func (v Value) Field(i int) Value {
	v.mustBe("Field", Struct)
	if i < 0 || i >= tnumfield(v.t.id) {
		panic("reflect: Field index out of range")
	}
	name, ft, off, _, _ := tfield(v.t.id, i)
	fl := v.fl
	if !isExported(name) {
		fl |= flagRO
	}
	f := elemValue(rtypeOf(ft), vfield(v.i, off, ft), fl)
	if fl&flagAddr != 0 {
		f.base, f.off = v.base, v.off+off
	}
	return f
}

func (v Value) FieldByName(name string) Value {
	v.mustBe("FieldByName", Struct)
	if f, ok := v.t.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

func (v Value) FieldByIndex(index []int) Value {
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.t.Elem().Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// Elem returns the value an interface holds or a pointer points to.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Interface:
		x := ValueOf(v.i)
		x.fl = v.fl
		return x
	case Pointer:
		if vword(v.i) == 0 {
			return Value{}
		}
		e := elemValue(rtypeOf(telem(v.t.id)), velem(v.i, 0), v.fl|flagAddr)
		e.base = v.i
		return e
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer, Slice:
		return vword(v.i) == 0
	case Interface:
		return v.i == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.Kind()})
}

// Pointer returns the value's address word (a pointer's target, a slice's array, a map's hmap, a func's funcval).
func (v Value) Pointer() uintptr {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer, Slice:
		return vword(v.i)
	}
	panic(&ValueError{"reflect.Value.Pointer", v.Kind()})
}

// CanAddr reports whether the value was reached through a pointer (Elem, then fields and array elements).
func (v Value) CanAddr() bool { return v.fl&flagAddr != 0 }

// CanSet reports whether Set may store into the value: addressable and not through an unexported field.
func (v Value) CanSet() bool { return v.fl&(flagAddr|flagRO) == flagAddr }

// Set stores x's value where v lives (x's type must be assignable to v's).
func (v Value) Set(x Value) {
	if v.fl&flagRO != 0 {
		panic("reflect: reflect.Value.Set using value obtained using unexported field")
	}
	if v.fl&flagAddr == 0 {
		panic("reflect: reflect.Value.Set using unaddressable value")
	}
	if x.fl&flagRO != 0 {
		panic("reflect: reflect.Value.Set using value obtained using unexported field")
	}
	if !x.IsValid() {
		panic("reflect: call of reflect.Value.Set on zero Value")
	}
	if !x.t.AssignableTo(v.t) {
		panic("reflect.Set: value of type " + x.t.String() + " is not assignable to type " + v.t.String())
	}
	vstore(v.base, v.off, v.t.id, x.i)
}

// New returns a Value for a pointer to a new zero value of type typ.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	id := typ.common().id
	pt := tptrto(id)
	if pt < 0 {
		panic("reflect.New: gosim has no type descriptor for *" + typ.String() + " (the program never uses that type)")
	}
	return Value{t: rtypeOf(pt), i: vnew(id, pt)}
}

func (v Value) CanInterface() bool {
	if v.t == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.fl&flagRO == 0
}

func (v Value) Interface() any {
	if v.t == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.fl&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return v.i
}

func (v Value) IsZero() bool {
	switch v.Kind() {
	case Invalid:
		panic(&ValueError{"reflect.Value.IsZero", Invalid})
	case Bool:
		return !v.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == 0
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == 0
	case Float32, Float64:
		f := v.Float()
		return f == 0 && 1/f > 0
	case Complex64, Complex128:
		c := v.Complex()
		return real(c) == 0 && imag(c) == 0 && 1/real(c) > 0 && 1/imag(c) > 0
	case String:
		return v.Len() == 0
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	case Interface:
		return v.i == nil
	}
	return v.IsNil()
}

// MapKeys returns the map's keys in an unspecified order.
func (v Value) MapKeys() []Value {
	keys, _ := v.mapEntries()
	return keys
}

func (v Value) mapEntries() ([]Value, []Value) {
	v.mustBe("MapKeys", Map)
	n := vlen(v.i)
	if n == 0 {
		return []Value{}, []Value{}
	}
	ks := make([]any, n)
	vs := make([]any, n)
	n = vmapfill(v.i, ks, vs)
	kt := rtypeOf(tkey(v.t.id))
	et := rtypeOf(telem(v.t.id))
	keys := make([]Value, n)
	vals := make([]Value, n)
	for j := 0; j < n; j++ {
		keys[j] = elemValue(kt, ks[j], v.fl)
		vals[j] = elemValue(et, vs[j], v.fl)
	}
	return keys, vals
}

// MapIndex returns the element of the map for key; the zero Value if absent.
func (v Value) MapIndex(key Value) Value {
	v.mustBe("MapIndex", Map)
	e, ok := vmapindex(v.i, key.i)
	if !ok {
		return Value{}
	}
	return elemValue(rtypeOf(telem(v.t.id)), e, v.fl)
}

// MapIter iterates over a map's entries (a snapshot taken by the first Next).
type MapIter struct {
	m     Value
	keys  []Value
	vals  []Value
	pos   int
	begun bool
}

func (v Value) MapRange() *MapIter {
	v.mustBe("MapRange", Map)
	return &MapIter{m: v}
}

func (it *MapIter) Next() bool {
	if !it.begun {
		it.keys, it.vals = it.m.mapEntries()
		it.begun = true
		it.pos = -1
	}
	it.pos++
	return it.pos < len(it.keys)
}

func (it *MapIter) Key() Value {
	if !it.begun || it.pos >= len(it.keys) {
		panic("MapIter.Key called before Next")
	}
	return it.keys[it.pos]
}

func (it *MapIter) Value() Value {
	if !it.begun || it.pos >= len(it.vals) {
		panic("MapIter.Value called before Next")
	}
	return it.vals[it.pos]
}

func (v Value) NumMethod() int {
	if v.t == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	return v.t.NumMethod()
}
