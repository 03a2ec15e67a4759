package main

import (
	"os"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 1100, 2 * time.Millisecond, 1500 * time.Microsecond, time.Second, 90 * time.Second,
		time.Hour + 30*time.Minute + 5*time.Second + 6*time.Millisecond, -3 * time.Minute, 1<<63 - 1, -1 << 63}
	for _, d := range ds {
		os.Stdout.WriteString(d.String() + " " + d.Round(time.Millisecond).String() + " " + d.Truncate(time.Second).String() + "\n")
		println(d.Seconds(), d.Minutes(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
	}
	println(time.Duration(1500*time.Millisecond).Hours() < 1, time.Minute.Abs() == time.Minute, (-time.Hour).Abs().String() == "1h0m0s")
}
