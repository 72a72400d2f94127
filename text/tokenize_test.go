package text

import (
	"strings"
	"testing"
	"unicode"
)

// tokenStrings renders the tokens of text, the words of a multi-word token
// joined by "|".
func tokenStrings(text string) []string {
	toks, words := Tokenize(text)
	out := make([]string, len(toks))
	for i, tk := range toks {
		var parts []string
		for _, w := range words[tk.First:tk.Last] {
			parts = append(parts, w.Form)
		}
		out[i] = strings.Join(parts, "|")
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens separated by spaces; words of a multi-word token by "|"
	}{
		// contractions and possessives
		{"I don't know.", "I do|n't know ."},
		{"We won't, can't and cannot go.", "We wo|n't , ca|n't and can|not go ."},
		{"You're gonna love it; I'm sure.", "You|'re gon|na love it ; I|'m sure ."},
		{"Russia's war and the others' plans", "Russia|'s war and the others|' plans"},
		{"It’s Russia’s call, don’t you think?", "It|’s Russia|’s call , do|n’t you think ?"},
		{"I'd've, they'll, we've, she'd", "I'd|'ve , they|'ll , we|'ve , she|'d"},
		{"O'Reilly's rock'n'roll at 5 o'clock", "O'Reilly|'s rock'n'roll at 5 o'clock"},
		{"the 1990's and the '90s", "the 1990|'s and the '90s"},
		{"He said 'the boys' were late.", "He said ' the boys ' were late ."},
		// abbreviations and initials
		{"Mr. Trump met Dr. Smith and Mrs. Jones.", "Mr. Trump met Dr. Smith and Mrs. Jones ."},
		{"Sen. Gen. Gov. Lt. Col. Jan. Inc. Corp.", "Sen. Gen. Gov. Lt. Col. Jan. Inc. Corp."},
		{"the U.S. and U.N. said", "the U.S. and U.N. said"},
		{"at 10 a.m. or 3 p.m. today", "at 10 a.m. or 3 p.m. today"},
		{"e.g. apples, i.e. fruit, etc. and so on", "e.g. apples , i.e. fruit , etc. and so on"},
		{"Dmitri S. Peskov said", "Dmitri S. Peskov said"},
		{"a U.S.-backed plan", "a U.S. - backed plan"},
		{"I said no.", "I said no ."},
		// hyphens
		{"a search-engine war", "a search - engine war"},
		{"e-mail, pre-war, non-profit, co-founder, anti-war", "e-mail , pre-war , non-profit , co-founder , anti-war"},
		{"re-election, cross-border, mid-August, semi-final", "re-election , cross-border , mid-August , semi-final"},
		{"their pre-2014 status", "their pre-2014 status"},
		{"state-of-the-art", "state - of - the - art"},
		{"call 713-853-3989 or 646-8420", "call 713-853-3989 or 646-8420"},
		{"from 5-10 people, 1969-1970", "from 5 - 10 people , 1969 - 1970"},
		// numbers
		{"$5 and $1,000.50 or 3.5 or .5", "$ 5 and $ 1,000.50 or 3.5 or .5"},
		{"up 10% to 2,500", "up 10 % to 2,500"},
		{"at 10:30 on 2/12/2025", "at 10:30 on 2/12/2025"},
		{"the 20th century, the 1970s, 5pm, 10km", "the 20th century , the 1970s , 5 pm , 10 km"},
		// web
		{"See https://example.com/a?b=c.", "See https://example.com/a?b=c ."},
		{"(see www.nytimes.com)", "( see www.nytimes.com )"},
		{"Mail john.smith@example.co.uk, now", "Mail john.smith@example.co.uk , now"},
		{"Follow @nytimes and #Ukraine!", "Follow @nytimes and #Ukraine !"},
		// punctuation
		{"Wait... what…", "Wait ... what …"},
		{"Really?! Yes!!!", "Really ?! Yes !!!"},
		{"He said \"no.\"", "He said \" no . \""},
		{"“We discussed Ukraine.”", "“ We discussed Ukraine . ”"},
		{"peace -- or war — or – else", "peace -- or war — or – else"},
		{"(AFP) [1] {x}", "( AFP ) [ 1 ] { x }"},
		{"great :) and sad :(", "great :) and sad :("},
		{"``quoted''", "`` quoted ''"},
		// white space
		{"a\u00a0b\tc\r\nd", "a b c d"},
		{"", ""},
	}
	for _, tt := range tests {
		got := strings.Join(tokenStrings(tt.in), " ")
		if got != tt.want {
			t.Errorf("Tokenize(%q)\n got: %s\nwant: %s", tt.in, got, tt.want)
		}
	}
}

