package eval

import (
	"strings"
	"testing"
	"time"

	"dyad/conllu"
	"dyad/doc"
	"dyad/internal/sharedtest"
	"dyad/text"
)

func segmentReadUD(t testing.TB, name string) []*conllu.Sentence { return sharedtest.ReadUD(t, name) }

const segGold = `# newdoc id = d1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = Mr. Smith left.
1	Mr.	Mr.	PROPN	NNP	_	2	compound	_	_
2	Smith	Smith	PROPN	NNP	_	3	nsubj	_	_
3	left	leave	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

`

func TestSegmentScores(t *testing.T) {
	gold, err := conllu.ReadAll(strings.NewReader(segGold), "gold")
	if err != nil {
		t.Fatal(err)
	}
	raw, spans := text.RawText(gold)
	if raw != "I don't know. Mr. Smith left." || len(spans) != 2 || spans[1] != (doc.Span{Start: 14, End: 29}) {
		t.Fatalf("RawText = %q %v", raw, spans)
	}
	// the rule-based splitter gets everything right
	tok, sent, word := segmentEval(t, nil, gold)
	for name, sc := range map[string]Score{"tokens": tok, "sentences": sent, "words": word} {
		if sc.F1() != 1 {
			t.Errorf("%s: %v, want F1 1", name, sc)
		}
	}
	if tok.Gold != 8 || word.Gold != 9 || sent.Gold != 2 {
		t.Errorf("gold counts: tokens %d words %d sentences %d", tok.Gold, word.Gold, sent.Gold)
	}
	// one sentence, "Mr" "." split, "don't" as one word
	words := []string{"I", "don't", "know", ".", "Mr", ".", "Smith", "left", "."}
	var s doc.Sentence
	pos := 0
	for _, w := range words {
		i := strings.Index(raw[pos:], w) + pos
		s.Tokens = append(s.Tokens, doc.Token{Span: doc.Span{Start: i, End: i + len(w)}, First: len(s.Words), Last: len(s.Words) + 1})
		s.Words = append(s.Words, doc.Word{Form: w, Span: doc.Span{Start: i, End: i + len(w)}})
		pos = i + len(w)
	}
	s.Span = doc.Span{Start: 0, End: len(raw)}
	tok, sent, word, err = SegmentScores(gold, []doc.Sentence{s}, raw)
	if err != nil {
		t.Fatal(err)
	}
	if tok != (Score{Gold: 8, System: 9, Correct: 7}) {
		t.Errorf("tokens %+v", tok)
	}
	if sent != (Score{Gold: 2, System: 1, Correct: 0}) {
		t.Errorf("sentences %+v", sent)
	}
	// words: "I" "know" "." "Smith" "left" "." align by span; "do" "n't" vs "don't" do not
	if word != (Score{Gold: 9, System: 9, Correct: 6}) {
		t.Errorf("words %+v", word)
	}
	if _, _, _, err := SegmentScores(gold, []doc.Sentence{s}, raw+"x"); err != nil {
		t.Errorf("extra text outside tokens: %v", err)
	}
	s.Tokens = s.Tokens[:3]
	if _, _, _, err := SegmentScores(gold, []doc.Sentence{s}, raw); err == nil {
		t.Error("no error for predicted tokens that miss characters")
	}
	if (Score{}).F1() != 0 || (Score{Gold: 4, System: 2, Correct: 2}).F1() < 0.66 {
		t.Error("Score arithmetic")
	}
}

