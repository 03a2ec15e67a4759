package sort

// valueError is the panic of Slice on a value that is not a slice (reflect's ValueError text).
type valueError struct {
	method string
	kind   string
}

func (e *valueError) Error() string {
	if e.kind == "invalid" {
		return "reflect: call of " + e.method + " on zero Value"
	}
	return "reflect: call of " + e.method + " on " + e.kind + " Value"
}

// lessSwap sorts any slice with a less function (the runtime swaps its elements).
type lessSwap struct {
	less func(i, j int) bool
	x    any
	n    int
}

func (d *lessSwap) Len() int           { return d.n }
func (d *lessSwap) Less(i, j int) bool { return d.less(i, j) }
func (d *lessSwap) Swap(i, j int)      { sliceSwap(d.x, i, j) }

func newLessSwap(method string, x any, less func(i, j int) bool) *lessSwap {
	n, kind := sliceLen(x)
	if n < 0 {
		panic(&valueError{method, kind})
	}
	return &lessSwap{less, x, n}
}

// Slice sorts the slice x by less; it is not stable.
func Slice(x any, less func(i, j int) bool) {
	d := newLessSwap("Swapper", x, less)
	pdqsort(d, 0, d.n, bitsLen(uint(d.n)))
}

// SliceStable sorts the slice x by less, keeping equal elements in their original order.
func SliceStable(x any, less func(i, j int) bool) {
	d := newLessSwap("Swapper", x, less)
	stable(d, d.n)
}

// SliceIsSorted reports whether the slice x is sorted by less.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n, kind := sliceLen(x)
	if n < 0 {
		panic(&valueError{"reflect.Value.Len", kind})
	}
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