// checkSpans checks the invariants of Tokenize and Split on text.
func checkSpans(t *testing.T, text string) {
	t.Helper()
	toks, words := Tokenize(text)
	covered := make([]bool, len(text))
	prevEnd := 0
	for i, tk := range toks {
		if tk.Span.Start < prevEnd || tk.Span.End <= tk.Span.Start || tk.Span.End > len(text) {
			t.Fatalf("token %d span %v after %d in %q", i, tk.Span, prevEnd, text)
		}
		prevEnd = tk.Span.End
		if tk.First >= tk.Last || tk.Last > len(words) {
			t.Fatalf("token %d words [%d,%d) of %d", i, tk.First, tk.Last, len(words))
		}
		if words[tk.First].Span.Start != tk.Span.Start || words[tk.Last-1].Span.End != tk.Span.End {
			t.Fatalf("token %d span %v, words from %d to %d", i, tk.Span, words[tk.First].Span.Start, words[tk.Last-1].Span.End)
		}
		for j := tk.Span.Start; j < tk.Span.End; j++ {
			covered[j] = true
		}
	}
	for i, w := range words {
		if w.Span.Start >= w.Span.End || w.Form != text[w.Span.Start:w.Span.End] {
			t.Fatalf("word %d %q at %v", i, w.Form, w.Span)
		}
		if i > 0 && w.Span.Start < words[i-1].Span.End {
			t.Fatalf("word %d overlaps word %d", i, i-1)
		}
	}
	for i, r := range text {
		if !covered[i] && !unicode.IsSpace(r) {
			t.Fatalf("byte %d (%q) of %q is in no token", i, r, text)
		}
	}
	for _, seg := range []*Segmenter{nil, Default()} {
		sents := seg.Split(text)
		prevEnd := 0
		for si, s := range sents {
			if len(s.Tokens) == 0 || s.Span.Start < prevEnd || s.Span.End > len(text) || s.Span.Start >= s.Span.End {
				t.Fatalf("sentence %d span %v after %d", si, s.Span, prevEnd)
			}
			prevEnd = s.Span.End
			if s.Tokens[0].Span.Start != s.Span.Start || s.Tokens[len(s.Tokens)-1].Span.End != s.Span.End {
				t.Fatalf("sentence %d span %v does not match its tokens", si, s.Span)
			}
			wprev := s.Span.Start
			for ti, tk := range s.Tokens {
				if tk.First < 0 || tk.First >= tk.Last || tk.Last > len(s.Words) {
					t.Fatalf("sentence %d token %d words [%d,%d) of %d", si, ti, tk.First, tk.Last, len(s.Words))
				}
				for _, w := range s.Words[tk.First:tk.Last] {
					if w.Span.Start < wprev || !tk.Span.Contains(w.Span) || w.Form != text[w.Span.Start:w.Span.End] || w.Form == "" {
						t.Fatalf("sentence %d word %q at %v in token %v", si, w.Form, w.Span, tk.Span)
					}
					wprev = w.Span.End
				}
				for j := tk.Span.Start; j < tk.Span.End; j++ {
					covered[j] = false
				}
			}
		}
		for i, r := range text {
			if covered[i] && !unicode.IsSpace(r) {
				t.Fatalf("byte %d (%q) of %q is in no sentence token", i, r, text)
			}
		}
		for i := range covered {
			covered[i] = true
		}
	}
}

func TestSpansInvariants(t *testing.T) {
	for _, s := range []string{
		"", " ", "\n\n", "a", "...", "Mr.", "U.S.", "'", "’’", "don't", "x'", "\xff\xfe", "a\u00a0b",
		"He said \"no.\" Then he left.\n\nNew paragraph", "etc.", "Inc..", "[...]", "1. First\n2. Second",
		"e.g.\n", "a-b-c-", "-", "http://", "@", "#", "a@b", "..@..", "mailto:x@y.z.", "3,", "'90", "‘’x",
	} {
		checkSpans(t, s)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"President Trump said on Wednesday that he had a “long and very productive call” with President Vladimir V. Putin of Russia.",
		"Mr. Trump's re-election in the U.S. didn't end it.\n\nKremlin spokesman Dmitri S. Peskov said: \"No.\"",
		"e-mail john.smith@example.com or see https://x.org/a_(b). Cost: $1,000.50 (10%) at 10:30 a.m. on 2/12/2025...",
		"'90s rock'n'roll, others' cars, I'm gonna go :) -- Inc.. [...] 1. a\n2. b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s)
	})
}
