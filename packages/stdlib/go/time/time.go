// Package time measures and displays time on gosim's virtual clock: it starts at 2009-11-10 23:00:00 UTC
// (the Go playground's instant) and moves only when every goroutine waits and a timer is pending, to that
// timer's time; so sleeps take no real time and every run reads the same times.
package time

// now returns the wall clock (seconds and nanoseconds since the Unix epoch) and the monotonic clock.
func now() (sec int64, nsec int32, mono int64)

// runtimeNano returns the runtime's monotonic clock in nanoseconds.
func runtimeNano() int64

// startNano is the monotonic reading just before the program started: a Time's monotonic part counts from it.
var startNano int64 = runtimeNano() - 1

// A Location names a time zone. gosim has two, UTC and Local (which is UTC).
type Location struct {
	name string
}

var utcLoc = Location{name: "UTC"}
var localLoc = Location{name: "Local"}

// UTC and Local are the locations gosim knows.
var UTC *Location = &utcLoc
var Local *Location = &localLoc

// String returns the location's name.
func (l *Location) String() string {
	if l == nil {
		return "UTC"
	}
	return l.name
}

// A Time is an instant with nanosecond precision, laid out as Go's: wall holds, when its top bit
// (hasMonotonic) is set, 33 bits of seconds since 1885 and 30 bits of nanoseconds, and ext the monotonic
// reading since startNano; without that bit wall holds only the nanoseconds and ext the signed seconds since
// January 1, year 1.
type Time struct {
	wall uint64
	ext  int64
	loc  *Location
}

const (
	hasMonotonic = 1 << 63
	nsecMask     = 1<<30 - 1
	nsecShift    = 30
	wallSecMax   = 1<<33 - 1

	secondsPerDay = 86400
	// days from January 1, year 1 to January 1 of 1885 and of 1970
	wallToInternal int64 = (1884*365 + 1884/4 - 1884/100 + 1884/400) * secondsPerDay
	unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * secondsPerDay
	internalToUnix int64 = -unixToInternal
)

func (t *Time) nsec() int32 {
	return int32(t.wall & nsecMask)
}

// sec is t's seconds since January 1, year 1.
func (t *Time) sec() int64 {
	if t.wall&hasMonotonic != 0 {
		return wallToInternal + int64(t.wall<<1>>(nsecShift+1))
	}
	return t.ext
}

func (t *Time) unixSec() int64 {
	return t.sec() + internalToUnix
}

// stripMono drops the monotonic reading, moving the seconds into ext.
func (t *Time) stripMono() {
	if t.wall&hasMonotonic != 0 {
		t.ext = t.sec()
		t.wall &= nsecMask
	}
}

// addSec adds d seconds, keeping the compact form while the seconds fit it.
func (t *Time) addSec(d int64) {
	if t.wall&hasMonotonic != 0 {
		s := int64(t.wall << 1 >> (nsecShift + 1))
		if n := s + d; n >= 0 && n <= wallSecMax {
			t.wall = t.wall&nsecMask | uint64(n)<<nsecShift | hasMonotonic
			return
		}
		t.stripMono()
	}
	sum := t.ext + d
	if (sum > t.ext) == (d > 0) {
		t.ext = sum
	} else if d > 0 {
		t.ext = 1<<63 - 1
	} else {
		t.ext = -(1<<63 - 1)
	}
}

// Now returns the current time (with a monotonic reading).
func Now() Time {
	sec, nsec, mono := now()
	mono -= startNano
	s := sec + unixToInternal - wallToInternal
	if uint64(s)>>33 != 0 {
		return Time{uint64(nsec), s + wallToInternal, Local}
	}
	return Time{hasMonotonic | uint64(s)<<nsecShift | uint64(nsec), mono, Local}
}

// Unix returns the local Time of sec seconds and nsec nanoseconds since the Unix epoch.
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{uint64(nsec), sec + unixToInternal, Local}
}

// UnixMilli returns the local Time of msec milliseconds since the Unix epoch.
func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }

// Since returns the time elapsed since t.
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t.
func Until(t Time) Duration { return t.Sub(Now()) }

// Sub returns t-u, clamped to the Duration range; with both monotonic readings, from them alone.
func (t Time) Sub(u Time) Duration {
	if t.wall&u.wall&hasMonotonic != 0 {
		d := Duration(t.ext - u.ext)
		if d < 0 && t.ext > u.ext {
			return maxDuration
		}
		if d > 0 && t.ext < u.ext {
			return minDuration
		}
		return d
	}
	d := Duration(t.sec()-u.sec())*Second + Duration(t.nsec()-u.nsec())
	if u.Add(d).Equal(t) {
		return d
	}
	if t.Before(u) {
		return minDuration
	}
	return maxDuration
}

// Add returns t+d (the monotonic reading moves too, unless it would overflow: then it is dropped).
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec() + int32(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.wall = t.wall&^nsecMask | uint64(nsec)
	t.addSec(dsec)
	if t.wall&hasMonotonic != 0 {
		e := t.ext + int64(d)
		if d < 0 && e > t.ext || d > 0 && e < t.ext {
			t.stripMono()
		} else {
			t.ext = e
		}
	}
	return t
}

// After reports whether t is after u.
func (t Time) After(u Time) bool {
	if t.wall&u.wall&hasMonotonic != 0 {
		return t.ext > u.ext
	}
	ts, us := t.sec(), u.sec()
	return ts > us || ts == us && t.nsec() > u.nsec()
}

// Before reports whether t is before u.
func (t Time) Before(u Time) bool {
	if t.wall&u.wall&hasMonotonic != 0 {
		return t.ext < u.ext
	}
	ts, us := t.sec(), u.sec()
	return ts < us || ts == us && t.nsec() < u.nsec()
}

// Equal reports whether t and u are the same instant.
func (t Time) Equal(u Time) bool {
	if t.wall&u.wall&hasMonotonic != 0 {
		return t.ext == u.ext
	}
	return t.sec() == u.sec() && t.nsec() == u.nsec()
}

// IsZero reports whether t is the zero Time (January 1, year 1, 00:00:00 UTC).
func (t Time) IsZero() bool { return t.sec() == 0 && t.nsec() == 0 }

// Unix returns t's seconds since the Unix epoch.
func (t Time) Unix() int64 { return t.unixSec() }

// UnixMilli returns t's milliseconds since the Unix epoch.
func (t Time) UnixMilli() int64 { return t.unixSec()*1e3 + int64(t.nsec())/1e6 }

// UnixMicro returns t's microseconds since the Unix epoch.
func (t Time) UnixMicro() int64 { return t.unixSec()*1e6 + int64(t.nsec())/1e3 }

// UnixNano returns t's nanoseconds since the Unix epoch.
func (t Time) UnixNano() int64 { return t.unixSec()*1e9 + int64(t.nsec()) }

// Nanosecond returns the nanosecond offset within t's second.
func (t Time) Nanosecond() int { return int(t.nsec()) }

// Location returns t's location.
func (t Time) Location() *Location {
	if t.loc == nil {
		return UTC
	}
	return t.loc
}

// UTC returns t in UTC.
func (t Time) UTC() Time {
	t.loc = nil
	return t
}

// Local returns t in the local location.
func (t Time) Local() Time {
	t.loc = Local
	return t
}
