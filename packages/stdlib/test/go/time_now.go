package main

import "time"

func main() {
	t0 := time.Now()
	time.Sleep(50 * time.Millisecond)
	t1 := time.Now()
	d := t1.Sub(t0)
	println("slept at least 50ms:", d >= 50*time.Millisecond, "under 5s:", d < 5*time.Second)
	println("since:", time.Since(t0) >= d, "until negative:", time.Until(t0) < 0)
	println("before/after/equal:", t0.Before(t1), t1.After(t0), t0.Equal(t0), t0.Equal(t1))
	t2 := t0.Add(time.Hour)
	println("add:", t2.Sub(t0) == time.Hour, t2.After(t1), t2.Unix()-t0.Unix(), t2.UnixNano()-t0.UnixNano() == int64(time.Hour))
	u := time.Unix(1600000000, 5)
	println("unix:", u.Unix(), u.UnixNano(), u.Nanosecond(), u.UnixMilli(), u.IsZero(), time.Time{}.IsZero())
	println("unix add:", u.Add(-time.Second).Unix(), u.Add(999999995).Nanosecond(), u.Add(999999995).Unix())
	println("year ok:", t0.Unix() > 1200000000)
}
