package errors

import "reflect"

// errorType is the interface type error.
var errorType = reflect.TypeOf((*error)(nil)).Elem()

// As finds the first error in err's chain of Unwrap results that is assignable to the type target points to,
// stores it there and reports true; an error with an As(any) bool method may also claim the match.
func As(err error, target any) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	val := reflect.ValueOf(target)
	typ := val.Type()
	if typ.Kind() != reflect.Pointer || val.IsNil() {
		panic("errors: target must be a non-nil pointer")
	}
	want := typ.Elem()
	if want.Kind() != reflect.Interface && !want.Implements(errorType) {
		panic("errors: *target must be interface or implement error")
	}
	for err != nil {
		if reflect.TypeOf(err).AssignableTo(want) {
			val.Elem().Set(reflect.ValueOf(err))
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}
