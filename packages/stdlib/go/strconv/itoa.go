package strconv

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// FormatUint is i in the given base (2..36), lower-case letters for digits >= 10.
func FormatUint(i uint64, base int) string {
	return string(formatBits(nil, i, base, false))
}

// FormatInt is i in the given base (2..36).
func FormatInt(i int64, base int) string {
	return string(formatBits(nil, uint64(i), base, i < 0))
}

// Itoa is FormatInt(int64(i), 10).
func Itoa(i int) string { return FormatInt(int64(i), 10) }

// AppendInt appends FormatInt(i, base) to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	return formatBits(dst, uint64(i), base, i < 0)
}

// AppendUint appends FormatUint(i, base) to dst.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return formatBits(dst, i, base, false)
}

// formatBits appends u (as the magnitude of a negative number when neg) in base.
func formatBits(dst []byte, u uint64, base int, neg bool) []byte {
	if base < 2 || base > len(digits) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	var a [64 + 1]byte
	i := len(a)
	if neg {
		u = -u
	}
	b := uint64(base)
	for u >= b {
		i--
		q := u / b
		a[i] = digits[u-q*b]
		u = q
	}
	i--
	a[i] = digits[u]
	if neg {
		i--
		a[i] = '-'
	}
	return append(dst, a[i:]...)
}
