package time

import "errors"

// quoteBytes is s in double quotes for an error message: `"` and `\` escaped, bytes below ' ' or above
// 0x7f written as \xNN.
func quoteBytes(s string) string {
	const hex = "0123456789abcdef"
	out := make([]byte, 0, len(s)+2)
	out = append(out, '"')
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b < ' ' || b >= 0x80:
			out = append(out, '\\', 'x', hex[b>>4], hex[b&15])
		case b == '"' || b == '\\':
			out = append(out, '\\', b)
		default:
			out = append(out, b)
		}
	}
	return string(append(out, '"'))
}

// unitNanos is the length of a duration unit's name at the start of s in nanoseconds, or 0.
func unitNanos(u string) uint64 {
	switch u {
	case "ns":
		return 1
	case "us", "µs", "μs": // U+00B5 micro sign, U+03BC Greek mu
		return 1e3
	case "ms":
		return 1e6
	case "s":
		return 1e9
	case "m":
		return 60e9
	case "h":
		return 3600e9
	}
	return 0
}

const durationLimit = 1 << 63 // the magnitude of the most negative Duration

// digits reads the decimal digits at the start of s: their value (ok false past durationLimit), how many.
func digits(s string) (v uint64, n int, ok bool) {
	ok = true
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		if ok {
			if v > durationLimit/10 {
				ok = false
			} else if v = v*10 + uint64(s[n]-'0'); v > durationLimit {
				ok = false
			}
		}
		n++
	}
	return v, n, ok
}

// fraction reads the digits after a decimal point: their value and 10^(digits kept); digits past the
// precision of a uint64 are read but dropped.
func fraction(s string) (f uint64, scale float64, n int) {
	scale = 1
	full := false
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		if !full {
			if f > (durationLimit-1)/10 || f*10+uint64(s[n]-'0') > durationLimit {
				full = true
			} else {
				f = f*10 + uint64(s[n]-'0')
				scale *= 10
			}
		}
		n++
	}
	return f, scale, n
}

// ParseDuration parses a signed sequence of decimal numbers, each with an optional fraction and a unit
// (ns, us or µs, ms, s, m, h): "300ms", "-1.5h", "2h45m".
func ParseDuration(s string) (Duration, error) {
	orig := s
	invalid := errors.New("time: invalid duration " + quoteBytes(orig))
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, invalid
	}
	var total uint64
	for s != "" {
		if s[0] != '.' && (s[0] < '0' || s[0] > '9') {
			return 0, invalid
		}
		v, n, ok := digits(s)
		if !ok {
			return 0, invalid
		}
		s = s[n:]
		var f uint64
		scale := 1.0
		m := 0
		if s != "" && s[0] == '.' {
			f, scale, m = fraction(s[1:])
			s = s[1+m:]
		}
		if n == 0 && m == 0 {
			return 0, invalid
		}
		k := 0
		for k < len(s) && s[k] != '.' && (s[k] < '0' || s[k] > '9') {
			k++
		}
		if k == 0 {
			return 0, errors.New("time: missing unit in duration " + quoteBytes(orig))
		}
		unit := unitNanos(s[:k])
		if unit == 0 {
			return 0, errors.New("time: unknown unit " + quoteBytes(s[:k]) + " in duration " + quoteBytes(orig))
		}
		s = s[k:]
		if v > durationLimit/unit {
			return 0, invalid
		}
		v *= unit
		if f > 0 {
			// in float64: a fraction of an hour is at most 3.6e12 ns, exact to the nanosecond
			if v += uint64(float64(f) * (float64(unit) / scale)); v > durationLimit {
				return 0, invalid
			}
		}
		if total += v; total > durationLimit {
			return 0, invalid
		}
	}
	if neg {
		return -Duration(total), nil
	}
	if total > durationLimit-1 {
		return 0, invalid
	}
	return Duration(total), nil
}
