package main

// (g) Append in a loop: slices of ints and of pointers grow through growslice (doubling, then 1.25x steps,
// rounded to size classes) and are rebuilt from scratch R times, so old backing arrays become garbage.

const N = 20000
const R = 40

type item struct {
	v int
}

func main() {
	s := 0
	for r := 0; r < R; r++ {
		var xs []int
		var ps []*item
		for i := 0; i < N; i++ {
			xs = append(xs, i^r)
			if i%8 == 0 {
				ps = append(ps, &item{v: i + r})
			}
		}
		ys := append([]int(nil), xs[N/2:]...)
		for i, x := range ys {
			s += x * (i & 7)
		}
		for _, p := range ps {
			s += p.v
		}
		s += cap(xs) + cap(ps) + len(ys)
		s %= 1000000007
	}
	println("checksum:", s)
}
