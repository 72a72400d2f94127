package text

import (
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// tok is one surface token as the scanner finds it.
type tok struct {
	start, end int // byte span in the text
	split      int // offset where the token's second word begins; 0 for a one-word token
	nl         int // newlines in the white space before the token; 2 or more is a blank line
}

// Tokenize splits text into surface tokens and words. Token.First and
// Token.Last index the returned words (Words[First:Last]); a token of more
// than one word is a contraction or a possessive ("don't" is "do" + "n't",
// "Russia's" is "Russia" + "'s"). Spans are byte offsets into text, ordered
// and non-overlapping, and together the tokens cover every byte that is not
// white space (unicode.IsSpace). Only Form and Span of the words are set.
func Tokenize(text string) ([]doc.Token, []doc.Word) {
	toks := scan(text, make([]tok, 0, len(text)/5+1))
	tokens := make([]doc.Token, 0, len(toks))
	words := make([]doc.Word, 0, len(toks)+len(toks)/16)
	for _, t := range toks {
		tokens = append(tokens, doc.Token{Span: doc.Span{Start: t.start, End: t.end}, First: len(words)})
		words = appendWords(words, text, t)
		tokens[len(tokens)-1].Last = len(words)
	}
	return tokens, words
}

func appendWords(words []doc.Word, text string, t tok) []doc.Word {
	if t.split > t.start && t.split < t.end {
		return append(words,
			doc.Word{Form: text[t.start:t.split], Span: doc.Span{Start: t.start, End: t.split}},
			doc.Word{Form: text[t.split:t.end], Span: doc.Span{Start: t.split, End: t.end}})
	}
	return append(words, doc.Word{Form: text[t.start:t.end], Span: doc.Span{Start: t.start, End: t.end}})
}

// Character classes of ASCII bytes.
const (
	cSpace = 1 << iota
	cLower
	cUpper
	cDigit
	cNL
)

var ascii [utf8.RuneSelf]uint8

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		var k uint8
		switch {
		case c == '\n':
			k = cSpace | cNL
		case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			k = cSpace
		case c >= 'a' && c <= 'z':
			k = cLower
		case c >= 'A' && c <= 'Z':
			k = cUpper
		case c >= '0' && c <= '9':
			k = cDigit
		}
		ascii[c] = k
	}
}

// decode returns the rune at i of s and its size; past the end it returns
// (0, 0).
func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&(cLower|cUpper|cDigit) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&(cLower|cUpper) != 0
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cUpper != 0
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// scanner splits a text into tokens.
type scanner struct {
	text     string
	toks     []tok
	nl       int // newlines since the last token
	openSQ   int // index of the token after an opening single quote, or -1
	chunkBeg int // start of the current white-space-delimited chunk
	at       int // the next '@' in the chunk at or after the current word, or the chunk's end
}

