package strconv

const fnParseComplex = "ParseComplex"

// convErr turns a float error into ParseComplex's: a range error is pending (the
// parse goes on), any other is returned.
func convErr(err error, s string) (syntax, rangeErr error) {
	if x, ok := err.(*NumError); ok {
		x.Func = fnParseComplex
		x.Num = cloneString(s)
		if x.Err == ErrRange {
			return nil, x
		}
	}
	return err, nil
}

// ParseComplex parses "N", "Ni" or "N±Ni" (optionally in parentheses, each N a float as
// ParseFloat takes) as a complex128 (bitSize 128) or complex64 (bitSize 64).
func ParseComplex(s string, bitSize int) (complex128, error) {
	size := 64
	if bitSize == 64 {
		size = 32 // complex64's parts are float32
	}
	orig := s
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}
	var pending error
	re, n, err := parseFloatPrefix(s, size)
	if err != nil {
		if err, pending = convErr(err, orig); err != nil {
			return 0, err
		}
	}
	s = s[n:]
	if len(s) == 0 {
		return complex(re, 0), pending
	}
	switch s[0] {
	case '+':
		// The sign is consumed unless another follows ("++" stays an error).
		if len(s) > 1 && s[1] != '+' {
			s = s[1:]
		}
	case '-':
	case 'i':
		if len(s) == 1 {
			return complex(0, re), pending
		}
		return 0, syntaxError(fnParseComplex, orig)
	default:
		return 0, syntaxError(fnParseComplex, orig)
	}
	im, n, err := parseFloatPrefix(s, size)
	if err != nil {
		if err, pending = convErr(err, orig); err != nil {
			return 0, err
		}
	}
	s = s[n:]
	if s != "i" {
		return 0, syntaxError(fnParseComplex, orig)
	}
	return complex(re, im), pending
}
