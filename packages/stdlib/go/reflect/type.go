package reflect

// A Kind is the specific kind of type that a Type represents (Go's numbering).
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name of the Pointer kind.
const Ptr = Pointer

var kindNames = [...]string{
	"invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
	"uintptr", "float32", "float64", "complex64", "complex128", "array", "chan", "func", "interface", "map",
	"ptr", "slice", "string", "struct", "unsafe.Pointer",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + itoa(int(k))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [24]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// ChanDir is a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	Comparable() bool
	Bits() int
	Elem() Type
	Field(i int) StructField
	FieldByName(name string) (StructField, bool)
	In(i int) Type
	IsVariadic() bool
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type
	common() *rtype
}

// StructField describes one field of a struct type.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// StructTag is the tag string of a struct field.
type StructTag string

// Get returns the value associated with key in the tag (Go's conventional `key:"value"` format).
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag, and whether the key was present.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	s := string(tag)
	for s != "" {
		i := 0
		for i < len(s) && s[i] == ' ' {
			i++
		}
		s = s[i:]
		if s == "" {
			break
		}
		i = 0
		for i < len(s) && s[i] > ' ' && s[i] != ':' && s[i] != '"' && s[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(s) || s[i] != ':' || s[i+1] != '"' {
			break
		}
		name := s[:i]
		s = s[i+1:]
		// the quoted value: up to the closing quote that is not escaped
		i = 1
		for i < len(s) && s[i] != '"' {
			if s[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(s) {
			break
		}
		quoted := s[:i+1]
		s = s[i+1:]
		if name == key {
			return unquote(quoted), true
		}
	}
	return "", false
}

// unquote undoes the simple escapes a tag's quoted value may hold.
func unquote(q string) string {
	b := make([]byte, 0, len(q))
	for i := 1; i < len(q)-1; i++ {
		c := q[i]
		if c == '\\' && i+1 < len(q)-1 {
			i++
			switch q[i] {
			case 'n':
				c = '\n'
			case 't':
				c = '\t'
			default:
				c = q[i]
			}
		}
		b = append(b, c)
	}
	return string(b)
}

// Method is one method of a type's method set.
type Method struct {
	Name    string
	PkgPath string
	Type    Type
	Index   int
}

// rtype is a type descriptor: the program type id. There is one *rtype per id, so Types compare as Go's do.
type rtype struct {
	id int
}

var rtypes = map[int]*rtype{}

func toType(id int) Type {
	if id < 0 {
		return nil
	}
	return rtypeOf(id)
}

func rtypeOf(id int) *rtype {
	if t, ok := rtypes[id]; ok {
		return t
	}
	t := &rtype{id: id}
	rtypes[id] = t
	return t
}

// TypeOf returns the dynamic type of i; nil for a nil interface.
func TypeOf(i any) Type {
	id := typeid(i)
	if id < 0 {
		return nil
	}
	return rtypeOf(id)
}

func (t *rtype) common() *rtype   { return t }
func (t *rtype) Kind() Kind       { return Kind(tkind(t.id)) }
func (t *rtype) String() string   { return tstring(t.id) }
func (t *rtype) Size() uintptr    { return uintptr(tsize(t.id)) }
func (t *rtype) Comparable() bool { return tcomparable(t.id) }

func (t *rtype) Align() int {
	switch t.Kind() {
	case Bool, Int8, Uint8:
		return 1
	case Int16, Uint16:
		return 2
	case Int32, Uint32, Float32:
		return 4
	case Array:
		return t.Elem().Align()
	case Struct:
		a := 1
		for i := 0; i < t.NumField(); i++ {
			if fa := t.Field(i).Type.Align(); fa > a {
				a = fa
			}
		}
		return a
	}
	return 8
}

func (t *rtype) FieldAlign() int { return t.Align() }

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return tsize(t.id) * 8
}

// Name is a defined type's name within its package ("" for other types).
func (t *rtype) Name() string {
	if t.String() == "unsafe.Pointer" {
		return "Pointer"
	}
	if !tnamed(t.id) {
		s := t.String()
		if isBasicName(s) {
			return s
		}
		return ""
	}
	s := t.String()
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
	}
	return s
}

func isBasicName(s string) bool {
	switch s {
	case "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
		"float32", "float64", "complex64", "complex128", "string", "error":
		return true
	}
	return false
}

