package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature hashing: a feature is a template number and a value, hashed with
// 64-bit FNV-1a into a weight table of 1<<bits entries.

type fhash uint64

const (
	fnvOffset fhash = 14695981039346656037
	fnvPrime  fhash = 1099511628211
)

func tmpl(id byte) fhash { return (fnvOffset ^ fhash(id)) * fnvPrime }

func (h fhash) byte(c byte) fhash { return (h ^ fhash(c)) * fnvPrime }

func (h fhash) int(n int) fhash { return h.byte(byte(n)).byte(byte(n >> 8)) }

// lower hashes s lower-cased, at most 24 bytes of it.
func (h fhash) lower(s string) fhash {
	if len(s) > 24 {
		s = s[:24]
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = h.byte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		r = unicode.ToLower(r)
		h = h.byte(byte(r)).byte(byte(r >> 8)).byte(byte(r >> 16))
		i += size
	}
	return h.byte(0xff)
}

// shape hashes the shape of s: X for upper-case letters, x for lower-case,
// d for digits, the character itself for ASCII punctuation and p for any
// other; runs of one class longer than two are shortened to two, and at most
// eight classes are kept.
func (h fhash) shape(s string) fhash {
	var last byte
	run, n := 0, 0
	for i := 0; i < len(s) && n < 8; {
		r, size := decode(s, i)
		i += size
		var c byte
		switch {
		case r < utf8.RuneSelf && ascii[r]&cUpper != 0:
			c = 'X'
		case r < utf8.RuneSelf && ascii[r]&cLower != 0:
			c = 'x'
		case isDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»':
			c = 'q'
		default:
			c = 'p'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
			last = c
		}
		h = h.byte(c)
		n++
	}
	return h.byte(0xfe)
}

// Token classes for sentence boundary decisions.
const (
	kOther  = iota
	kFinal  // . ! ? … and runs of them
	kCloser // closing quote or bracket
	kOpener // opening quote or bracket
	kAbbrev // a word ending in a period
	kComma  // , ; :
	kDash   // - -- — –
	kBullet // * • ·
	kLower  // starts with a lower-case letter
	kUpper  // starts with an upper-case letter
	kDigit  // starts with a digit
	kQuote  // " or ' (straight: could open or close)
	kSymbol // anything else
	kNone   // no token (start or end of text)
)

// kind classifies a token by its text.
func kind(w string) int {
	if w == "" {
		return kNone
	}
	r, size := decode(w, 0)
	switch r {
	case '.', '!', '?', '…':
		if size == len(w) || allFinal(w) {
			return kFinal
		}
	case '"', '\'':
		if size == len(w) || w == "''" {
			return kQuote
		}
	case '”', '’', ')', ']', '}', '»':
		return kCloser
	case '“', '‘', '(', '[', '{', '«', '`':
		return kOpener
	case ',', ';', ':':
		return kComma
	case '-', '—', '–':
		return kDash
	case '*', '•', '·', '>', '#':
		return kBullet
	}
	switch {
	case isUpper(r):
		if w[len(w)-1] == '.' {
			return kAbbrev
		}
		return kUpper
	case isLetter(r):
		if w[len(w)-1] == '.' {
			return kAbbrev
		}
		return kLower
	case isDigit(r):
		return kDigit
	}
	return kSymbol
}

func allFinal(w string) bool {
	for i := 0; i < len(w); {
		r, size := decode(w, i)
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
		i += size
	}
	return true
}

// ctxKind is the kind of toks[j], with a straight quote told apart as an
// opener or a closer by the white space around it.
func ctxKind(text string, toks []tok, j int) int {
	if j < 0 || j >= len(toks) {
		return kNone
	}
	k := kind(text[toks[j].start:toks[j].end])
	if k == kQuote {
		before := j == 0 || toks[j-1].end < toks[j].start
		after := j+1 == len(toks) || toks[j].end < toks[j+1].start
		switch {
		case before && !after:
			return kOpener
		case !before && after:
			return kCloser
		}
	}
	return k
}

// gapBefore reports whether white space precedes toks[j].
func gapBefore(toks []tok, j int) bool {
	return j <= 0 || j >= len(toks) || toks[j-1].end < toks[j].start
}

// tokInfo is what the features need of one token, computed once.
type tokInfo struct {
	idx   int   // token index + 1; 0 marks an empty slot
	lower fhash // hash of the lower-cased form
	shape fhash // hash of the shape
	kind  int   // ctxKind
	size  int   // length in bytes
	abbr  uint8 // abbrevKind of the form without its final period, for kAbbrev
}

