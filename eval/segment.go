package eval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/conllu"
	"dyad/doc"
)

// Score counts what a system found against a gold standard: Gold items in
// the gold standard, System items the system produced and Correct items
// that match.
type Score struct {
	Gold, System, Correct int
}

// P returns the precision, Correct/System, or 0 when System is 0.
func (s Score) P() float64 {
	if s.System == 0 {
		return 0
	}
	return float64(s.Correct) / float64(s.System)
}

// R returns the recall, Correct/Gold, or 0 when Gold is 0.
func (s Score) R() float64 {
	if s.Gold == 0 {
		return 0
	}
	return float64(s.Correct) / float64(s.Gold)
}

// F1 returns the harmonic mean of P and R, or 0 when both are 0.
func (s Score) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add returns the sum of two scores.
func (s Score) Add(o Score) Score {
	return Score{Gold: s.Gold + o.Gold, System: s.System + o.System, Correct: s.Correct + o.Correct}
}

// String formats the score as "P/R/F1" percentages with the counts.
func (s Score) String() string {
	return fmt.Sprintf("P %.2f R %.2f F1 %.2f (gold %d, system %d, correct %d)",
		100*s.P(), 100*s.R(), 100*s.F1(), s.Gold, s.System, s.Correct)
}

// segSpan is a span in the text with its space separators removed, which is
// where the CoNLL 2018 shared task compares tokens and sentences.
type segSpan struct{ start, end int }

// segWord is a word for the CoNLL 2018 word alignment: its form, its span
// and whether it belongs to a multi-word token (whose span it then has).
type segWord struct {
	form      string
	span      segSpan
	multiword bool
}

// segUnits are the tokens, words and sentences of one side of a comparison.
type segUnits struct {
	chars     strings.Builder
	tokens    []segSpan
	words     []segWord
	sentences []segSpan
}

// segStripZs removes the characters of Unicode category Zs (space separators)
// as the shared task's evaluation script does.
func segStripZs(s string) string {
	clean := true
	for _, r := range s {
		if unicode.Is(unicode.Zs, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Zs, r) {
			return -1
		}
		return r
	}, s)
}

func (u *segUnits) token(form string, words []string) {
	form = segStripZs(form)
	start := u.chars.Len()
	u.chars.WriteString(form)
	sp := segSpan{start, u.chars.Len()}
	u.tokens = append(u.tokens, sp)
	if len(words) == 1 {
		u.words = append(u.words, segWord{form: words[0], span: sp})
		return
	}
	for _, w := range words {
		u.words = append(u.words, segWord{form: w, span: sp, multiword: true})
	}
}

// SegmentScores scores predicted sentences, tokens and words against gold
// ones as the CoNLL 2018 shared task does (conll18_ud_eval.py): spans are
// compared over the text with white space removed, a multi-word token counts
// once as a token, and the words of multi-word tokens are aligned by their
// forms. text is the text the predicted spans refer to. It returns an error
// when the gold tokens and the predicted ones do not spell the same
// characters.
func SegmentScores(gold []*conllu.Sentence, predicted []doc.Sentence, text string) (tokens, sentences, words Score, err error) {
	var g, p segUnits
	var forms []string
	for _, s := range gold {
		start := len(g.tokens)
		for _, t := range s.Tokens() {
			forms = forms[:0]
			for id := t.First; id <= t.Last; id++ {
				if id-1 < len(s.Words) {
					forms = append(forms, s.Words[id-1].Form)
				}
			}
			if len(forms) == 0 {
				forms = append(forms, t.Form)
			}
			g.token(t.Form, forms)
		}
		if len(g.tokens) > start {
			g.sentences = append(g.sentences, segSpan{g.tokens[start].start, g.tokens[len(g.tokens)-1].end})
		}
	}
	for _, s := range predicted {
		start := len(p.tokens)
		for _, t := range s.Tokens {
			if t.Span.Start < 0 || t.Span.End > len(text) || t.Span.Start > t.Span.End {
				return tokens, sentences, words, fmt.Errorf("token span %d:%d out of the text (%d bytes)", t.Span.Start, t.Span.End, len(text))
			}
			forms = forms[:0]
			for i := t.First; i < t.Last && i < len(s.Words); i++ {
				forms = append(forms, s.Words[i].Form)
			}
			if len(forms) == 0 {
				forms = append(forms, text[t.Span.Start:t.Span.End])
			}
			p.token(text[t.Span.Start:t.Span.End], forms)
		}
		if len(p.tokens) > start {
			p.sentences = append(p.sentences, segSpan{p.tokens[start].start, p.tokens[len(p.tokens)-1].end})
		}
	}
	if gc, pc := g.chars.String(), p.chars.String(); gc != pc {
		i := 0
		for i < len(gc) && i < len(pc) && gc[i] == pc[i] {
			i++
		}
		return tokens, sentences, words, fmt.Errorf("gold and predicted text differ at character %d: %q vs %q",
			utf8.RuneCountInString(gc[:i]), segClip(gc[i:]), segClip(pc[i:]))
	}
	tokens = segSpansScore(g.tokens, p.tokens)
	sentences = segSpansScore(g.sentences, p.sentences)
	words = segAlignWords(g.words, p.words)
	return tokens, sentences, words, nil
}

