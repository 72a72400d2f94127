package lemma

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// shape classifies the letter case of a word form.
type shape uint8

const (
	shapeLower shape = iota // no uppercase letter: "went", "1990s", "n't"
	shapeTitle              // first letter uppercase only: "Putin", "The", "I"
	shapeUpper              // several uppercase letters, no lowercase: "U.S.", "NATO"
	shapeMixed              // anything else: "McDonald", "iPhone"
	numShapes
)

// Casing is decided per tag, shape and length of the form: a short UPPER
// form is often an acronym that keeps its case ("MD"), a long one a shouted
// word that does not ("PLEASE"). casingOf numbers the combinations.
const (
	lengthBuckets = 4 // form lengths 1, 2, 3 and 4 or more bytes
	numCasings    = int(numShapes) * lengthBuckets
)

func casingOf(sh shape, n int) int {
	return int(sh)*lengthBuckets + min(n, lengthBuckets) - 1
}

// maxSuffix is the longest suffix, in bytes, that the rules of a trained
// model look at. Read accepts longer suffixes up to maxReadSuffix.
const (
	maxSuffix     = 5
	maxReadSuffix = 16
)

// edit rewrites the end of a form: remove cut trailing bytes, append add.
type edit struct {
	cut int
	add string
}

// exception is an edit learned for one (lowercased form, XPOS) together with
// its casing: keep applies the edit to the form as written, otherwise to the
// lowercased form.
type exception struct {
	edit
	keep bool
}

// Lemmatizer maps a word form and its tags to a lemma. Build one with Train
// or Read; it is safe for concurrent use. A nil *Lemmatizer is valid and
// returns the lowercased form, or the form itself for proper nouns.
type Lemmatizer struct {
	tags   []string             // XPOS tags; a tag's index is its byte in the keys below
	tagID  map[string]byte      // XPOS → index into tags
	uposID map[string]byte      // UPOS → index of its most frequent XPOS
	keep   [][numCasings]bool   // per tag and casingOf: the lemma keeps the form's case
	exc    map[string]exception // lowercased form + tag byte → exception
	suf    map[string]edit      // lowercased suffix + tag byte → edit
	maxSuf int                  // longest suffix in suf
}

// Lemma returns the lemma of form, given its Universal POS tag upos and its
// Penn Treebank tag xpos. The XPOS decides; upos is used when xpos is empty
// or unknown to the model. An empty form gives an empty lemma. Lemma does
// not allocate when the lemma is form or a prefix of it ("talks" → "talk"),
// for forms shorter than 64 bytes.
func (l *Lemmatizer) Lemma(form, upos, xpos string) string {
	if form == "" {
		return form
	}
	if l == nil {
		return fallback(form, upos, xpos)
	}
	t, ok := l.tagID[xpos]
	if !ok {
		if t, ok = l.uposID[upos]; !ok {
			return fallback(form, upos, xpos)
		}
	}
	var arr [64]byte
	var key []byte
	if len(form) < len(arr) {
		key = arr[:len(form)+1]
	} else {
		key = make([]byte, len(form)+1)
	}
	n := len(form)
	sh := lowerInto(key[:n], form)
	key[n] = t
	if e, ok := l.exc[string(key)]; ok {
		return apply(form, key[:n], sh, e.edit, e.keep)
	}
	return apply(form, key[:n], sh, l.rule(key), l.keep[t][casingOf(sh, n)])
}

// rule returns the edit of the longest suffix rule matching key, a
// lowercased form followed by its tag byte, or the identity edit.
func (l *Lemmatizer) rule(key []byte) edit {
	n := len(key) - 1
	for k := min(l.maxSuf, n); k >= 1; k-- {
		if e, ok := l.suf[string(key[n-k:])]; ok && e.cut <= n {
			return e
		}
	}
	return edit{}
}

// apply applies e to form, or to its lowercased bytes lower unless keep.
func apply(form string, lower []byte, sh shape, e edit, keep bool) string {
	n := len(form) - e.cut
	if keep || sh == shapeLower {
		if e.add == "" {
			return form[:n]
		}
		return form[:n] + e.add
	}
	var b strings.Builder
	b.Grow(n + len(e.add))
	b.Write(lower[:n])
	b.WriteString(e.add)
	return b.String()
}

// fallback is the lemma without a model: the form for proper nouns, the
// lowercased form otherwise.
func fallback(form, upos, xpos string) string {
	if upos == "PROPN" || xpos == "NNP" || xpos == "NNPS" {
		return form
	}
	return lower(form)
}

// lowerInto writes the lowercase of s into dst, which has len(s) bytes, and
// returns the shape of s. Lowercasing keeps byte offsets: a letter whose
// lowercase has another UTF-8 length is left as it is.
func lowerInto(dst []byte, s string) shape {
	upper, lowerLetters := 0, 0
	firstUpper := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				if i == 0 {
					firstUpper = true
				}
				upper++
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z':
				lowerLetters++
			}
			dst[i] = c
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		lr := unicode.ToLower(r)
		if lr != r && utf8.RuneLen(lr) == size {
			if i == 0 {
				firstUpper = true
			}
			upper++
			utf8.EncodeRune(dst[i:], lr)
		} else {
			if unicode.IsLower(r) {
				lowerLetters++
			}
			copy(dst[i:i+size], s[i:i+size])
		}
		i += size
	}
	switch {
	case upper == 0:
		return shapeLower
	case upper == 1 && firstUpper:
		return shapeTitle
	case lowerLetters == 0:
		return shapeUpper
	}
	return shapeMixed
}

// lower returns the lowercase of s as lowerInto writes it, s itself when it
// has no uppercase letter.
func lower(s string) string {
	for i, r := range s {
		if lr := unicode.ToLower(r); lr != r && utf8.RuneLen(lr) == utf8.RuneLen(r) {
			b := []byte(s)
			lowerInto(b[i:], s[i:])
			return string(b)
		}
	}
	return s
}
