// Package unicode: a subset of Go 1.19's package unicode (the categories, properties and
// case mappings that strings and strconv use), with Go's results for every rune.
package unicode

const (
	MaxRune         = '\U0010FFFF' // largest valid code point
	ReplacementChar = '\uFFFD'     // represents invalid code points
	MaxASCII        = '\u007F'     // largest ASCII value
	MaxLatin1       = '\u00FF'     // largest Latin-1 value
)

// Indices into a CaseRange's Delta.
const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

// UpperLower in a CaseRange's Delta means alternating upper (even) and lower (odd) runes.
const UpperLower = MaxRune + 1

// Bits of latin1 (the order the generator writes them).
const (
	pC  = 1 << iota // control
	pP              // punctuation
	pN              // number
	pS              // symbol
	pZ              // space (IsSpace)
	pLu             // upper case
	pLl             // lower case
	pp              // printable (IsPrint)
	pg              // graphic (IsGraphic)
	pL              // letter
	pNd             // decimal digit
	pM              // mark
	pLt             // title case
)

// RangeTable is a set of code points as sorted, non-overlapping ranges.
type RangeTable struct {
	R16         []Range16
	R32         []Range32
	LatinOffset int // number of R16 entries with Hi <= MaxLatin1
}

// Range16 is the runes Lo, Lo+Stride, ..., up to Hi.
type Range16 struct {
	Lo     uint16
	Hi     uint16
	Stride uint16
}

// Range32 is Range16 for runes above 0xFFFF.
type Range32 struct {
	Lo     uint32
	Hi     uint32
	Stride uint32
}

type d [MaxCase]rune

// CaseRange maps the runes Lo..Hi to upper, lower and title case by adding Delta.
type CaseRange struct {
	Lo    uint32
	Hi    uint32
	Delta d
}

// SpecialCase is a language-specific list of case mappings.
type SpecialCase []CaseRange

type foldPair struct {
	from uint16
	next uint16 // SimpleFold(from)
}

// The category tables under their long names.
var (
	Letter        = L
	Upper         = Lu
	Lower         = Ll
	Title         = Lt
	Mark          = M
	Number        = N
	Digit         = Nd
	Punct         = P
	Symbol        = S
	Space         = Zs
	CaseRanges    = _CaseRanges
	GraphicRanges = []*RangeTable{L, M, N, P, S, Zs}
	PrintRanges   = []*RangeTable{L, M, N, P, S}
)

func in16(rs []Range16, r uint16) bool {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := lo + (hi-lo)/2
		g := rs[m]
		if r < g.Lo {
			hi = m
		} else if r > g.Hi {
			lo = m + 1
		} else {
			return g.Stride == 1 || (r-g.Lo)%g.Stride == 0
		}
	}
	return false
}

func in32(rs []Range32, r uint32) bool {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := lo + (hi-lo)/2
		g := rs[m]
		if r < g.Lo {
			hi = m
		} else if r > g.Hi {
			lo = m + 1
		} else {
			return g.Stride == 1 || (r-g.Lo)%g.Stride == 0
		}
	}
	return false
}

// Is reports whether r is in the table.
func Is(t *RangeTable, r rune) bool {
	if len(t.R16) > 0 && uint32(r) <= uint32(t.R16[len(t.R16)-1].Hi) {
		return in16(t.R16, uint16(r))
	}
	if len(t.R32) > 0 && r >= rune(t.R32[0].Lo) {
		return in32(t.R32, uint32(r))
	}
	return false
}

// isExcludingLatin is Is for a rune known to be above Latin-1.
func isExcludingLatin(t *RangeTable, r rune) bool {
	r16 := t.R16[t.LatinOffset:]
	if len(r16) > 0 && uint32(r) <= uint32(r16[len(r16)-1].Hi) {
		return in16(r16, uint16(r))
	}
	if len(t.R32) > 0 && r >= rune(t.R32[0].Lo) {
		return in32(t.R32, uint32(r))
	}
	return false
}

// In reports whether r is in one of the tables.
func In(r rune, ranges ...*RangeTable) bool {
	for _, t := range ranges {
		if Is(t, r) {
			return true
		}
	}
	return false
}

// IsOneOf is In with the tables as a slice.
func IsOneOf(ranges []*RangeTable, r rune) bool { return In(r, ranges...) }

func latin(r rune, bit uint16) bool {
	i := 2 * int(uint8(r))
	return (uint16(latin1[i])<<8|uint16(latin1[i+1]))&bit != 0
}

