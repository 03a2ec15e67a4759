package main

import "sort"

type item struct{ key, id int }

var x uint32 = 2463534242

func next() int {
	x ^= x << 13
	x ^= x >> 17
	x ^= x << 5
	return int(x >> 1)
}

type byKey []item

func (b byKey) Len() int           { return len(b) }
func (b byKey) Less(i, j int) bool { return b[i].key < b[j].key }
func (b byKey) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func hash(a []item) uint32 {
	var h uint32 = 2166136261
	for _, it := range a {
		h = (h ^ uint32(it.id)) * 16777619
	}
	return h
}

func main() {
	for _, n := range []int{13, 50, 51, 100, 257, 1000, 1500} {
		for pattern := 0; pattern < 6; pattern++ {
			a := make([]item, n)
			for i := range a {
				var k int
				switch pattern {
				case 0:
					k = next() % 10
				case 1:
					k = i
				case 2:
					k = n - i
				case 3:
					k = i % 3
				case 4:
					k = (i * i) % 17
				default:
					k = next()
					if i%50 == 0 {
						k = 0
					}
				}
				a[i] = item{k, i}
			}
			b := append([]item(nil), a...)
			c := append([]item(nil), a...)
			sort.Slice(a, func(i, j int) bool { return a[i].key < a[j].key })
			sort.Sort(byKey(b))
			sort.Stable(byKey(c))
			println(n, pattern, hash(a), hash(b), hash(c), sort.IsSorted(byKey(a)))
		}
	}
	// sorted input with a few misplaced elements (partialInsertionSort) and organ pipes (breakPatterns, heapsort)
	a := make([]item, 600)
	for i := range a {
		a[i] = item{i, i}
	}
	a[10], a[500] = a[500], a[10]
	sort.Sort(byKey(a))
	pipe := make([]item, 777)
	for i := range pipe {
		k := i
		if i > 388 {
			k = 777 - i
		}
		pipe[i] = item{k, i}
	}
	sort.Sort(byKey(pipe))
	println(hash(a), hash(pipe))
}