// TestSegmenterTreebanks trains the segmenter on the training sets, checks
// Tokens and Sentences F1 on the dev sets, and logs the scores of the
// embedded model on dev and test (go test -v ./eval -run Treebanks).
func TestSegmenterTreebanks(t *testing.T) {
	train := [][]*conllu.Sentence{segmentReadUD(t, "ewt-train"), segmentReadUD(t, "gum-train")}
	start := time.Now()
	seg, err := text.TrainSegmenter(train, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v", time.Since(start).Round(time.Millisecond))
	bars := map[string][2]float64{"ewt-dev": {98.5, 80}, "gum-dev": {98.5, 88}}
	for _, name := range []string{"ewt-dev", "gum-dev"} {
		gold := segmentReadUD(t, name)
		tok, sent, word := segmentEval(t, seg, gold)
		t.Logf("%-8s trained:  Tokens %.2f  Sentences %.2f  Words %.2f", name, 100*tok.F1(), 100*sent.F1(), 100*word.F1())
		if b := bars[name]; 100*tok.F1() < b[0] || 100*sent.F1() < b[1] {
			t.Errorf("%s: Tokens F1 %.2f (want >= %.1f), Sentences F1 %.2f (want >= %.1f)", name, 100*tok.F1(), b[0], 100*sent.F1(), b[1])
		}
	}
	for _, name := range []string{"ewt-dev", "ewt-test", "gum-dev", "gum-test"} {
		gold := segmentReadUD(t, name)
		for _, m := range []struct {
			name string
			seg  *text.Segmenter
		}{{"embedded", text.Default()}, {"rules", nil}} {
			tok, sent, word := segmentEval(t, m.seg, gold)
			t.Logf("%-8s %-9s Tokens %.2f  Sentences %.2f  Words %.2f", name, m.name+":", 100*tok.F1(), 100*sent.F1(), 100*word.F1())
		}
	}
}

// segWords builds the words of a token list for alignWords: "abc a b c" is a
// multi-word token "abc" of the words "a", "b" and "c".
func segWords(tokens []string) []segWord {
	var u segUnits
	for _, tk := range tokens {
		parts := strings.Split(tk, " ")
		if len(parts) == 1 {
			u.token(parts[0], parts)
		} else {
			u.token(parts[0], parts[1:])
		}
	}
	return u.words
}

// TestAlignWords checks the word alignment on the cases of the CoNLL 2018
// evaluation script's own tests.
func TestAlignWords(t *testing.T) {
	tests := []struct {
		gold, system []string
		correct      int
	}{
		{[]string{"a"}, []string{"a"}, 1},
		{[]string{"a", "b", "c"}, []string{"a", "b", "c"}, 3},
		{[]string{"abc a b c"}, []string{"a", "b", "c"}, 3},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "c", "d"}, 4},
		{[]string{"abcd a b c d"}, []string{"ab a b", "cd c d"}, 4},
		{[]string{"abc a b c", "de d e"}, []string{"a", "bcd b c d", "e"}, 5},
		{[]string{"abcd"}, []string{"a", "b", "c", "d"}, 0},
		{[]string{"abc", "d"}, []string{"a", "b", "c", "d"}, 1},
		{[]string{"a", "bc", "d"}, []string{"a", "b", "c", "d"}, 2},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "cd"}, 2},
		{[]string{"abc a BX c", "def d EX f"}, []string{"ab a b", "cd c d", "ef e f"}, 4},
		{[]string{"ab a b", "cd bc d"}, []string{"a", "bc", "d"}, 2},
		{[]string{"a", "bc b c", "d"}, []string{"ab AX BX", "cd CX a"}, 1},
	}
	for _, tt := range tests {
		g, s := segWords(tt.gold), segWords(tt.system)
		sc := segAlignWords(g, s)
		if sc.Correct != tt.correct || sc.Gold != len(g) || sc.System != len(s) {
			t.Errorf("gold %q system %q: %+v, want %d correct", tt.gold, tt.system, sc, tt.correct)
		}
	}
}

// segmentEval scores seg (nil: rules only) on gold's raw text.
func segmentEval(t *testing.T, seg *text.Segmenter, gold []*conllu.Sentence) (tokens, sentences, words Score) {
	t.Helper()
	tokens, words, sentences, err := RawTextScores(seg, gold)
	if err != nil {
		t.Fatal(err)
	}
	return tokens, sentences, words
}
