package main

import (
	"os"
	"time"
)

func main() {
	ts := []time.Time{time.Unix(0, 0).UTC(), time.Unix(1257894000, 0).UTC(), time.Unix(951782400, 123000000).UTC(), time.Unix(-62135596800, 0).UTC(),
		time.Unix(4102444799, 999999999).UTC(), time.Unix(-1, 0).UTC(), time.Date(2023, 14, 35, 25, 61, 61, 1500000000, time.UTC),
		time.Date(2000, time.February, 29, 12, 0, 0, 0, time.UTC), time.Date(1900, 3, 1, 0, 0, 0, -1, time.UTC), time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, t := range ts {
		y, m, d := t.Date()
		h, mi, s := t.Clock()
		os.Stdout.WriteString(t.String() + " " + m.String() + " " + t.Weekday().String() + "\n")
		println(y, int(m), d, h, mi, s, t.YearDay(), t.Year(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Unix())
	}
	os.Stdout.WriteString(time.Month(13).String() + " " + time.Weekday(-1).String() + " " + time.Month(-2).String() + "\n")
	now := time.Now()
	os.Stdout.WriteString(now.Add(90*time.Minute).Sub(now).String() + "\n")
}