// PkgPath is a defined type's package path ("" for predeclared and unnamed types).
func (t *rtype) PkgPath() string {
	if t.String() == "unsafe.Pointer" {
		return "unsafe"
	}
	if !tnamed(t.id) {
		return ""
	}
	s := t.String()
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[:i]
		}
	}
	return ""
}

func (t *rtype) mustBe(what string, kinds ...Kind) Kind {
	k := t.Kind()
	for _, x := range kinds {
		if k == x {
			return k
		}
	}
	panic("reflect: " + what + " of non-" + kinds[0].String() + " type " + t.String())
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(telem(t.id))
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Key() Type {
	t.mustBe("Key", Map)
	return toType(tkey(t.id))
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return tlen(t.id)
}

func (t *rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return tnumfield(t.id)
}

func (t *rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	if i < 0 || i >= tnumfield(t.id) {
		panic("reflect: Field index out of bounds")
	}
	name, ft, off, emb, tag := tfield(t.id, i)
	f := StructField{Name: name, Type: toType(ft), Offset: uintptr(off), Anonymous: emb, Tag: StructTag(tag), Index: []int{i}}
	if !isExported(name) {
		f.PkgPath = pkgOfStruct(t)
	}
	return f
}

// pkgOfStruct: gosim's fields do not record their package; a program's own structs are package main's.
func pkgOfStruct(t *rtype) string {
	if p := t.PkgPath(); p != "" {
		return p
	}
	return "main"
}

func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.Name == name {
			return f, true
		}
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.Anonymous {
			continue
		}
		ft := f.Type
		if ft.Kind() == Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == Struct {
			if g, ok := ft.FieldByName(name); ok {
				g.Index = append([]int{i}, g.Index...)
				return g, true
			}
		}
	}
	return StructField{}, false
}

func isExported(name string) bool {
	if name == "" {
		return false
	}
	c := name[0]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	if c < 0x80 {
		return false
	}
	// a non-ASCII first letter: exported when it is an upper-case letter (the common Latin-1/Greek/Cyrillic ranges)
	r := decodeRune(name)
	return (r >= 0xC0 && r <= 0xDE && r != 0xD7) || (r >= 0x391 && r <= 0x3A9) || (r >= 0x410 && r <= 0x42F)
}

func decodeRune(s string) rune {
	c := s[0]
	switch {
	case c < 0xE0 && len(s) >= 2:
		return rune(c&0x1F)<<6 | rune(s[1]&0x3F)
	case c < 0xF0 && len(s) >= 3:
		return rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	case len(s) >= 4:
		return rune(c&0x07)<<18 | rune(s[1]&0x3F)<<12 | rune(s[2]&0x3F)<<6 | rune(s[3]&0x3F)
	}
	return 0xFFFD
}

// NumMethod counts the exported methods of a concrete type, every method of an interface type.
func (t *rtype) NumMethod() int { return tnummethod(t.id) }

func (t *rtype) Method(i int) Method {
	if i < 0 || i >= tnummethod(t.id) {
		panic("reflect: Method index out of range")
	}
	name, _ := tmethod(t.id, i)
	return Method{Name: name, Index: i}
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return timplements(t.id, u.common().id)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	if uu == t {
		return true
	}
	if u.Kind() == Interface {
		return timplements(t.id, uu.id)
	}
	// identical underlying types, one of them unnamed
	return (!tnamed(t.id) || !tnamed(uu.id)) && t.Kind() == u.Kind() && t.String() != "" && underlyingSame(t, uu)
}

func underlyingSame(a, b *rtype) bool {
	switch a.Kind() {
	case Pointer, Slice, Array, Chan, Map:
		return a.Elem() == b.Elem()
	}
	return false
}

func (t *rtype) NumIn() int {
	t.mustBe("NumIn", Func)
	n, _, _ := tfuncinfo(t.id)
	return n
}

func (t *rtype) NumOut() int {
	t.mustBe("NumOut", Func)
	_, n, _ := tfuncinfo(t.id)
	return n
}

func (t *rtype) IsVariadic() bool {
	t.mustBe("IsVariadic", Func)
	_, _, v := tfuncinfo(t.id)
	return v
}

func (t *rtype) In(i int) Type {
	t.mustBe("In", Func)
	return toType(tfuncsig(t.id, true, i))
}

func (t *rtype) Out(i int) Type {
	t.mustBe("Out", Func)
	return toType(tfuncsig(t.id, false, i))
}
