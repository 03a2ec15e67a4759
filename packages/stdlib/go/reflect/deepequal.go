package reflect

// DeepEqual reports whether x and y are "deeply equal" (Go's rules: same types, then element by element;
// pointers equal when equal as pointers or pointing to deeply equal values; NaN is not equal to itself;
// nil and empty slices and maps differ; funcs equal only when both nil).
func DeepEqual(x, y any) bool {
	if x == nil || y == nil {
		return x == y
	}
	v1 := ValueOf(x)
	v2 := ValueOf(y)
	if v1.t != v2.t {
		return false
	}
	return deepValueEqual(v1, v2, map[visit]bool{})
}

// visit is a pair of compared references (by address and type) already being compared: cycles end there.
type visit struct {
	a1, a2 uintptr
	t      *rtype
}

func deepValueEqual(v1, v2 Value, visited map[visit]bool) bool {
	if !v1.IsValid() || !v2.IsValid() {
		return v1.IsValid() == v2.IsValid()
	}
	if v1.t != v2.t {
		return false
	}
	switch v1.Kind() {
	case Map, Slice, Pointer:
		a1, a2 := vword(v1.i), vword(v2.i)
		if a1 != 0 && a2 != 0 {
			k := visit{a1, a2, v1.t}
			if a1 > a2 {
				k = visit{a2, a1, v1.t}
			}
			if visited[k] {
				return true
			}
			visited[k] = true
		}
	}
	switch v1.Kind() {
	case Array:
		for i := 0; i < v1.Len(); i++ {
			if !deepValueEqual(v1.Index(i), v2.Index(i), visited) {
				return false
			}
		}
		return true
	case Slice:
		if v1.IsNil() != v2.IsNil() || v1.Len() != v2.Len() {
			return false
		}
		if vword(v1.i) == vword(v2.i) {
			return true
		}
		for i := 0; i < v1.Len(); i++ {
			if !deepValueEqual(v1.Index(i), v2.Index(i), visited) {
				return false
			}
		}
		return true
	case Interface:
		if v1.IsNil() || v2.IsNil() {
			return v1.IsNil() == v2.IsNil()
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Pointer:
		if vword(v1.i) == vword(v2.i) {
			return true
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Struct:
		for i, n := 0, v1.NumField(); i < n; i++ {
			if !deepValueEqual(v1.Field(i), v2.Field(i), visited) {
				return false
			}
		}
		return true
	case Map:
		if v1.IsNil() != v2.IsNil() || v1.Len() != v2.Len() {
			return false
		}
		if vword(v1.i) == vword(v2.i) {
			return true
		}
		keys, vals := v1.mapEntries()
		for j, k := range keys {
			w := v2.MapIndex(k)
			if !w.IsValid() || !deepValueEqual(vals[j], w, visited) {
				return false
			}
		}
		return true
	case Func:
		return v1.IsNil() && v2.IsNil()
	case Float32, Float64:
		return v1.Float() == v2.Float()
	case Complex64, Complex128:
		return v1.Complex() == v2.Complex()
	}
	// comparable scalars (bool, integers, strings, chans, unsafe pointers): the boxed values compare as Go's do
	return v1.i == v2.i
}
