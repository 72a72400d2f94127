package tag

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"dyad/conllu"
	"dyad/doc"
	"dyad/internal/perceptron"
	"dyad/internal/sharedtest"
	"dyad/models"
)

const tiny = `1	The	the	DET	DT	_	2	det	_	_
2	call	call	NOUN	NN	_	3	nsubj	_	_
3	lasted	last	VERB	VBD	_	0	root	_	_
4	an	a	DET	DT	_	5	det	_	_
5	hour	hour	NOUN	NN	_	3	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

1	They	they	PRON	PRP	_	2	nsubj	_	_
2	call	call	VERB	VBP	_	0	root	_	_
3	him	he	PRON	PRP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

`

func train(t testing.TB, onePass bool) *Tagger {
	s, err := conllu.ReadAll(strings.NewReader(tiny), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	// repeat so that the jackknifed halves both see every pattern
	s = append(s, s...)
	return Train(s, TrainOptions{Epochs: 5, Seed: 1, OnePass: onePass})
}

func TestTagLearnsContext(t *testing.T) {
	for _, one := range []bool{true, false} {
		tg := train(t, one)
		var b bytes.Buffer
		if _, err := tg.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		tg2, err := Read(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			forms []string
			want  string
		}{
			{[]string{"The", "call", "lasted", "an", "hour", "."}, "DET/DT NOUN/NN VERB/VBD DET/DT NOUN/NN PUNCT/."},
			{[]string{"They", "call", "him", "."}, "PRON/PRP VERB/VBP PRON/PRP PUNCT/."},
		} {
			words := make([]doc.Word, len(c.forms))
			for i, f := range c.forms {
				words[i].Form = f
			}
			tg2.Tag(words)
			var got []string
			for _, w := range words {
				got = append(got, w.UPOS+"/"+w.XPOS)
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("onePass=%v %v: got %s, want %s", one, c.forms, g, c.want)
			}
		}
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte(magic), []byte(magic + "\x01\x01A\x01B\x00\x00\x05"), []byte("junk")} {
		if _, err := Read(b); err == nil {
			t.Errorf("Read(%q) succeeded", b)
		}
	}
}

func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	train(f, true).WriteTo(&b)
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		tg, err := Read(data)
		if err != nil {
			return
		}
		tg.Tag([]doc.Word{{Form: "The"}, {Form: "call"}})
	})
}

// TestTrainDeterministic trains twice on data whose numbers share one
// feature key ("1999" and "2000" both fold to "0000") and expects identical
// model bytes: map iteration order must not leak into the model.
func TestTrainDeterministic(t *testing.T) {
	const data = `1	In	in	ADP	IN	_	2	case	_	_
2	1999	1999	NUM	CD	_	0	root	_	_

1	The	the	DET	DT	_	2	det	_	_
2	2000	2000	NUM	CD	_	0	root	_	_

1	Call	call	VERB	VB	_	0	root	_	_
2	1999	1999	NUM	CD	_	1	obj	_	_

1	Buy	buy	VERB	VB	_	0	root	_	_
2	2000	2000	PROPN	NNP	_	1	obj	_	_

`
	s, err := conllu.ReadAll(strings.NewReader(data), "numbers")
	if err != nil {
		t.Fatal(err)
	}
	var first []byte
	for i := 0; i < 8; i++ {
		var b bytes.Buffer
		Train(s, TrainOptions{Epochs: 3, Seed: 1, OnePass: true}).WriteTo(&b)
		if i == 0 {
			first = b.Bytes()
		} else if !bytes.Equal(first, b.Bytes()) {
			t.Fatalf("training run %d gave a different model", i+1)
		}
	}
}

// TestSplitFeatures checks that the features scored at tagging time, split
// into static and tag-dependent ones, are exactly those training uses.
func TestSplitFeatures(t *testing.T) {
	tg := train(t, false)
	forms := []string{"The", "call", "lasted", "an", "hour", "in", "Peskov's", "1,000-page", "report", "."}
	wf := tg.hashes(forms, nil)
	right := []int{3, 1, 4, 1, 5, 9, 2, 6, 5, 3}
	for i := range forms {
		for _, prev := range [][2]int{{-1, -2}, {0, -1}, {2, 7}} {
			p1, p2 := prev[0], prev[1]
			want := rightFeatures(tg.features(nil, wf, i, p1, p2), wf, right, i, p1)
			static := staticRightFeatures(staticFeatures(nil, wf, i), wf, right, i)
			if len(static) != nStatic+nStaticRight {
				t.Fatalf("%d static features, want %d", len(static), nStatic+nStaticRight)
			}
			got := tagRightFeatures(tagFeatures(static, wf, i, p1, p2), wf, right, i, p1)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("word %d, previous classes %d %d: split features differ from training's", i, p1, p2)
			}
		}
	}
}

// refTag tags forms the simple way, with the features training uses and
// one Score call per word and pass: what Tag computed before its features
// were split and batched.
func (t *Tagger) refTag(forms []string) []int {
	wf := t.hashes(forms, nil)
	pass := func(m *perceptron.Model, right []int, sure []bool) ([]int, []bool) {
		var out []int
		var sureOut []bool
		limit := int32(math.MaxInt32)
		if l := float64(SecondPassMargin) / float64(m.Scale); l < math.MaxInt32 {
			limit = int32(l)
		}
		scores := make([]int32, len(t.upos))
		p1, p2 := -1, -2
		for i := range wf {
			c, ok := t.tagdict[wf[i].exact]
			guess := int(c)
			switch {
			case ok:
				sureOut = append(sureOut, true)
			case sure != nil && sure[i]:
				guess = right[i]
			default:
				feats := t.features(nil, wf, i, p1, p2)
				if right != nil {
					feats = rightFeatures(feats, wf, right, i, p1)
				}
				clear(scores)
				m.Score(feats, scores)
				guess = 0
				for k, v := range scores {
					if v > scores[guess] {
						guess = k
					}
				}
				second := int32(-1 << 30)
				for k, v := range scores {
					if k != guess && v > second {
						second = v
					}
				}
				sureOut = append(sureOut, scores[guess]-second >= limit)
			}
			out = append(out, guess)
			p2, p1 = p1, guess
		}
		return out, sureOut
	}
	first, sure := pass(t.model, nil, nil)
	if t.model2 == nil {
		return first
	}
	out, _ := pass(t.model2, first, sure)
	return out
}

func embeddedTagger(t testing.TB) *Tagger {
	data, err := models.Open("tagger.bin")
	if err != nil {
		t.Skip(err)
	}
	tg, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// TestTagMatchesReference checks that the built-in tagger gives the same
// classes as the simple way of tagging, on the EWT test split.
func TestTagMatchesReference(t *testing.T) {
	tg := embeddedTagger(t)
	sents := sharedtest.ReadUD(t, "ewt-test")
	for i, s := range sents {
		var forms []string
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		if got, want := tg.TagForms(forms, nil), tg.refTag(forms); !slices.Equal(got, want) {
			t.Fatalf("sentence %d: tags %v, want %v", i, got, want)
		}
	}
}

// BenchmarkTag tags the EWT test split with the built-in model.
func BenchmarkTag(b *testing.B) {
	tg := embeddedTagger(b)
	sents := sharedtest.ReadUD(b, "ewt-test")
	words := make([][]doc.Word, len(sents))
	for i, s := range sents {
		for _, w := range s.Words {
			words[i] = append(words[i], doc.Word{Form: w.Form})
		}
	}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			tg.Tag(w)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
