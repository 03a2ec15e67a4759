package main

// (g) Map churn: N inserts into a map that grows from empty (doubling and evacuating as it goes), lookups of
// present and absent keys, deletes of a third, and a range over what is left.

const N = 200000

func main() {
	m := make(map[int]int)
	for i := 0; i < N; i++ {
		m[i*7919%N] = i
	}
	s := 0
	for i := 0; i < 2*N; i++ {
		if v, ok := m[i]; ok {
			s += v & 0xff
		} else {
			s++
		}
	}
	for i := 0; i < N; i += 3 {
		delete(m, i)
	}
	for k, v := range m {
		s += (k ^ v) & 0xf
	}
	println("checksum:", s, len(m))
}
