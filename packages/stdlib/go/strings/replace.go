package strings

import "io"

// Replacer replaces a list of strings with replacements: at each position of the
// input, the first old string (in argument order) that matches is replaced, and the
// scan continues after it; an empty old string matches once at each position where no
// other replacement was made just before (so "" → "X" turns "ab" into "XaXbX").
type Replacer struct {
	oldnew []string
}

// NewReplacer makes a Replacer from old, new pairs; it panics on an odd count.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

// match is the index of the first old string that is a prefix of s (skipping empty
// ones when noEmpty), or -1.
func (r *Replacer) match(s string, noEmpty bool) int {
	for i := 0; i < len(r.oldnew); i += 2 {
		old := r.oldnew[i]
		if old == "" && noEmpty {
			continue
		}
		if HasPrefix(s, old) {
			return i
		}
	}
	return -1
}

// Replace is s with all replacements made.
func (r *Replacer) Replace(s string) string {
	var b []byte
	last := 0
	prevEmpty := false
	changed := false
	for i := 0; i <= len(s); {
		k := r.match(s[i:], prevEmpty)
		prevEmpty = k >= 0 && r.oldnew[k] == ""
		if k < 0 {
			i++
			continue
		}
		changed = true
		b = append(b, s[last:i]...)
		b = append(b, r.oldnew[k+1]...)
		i += len(r.oldnew[k])
		last = i
	}
	if !changed {
		return s
	}
	b = append(b, s[last:]...)
	return string(b)
}

// WriteString writes s with all replacements made to w.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	return w.Write([]byte(r.Replace(s)))
}
