package tag

import (
	"bytes"
	"strings"
	"testing"

	"dyad/conllu"
	"dyad/doc"
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
