package text

import (
	"dyad/doc"
)

// Segmenter splits text into sentences. It holds the weights of an averaged
// perceptron that decides, at each candidate token, whether a sentence ends
// after it. A nil or zero Segmenter splits with rules only. A Segmenter is
// safe for concurrent use.
type Segmenter struct {
	bits    uint8     // the weight table has 1<<bits entries
	weights []float32 // nil: rules only
}

// Split tokenizes text and splits it into sentences. Each sentence's Span
// runs from its first token's start to its last token's end; Token.First and
// Token.Last index the sentence's own Words. Only Form and Span of the words
// are set. A blank line always ends a sentence, and so does a newline after
// sentence-final punctuation.
func (s *Segmenter) Split(text string) []doc.Sentence {
	toks := scan(text, make([]tok, 0, len(text)/5+1))
	if len(toks) == 0 {
		return nil
	}
	ends := s.boundaries(text, toks, make([]bool, len(toks)))
	nsent, nwords, ntoks := 0, len(toks), len(toks)
	for i, e := range ends {
		if e {
			nsent++
			if finalAbbrev(text, toks[i]) {
				ntoks++
				nwords++
			}
		}
		if toks[i].split > 0 {
			nwords++
		}
	}
	sents := make([]doc.Sentence, 0, nsent)
	tokens := make([]doc.Token, 0, ntoks)
	words := make([]doc.Word, 0, nwords)
	first, firstWord := 0, 0
	for i, t := range toks {
		if ends[i] && finalAbbrev(text, t) {
			// The UD treebanks end a sentence on "etc" "." rather than "etc.".
			tokens = append(tokens, doc.Token{Span: doc.Span{Start: t.start, End: t.end - 1}, First: len(words) - firstWord, Last: len(words) + 1 - firstWord})
			words = append(words, doc.Word{Form: text[t.start : t.end-1], Span: doc.Span{Start: t.start, End: t.end - 1}})
			t.start = t.end - 1
		}
		w := len(words)
		if t.split > t.start && t.split < t.end {
			words = words[:w+2]
			words[w].Form, words[w].Span = text[t.start:t.split], doc.Span{Start: t.start, End: t.split}
			words[w+1].Form, words[w+1].Span = text[t.split:t.end], doc.Span{Start: t.split, End: t.end}
		} else {
			words = words[:w+1]
			words[w].Form, words[w].Span = text[t.start:t.end], doc.Span{Start: t.start, End: t.end}
		}
		tokens = tokens[:len(tokens)+1]
		tokens[len(tokens)-1] = doc.Token{Span: doc.Span{Start: t.start, End: t.end}, First: w - firstWord, Last: len(words) - firstWord}
		if ends[i] {
			sents = append(sents, doc.Sentence{
				Span:   doc.Span{Start: tokens[first].Span.Start, End: t.end},
				Tokens: tokens[first:len(tokens):len(tokens)],
				Words:  words[firstWord:len(words):len(words)],
			})
			first, firstWord = len(tokens), len(words)
		}
	}
	return sents
}

// finalAbbrev reports whether t is an abbreviation with its period ("etc.",
// "U.S.") whose period is split off when it ends a sentence.
func finalAbbrev(text string, t tok) bool {
	return t.end-t.start > 1 && t.split == 0 && text[t.end-1] == '.' && kind(text[t.start:t.end]) == kAbbrev
}

// Split splits text into sentences with the rule-based splitter; it is
// (*Segmenter)(nil).Split.
func Split(text string) []doc.Sentence {
	var s *Segmenter
	return s.Split(text)
}

// boundaries sets ends[i] when a sentence ends after toks[i].
func (s *Segmenter) boundaries(text string, toks []tok, ends []bool) []bool {
	var buf [40]fhash
	var cache featCache
	n := len(toks)
	for i := 0; i < n; i++ {
		if i == n-1 {
			ends[i] = true
			break
		}
		switch decideHard(text, toks, i) {
		case hardEnd:
			ends[i] = true
		case hardCandidate:
			if s == nil || s.weights == nil {
				ends[i] = ruleEnd(text, toks, i)
			} else {
				ends[i] = s.score(cache.features(text, toks, i, buf[:0])) > 0
			}
		}
	}
	return ends
}

