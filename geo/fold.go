package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold returns the look-up key of a place name: lower case, Latin letters
// without their diacritics ("São Paulo" → "sao paulo", "Zürich" →
// "zurich", "Łódź" → "lodz"), apostrophes dropped ("N'Djamena" →
// "ndjamena"), and every other run of punctuation or space turned into
// one space and trimmed ("Washington, D.C." → "washington d c"). Letters
// of other scripts are lower-cased and kept. Two names match in a
// Gazetteer when their folds are equal.
func Fold(s string) string {
	if k, ok := foldASCII(s); ok {
		return k
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a separator is pending
	for _, r := range s {
		var rep string
		switch {
		case r < utf8.RuneSelf:
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case r == '\'' || r == '`':
				continue
			default:
				space = true
				continue
			}
		case isApostrophe(r):
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		default:
			if f, ok := foldTable[r]; ok {
				rep = f
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				r = unicode.ToLower(r)
				if f, ok := foldTable[r]; ok { // "Ʒ" lowers to "ʒ"
					rep = f
				}
			} else {
				space = true
				continue
			}
		}
		if space {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
		}
		if rep != "" {
			b.WriteString(rep)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldASCII folds s without building a new string when s is already a
// key: lower-case ASCII letters and digits in words separated by single
// spaces. It reports false when s needs the general path.
func foldASCII(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			prevSpace = false
		case c == ' ' && !prevSpace:
			prevSpace = true
		default:
			return "", false
		}
	}
	if prevSpace {
		return "", false
	}
	return s, true
}

// isApostrophe reports whether r is one of the marks that stand for an
// apostrophe or an okina in place names; they are dropped, not spaced.
func isApostrophe(r rune) bool {
	switch r {
	case '\u2018', '\u2019', '\u201B', '\u02BB', '\u02BC', '\u02BE', '\u02BF', '\u00B4', '\u2032':
		return true
	}
	return false
}
