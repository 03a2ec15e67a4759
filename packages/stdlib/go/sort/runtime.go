package sort

// sliceLen is len(x) for a slice x; for anything else n is -1 and kind names x's
// reflect.Kind. Implemented by the runtime from x's type descriptor.
func sliceLen(x any) (n int, kind string)

// sliceSwap swaps elements i and j (in range) of the slice x. Implemented by the runtime.
func sliceSwap(x any, i, j int)
