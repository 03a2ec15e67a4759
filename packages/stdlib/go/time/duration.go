package time

// A Duration is the time between two instants as an int64 count of nanoseconds.
type Duration int64

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// The common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// utoa is v in decimal.
func utoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return string(b[i:])
}

// decimal is v / 10^digits in decimal, its fraction without trailing zeros (and without the point when it
// is all zeros).
func decimal(v uint64, digits int) string {
	var frac [9]byte
	n := 0
	for i := digits - 1; i >= 0; i-- {
		d := byte(v % 10)
		v /= 10
		if n > 0 || d != 0 {
			if n == 0 {
				n = i + 1
			}
			frac[i] = '0' + d
		}
	}
	if n == 0 {
		return utoa(v)
	}
	return utoa(v) + "." + string(frac[:n])
}

// String formats d as "72h3m0.5s": hours and minutes when there are any, seconds with their fraction;
// below a second in ms, µs or ns; zero is "0s".
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	u := uint64(d)
	sign := ""
	if d < 0 {
		u = -u
		sign = "-"
	}
	if u < uint64(Second) {
		switch {
		case u < uint64(Microsecond):
			return sign + utoa(u) + "ns"
		case u < uint64(Millisecond):
			return sign + decimal(u, 3) + "µs"
		default:
			return sign + decimal(u, 6) + "ms"
		}
	}
	s := decimal(u%uint64(Minute), 9) + "s"
	min := u / uint64(Minute)
	if min == 0 {
		return sign + s
	}
	s = utoa(min%60) + "m" + s
	if h := min / 60; h > 0 {
		s = utoa(h) + "h" + s
	}
	return sign + s
}

// Nanoseconds returns d as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns d as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns d as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds returns d as a floating-point number of seconds (whole part and remainder converted apart, so the
// whole seconds are exact).
func (d Duration) Seconds() float64 {
	return float64(d/Second) + float64(d%Second)/1e9
}

// Minutes returns d as a floating-point number of minutes.
func (d Duration) Minutes() float64 {
	return float64(d/Minute) + float64(d%Minute)/(60*1e9)
}

// Hours returns d as a floating-point number of hours.
func (d Duration) Hours() float64 {
	return float64(d/Hour) + float64(d%Hour)/(60*60*1e9)
}

// Truncate rounds d toward zero to a multiple of m (m <= 0: d unchanged).
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// below half: x is less than half of y (both non-negative).
func belowHalf(x, y Duration) bool {
	return uint64(x)+uint64(x) < uint64(y)
}

// Round rounds d to the nearest multiple of m, halfway values away from zero; past the int64 range it gives
// the largest or smallest Duration.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if belowHalf(r, m) {
			return d + r
		}
		if down := d - m + r; down < d {
			return down
		}
		return minDuration
	}
	if belowHalf(r, m) {
		return d - r
	}
	if up := d + m - r; up > d {
		return up
	}
	return maxDuration
}

// Abs returns |d|; the smallest Duration gives the largest.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}
