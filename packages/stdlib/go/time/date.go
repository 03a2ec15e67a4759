package time

// Calendar dates of the proleptic Gregorian calendar, in UTC (gosim's Local is UTC too).

// A Month specifies a month of the year (January = 1).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// String returns the month's English name ("%!Month(N)" out of range, N as unsigned).
func (m Month) String() string {
	if January <= m && m <= December {
		return monthNames[m-1]
	}
	return "%!Month(" + utoa(uint64(m)) + ")"
}

// A Weekday specifies a day of the week (Sunday = 0).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// String returns the day's English name.
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return dayNames[d]
	}
	return "%!Weekday(" + utoa(uint64(d)) + ")"
}

// floorDiv is a / b rounded toward negative infinity (b > 0).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// civil converts days since 1970-01-01 into a date. The year is split into 400-year eras of 146097 days
// counted from March 1, so that the leap day is the last day of a year.
func civil(days int64) (year int64, month Month, day int) {
	z := days + 719468 // days since 0000-03-01
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // day of the era, [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era, [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the March-based year, [0, 365]
	mp := (5*doy + 2) / 153                                // March-based month, [0, 11]
	day = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		month = Month(mp + 3)
	} else {
		month = Month(mp - 9)
	}
	year = yoe + era*400
	if month <= February {
		year++
	}
	return
}

// daysSinceEpoch is civil's inverse: the days from 1970-01-01 to the date (month in 1..12).
func daysSinceEpoch(year int64, month Month, day int64) int64 {
	if month <= February {
		year--
	}
	era := floorDiv(year, 400)
	yoe := year - era*400
	mp := int64(month) + 9
	if month > February {
		mp = int64(month) - 3
	}
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func isLeap(year int64) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

// Date returns the Time of the given date and clock in loc (nil: a panic, as Go's); values outside their
// ranges are normalised (October 32 is November 1).
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	m := int64(month) - 1
	y := int64(year) + floorDiv(m, 12)
	m -= floorDiv(m, 12) * 12
	s := int64(sec) + floorDiv(int64(nsec), 1e9)
	ns := int64(nsec) - floorDiv(int64(nsec), 1e9)*1e9
	unix := (daysSinceEpoch(y, Month(m+1), 1)+int64(day)-1)*secondsPerDay + int64(hour)*3600 + int64(min)*60 + s
	t := Unix(unix, ns)
	t.loc = loc
	return t
}

// split divides t's Unix seconds into days since 1970-01-01 and the seconds of the day.
func (t Time) split() (days int64, secs int64) {
	u := t.unixSec()
	days = floorDiv(u, secondsPerDay)
	return days, u - days*secondsPerDay
}

// Date returns the year, month and day of t.
func (t Time) Date() (year int, month Month, day int) {
	d, _ := t.split()
	y, m, dd := civil(d)
	return int(y), m, dd
}

// Year returns the year of t.
func (t Time) Year() int { y, _, _ := t.Date(); return y }

// Month returns the month of t.
func (t Time) Month() Month { _, m, _ := t.Date(); return m }

// Day returns the day of the month of t.
func (t Time) Day() int { _, _, d := t.Date(); return d }

// Clock returns the hour, minute and second of t's day.
func (t Time) Clock() (hour, min, sec int) {
	_, s := t.split()
	return int(s / 3600), int(s % 3600 / 60), int(s % 60)
}

// Hour returns the hour of t's day.
func (t Time) Hour() int { h, _, _ := t.Clock(); return h }

// Minute returns the minute of t's hour.
func (t Time) Minute() int { _, m, _ := t.Clock(); return m }

// Second returns the second of t's minute.
func (t Time) Second() int { _, _, s := t.Clock(); return s }

// Weekday returns the day of the week of t (1970-01-01 was a Thursday).
func (t Time) Weekday() Weekday {
	d, _ := t.split()
	return Weekday((d%7 + 7 + 4) % 7)
}

// YearDay returns the day of the year of t, from 1.
func (t Time) YearDay() int {
	d, _ := t.split()
	y, _, _ := civil(d)
	return int(d-daysSinceEpoch(y, January, 1)) + 1
}

// pad is v in decimal, zero-padded to width digits.
func pad(v int64, width int) string {
	s := utoa(uint64(v))
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// String formats t as Go's "2006-01-02 15:04:05.999999999 -0700 MST" layout does, the fraction without
// trailing zeros; a monotonic reading is appended as " m=±S.NNNNNNNNN" (seconds since the program started).
func (t Time) String() string {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	var ys string
	if y < 0 {
		ys = "-" + pad(int64(-y), 4)
	} else {
		ys = pad(int64(y), 4)
	}
	out := ys + "-" + pad(int64(mo), 2) + "-" + pad(int64(d), 2) + " " + pad(int64(h), 2) + ":" + pad(int64(mi), 2) + ":" + pad(int64(s), 2)
	if ns := t.nsec(); ns != 0 {
		f := pad(int64(ns), 9)
		n := len(f)
		for f[n-1] == '0' {
			n--
		}
		out += "." + f[:n]
	}
	out += " +0000 UTC"
	if t.wall&hasMonotonic != 0 {
		m := uint64(t.ext)
		sign := "+"
		if t.ext < 0 {
			sign = "-"
			m = -m
		}
		out += " m=" + sign + utoa(m/1e9) + "." + pad(int64(m%1e9), 9)
	}
	return out
}
