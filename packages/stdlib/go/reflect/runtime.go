package reflect

// Runtime functions (implemented in packages/runtime/src/rt-reflect.ts). A type is named by its program type
// id (the module's ProgramType index; an interface's type word holds id + 1). A value is boxed in an interface
// whose type word is the value's own type: elements and fields come back as fresh heap copies typed with the
// element's descriptor, so the GC scans them as it scans any boxed value; an element of interface type comes
// back as its contents (dynamic type and data).

// typeid returns the dynamic type id of i, or -1 for nil.
func typeid(i any) int

// Type descriptor facts.
func tkind(t int) int
func tstring(t int) string
func tnamed(t int) bool
func telem(t int) int
func tkey(t int) int
func tlen(t int) int
func tsize(t int) int
func tnumfield(t int) int
func tfield(t int, i int) (name string, typ int, offset int, embedded bool, tag string)
func tnummethod(t int) int
func tmethod(t int, i int) (name string, mtyp string)
func tcomparable(t int) bool
func timplements(t int, u int) bool
func tfuncsig(t int, in bool, i int) int
func tfuncinfo(t int) (numIn int, numOut int, variadic bool)

// Value access; i holds the value boxed with its own type.
func vint(i any) int64
func vuint(i any) uint64
func vfloat(i any) float64
func vcomplex(i any) complex128
func vstring(i any) string
func vbool(i any) bool
func vbytes(i any) []byte
func vword(i any) uintptr
func vlen(i any) int
func vcap(i any) int
func velem(i any, k int) any
func vfield(i any, off int, ft int) any
func vmapfill(i any, keys []any, vals []any) int
func vmapindex(i any, key any) (v any, ok bool)
func vzero(t int) any

// vstore stores x (boxed with its own type, or an interface's contents when t is an interface type) as a value
// of type t at base's pointer target + off.
func vstore(base any, off int, t int, x any)

// vnew allocates a zero value of type t and returns the pointer, boxed with type pt (*t).
func vnew(t int, pt int) any

// tptrto is the id of *t (-1 when the program has no such type).
func tptrto(t int) int
