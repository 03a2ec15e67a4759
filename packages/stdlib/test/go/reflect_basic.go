package main

import (
	"fmt"
	"reflect"
)

type T struct {
	A int
	b string
	C []float64
}

type Named int

func (Named) M() {}

type I interface{ M() }

func main() {
	t := T{1, "x", nil}
	tt := reflect.TypeOf(t)
	fmt.Println(tt, tt.Kind(), tt.Name(), tt.NumField(), tt.Size())
	for i := 0; i < tt.NumField(); i++ {
		f := tt.Field(i)
		fmt.Println(i, f.Name, f.Type, f.Offset, f.Anonymous, f.PkgPath)
	}
	pt := reflect.TypeOf(&t)
	fmt.Println(pt, pt.Kind(), pt.Elem() == tt, pt.Name() == "")
	fmt.Println(reflect.TypeOf(Named(1)).Name(), reflect.TypeOf(Named(1)).Kind(), reflect.TypeOf(Named(1)).NumMethod())
	fmt.Println(reflect.TypeOf(Named(1)).Implements(reflect.TypeOf((*I)(nil)).Elem()), reflect.TypeOf(1).Implements(reflect.TypeOf((*I)(nil)).Elem()))
	fmt.Println(reflect.TypeOf(map[string]int{}).Key(), reflect.TypeOf([4]int{}).Len(), reflect.TypeOf(make(chan bool)).Elem())
	fmt.Println(reflect.TypeOf(nil), reflect.TypeOf(uint8(1)).Kind(), reflect.TypeOf(int32(1)).Kind(), reflect.TypeOf(3.5).Kind())
	fmt.Println(reflect.Int, reflect.Ptr, reflect.Slice, reflect.UnsafePointer, reflect.Kind(100))
	v := reflect.ValueOf(t)
	fmt.Println(v.Kind(), v.NumField(), v.Field(0).Int(), v.Field(1).String(), v.Field(2).IsNil(), v.Field(1).CanInterface())
	s := reflect.ValueOf([]string{"a", "b", "c"})
	fmt.Println(s.Len(), s.Index(1).String(), s.Index(2).Interface())
	m := reflect.ValueOf(map[string]int{"k": 9, "j": 8})
	fmt.Println(m.Len(), m.MapIndex(reflect.ValueOf("k")).Int(), m.MapIndex(reflect.ValueOf("z")).IsValid(), len(m.MapKeys()))
	sum := 0
	it := m.MapRange()
	for it.Next() {
		sum += int(it.Value().Int()) + len(it.Key().String())
	}
	fmt.Println(sum)
	x := 5
	p := reflect.ValueOf(&x)
	fmt.Println(p.Kind(), p.Elem().Int(), p.IsNil(), reflect.ValueOf((*int)(nil)).IsNil())
	var i any = 3.5
	fmt.Println(reflect.ValueOf(i).Float(), reflect.ValueOf(uint16(7)).Uint(), reflect.ValueOf(true).Bool(), reflect.ValueOf(complex(1, 2)).Complex())
	fmt.Println(reflect.ValueOf("héllo").Index(1).Uint(), reflect.ValueOf([]byte("hi")).Bytes(), reflect.ValueOf(0).IsZero(), reflect.ValueOf(T{}).IsZero())
	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}))
	fmt.Println(reflect.DeepEqual(t, T{1, "y", nil}), reflect.DeepEqual([]int(nil), []int{}), reflect.DeepEqual(1, int64(1)), reflect.DeepEqual(nil, nil))
	type node struct{ next *node }
	a := &node{}
	a.next = a
	b := &node{}
	b.next = b
	fmt.Println(reflect.DeepEqual(a, b), reflect.ValueOf(struct{}{}).NumField(), reflect.Value{}.IsValid(), reflect.Value{}.Kind())
	c := make(chan int, 3)
	c <- 1
	fmt.Println(reflect.ValueOf(c).Len(), reflect.ValueOf(c).Cap(), reflect.ValueOf([]int{1, 2, 3}[:1]).Cap())
	fmt.Println(reflect.TypeOf(func(int, ...string) bool { return false }).NumIn(), reflect.TypeOf(fmt.Sprintf).IsVariadic(), reflect.TypeOf(fmt.Sprintf).Out(0))
	fmt.Println(reflect.ValueOf(t).Field(0).Type(), reflect.Zero(tt).Field(0).Int(), reflect.Indirect(reflect.ValueOf(&x)).Int())
}
