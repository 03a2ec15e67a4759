package main

import "strconv"

func main() {
	vals := []float64{0, 1, -1, 0.1, 0.2 + 0.1, 1.0 / 3, 2.5, 0.125, 1e21, 1e20, 123456789.125, 5e-324, 1.7976931348623157e308,
		2.2250738585072014e-308, 1e23, 100, 1e-7, 0.000001, 3.4028234663852886e38, 1 << 62, -0.0}
	for _, f := range vals {
		for _, c := range []byte{'e', 'f', 'g', 'G', 'b', 'x'} {
			println(strconv.FormatFloat(f, c, -1, 64), strconv.FormatFloat(f, c, 3, 64), strconv.FormatFloat(f, c, 0, 64),
				strconv.FormatFloat(f, c, -1, 32), strconv.FormatFloat(f, c, 17, 64))
		}
	}
	println(string(strconv.AppendFloat([]byte("v="), 1.5, 'g', -1, 64)), strconv.FormatFloat(0.5, 'f', 0, 64), strconv.FormatFloat(1.5, 'f', 0, 64), strconv.FormatFloat(0.125, 'f', 2, 64))
	for _, s := range []string{"3.14159", "1e308", "1e309", "-1e400", "4.9e-324", "2e-324", "0x1.8p3", "inf", "-Infinity", "nan", "1_000.5", "1.5e", ".5", "5.", "1e-1000",
		"2.4703282292062328e-324", "1.00000000000000011102230246251565404236316680908203125", "0.1", "3.4028235e38", "abc"} {
		f, err := strconv.ParseFloat(s, 64)
		g, err32 := strconv.ParseFloat(s, 32)
		es, es32 := "nil", "nil"
		if err != nil {
			es = err.Error()
		}
		if err32 != nil {
			es32 = err32.Error()
		}
		println(s, strconv.FormatFloat(f, 'g', -1, 64), es, strconv.FormatFloat(g, 'g', -1, 32), es32)
	}
}