// featCache keeps the tokInfo of the last few tokens, which the features of
// neighbouring boundaries share.
type featCache struct {
	ring [8]tokInfo
}

var noToken = tokInfo{lower: fnvOffset.lower(""), shape: fnvOffset.shape(""), kind: kNone}

func (c *featCache) info(text string, toks []tok, j int) *tokInfo {
	if j < 0 || j >= len(toks) {
		return &noToken
	}
	e := &c.ring[j&7]
	if e.idx == j+1 {
		return e
	}
	w := text[toks[j].start:toks[j].end]
	*e = tokInfo{idx: j + 1, lower: fnvOffset.lower(w), shape: fnvOffset.shape(w), kind: ctxKind(text, toks, j), size: len(w)}
	if e.kind == kAbbrev {
		e.abbr = abbrevKind(w[:len(w)-1])
	}
	return e
}

// mix combines a feature hash with a token hash.
func (h fhash) mix(x fhash) fhash { return (h ^ x) * fnvPrime }

// features appends the feature hashes of the boundary after toks[i] to dst.
func (c *featCache) features(text string, toks []tok, i int, dst []fhash) []fhash {
	t0, tp, tn, tn2 := c.info(text, toks, i), c.info(text, toks, i-1), c.info(text, toks, i+1), c.info(text, toks, i+2)
	k0, kp, kn, kn2 := byte(t0.kind), byte(tp.kind), byte(tn.kind), byte(tn2.kind)
	gaps := byte(0)
	if gapBefore(toks, i) {
		gaps |= 1
	}
	if gapBefore(toks, i+1) {
		gaps |= 2
	}
	if gapBefore(toks, i+2) {
		gaps |= 4
	}
	nl := byte(0)
	if i+1 < len(toks) {
		nl = byte(min(toks[i+1].nl, 2))
	}
	nl2 := byte(0)
	if i+2 < len(toks) {
		nl2 = byte(min(toks[i+2].nl, 1))
	}
	ab0 := t0.abbr
	dst = append(dst,
		tmpl(0),
		tmpl(1).mix(t0.lower),
		tmpl(2).mix(tp.lower),
		tmpl(3).mix(tn.lower),
		tmpl(4).mix(t0.shape),
		tmpl(5).mix(tp.shape),
		tmpl(6).mix(tn.shape),
		tmpl(7).mix(tn2.shape),
		tmpl(8).mix(t0.lower).mix(tn.lower),
		tmpl(9).mix(tp.lower).mix(t0.lower),
		tmpl(10).mix(t0.lower).mix(tn.shape),
		tmpl(11).byte(k0).byte(kn),
		tmpl(12).byte(kp).byte(k0).byte(kn),
		tmpl(13).byte(k0).byte(kn).byte(kn2),
		tmpl(14).byte(k0).byte(nl),
		tmpl(15).byte(k0).byte(kn).byte(nl),
		tmpl(16).byte(ab0).byte(kn),
		tmpl(17).byte(ab0).byte(nl),
		tmpl(18).byte(kp).byte(k0).mix(tn.lower),
		tmpl(19).byte(nl).byte(nl2).byte(kn),
		tmpl(20).mix(tp.shape).byte(k0).mix(tn.shape),
		tmpl(25).byte(gaps).byte(k0).byte(kn),
		tmpl(26).byte(gaps).byte(kp).byte(k0).byte(kn).byte(kn2),
	)
	if nl > 0 {
		// how long the line is that ends here: wrapped lines are of a
		// similar length, headings short and unwrapped paragraphs long
		b := byte(min(lineLen(text, toks[i].end)/8, 15))
		dst = append(dst,
			tmpl(27).byte(b).byte(kn),
			tmpl(28).byte(b).byte(k0).byte(nl),
		)
	}
	if k0 == kAbbrev || k0 == kFinal {
		dst = append(dst,
			tmpl(21).int(min(t0.size, 12)).byte(kn),
			tmpl(22).mix(t0.lower).byte(kn),
		)
	}
	if k0 == kFinal || k0 == kCloser || k0 == kQuote {
		dst = append(dst,
			tmpl(23).mix(tp.lower).byte(kn),
			tmpl(24).int(min(tp.size, 12)).byte(kp).byte(k0),
		)
	}
	return dst
}

// lineLen returns the length in bytes of the line that ends at end.
func lineLen(text string, end int) int {
	return end - (strings.LastIndexByte(text[:end], '\n') + 1)
}
