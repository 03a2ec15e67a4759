package errors

// Unwrap returns the result of err's Unwrap method, or nil if it has none.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether err or an error in its chain of Unwrap results equals target,
// by == when target's dynamic type is comparable, or by an Is(error) bool method.
func Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	for {
		if equal(err, target) {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		if err = Unwrap(err); err == nil {
			return false
		}
	}
}

// equal is err == target, false where Go's Is would skip the comparison because
// target's dynamic type is not comparable (the comparison's panic is recovered: it
// can only happen when both dynamic types are that same type).
func equal(err, target error) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	return err == target
}
