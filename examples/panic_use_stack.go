package main

import "runtime"

// Three panics, nested: each level's deferred call recovers, walks the stack
// with runtime.Callers, burns 120-180 KiB of stack (so the stack is copied
// while earlier panics are still being handled) and panics again one level
// deeper. Every level must recover and the program must finish normally.

// burn uses about 2n KiB of stack, then calls f.
func burn(n int, f func()) {
	if n == 0 {
		f()
		return
	}
	var chunk [2048]byte
	burn(n-1+int(chunk[1000]), f)
}

func main() {
	frames := make([]uintptr, 4096)
	levels := 0
	walked := 0
	defer func() {
		println("levels =", levels, "walks ok =", walked == 3)
	}()
	defer func() {
		r := recover()
		println("first recovered", r.(int))
		levels++
		if runtime.Callers(0, frames) > 0 {
			walked++
		}
		burn(60, func() {
			defer func() {
				r := recover()
				println("second recovered", r.(int))
				levels++
				if runtime.Callers(0, frames) > 0 {
					walked++
				}
				burn(90, func() {
					defer func() {
						r := recover()
						println("third recovered", r.(int))
						levels++
						if runtime.Callers(1, frames) > 0 {
							walked++
						}
						runtime.GC()
					}()
					panic(30)
				})
				println("back from the third level")
			}()
			panic(20)
		})
		println("back from the second level")
	}()
	panic(10)
}