func IsUpper(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin(r, pLu)
	}
	return isExcludingLatin(Upper, r)
}

func IsLower(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin(r, pLl)
	}
	return isExcludingLatin(Lower, r)
}

func IsTitle(r rune) bool {
	if r <= MaxLatin1 {
		return false
	}
	return isExcludingLatin(Title, r)
}

func IsLetter(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin(r, pL)
	}
	return isExcludingLatin(Letter, r)
}

func IsDigit(r rune) bool {
	if r <= MaxLatin1 {
		return '0' <= r && r <= '9'
	}
	return isExcludingLatin(Digit, r)
}

func IsNumber(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin(r, pN)
	}
	return isExcludingLatin(Number, r)
}

func IsMark(r rune) bool { return isExcludingLatin(Mark, r) }

func IsPunct(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin(r, pP)
	}
	return Is(Punct, r)
}

func IsSymbol(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin(r, pS)
	}
	return isExcludingLatin(Symbol, r)
}

// IsSpace reports white space as Go defines it ('\t', '\n', '\v', '\f', '\r', ' ',
// U+0085, U+00A0 in Latin-1; the White_Space property above).
func IsSpace(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
			return true
		}
		return false
	}
	return isExcludingLatin(White_Space, r)
}

func IsControl(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin(r, pC)
	}
	return false
}

// IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
func IsPrint(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin(r, pp)
	}
	return In(r, PrintRanges...)
}

// IsGraphic: IsPrint plus the Zs spaces.
func IsGraphic(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return latin(r, pg)
	}
	return In(r, GraphicRanges...)
}

// to maps r to the given case (UpperCase, LowerCase, TitleCase) through caseRange.
func to(c int, r rune, caseRange []CaseRange) (mapped rune, found bool) {
	if c < 0 || MaxCase <= c {
		return ReplacementChar, false
	}
	lo, hi := 0, len(caseRange)
	for lo < hi {
		m := lo + (hi-lo)/2
		cr := caseRange[m]
		if rune(cr.Lo) <= r && r <= rune(cr.Hi) {
			delta := cr.Delta[c]
			if delta > MaxRune {
				// Alternating pairs: upper is the even offset from Lo, lower the odd one;
				// title case is upper case.
				return rune(cr.Lo) + ((r-rune(cr.Lo))&^1 | rune(c&1)), true
			}
			return r + delta, true
		}
		if r < rune(cr.Lo) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return r, false
}

// To maps r to the case c.
func To(c int, r rune) rune {
	r, _ = to(c, r, CaseRanges)
	return r
}

func ToUpper(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(UpperCase, r)
}

func ToLower(r rune) rune {
	if r <= MaxASCII {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return To(LowerCase, r)
}

func ToTitle(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(TitleCase, r)
}

func (special SpecialCase) ToUpper(r rune) rune {
	r1, had := to(UpperCase, r, []CaseRange(special))
	if r1 == r && !had {
		r1 = ToUpper(r)
	}
	return r1
}

func (special SpecialCase) ToLower(r rune) rune {
	r1, had := to(LowerCase, r, []CaseRange(special))
	if r1 == r && !had {
		r1 = ToLower(r)
	}
	return r1
}

func (special SpecialCase) ToTitle(r rune) rune {
	r1, had := to(TitleCase, r, []CaseRange(special))
	if r1 == r && !had {
		r1 = ToTitle(r)
	}
	return r1
}

// SimpleFold is the next rune after r in r's case-folding orbit (smallest when r is the largest).
func SimpleFold(r rune) rune {
	if r < 0 || r > MaxRune {
		return r
	}
	if int(r) < len(asciiFold) {
		return rune(asciiFold[r])
	}
	lo, hi := 0, len(caseOrbit)
	for lo < hi {
		m := lo + (hi-lo)/2
		if rune(caseOrbit[m].from) < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(caseOrbit) && rune(caseOrbit[lo].from) == r {
		return rune(caseOrbit[lo].next)
	}
	if l := ToLower(r); l != r {
		return l
	}
	return ToUpper(r)
}

// asciiFold is SimpleFold for ASCII (K and S fold through the Kelvin sign and long s).
var asciiFold = func() [MaxASCII + 1]uint16 {
	var t [MaxASCII + 1]uint16
	for i := range t {
		t[i] = uint16(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = uint16(c + 'a' - 'A')
		t[c+'a'-'A'] = uint16(c)
	}
	t['K'] = 'k'
	t['k'] = 0x212A
	t['S'] = 's'
	t['s'] = 0x017F
	return t
}()
