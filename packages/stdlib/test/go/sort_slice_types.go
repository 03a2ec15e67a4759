package main

import (
	"runtime"
	"sort"
)

type small struct {
	a int8
	b string
}

type node struct {
	v    int
	next *node
}

type empty struct{}

func main() {
	ss := []small{{3, "c"}, {1, "a"}, {2, "b"}, {1, "z"}, {0, "q"}, {3, "d"}, {2, "e"}, {1, "y"}, {5, "x"}, {4, "w"}, {1, "v"}, {0, "u"}, {3, "t"}, {2, "s"}}
	sort.Slice(ss, func(i, j int) bool { return ss[i].a < ss[j].a })
	runtime.GC()
	for _, s := range ss {
		print(s.a, s.b, " ")
	}
	println()
	var ns []*node
	for i := 0; i < 40; i++ {
		ns = append(ns, &node{(i * 17) % 23, &node{i, nil}})
	}
	sort.Slice(ns, func(i, j int) bool { return ns[i].v < ns[j].v })
	runtime.GC()
	for _, n := range ns {
		print(n.v, ":", n.next.v, " ")
	}
	println()
	is := []interface{}{5, "x", 3, 2.5, 1, "a", 4}
	key := func(x interface{}) int {
		switch v := x.(type) {
		case int:
			return v
		case string:
			return len(v) * 10
		}
		return 2
	}
	sort.SliceStable(is, func(i, j int) bool { return key(is[i]) < key(is[j]) })
	runtime.GC()
	for _, x := range is {
		switch v := x.(type) {
		case int:
			print(v, " ")
		case string:
			print(v, " ")
		case float64:
			print("f", " ")
		}
	}
	println()
	bs := [][3]byte{{3, 1, 2}, {1, 1, 1}, {2, 9, 9}, {1, 0, 0}}
	sort.Slice(bs, func(i, j int) bool { return bs[i][0] < bs[j][0] })
	for _, b := range bs {
		print(b[0], b[1], b[2], " ")
	}
	println()
	fs := []float32{2.5, -1, 0.25, 3}
	sort.Slice(fs, func(i, j int) bool { return fs[i] < fs[j] })
	println(fs[0] == -1, fs[3] == 3)
	es := make([]empty, 5)
	sort.Slice(es, func(i, j int) bool { return false })
	u16 := []uint16{9, 3, 65535, 0, 7}
	sort.Slice(u16, func(i, j int) bool { return u16[i] > u16[j] })
	for _, v := range u16 {
		print(v, " ")
	}
	println()
	var nilSlice []int
	sort.Slice(nilSlice, func(i, j int) bool { return true })
	println(sort.SliceIsSorted(u16, func(i, j int) bool { return u16[i] > u16[j] }), len(nilSlice))
	big := make([]string, 300)
	for i := range big {
		big[i] = string(rune('a' + (i*37)%26))
	}
	sort.Slice(big, func(i, j int) bool { return big[i] < big[j] })
	println(big[0], big[150], big[299], sort.SliceIsSorted(big, func(i, j int) bool { return big[i] < big[j] }))
	defer func() { println(recover().(error).Error()) }()
	sort.SliceIsSorted(5, func(i, j int) bool { return false })
}
