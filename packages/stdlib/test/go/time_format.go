package main

import (
	"os"
	"time"
)

func main() {
	ts := []time.Time{time.Date(2009, 11, 10, 23, 4, 5, 123456789, time.UTC), time.Date(2021, 1, 2, 0, 0, 9, 0, time.UTC),
		time.Date(1999, 12, 31, 12, 30, 0, 5000000, time.UTC), time.Date(2024, 2, 29, 9, 7, 3, 100, time.UTC)}
	layouts := []string{time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850,
		time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli,
		time.StampMicro, time.StampNano, "2006-01-02", "15:04:05.000", "3:4:5 pm", "Monday January 2 06 002 __2",
		"x1y2z3 .999 ,000 .9x .09 _2006 12345", "2006-01-02T15:04:05.000000Z0700 -07 Z07 -07:00:00 Z070000"}
	for _, t := range ts {
		for _, l := range layouts {
			os.Stdout.WriteString(t.Format(l) + "\n")
		}
	}
}
