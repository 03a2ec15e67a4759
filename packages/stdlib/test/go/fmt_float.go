package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Printf("%e %E %f %F %g %G\n", 1234.5678, 1234.5678, 1234.5678, 1234.5678, 1234.5678, 1e21)
	fmt.Printf("%.3e %.3f %.3g %8.2f|%-8.2f|%+.2f %08.2f %v\n", 1234.5678, 1234.5678, 1234.5678, 3.14159, 3.14159, 3.0, -3.14159, 1e-7)
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), float32(0.1), 0.1, 100000000.0, 1e20, 1e21, 123456789.0)
	fmt.Printf("%5v|%-5v|%05v|%+v|% v|%#v|%#g|%#.3g|%#e\n", math.NaN(), math.Inf(1), math.Inf(-1), math.NaN(), 1.0, 1.0, 1.0, 2.0, 3.0)
	fmt.Println(complex(1, 2), complex64(complex(-1.5, -2)), 1/3.0, float32(1)/3, -0.0, 2.0)
	fmt.Printf("%.2f %+v %v %g\n", complex(1, 2), complex(3, 4), []float64{1, 2.5}, float32(16777216))
	fmt.Printf("%x %X %b %.3x\n", 1.0, 255.5, 1.0, 3.14)
	fmt.Printf("%6.3v|%-10.4e|%010.3f|% .2f\n", math.Pi, math.E, -math.Pi, 2.5)
}
