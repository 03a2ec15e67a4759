package main

import "sort"

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func printPeople(ps []person) {
	for _, p := range ps {
		print(p.name, ":", p.age, " ")
	}
	println()
}

func main() {
	xs := []int{5, 2, 8, 1, 9, 3, 7, 3, 0, -4}
	sort.Ints(xs)
	for _, x := range xs {
		print(x, " ")
	}
	println(sort.IntsAreSorted(xs), sort.SearchInts(xs, 3), sort.SearchInts(xs, 6))
	ss := []string{"pear", "apple", "fig", "banana", "cherry"}
	sort.Strings(ss)
	for _, s := range ss {
		print(s, " ")
	}
	println(sort.StringsAreSorted(ss), sort.SearchStrings(ss, "cherry"))
	fs := []float64{2.5, -1, 3.25, 0}
	sort.Float64s(fs)
	for _, f := range fs {
		print(f, " ")
	}
	println()
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	for _, x := range xs {
		print(x, " ")
	}
	println()
	// Equal keys: Go's pdqsort order (not stable) must be reproduced exactly.
	var ps []person
	names := []string{"ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal", "ivy", "jon", "kim", "lee", "max", "ned", "oli", "pam"}
	for i := 0; i < 64; i++ {
		ps = append(ps, person{names[i%16] + string(rune('a'+i/16)), (i * 7) % 5})
	}
	qs := append([]person(nil), ps...)
	rs := append([]person(nil), ps...)
	sort.Sort(byAge(ps))
	printPeople(ps)
	sort.Slice(qs, func(i, j int) bool { return qs[i].age < qs[j].age })
	printPeople(qs)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].age < rs[j].age })
	printPeople(rs)
	sort.Stable(sort.Reverse(byAge(rs)))
	printPeople(rs)
	println(sort.SliceIsSorted(qs, func(i, j int) bool { return qs[i].age < qs[j].age }), sort.IsSorted(byAge(ps)))
	big := make([]int, 500)
	for i := range big {
		big[i] = (i * 7919) % 101
	}
	sort.Slice(big, func(i, j int) bool { return big[i]/10 < big[j]/10 })
	sum := 0
	for i, v := range big {
		sum = sum*31 + v*(i+1)
		sum %= 1000000007
	}
	println(sum)
	i := sort.Search(100, func(i int) bool { return i*i >= 50 })
	println(i)
	defer func() { println(recover().(error).Error()) }()
	sort.Slice(3, func(i, j int) bool { return false })
}
