package timex

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  uint8 = iota + 1 // a run of letters
	kNum                    // a run of ASCII digits
	kPunct                  // any other single character
)

// token is a word, number or punctuation character of the text.
type token struct {
	start, end int // byte offsets
	kind       uint8
	cat        uint8 // lexicon class (catNone when not in the lexicon)
	val        int8  // lexicon value
	abbr       bool  // month abbreviation
	cap        bool  // starts with an upper-case ASCII letter
	space      bool  // preceded by white space or the start of the text
}

// tokenize splits text into tokens, appending to toks.
func tokenize(text string, toks []token) []token {
	space := true
	for i := 0; i < len(text); {
		c := text[i]
		start := i
		var kind uint8
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				continue
			case c >= '0' && c <= '9':
				kind = kNum
				for i++; i < len(text) && text[i] >= '0' && text[i] <= '9'; i++ {
				}
			case c|0x20 >= 'a' && c|0x20 <= 'z':
				kind = kWord
				i = wordEnd(text, i+1)
			default:
				kind = kPunct
				i++
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(r):
				space = true
				i += size
				continue
			case unicode.IsLetter(r):
				kind = kWord
				i = wordEnd(text, i+size)
			default:
				kind = kPunct
				i += size
			}
		}
		t := token{start: start, end: i, kind: kind, space: space}
		space = false
		if kind == kWord {
			t.cap = c >= 'A' && c <= 'Z'
			if e, ok := lookupWord(text[start:i]); ok {
				t.cat, t.val, t.abbr = e.cat, e.val, e.abbr
			}
		}
		toks = append(toks, t)
	}
	return toks
}

// wordEnd returns the end of the run of letters that continues at i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c|0x20 < 'a' || c|0x20 > 'z' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += size
	}
	return i
}

// lookupWord finds a word in the lexicon, ignoring case, without
// allocating.
func lookupWord(w string) (lexEntry, bool) {
	if len(w) > maxLexLen {
		return lexEntry{}, false
	}
	var buf [maxLexLen]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return lexEntry{}, false
		}
		buf[i] = c | 0x20 // w holds ASCII letters only
	}
	e, ok := lexicon[string(buf[:len(w)])]
	return e, ok
}
