package main

import (
	"os"
	"time"
)

func main() {
	for _, s := range []string{"0", "-0", "+0", "", "300ms", "-1.5h", "2h45m", "1.5µs", "1.5μs", "1us", "3ns", ".5s", "5.s", "1h2m3s4ms5us6ns",
		"9223372036854775807ns", "9223372036854775808ns", "-9223372036854775808ns", "-9223372036854775809ns", "2562047h", "2562048h",
		"0.000000001s", "1.0000000000000000000001s", "1", "1x", "1.5", ".s", "-.s", "s", "1h-", "1é", "\x01", "a\"b\\", "100000000000000000000s", "0.3333333333333333333h"} {
		d, err := time.ParseDuration(s)
		if err != nil {
			os.Stdout.WriteString(err.Error() + "\n")
			continue
		}
		os.Stdout.WriteString(d.String() + "\n")
		println(int64(d))
	}
}
