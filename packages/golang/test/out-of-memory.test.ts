// Memory exhaustion of Go programs: Go's out-of-memory report past what the address space holds, Go's
// "len out of range" past maxAlloc, and gosim's own heap limit (--max-heap) naming the heap's size.
import { runGo } from './run-helpers';

describe('out of memory', () => {
  it('a block the address space cannot hold: runtime: out of memory, fatal error: out of memory, exit 2', () => {
    const src = `package main

func main() {
	println("start")
	b := make([]int64, 1<<45)
	println(len(b))
}
`;
    const r = runGo(src, 'oom.go');
    // go1.19.8 prints the same two lines (its "in use" count is its own heap's)
    expect(r.raw).toMatch(/^start\nruntime: out of memory: cannot allocate 281474976710656-byte block \(\d+ in use\)\nfatal error: out of memory\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n\toom\.go:5 /);
    expect(r.exit).toBe(2);
  });

  it('past maxAlloc (2^48 bytes) make panics with len out of range', () => {
    const src = `package main

func main() {
	n := 1<<45 + 1
	b := make([]int64, n)
	println(len(b))
}
`;
    const r = runGo(src, 'len.go');
    // go1.19.8 (the frames it hides are another matter)
    expect(r.raw).toMatch(/^panic: runtime error: makeslice: len out of range\n\ngoroutine 1 \[running\]:\n/);
    expect(r.raw).toContain('\nmain.main()\n\tlen.go:5 ');
    expect(r.exit).toBe(2);
  });

  it('a list outgrowing the address space (no garbage to collect) ends with the out-of-memory report', () => {
    const src = `package main

type node struct {
	next *node
	buf  [1 << 20]byte
}

func main() {
	var head *node
	for i := 0; i < 10000; i++ {
		n := new(node)
		n.next = head
		head = n
	}
	println("unreachable", head != nil)
}
`;
    const r = runGo(src, 'list.go');
    expect(r.raw).toMatch(/^runtime: out of memory: cannot allocate 4194304-byte block \(\d+ in use\)\nfatal error: out of memory\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n\tlist\.go:11 /);
    expect(r.exit).toBe(2);
  });

  it('--max-heap stays gosim\'s own limit, naming the heap\'s size and the limit', () => {
    const src = `package main

type node struct {
	next *node
	buf  [8184]byte
}

func main() {
	var head *node
	for i := 0; i < 100000; i++ {
		head = &node{next: head}
	}
	println(head != nil)
}
`;
    const c = require('../src/index').compile(src, 'limit.go');
    const { runModule } = require('@gosim/runtime') as typeof import('@gosim/runtime');
    const r = runModule(c.module, { maxHeap: 8 << 20 });
    expect(r.limit?.what).toBe('heap');
    expect(r.limit?.message).toMatch(/^gosim: heap limit reached \(the heap of \d+ bytes cannot grow by 8192 bytes within the limit of 8388608 bytes\)$/);
    const live = Number(/heap of (\d+) bytes/.exec(r.limit!.message)![1]);
    expect(live).toBeGreaterThan((8 << 20) - 8192 * 2);
  });
});