// scan appends the tokens of text to toks and returns it.
func scan(text string, toks []tok) []tok {
	s := scanner{text: text, toks: toks, openSQ: -1}
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if k := ascii[c]; k&cSpace != 0 {
				if k&cNL != 0 {
					s.nl++
				}
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				switch r {
				case '\u2029':
					s.nl += 2
				case '\u2028', '\u0085':
					s.nl++
				}
				i += size
				continue
			}
		}
		j := i + 1
		for j < n {
			c := text[j]
			if c < utf8.RuneSelf {
				if ascii[c]&cSpace != 0 {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		s.chunk(i, j)
		i = j
	}
	return s.toks
}

func (s *scanner) emit(a, b, split int) {
	if s.nl > 0 && s.openSQ >= 0 {
		s.openSQ = -1
	}
	s.toks = append(s.toks, tok{start: a, end: b, split: split, nl: s.nl})
	s.nl = 0
}

// chunk tokenizes text[a:b], which has no white space.
func (s *scanner) chunk(a, b int) {
	s.chunkBeg = a
	s.at = -1
	t := s.text
	i := a
	for i < b {
		r, size := decode(t, i)
		if isAlnum(r) {
			i = s.word(i, b)
			continue
		}
		if (r == '.' || r == '+') && i+1 < b && (i == a || !isAlnum(prevRune(t, i))) {
			// ".5", "+44", and at the start of a chunk ".doc"
			if c := t[i+1]; isDigit(rune(c)) || r == '.' && i == a && ascii[c&0x7f]&cLower != 0 && c < utf8.RuneSelf {
				i = s.word(i, b)
				continue
			}
		}
		i = s.punct(i, size, r, b)
	}
}

func prevRune(t string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return r
}

// punct emits the punctuation token starting at i (rune r of size bytes)
// and returns where it ends.
func (s *scanner) punct(i, size int, r rune, b int) int {
	t := s.text
	j := i + size
	switch r {
	case '.', '!', '?':
		if r == '.' && j < b && t[j] == '.' {
			// an ellipsis is a token of its own: "...", "....?" is "...." "?"
			for j < b && t[j] == '.' {
				j++
			}
			break
		}
		for j < b && (t[j] == '!' || t[j] == '?' || t[j] == '.' && (j+1 >= b || t[j+1] != '.')) {
			j++
		}
	case '\'', '‘':
		if r == '\'' && j < b && t[j] == '\'' {
			j++
			break
		}
		if r == '‘' && j+3 <= b && (t[j:j+3] == "’" || t[j:j+3] == "‘") {
			j += 3
			break
		}
		// '90s, ’73
		if j+1 < b && isDigit(rune(t[j])) && isDigit(rune(t[j+1])) {
			return s.word2(i, j, b)
		}
		if i == s.chunkBeg && j < b {
			if nr, _ := decode(t, j); isLetter(nr) {
				s.emit(i, j, 0)
				s.openSQ = len(s.toks)
				return j
			}
		}
		s.openSQ = -1
	case '’':
		if j+3 <= b && (t[j:j+3] == "’" || t[j:j+3] == "‘") {
			j += 3 // ’’ as a closing double quote
			break
		}
		if j+1 < b && isDigit(rune(t[j])) && isDigit(rune(t[j+1])) {
			return s.word2(i, j, b)
		}
		s.openSQ = -1
	case '[':
		if j+4 <= b && t[j:j+4] == "...]" {
			j += 4 // an elision: "[...]"
		}
	case '`':
		if j < b && t[j] == '`' {
			j++
		}
	case '@', '#':
		// @handles and #hashtags
		if j < b {
			if nr, _ := decode(t, j); isLetter(nr) || nr == '_' || (r == '@' && isDigit(nr)) {
				for j < b {
					nr, ns := decode(t, j)
					if !isAlnum(nr) && nr != '_' {
						// a domain: "@example.com"
						if r == '@' && nr == '.' && j+1 < b && isAlnum(rune(t[j+1])) {
							j++
							continue
						}
						break
					}
					j += ns
				}
				if j-i > 1 {
					s.emit(i, j, 0)
					return j
				}
			}
		}
	case ':', ';', '=', '<', '^', '>':
		if e := emoticon(t[i:b]); e > 0 {
			if j = i + e; j >= b || !isAlnum(rune(t[j])) {
				break
			}
			j = i + size
		}
		if r == '=' || r == '<' || r == '>' {
			for j < b && rune(t[j]) == r {
				j++
			}
		}
	case '-', '*', '_', '~', '+', '|', '\\', '/', '…', '—', '–', '$':
		for j < b {
			nr, ns := decode(t, j)
			if nr != r {
				break
			}
			j += ns
		}
	}
	s.emit(i, j, 0)
	return j
}

var emoticons = [...]string{":-)", ":-(", ":-D", ":-P", ";-)", ":')", ":'(", ":)", ":(", ":D", ":P", ":p", ";)", ":/", "=)", "=(", "<3", "^_^", ":O", ":o", ">:("}

// emoticon returns the length of the emoticon that s starts with, or 0.
func emoticon(s string) int {
	for _, e := range emoticons {
		if len(s) >= len(e) && s[:len(e)] == e {
			return len(e)
		}
	}
	return 0
}

// word2 emits a word that starts with an apostrophe at i ("'90s"); j is
// just after the apostrophe.
func (s *scanner) word2(i, j, b int) int {
	for j < b && isDigit(rune(s.text[j])) {
		j++
	}
	if j < b && s.text[j] == 's' {
		j++
	}
	s.emit(i, j, 0)
	return j
}

// inSingleQuote reports whether an opening single quote was seen lately.
func (s *scanner) inSingleQuote() bool {
	return s.openSQ >= 0 && len(s.toks)-s.openSQ < 40
}

// word scans a word starting at a (a letter or digit, or a period before a
// digit), emits its tokens and returns where it ends. A word may contain
// periods, commas, colons, slashes, apostrophes, ampersands and hyphens
// between letters or digits as the UD conventions keep them; hyphens that
// the conventions split are emitted as tokens of their own.
func (s *scanner) word(a, b int) int {
	t := s.text
	if e := urlEnd(t, a, b); e > a {
		s.emit(a, e, 0)
		return e
	}
	start := a      // start of the current token
	grp := a        // start of the current hyphen-separated group
	dotSeg := a     // start of the current period-separated segment
	numeric := true // the token so far has only digits and number punctuation
	hasAt := false
	mailChecked := false
	j := a
	if t[j] == '.' || t[j] == '+' {
		j++
	}
loop:
	for j < b {
		r, size := decode(t, j)
		if !mailChecked && (r == '.' || r == '-' || r == '@' || r == '\'' || r == '+' || r == '%') {
			// only a whole word can be an e-mail address
			mailChecked = true
			if start == a && grp == start {
				if e := s.emailEnd(start, b); e > j {
					s.emit(start, e, 0)
					return e
				}
			}
		}
		if isAlnum(r) {
			if numeric && !isDigit(r) {
				if j > start && isDigit(prevRune(t, j)) {
					// a number followed by letters: "5pm", "10km" split; "20th", "1990s", "4A" stay.
					if splitNumberSuffix(t, j, b) {
						break loop
					}
				}
				numeric = false
			}
			j += size
			continue
		}
		if r == '_' && !numeric {
			j++
			continue
		}
		nr, _ := decode(t, j+size)
		if !isAlnum(nr) {
			break
		}
		pr := prevRune(t, j)
		switch r {
		case '.':
			if isUpper(nr) && !hasAt && !(j-dotSeg <= 2 && alnumLen(t, j+1, b) <= 2) {
				break loop
			}
			dotSeg = j + 1
		case ',':
			// 1,000 and, in European style, 55,7
			if !isDigit(pr) || !isDigit(nr) {
				break loop
			}
			if n := digitRun(t, j+1); n != 3 && (n > 2 || j-start > 2 || !allDigits(t[start:j])) {
				break loop
			}
		case ':':
			if !isDigit(pr) || !isDigit(nr) {
				break loop
			}
		case '/':
			if isDigit(pr) && isDigit(nr) {
				break
			}
			if numeric || j-grp > 2 || alnumLen(t, j+1, b) > 2 || !isLetter(nr) {
				break loop
			}
		case '\'', '’':
			if !isLetter(nr) || numeric && !isNumberClitic(t, j+size, b) {
				break loop
			}
		case '&':
			if numeric || j-grp > 3 || alnumLen(t, j+1, b) > 4 {
				break loop
			}
		case '@':
			if numeric || hasAt {
				break loop
			}
			hasAt = true
		case '-':
			if !hasAt && !keepHyphen(t, start, grp, j, b) {
				s.emitWord(start, j)
				s.emit(j, j+1, 0)
				start = j + 1
				numeric = true
			}
			grp = j + 1
			dotSeg = j + 1
		default:
			break loop
		}
		if !isDigit(nr) {
			numeric = false
		}
		j += size
	}
	end := j
	if start == end {
		return end
	}
	if end < b {
		switch t[end] {
		case '.':
			// a list item at the start of a line: "1.", "2.1.", "b."
			if end+1 == b && start == s.chunkBeg && (s.nl > 0 || len(s.toks) == 0) && end-start <= 4 && isListMark(t[start:end]) {
				s.emit(start, end+1, 0)
				return end + 1
			}
			// "Inc." keeps its period, also in "Inc.." but not in "Inc..."
			if (end+1 >= b || t[end+1] != '.' || end+2 >= b || t[end+2] != '.') && abbrevKind(t[start:end]) != 0 {
				end++
			}
		case '\'', 0xE2:
			// possessive of a plural: "others'"
			if r, size := decode(t, end); isApos(r) && !s.inSingleQuote() && endsWithS(t[start:end]) {
				if nr, _ := decode(t, end+size); !isAlnum(nr) {
					s.emit(start, end+size, end)
					return end + size
				}
			}
		}
	}
	s.emitWord(start, end)
	return end
}

func isNumberClitic(t string, i, b int) bool {
	// "1990's": an apostrophe s after digits
	return i < b && (t[i] == 's' || t[i] == 'S') && (i+1 >= b || !isAlnum(rune(t[i+1])))
}

func digitRun(t string, i int) int {
	n := 0
	for i < len(t) && isDigit(rune(t[i])) {
		n++
		i++
	}
	return n
}

// alnumLen returns how many letters and digits follow i.
func alnumLen(t string, i, b int) int {
	n := 0
	for i < b {
		r, size := decode(t, i)
		if !isAlnum(r) {
			break
		}
		n++
		i += size
	}
	return n
}

// splitNumberSuffix reports whether the letters at j, after a number, are a
// separate token.
func splitNumberSuffix(t string, j, b int) bool {
	k := j
	for k < b && t[k] < utf8.RuneSelf && ascii[t[k]]&(cLower|cUpper) != 0 {
		k++
	}
	if k < b && isDigit(rune(t[k])) {
		return false // a code: "3G4"
	}
	if k < b && t[k] >= utf8.RuneSelf {
		return false
	}
	switch k - j {
	case 0:
		return false
	case 1:
		c := t[j]
		return !(c >= 'A' && c <= 'Z') && c != 's'
	case 2:
		var w [2]byte
		w[0], w[1] = t[j]|0x20, t[j+1]|0x20
		switch string(w[:]) {
		case "st", "nd", "rd", "th":
			return false
		}
	}
	return true
}

// keepHyphen reports whether the hyphen at j stays inside the token that
// started at start; grp is where the group before the hyphen starts.
func keepHyphen(t string, start, grp, j, b int) bool {
	g := t[grp:j]
	if allDigits(g) {
		n := 0
		k := j + 1
		for k < b && isDigit(rune(t[k])) {
			k++
			n++
		}
		if n == 0 || (k < b && isAlnum(rune(t[k]))) {
			return false
		}
		if grp > start {
			return true // third group of a phone number or a date
		}
		if k+1 < b && t[k] == '-' && isDigit(rune(t[k+1])) {
			return true // 713-853-3989, 11-20-2000
		}
		return (len(g) == 1 || len(g) == 3 || len(g) == 5) && n == 4 // 646-8420, 94720-5180, 3-5213
	}
	if grp != start || len(g) > 8 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(g); i++ {
		buf[i] = g[i] | 0x20
	}
	return keptPrefixes[string(buf[:len(g)])]
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func endsWithS(w string) bool {
	if len(w) < 2 {
		return false
	}
	c := w[len(w)-1]
	return (c == 's' || c == 'S') && isLetter(prevRune(w, len(w)-1))
}

// emitWord emits the word text[a:b], split into two words when it is a
// contraction or ends in a possessive clitic.
func (s *scanner) emitWord(a, b int) {
	if a >= b {
		return
	}
	split := 0
	if k := clitic(s.text[a:b]); k > 0 {
		split = a + k
	}
	s.emit(a, b, split)
}

// clitic returns the offset in w where its second word begins if w is a
// contraction ("don't", "I'm", "cannot", "gonna") or a possessive
// ("Russia's"), else 0.
func clitic(w string) int {
	n := len(w)
	if n < 3 {
		return 0
	}
	// n't and n’t
	if n > 3 && (w[n-1] == 't' || w[n-1] == 'T') {
		if w[n-2] == '\'' && (w[n-3] == 'n' || w[n-3] == 'N') && isLetter(rune(w[n-4])) {
			return n - 3
		}
		if n > 5 && w[n-4:n-1] == "’" && (w[n-5] == 'n' || w[n-5] == 'N') && isLetter(rune(w[n-6])) {
			return n - 5
		}
	}
	// 's 'm 'd 're 've 'll
	for k := n - 1; k > 0 && k >= n-6; k-- {
		var ap int
		switch {
		case w[k] == '\'':
			ap = 1
		case w[k] == 0xE2 && k+3 <= n && w[k:k+3] == "’":
			ap = 3
		default:
			continue
		}
		suf := w[k+ap:]
		if len(suf) == 0 || len(suf) > 2 {
			return 0
		}
		var buf [2]byte
		for i := 0; i < len(suf); i++ {
			buf[i] = suf[i] | 0x20
		}
		switch string(buf[:len(suf)]) {
		case "s", "m", "d", "re", "ve", "ll":
			if r := prevRune(w, k); isAlnum(r) {
				return k
			}
		}
		return 0
	}
	if last := w[n-1] | 0x20; n <= 8 && n >= 4 && (last == 't' || last == 'a') {
		var buf [8]byte
		for i := 0; i < n; i++ {
			buf[i] = w[i] | 0x20
		}
		if k, ok := fusedWords[string(buf[:n])]; ok {
			return k
		}
	}
	return 0
}

// urlEnd returns the end of the URL or e-mail-like web address starting at
// a, or a when there is none.
func urlEnd(t string, a, b int) int {
	w := t[a:b]
	if !(hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") || hasPrefixFold(w, "www.") ||
		hasPrefixFold(w, "ftp://") || hasPrefixFold(w, "mailto:")) {
		return a
	}
	e := b
	parens := 0
	for i := a; i < b; i++ {
		switch t[i] {
		case '(':
			parens++
		case ')':
			parens--
		}
	}
	for e > a {
		r, size := utf8.DecodeLastRuneInString(t[a:e])
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', ']', '}', '>', '’', '”', '»':
			e -= size
			continue
		case ')':
			if parens < 0 {
				parens++
				e -= size
				continue
			}
		}
		break
	}
	if e-a < 5 {
		return a
	}
	return e
}

