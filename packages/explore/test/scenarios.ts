// The CL's scenarios as Go source templates, so tests can run variants nobody wrote down: other names,
// frame sizes, argument sizes and depths.

export interface GoexitVariant {
  /** Bytes of the big array argument of the deferred call (the CL: 4096). */
  bufBytes: number;
  /** Bytes of the array that makes each recursion frame (the CL: 1024). */
  frameBytes: number;
  /** Trials i = 0 .. trials-1, each using about i frames of stack. */
  trials: number;
  /** Names, to show nothing depends on them. */
  fn: string;
  how: 'goexit' | 'panic';
}

/** DeferPtrsGoexit / DeferPtrsPanic: defer a closure sending y, defer set(&y, 42, big) then unwind. */
export function deferPtrs(v: GoexitVariant): string {
  const unwind =
    v.how === 'goexit'
      ? `${v.fn}Use(i, runtime.Goexit)`
      : `${v.fn}Use(i, func() { panic(1) })`;
  return `package main
${v.how === 'goexit' ? '\nimport "runtime"\n' : ''}
type ${v.fn}Buf [${v.bufBytes}]byte

func ${v.fn}Use(n int, f func()) {
	if n == 0 {
		f()
		return
	}
	var b [${v.frameBytes}]byte
	${v.fn}Use(n-1+int(b[${Math.min(99, v.frameBytes - 1)}]), f)
}

func ${v.fn}Set(p *int, x int, b ${v.fn}Buf) {
	*p = x
}

func ${v.fn}Trial(c chan int, i int) {
	var y int
	defer func() {
		${v.how === 'panic' ? 'recover()\n\t\t' : ''}c <- y
	}()
	defer ${v.fn}Set(&y, 42, ${v.fn}Buf{})
	${unwind}
}

func main() {
	bad := 0
	for i := 0; i < ${v.trials}; i++ {
		c := make(chan int, 1)
		${v.how === 'goexit' ? 'go ' : ''}${v.fn}Trial(c, i)
		if n := <-c; n != 42 {
			bad++
		}
	}
	println("bad =", bad)
}
`;
}

/** DeferPtrs: a defer holds &y, then deep recursion grows the stack many times. */
export function deferPtrsGrowth(depth: number, frameBytes: number): string {
  return `package main

func grow(n int) int {
	var pad [${frameBytes}]byte
	if n == 0 {
		return int(pad[1])
	}
	return grow(n-1) + int(pad[2])
}

func set(p *int, v int) {
	*p = v
}

func run() (r int) {
	var y int
	defer func() {
		r = y
	}()
	defer set(&y, 42)
	grow(${depth})
	return 0
}

func main() {
	println("y =", run())
}
`;
}

/** PanicUseStack: nested panic/recover levels, each deferred call burning kib[l] KiB and walking the stack. */
export function panicUseStack(kib: readonly number[], frameBytes = 1024): string {
  const level = (l: number): string => {
    const inner = l < kib.length ? level(l + 1) : 'runtime.GC()';
    return `defer func() {
		r := recover()
		println("recovered", r.(int))
		runtime.Callers(0, pc)
		use(${kib[l - 1]}, func() {
			${inner}
		})
	}()
	panic(${l})`;
  };
  return `package main

import "runtime"

var pc = make([]uintptr, 1000)

func use(n int, f func()) {
	if n == 0 {
		f()
		return
	}
	var b [${frameBytes}]byte
	use(n-1+int(b[7]), f)
}

func main() {
	defer func() {
		println("done")
	}()
	${level(1)}
}
`;
}
