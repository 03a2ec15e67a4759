package fmt

import "reflect"

// sortedMap returns a map's keys and elements ordered by key as Go's fmt orders them (internal/fmtsort):
// numbers and strings by value (NaN first), false before true, pointers and channels by address, structs and
// arrays element by element, interfaces by their dynamic type and then value, nil before non-nil.
func sortedMap(m reflect.Value) ([]reflect.Value, []reflect.Value) {
	var keys, vals []reflect.Value
	it := m.MapRange()
	for it.Next() {
		keys = append(keys, it.Key())
		vals = append(vals, it.Value())
	}
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	tmp := make([]int, len(keys))
	mergeSort(idx, tmp, keys)
	sk := make([]reflect.Value, len(keys))
	sv := make([]reflect.Value, len(keys))
	for i, j := range idx {
		sk[i] = keys[j]
		sv[i] = vals[j]
	}
	return sk, sv
}

// mergeSort sorts idx (indexes into keys) stably by compareKeys, using tmp as scratch.
func mergeSort(idx, tmp []int, keys []reflect.Value) {
	n := len(idx)
	if n < 2 {
		return
	}
	if n <= 8 {
		for i := 1; i < n; i++ {
			for j := i; j > 0 && compareKeys(keys[idx[j]], keys[idx[j-1]]) < 0; j-- {
				idx[j], idx[j-1] = idx[j-1], idx[j]
			}
		}
		return
	}
	mid := n / 2
	mergeSort(idx[:mid], tmp[:mid], keys)
	mergeSort(idx[mid:], tmp[mid:], keys)
	copy(tmp, idx)
	i, j, k := 0, mid, 0
	for i < mid && j < n {
		if compareKeys(keys[tmp[j]], keys[tmp[i]]) < 0 {
			idx[k] = tmp[j]
			j++
		} else {
			idx[k] = tmp[i]
			i++
		}
		k++
	}
	for ; i < mid; i++ {
		idx[k] = tmp[i]
		k++
	}
	for ; j < n; j++ {
		idx[k] = tmp[j]
		k++
	}
}

func cmpInt(a, b int64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

func cmpUint(a, b uint64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	case a == b:
		return 0
	case a != a && b == b:
		return -1 // NaN first
	case a == a && b != b:
		return 1
	}
	return 0
}

// nilFirst orders nil before non-nil; ok is false when both are non-nil.
func nilFirst(a, b reflect.Value) (int, bool) {
	an, bn := a.IsNil(), b.IsNil()
	switch {
	case an && bn:
		return 0, true
	case an:
		return -1, true
	case bn:
		return 1, true
	}
	return 0, false
}

func compareKeys(a, b reflect.Value) int {
	if a.Type() != b.Type() {
		return -1 // keys of one map have one type
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmpInt(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmpUint(a.Uint(), b.Uint())
	case reflect.String:
		as, bs := a.String(), b.String()
		if as < bs {
			return -1
		}
		if as > bs {
			return 1
		}
		return 0
	case reflect.Float32, reflect.Float64:
		return cmpFloat(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		ac, bc := a.Complex(), b.Complex()
		if c := cmpFloat(real(ac), real(bc)); c != 0 {
			return c
		}
		return cmpFloat(imag(ac), imag(bc))
	case reflect.Bool:
		ab, bb := a.Bool(), b.Bool()
		if ab == bb {
			return 0
		}
		if !ab {
			return -1
		}
		return 1
	case reflect.Pointer, reflect.UnsafePointer, reflect.Chan:
		return cmpUint(uint64(a.Pointer()), uint64(b.Pointer()))
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if c := compareKeys(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compareKeys(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Interface:
		if c, ok := nilFirst(a, b); ok {
			return c
		}
		ae, be := a.Elem(), b.Elem()
		// gosim orders dynamic types by their names (Go by the descriptors' addresses)
		at, bt := ae.Type().String(), be.Type().String()
		if at != bt {
			if at < bt {
				return -1
			}
			return 1
		}
		return compareKeys(ae, be)
	}
	panic("bad type in compare: " + a.Type().String())
}