func (s *Segmenter) score(fs []fhash) float32 {
	shift := 64 - uint(s.bits)
	var sum float32
	for _, f := range fs {
		sum += s.weights[f>>shift]
	}
	return sum
}

const (
	hardNo = iota
	hardEnd
	hardCandidate
)

// decideHard decides what the rules alone can about a boundary after
// toks[i]: a blank line ends a sentence; a newline after sentence-final
// punctuation ends one; a candidate is left to the classifier.
func decideHard(text string, toks []tok, i int) int {
	next := toks[i+1]
	if next.nl >= 2 {
		return hardEnd
	}
	if next.start == toks[i].end {
		return hardNo // no sentence ends inside "word." or ".\""
	}
	k0 := ctxKind(text, toks, i)
	final := k0 == kFinal
	if !final && k0 == kCloser {
		final = afterFinal(text, toks, i)
	}
	if next.nl > 0 {
		if final {
			return hardEnd
		}
		return hardCandidate
	}
	if final || k0 == kAbbrev {
		return hardCandidate
	}
	r, _ := decode(text, next.start)
	if isUpper(r) || isDigit(r) {
		return hardCandidate
	}
	switch r {
	case '"', '“', '‘', '\'', '(', '[', '*', '•', '-', '–', '—', '#', '>', '·':
		return hardCandidate
	}
	return hardNo
}

// afterFinal reports whether toks[i], a closing quote or bracket, follows
// sentence-final punctuation with nothing but other closers between.
func afterFinal(text string, toks []tok, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4 && toks[j].end == toks[j+1].start; j-- {
		switch ctxKind(text, toks, j) {
		case kFinal:
			return true
		case kCloser, kQuote:
			continue
		}
		return false
	}
	return false
}

// sentenceStarters are words that, capitalised after an abbreviation, are
// likely to begin a new sentence.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "you": true, "but": true, "and": true, "in": true, "on": true,
	"this": true, "that": true, "these": true, "those": true, "there": true, "his": true,
	"her": true, "its": true, "their": true, "our": true, "my": true, "if": true,
	"when": true, "while": true, "after": true, "before": true, "however": true,
	"what": true, "why": true, "how": true, "who": true, "so": true, "as": true, "at": true,
	"for": true, "to": true, "with": true, "since": true, "also": true, "mr.": true,
	"mrs.": true, "ms.": true, "dr.": true, "yet": true, "then": true, "now": true,
}

// ruleEnd decides a candidate boundary after toks[i] without a model.
func ruleEnd(text string, toks []tok, i int) bool {
	cur, next := toks[i], toks[i+1]
	w0 := text[cur.start:cur.end]
	wn := text[next.start:next.end]
	k0, kn := ctxKind(text, toks, i), ctxKind(text, toks, i+1)
	startLike := kn == kUpper || kn == kOpener || kn == kQuote || kn == kBullet || kn == kDigit || kn == kDash || kn == kAbbrev
	if !gapBefore(toks, i+1) {
		return false
	}
	switch k0 {
	case kFinal, kCloser, kQuote:
		if k0 != kFinal && !afterFinal(text, toks, i) {
			// a closer ends a sentence only after final punctuation
			return next.nl > 0 && kn == kUpper
		}
		if w0 == "..." || w0 == "…" {
			return kn == kUpper && sentenceStarters[lowerASCII(wn)] || next.nl > 0
		}
		return startLike
	case kAbbrev:
		switch abbrevKind(w0[:len(w0)-1]) {
		case abbrTitle, abbrInitial:
			return false
		}
		return kn == kUpper && (sentenceStarters[lowerASCII(wn)] || next.nl > 0 && lineLen(text, cur.end) < 50)
	case kComma, kOpener, kDash:
		return false
	}
	if next.nl > 0 && lineLen(text, cur.end) < 50 {
		// a short line: a heading, a dateline, an item
		return kn == kUpper || kn == kBullet || kn == kOpener || kn == kQuote || kn == kDigit
	}
	return false
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
