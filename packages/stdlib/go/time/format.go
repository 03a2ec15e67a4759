package time

// Layouts for Format (Go's reference time: Mon Jan 2 15:04:05 MST 2006).
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
)

func startsWith(s, p string) bool {
	return len(s) >= len(p) && s[:len(p)] == p
}

func isDigit(s string, i int) bool {
	return i < len(s) && '0' <= s[i] && s[i] <= '9'
}

// fracAt: s[i] is '.' or ',' followed by a run of '0's or of '9's not followed by a digit; the run's length.
func fracAt(s string, i int) int {
	if i+1 >= len(s) || (s[i+1] != '0' && s[i+1] != '9') {
		return 0
	}
	j := i + 1
	for j < len(s) && s[j] == s[i+1] {
		j++
	}
	if isDigit(s, j) {
		return 0
	}
	return j - i - 1
}

// element is the layout element at the start of s (its text), or "" for a plain byte. Longer elements win
// where one is a prefix of another, as Go's layout reader does.
func element(s string) string {
	for _, e := range [...]string{"January", "Jan", "Monday", "Mon", "MST", "2006", "_2006", "__2", "_2", "002",
		"-07:00:00", "-070000", "-07:00", "-0700", "-07", "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07",
		"01", "02", "03", "04", "05", "06", "15", "PM", "pm"} {
		if startsWith(s, e) {
			if e == "_2006" {
				return "_" // a literal underscore before the year
			}
			return e
		}
	}
	switch s[0] {
	case '1', '2', '3', '4', '5':
		return s[:1]
	}
	return ""
}

// Format returns t written by the layout: each element of the reference time replaced by t's value (gosim's
// locations are UTC: a zone is "UTC", an offset "+00:00" or, with Z, "Z").
func (t Time) Format(layout string) string {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	out := make([]byte, 0, len(layout)+10)
	for i := 0; i < len(layout); {
		if c := layout[i]; (c == '.' || c == ',') && isDigit(layout, i+1) {
			if n := fracAt(layout, i); n > 0 {
				digits := pad(int64(t.nsec()), 9)[:n]
				if layout[i+1] == '9' {
					k := len(digits)
					for k > 0 && digits[k-1] == '0' {
						k--
					}
					if k > 0 {
						out = append(out, c)
						out = append(out, digits[:k]...)
					}
				} else {
					out = append(out, c)
					out = append(out, digits...)
				}
				i += 1 + n
				continue
			}
		}
		e := element(layout[i:])
		if e == "" || e == "_" {
			out = append(out, layout[i])
			i++
			continue
		}
		i += len(e)
		var v string
		switch e {
		case "January":
			v = month.String()
		case "Jan":
			v = month.String()[:3]
		case "Monday":
			v = t.Weekday().String()
		case "Mon":
			v = t.Weekday().String()[:3]
		case "MST":
			v = "UTC"
		case "2006":
			v = pad(int64(year), 4)
			if year < 0 {
				v = "-" + pad(int64(-year), 4)
			}
		case "06":
			v = pad(int64((year%100+100)%100), 2)
		case "01":
			v = pad(int64(month), 2)
		case "1":
			v = utoa(uint64(month))
		case "02":
			v = pad(int64(day), 2)
		case "2":
			v = utoa(uint64(day))
		case "_2":
			v = utoa(uint64(day))
			if day < 10 {
				v = " " + v
			}
		case "__2", "002":
			yd := t.YearDay()
			v = pad(int64(yd), 3)
			if e == "__2" {
				v = utoa(uint64(yd))
				for len(v) < 3 {
					v = " " + v
				}
			}
		case "15":
			v = pad(int64(hour), 2)
		case "03", "3":
			h := hour % 12
			if h == 0 {
				h = 12
			}
			v = utoa(uint64(h))
			if e == "03" {
				v = pad(int64(h), 2)
			}
		case "04":
			v = pad(int64(min), 2)
		case "4":
			v = utoa(uint64(min))
		case "05":
			v = pad(int64(sec), 2)
		case "5":
			v = utoa(uint64(sec))
		case "PM", "pm":
			v = "AM"
			if hour >= 12 {
				v = "PM"
			}
			if e == "pm" {
				v = string([]byte{v[0] + 'a' - 'A', 'm'})
			}
		case "-07:00:00":
			v = "+00:00:00"
		case "-070000":
			v = "+000000"
		case "-07:00":
			v = "+00:00"
		case "-0700":
			v = "+0000"
		case "-07":
			v = "+00"
		default: // the Z forms: UTC is Z
			v = "Z"
		}
		out = append(out, v...)
	}
	return string(out)
}
