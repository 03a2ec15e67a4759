package main

// (g) Floating-point arithmetic: a Mandelbrot set of W×H points, at most M iterations each, in float64, with a
// float32 and a complex128 pass over the last row; the checksum sums the iteration counts.

const (
	W = 120
	H = 80
	M = 200
)

func escape(cr, ci float64) int {
	zr, zi := 0.0, 0.0
	for n := 0; n < M; n++ {
		zr2, zi2 := zr*zr, zi*zi
		if zr2+zi2 > 4 {
			return n
		}
		zi = 2*zr*zi + ci
		zr = zr2 - zi2 + cr
	}
	return M
}

func escape32(cr, ci float32) int {
	var zr, zi float32
	for n := 0; n < M; n++ {
		if zr*zr+zi*zi > 4 {
			return n
		}
		zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
	}
	return M
}

func escapeC(c complex128) int {
	z := complex(0, 0)
	for n := 0; n < M; n++ {
		if real(z)*real(z)+imag(z)*imag(z) > 4 {
			return n
		}
		z = z*z + c
	}
	return M
}

func main() {
	sum := 0
	for y := 0; y < H; y++ {
		ci := -1.2 + 2.4*float64(y)/H
		for x := 0; x < W; x++ {
			sum += escape(-2.2+3.0*float64(x)/W, ci)
		}
	}
	for x := 0; x < W; x++ {
		cr := -2.2 + 3.0*float64(x)/W
		sum += escape32(float32(cr), 0.1) + escapeC(complex(cr, -0.1))
	}
	println("checksum:", sum)
}
