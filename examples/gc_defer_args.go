// gosim-flags: --gc-every-safepoint --clobber-free
package main

import "runtime"

// A heap object whose only reference is an argument of a pending deferred
// call. A panic starts that call; inside it runtime.GC() runs and the call
// then checks that the object still holds what was written into it. A GC that
// misses the defer record's arguments (while gopanic has taken the record off
// the defer list) frees the object; with --clobber-free the check then reads
// the 0xdeadbeef pattern.

type record struct {
	vals [6]int
	next *record
}

// fresh returns a new heap record filled from base (it escapes: returned).
func fresh(base int) *record {
	r := new(record)
	for i := 0; i < 6; i++ {
		r.vals[i] = base + i*i
	}
	return r
}

var intact bool

func inspect(r *record, base int) {
	runtime.GC()
	// churn the heap so a freed object's memory is likely reused
	churned := 0
	for k := 0; k < 50; k++ {
		churned += fresh(k).vals[1]
	}
	runtime.GC()
	ok := true
	for i := 0; i < 6; i++ {
		if r.vals[i] != base+i*i {
			println("vals[", i, "] =", r.vals[i], "want", base+i*i)
			ok = false
		}
	}
	intact = ok && churned == 50*49/2+50
}

func scenario() {
	defer func() {
		r := recover()
		println("recovered:", r.(string))
	}()
	defer inspect(fresh(700), 700)
	panic("unwinding with a pending deferred call")
}

func main() {
	scenario()
	println("object intact =", intact)
}
