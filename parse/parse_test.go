package parse

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad/conllu"
	"dyad/doc"
	"dyad/internal/sharedtest"
	"dyad/models"
)

const tiny = `# text = Trump had a call with Putin.
1	Trump	Trump	PROPN	NNP	_	2	nsubj	_	_
2	had	have	VERB	VBD	_	0	root	_	_
3	a	a	DET	DT	_	4	det	_	_
4	call	call	NOUN	NN	_	2	obj	_	_
5	with	with	ADP	IN	_	6	case	_	_
6	Putin	Putin	PROPN	NNP	_	4	nmod	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_

# text = Putin invited Trump to Moscow.
1	Putin	Putin	PROPN	NNP	_	2	nsubj	_	_
2	invited	invite	VERB	VBD	_	0	root	_	_
3	Trump	Trump	PROPN	NNP	_	2	obj	_	_
4	to	to	ADP	IN	_	5	case	_	_
5	Moscow	Moscow	PROPN	NNP	_	2	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_

`

func readTiny(t *testing.T) []*conllu.Sentence {
	t.Helper()
	s, err := conllu.ReadAll(strings.NewReader(tiny), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// oracleParse follows zero-cost transitions only and returns the heads.
func oracleParse(p *Parser, s *conllu.Sentence) ([]int, bool) {
	n := len(s.Words)
	words := make([]doc.Word, n)
	heads := make([]int, n+2)
	labels := make([]int, n+2)
	heads[0], heads[n+1] = none, none
	children := make([][]int, n+2)
	for i, w := range s.Words {
		words[i] = doc.Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS}
		heads[i+1] = w.Head
		if w.Head == 0 {
			heads[i+1] = n + 1
		}
		labels[i+1] = p.labelIndex(w.Deprel)
		children[heads[i+1]] = append(children[heads[i+1]], i+1)
	}
	st := newState(words)
	nc := p.nClasses()
	ok, cost := make([]bool, nc), make([]int, nc)
	for p.valid(st, ok) {
		costs(st, heads, labels, children, ok, cost, len(p.labels))
		next := -1
		for c := 0; c < nc; c++ {
			if ok[c] && cost[c] == 0 {
				next = c
				break
			}
		}
		if next < 0 {
			return nil, false
		}
		st.apply(next, len(p.labels))
	}
	if !st.done() {
		return nil, false
	}
	out := st.heads[1 : n+1]
	for i := range out {
		if out[i] == n+1 {
			out[i] = 0
		}
	}
	return out, true
}

func isProjective(s *conllu.Sentence) bool {
	h := make([]int, len(s.Words)+1)
	for i, w := range s.Words {
		h[i+1] = w.Head
	}
	c := slices.Clone(h)
	projectivize(c)
	return slices.Equal(c, h)
}

// TestOracleReachesGold checks the dynamic oracle: following only
// zero-cost transitions must rebuild every projective gold tree exactly.
func TestOracleReachesGold(t *testing.T) {
	sents := readTiny(t)
	path := filepath.Join("..", "..", "shared", "data", "ud", "ewt-dev.conllu")
	if _, err := os.Stat(path); err == nil {
		more, err := conllu.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, more...)
	} else {
		t.Logf("only the inline sentences: %s is absent", path)
	}
	seen := map[string]bool{}
	var labels []string
	for _, s := range sents {
		for _, w := range s.Words {
			if !seen[w.Deprel] {
				seen[w.Deprel] = true
				labels = append(labels, w.Deprel)
			}
		}
	}
	p := &Parser{}
	p.setLabels(labels)
	checked := 0
	for _, s := range sents {
		if !isProjective(s) {
			continue
		}
		roots := 0
		for _, w := range s.Words {
			if w.Head == 0 {
				roots++
			}
		}
		if roots != 1 {
			continue
		}
		got, ok := oracleParse(p, s)
		if !ok {
			t.Fatalf("%s: no zero-cost transition", s.ID)
		}
		for i, w := range s.Words {
			if got[i] != w.Head {
				t.Fatalf("%s: word %d head %d, gold %d", s.ID, i+1, got[i], w.Head)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no sentence checked")
	}
}

func TestProjectivize(t *testing.T) {
	// 1 <- 3 crosses 2 -> 4: "A hearing is scheduled on the issue today" style.
	heads := []int{-1, 2, 0, 2, 1} // word 4 attached to 1 across the root's arc
	projectivize(heads)
	if heads[4] != 2 {
		t.Fatalf("heads after lifting = %v, want word 4 lifted to 2", heads)
	}
	proj := []int{-1, 2, 0, 2}
	projectivize(proj)
	if !slices.Equal(proj, []int{-1, 2, 0, 2}) {
		t.Fatalf("projective tree changed: %v", proj)
	}
}

// TestTrainTiny trains on two sentences and checks that the parser learns
// them, survives a write/read round trip, and always returns a tree.
func TestTrainTiny(t *testing.T) {
	sents := readTiny(t)
	p := Train(sents, TrainOptions{Epochs: 30, Seed: 1})
	var b strings.Builder
	if _, err := p.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	q, err := Read([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		words := make([]doc.Word, len(s.Words))
		for i, w := range s.Words {
			words[i] = doc.Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS}
		}
		q.Parse(words)
		roots := 0
		for i, w := range words {
			if w.Head != s.Words[i].Head || w.Deprel != s.Words[i].Deprel {
				t.Errorf("%q word %d: got %d %s, want %d %s", s.Text, i+1, w.Head, w.Deprel, s.Words[i].Head, s.Words[i].Deprel)
			}
			if w.Head == 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("%q: %d roots", s.Text, roots)
		}
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("DYADPAR1"), []byte("DYADPAR1\x05ab"), []byte("nonsense")} {
		if _, err := Read(b); err == nil {
			t.Errorf("Read(%q) succeeded", b)
		}
	}
}

func FuzzRead(f *testing.F) {
	p := Train(func() []*conllu.Sentence {
		s, _ := conllu.ReadAll(strings.NewReader(tiny), "tiny")
		return s
	}(), TrainOptions{Epochs: 30, Seed: 1})
	var b strings.Builder
	p.WriteTo(&b)
	f.Add([]byte(b.String()))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := Read(data)
		if err != nil {
			return
		}
		words := []doc.Word{{Form: "a", UPOS: "DET", XPOS: "DT"}, {Form: "b", UPOS: "NOUN", XPOS: "NN"}}
		q.Parse(words)
	})
}

