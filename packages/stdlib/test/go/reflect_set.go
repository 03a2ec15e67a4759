package main

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
)

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error() }
func (e *ParseError) Unwrap() error { return e.Err }

type timeout interface{ Timeout() bool }

type netErr struct{}

func (netErr) Error() string { return "net" }
func (netErr) Timeout() bool { return true }

type T struct {
	A int
	B string
	c float64
	D [2]int8
	E any
}

func main() {
	x := 1
	v := reflect.ValueOf(&x).Elem()
	fmt.Println(v.CanSet(), reflect.ValueOf(x).CanSet(), v.CanAddr())
	v.Set(reflect.ValueOf(42))
	fmt.Println(x)
	t := T{}
	tv := reflect.ValueOf(&t).Elem()
	tv.Field(0).Set(reflect.ValueOf(7))
	tv.Field(1).Set(reflect.ValueOf("seven"))
	tv.Field(3).Index(1).Set(reflect.ValueOf(int8(-3)))
	tv.Field(4).Set(reflect.ValueOf(2.5))
	fmt.Printf("%+v %v %v\n", t, tv.Field(2).CanSet(), tv.Field(0).CanSet())
	p := reflect.New(reflect.TypeOf(0))
	p.Elem().Set(reflect.ValueOf(9))
	fmt.Println(p.Kind(), p.Elem().Kind(), *(p.Interface().(*int)))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v.Set(reflect.ValueOf("str"))
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		tv.Field(2).Set(reflect.ValueOf(1.0))
	}()

	_, err := strconv.Atoi("x")
	wrapped := fmt.Errorf("outer: %w", &ParseError{Line: 7, Err: err})
	var pe *ParseError
	fmt.Println(errors.As(wrapped, &pe), pe.Line, pe)
	var ne *strconv.NumError
	fmt.Println(errors.As(wrapped, &ne), ne.Func, ne.Num, ne.Err)
	var to timeout
	fmt.Println(errors.As(fmt.Errorf("x: %w", netErr{}), &to), to != nil && to.Timeout())
	var target error
	fmt.Println(errors.As(wrapped, &target), target)
	fmt.Println(errors.As(errors.New("plain"), &pe))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		errors.As(wrapped, pe)
	}()
}
