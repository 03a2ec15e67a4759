package main

import "runtime"

// A pending deferred call holds &total, the address of a local on this
// goroutine's stack, while deep recursion grows the stack (copying it to a
// bigger one) many times. When the deferred call finally runs it must store
// through the adjusted pointer, so the named result picks up the value.

func store(dst *int, v int) {
	*dst = v
}

// climb recurses depth times with a ~300-byte frame; out points into the
// caller's frame, so every copy must adjust it.
func climb(out *int, depth int) {
	var scratch [256]byte
	if depth == 0 {
		*out = 1 + int(scratch[17])
		return
	}
	inner := 0
	climb(&inner, depth-1)
	*out = inner + 1
}

func churn() {
	for round := 0; round < 300; round += 3 {
		got := 0
		climb(&got, round)
		if got != round+1 {
			panic("stack is corrupted")
		}
	}
	runtime.GC()
}

func keepPointer() (value int) {
	var total int
	defer func() {
		value = total
	}()
	defer store(&total, 4200)
	churn()
	return -1
}

func main() {
	v := keepPointer()
	bad := 0
	if v != 4200 {
		bad = 1
	}
	println("value =", v, "bad =", bad)
}
