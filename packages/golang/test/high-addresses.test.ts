// A Go program whose heap lies above 2^31: a 2 GiB block (mapped, never touched) sits below it.
import { runGo } from './run-helpers';

it('a list of 50 000 nodes allocated above 2^31 survives GCs whole (go1.19.8: count 50000 bad 0 1)', () => {
  const src = `package main

import "runtime"

type node struct {
	next *node
	id   int
	pad  [6]int
}

func main() {
	big := make([]byte, 1<<31)
	var head *node
	for i := 0; i < 50000; i++ {
		head = &node{next: head, id: i}
		if i%20000 == 0 {
			runtime.GC()
		}
	}
	runtime.GC()
	count, bad := 0, 0
	want := 49999
	for p := head; p != nil; p = p.next {
		if p.id != want {
			bad++
		}
		want--
		count++
	}
	big[len(big)-1] = 1
	println("count", count, "bad", bad, big[len(big)-1])
}
`;
  const r = runGo(src, 'hi.go');
  expect(r.raw).toBe('count 50000 bad 0 1\n');
  expect(r.exit).toBe(0);
});