func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if s[i]|0x20 != p[i] && s[i] != p[i] {
			return false
		}
	}
	return true
}

// emailEnd returns the end of the e-mail address that starts at a, if the
// word there is one, else a. The local part may have
// letters, digits and . _ % + - ' (and "..." as web archives abbreviate it);
// the domain letters, digits, . - and _.
func (s *scanner) emailEnd(a, b int) int {
	t := s.text
	if s.at < a {
		// find the next '@' in the chunk, once for all the words before it
		s.at = b
		for k := a; k < b; k++ {
			if t[k] == '@' {
				s.at = k
				break
			}
		}
	}
	at := s.at
	if at <= a || at >= b || at-a > 64 {
		return a
	}
	for k := a; k < at; k++ {
		c := t[k]
		if c >= utf8.RuneSelf || ascii[c]&(cLower|cUpper|cDigit) == 0 && c != '.' && c != '_' && c != '%' && c != '+' && c != '-' && c != '\'' {
			return a
		}
	}
	e := at + 1
	for e < b && e-at < 256 {
		c := t[e]
		if c >= utf8.RuneSelf || ascii[c]&(cLower|cUpper|cDigit) == 0 && c != '.' && c != '-' && c != '_' {
			break
		}
		e++
	}
	for e > at+1 && (t[e-1] == '.' || t[e-1] == '-') {
		e--
	}
	if e == at+1 {
		return a
	}
	return e
}

// isListMark reports whether w, followed by a period at the start of a line,
// numbers a list item: digits, digits with inner periods, or one letter.
func isListMark(w string) bool {
	if len(w) == 1 && ascii[w[0]&0x7f]&cLower != 0 && w[0] < utf8.RuneSelf {
		return true
	}
	if w == "" || !isDigit(rune(w[0])) || !isDigit(rune(w[len(w)-1])) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(rune(w[i])) && w[i] != '.' {
			return false
		}
	}
	return true
}
