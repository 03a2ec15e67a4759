// Package errors: Go 1.19's New, Unwrap, Is and As (as.go, over reflect).
package errors

// errorString is the error New returns; each call returns a distinct pointer, so two
// errors made from the same text are not equal.
type errorString struct {
	s string
}

func (e *errorString) Error() string { return e.s }

// New returns an error whose Error method returns text.
func New(text string) error { return &errorString{text} }
