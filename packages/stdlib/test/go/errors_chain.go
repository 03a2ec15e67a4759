package main

import "errors"

type wrap struct {
	msg string
	err error
}

func (w *wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w *wrap) Unwrap() error { return w.err }

type sliceErr []int

func (s sliceErr) Error() string { return "slice" }

type isErr struct{ code int }

func (e isErr) Error() string         { return "code" }
func (e isErr) Is(target error) bool { t, ok := target.(isErr); return ok && t.code/10 == e.code/10 }

var ErrBase = errors.New("base")

func main() {
	e1 := &wrap{"lvl1", ErrBase}
	e2 := &wrap{"lvl2", e1}
	println(e2.Error())
	println(errors.Is(e2, ErrBase), errors.Is(e1, ErrBase), errors.Is(ErrBase, e1), errors.Is(e2, errors.New("base")))
	println(errors.Unwrap(e2) == e1, errors.Unwrap(ErrBase) == nil, errors.Unwrap(e1) == ErrBase)
	println(errors.Is(nil, nil), errors.Is(e1, nil), errors.Is(nil, ErrBase))
	var se error = sliceErr{1}
	println(errors.Is(se, se), errors.Is(&wrap{"w", se}, se))
	println(errors.Is(&wrap{"x", isErr{41}}, isErr{45}), errors.Is(isErr{41}, isErr{55}))
	a, b := errors.New("same"), errors.New("same")
	println(a == b, a.Error() == b.Error(), a.Error())
}