func segClip(s string) string {
	if len(s) > 20 {
		s = s[:20]
	}
	return s
}

// segSpansScore counts the spans that gold and system share.
func segSpansScore(gold, system []segSpan) Score {
	sc := Score{Gold: len(gold), System: len(system)}
	gi, si := 0, 0
	for gi < len(gold) && si < len(system) {
		switch g, s := gold[gi], system[si]; {
		case s.start < g.start:
			si++
		case g.start < s.start:
			gi++
		default:
			if g.end == s.end {
				sc.Correct++
			}
			gi++
			si++
		}
	}
	return sc
}

// segAlignWords counts aligned words as conll18_ud_eval.py does: words outside
// multi-word tokens by their spans, words inside them by the longest common
// subsequence of their lower-cased forms.
func segAlignWords(gold, system []segWord) Score {
	sc := Score{Gold: len(gold), System: len(system)}
	gi, si := 0, 0
	for gi < len(gold) && si < len(system) {
		if gold[gi].multiword || system[si].multiword {
			var gs, ss int
			gs, ss, gi, si = segMultiwordSpan(gold, system, gi, si)
			if si > ss && gi > gs {
				sc.Correct += segLCSAlign(gold[gs:gi], system[ss:si])
			}
			continue
		}
		g, s := gold[gi].span, system[si].span
		switch {
		case g == s:
			sc.Correct++
			gi++
			si++
		case g.start <= s.start:
			gi++
		default:
			si++
		}
	}
	return sc
}

func segMultiwordSpan(gold, system []segWord, gi, si int) (gs, ss, gi2, si2 int) {
	var end int
	if gold[gi].multiword {
		end = gold[gi].span.end
		if !system[si].multiword && system[si].span.start < gold[gi].span.start {
			si++
		}
	} else {
		end = system[si].span.end
		if !gold[gi].multiword && gold[gi].span.start < system[si].span.start {
			gi++
		}
	}
	gs, ss = gi, si
	for !segBeyondEnd(gold, gi, end) || !segBeyondEnd(system, si, end) {
		if gi < len(gold) && (si >= len(system) || gold[gi].span.start <= system[si].span.start) {
			end = segExtendEnd(gold[gi], end)
			gi++
		} else {
			end = segExtendEnd(system[si], end)
			si++
		}
	}
	return gs, ss, gi, si
}

func segBeyondEnd(words []segWord, i, end int) bool {
	if i >= len(words) {
		return true
	}
	if words[i].multiword {
		return words[i].span.start >= end
	}
	return words[i].span.end > end
}

func segExtendEnd(w segWord, end int) int {
	if w.multiword && w.span.end > end {
		return w.span.end
	}
	return end
}

// segLCSAlign returns how many words of gold and system align by the longest
// common subsequence of their lower-cased forms, walked as the shared task's
// script walks it.
func segLCSAlign(gold, system []segWord) int {
	ng, ns := len(gold), len(system)
	lcs := make([][]int, ng)
	for i := range lcs {
		lcs[i] = make([]int, ns)
	}
	lg, ls := make([]string, ng), make([]string, ns)
	for i, w := range gold {
		lg[i] = strings.ToLower(w.form)
	}
	for i, w := range system {
		ls[i] = strings.ToLower(w.form)
	}
	same := func(g, s int) bool { return lg[g] == ls[s] }
	for g := ng - 1; g >= 0; g-- {
		for s := ns - 1; s >= 0; s-- {
			if same(g, s) {
				v := 1
				if g+1 < ng && s+1 < ns {
					v += lcs[g+1][s+1]
				}
				lcs[g][s] = v
			}
			if g+1 < ng && lcs[g+1][s] > lcs[g][s] {
				lcs[g][s] = lcs[g+1][s]
			}
			if s+1 < ns && lcs[g][s+1] > lcs[g][s] {
				lcs[g][s] = lcs[g][s+1]
			}
		}
	}
	n := 0
	g, s := 0, 0
	for g < ng && s < ns {
		if same(g, s) {
			n++
			g++
			s++
			continue
		}
		next := 0
		if g+1 < ng {
			next = lcs[g+1][s]
		}
		if lcs[g][s] == next {
			g++
		} else {
			s++
		}
	}
	return n
}
