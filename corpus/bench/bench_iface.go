package main

// (g) Interface method calls: N dynamic calls through itabs over a mix of
// value- and pointer-receiver types, printing a checksum.

const N = 1000000

type Stepper interface {
	Step(x int) int
}

type add struct{ k int }

func (a add) Step(x int) int { return x + a.k }

type mul struct{ k int }

func (m *mul) Step(x int) int { return (x * m.k) & 0xffff }

type xor int

func (v xor) Step(x int) int { return x ^ int(v) }

func main() {
	var s [4]Stepper
	s[0] = add{3}
	s[1] = &mul{5}
	s[2] = xor(0x55)
	s[3] = add{-1}
	sum := 0
	x := 1
	for i := 0; i < N; i++ {
		x = s[i&3].Step(x)
		sum += x
	}
	println("checksum:", sum)
}
