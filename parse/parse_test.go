package parse

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad/conllu"
	"dyad/doc"
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