// TestGroupedFeatures checks that the feature groups scored at parse time
// hold exactly the keys of features, which training uses, in every
// configuration of parses of the tiny treebank along varied transitions.
func TestGroupedFeatures(t *testing.T) {
	sents := readTiny(t)
	p := Train(sents, TrainOptions{Epochs: 2, Seed: 1})
	checked := 0
	for _, cs := range sents {
		words := make([]doc.Word, len(cs.Words))
		for i, w := range cs.Words {
			words[i] = doc.Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS}
		}
		nc := p.nClasses()
		for seed := 0; seed < 4; seed++ {
			s := newState(words)
			ok := make([]bool, nc)
			for step := 0; p.valid(s, ok); step++ {
				want := s.features(nil)
				got := s.bufferFeatures(nil, s.b)
				got = s.stackFeatures(got, s.s0())
				got = s.secondFeatures(got, s.s1())
				got, empty := s.stepFeatures(got)
				for g := 0; g < nSlots; g++ {
					if empty&(1<<g) != 0 {
						got = s.slotFeatures(got, g, none)
					}
				}
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Fatalf("step %d: grouped features differ from training's", step)
				}
				checked++
				// take the valid transitions in turn, to see varied states
				c := (step*7 + seed*13) % nc
				for !ok[c] {
					c = (c + 1) % nc
				}
				s.apply(c, len(p.labels))
			}
		}
	}
	if checked < 40 {
		t.Fatalf("only %d configurations checked", checked)
	}
	s := newState([]doc.Word{{Form: "Hi", UPOS: "INTJ", XPOS: "UH"}})
	if n := len(s.bufferFeatures(nil, 1)); n != nBuffer {
		t.Errorf("bufferFeatures: %d keys, want %d", n, nBuffer)
	}
	if n := len(s.stackFeatures(nil, none)); n != nStack {
		t.Errorf("stackFeatures: %d keys, want %d", n, nStack)
	}
	if n := len(s.secondFeatures(nil, none)); n != nSecond {
		t.Errorf("secondFeatures: %d keys, want %d", n, nSecond)
	}
}

// refParse parses words the simple way, with the features training uses
// and one Score call per transition: what Parse computed before its
// features were grouped and batched. It returns heads and relations.
func (p *Parser) refParse(words []doc.Word) ([]int, []string) {
	s := newState(words)
	nc := p.nClasses()
	ok := make([]bool, nc)
	scores := make([]int32, nc)
	for p.valid(s, ok) {
		only, n := -1, 0
		for c := 0; c < nc && n < 2; c++ {
			if ok[c] {
				only, n = c, n+1
			}
		}
		if n == 1 {
			s.apply(only, len(p.labels))
			continue
		}
		clear(scores)
		p.model.Score(s.features(nil), scores)
		best := -1
		for c := 0; c < nc; c++ {
			if ok[c] && (best < 0 || scores[c] > scores[best]) {
				best = c
			}
		}
		s.apply(best, len(p.labels))
	}
	p.finish(s)
	heads, labels := make([]int, len(words)), make([]string, len(words))
	for i := range words {
		if heads[i] = s.heads[i+1]; heads[i] == s.root() {
			heads[i] = 0
		}
		labels[i] = p.labels[s.labels[i+1]]
	}
	return heads, labels
}

func embeddedParser(t testing.TB) *Parser {
	data, err := models.Open("parser.bin")
	if err != nil {
		t.Skip(err)
	}
	p, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// taggedWords returns the words of sentences with their gold tags.
func taggedWords(sents []*conllu.Sentence) [][]doc.Word {
	out := make([][]doc.Word, len(sents))
	for i, s := range sents {
		for _, w := range s.Words {
			out[i] = append(out[i], doc.Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS})
		}
	}
	return out
}

// TestParseMatchesReference checks that the built-in parser gives the
// same trees as the simple way of parsing, on the EWT test split.
func TestParseMatchesReference(t *testing.T) {
	p := embeddedParser(t)
	for i, words := range taggedWords(sharedtest.ReadUD(t, "ewt-test")) {
		wantHeads, wantLabels := p.refParse(words)
		p.Parse(words)
		for j, w := range words {
			if w.Head != wantHeads[j] || w.Deprel != wantLabels[j] {
				t.Fatalf("sentence %d, word %d: %d %s, want %d %s", i, j+1, w.Head, w.Deprel, wantHeads[j], wantLabels[j])
			}
		}
	}
}

// BenchmarkParse parses the EWT test split, with gold tags, with the
// built-in model.
func BenchmarkParse(b *testing.B) {
	p := embeddedParser(b)
	sents := taggedWords(sharedtest.ReadUD(b, "ewt-test"))
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, words := range sents {
			p.Parse(words)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
