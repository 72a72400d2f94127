package conllu

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `# newdoc id = d1
# newpar
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
3.1	x	x	X	X	_	_	_	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestReadWriteRoundTrip(t *testing.T) {
	s, err := ReadAll(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 1 || len(s[0].Words) != 5 || len(s[0].MultiWords) != 1 {
		t.Fatalf("got %d sentences, %+v", len(s), s)
	}
	got := s[0]
	if got.ID != "s1" || got.Text != "I don't know." || !got.NewDoc || !got.NewPar {
		t.Errorf("comments: %+v", got)
	}
	toks := got.Tokens()
	if len(toks) != 4 || toks[1].Form != "don't" || toks[1].First != 2 || toks[1].Last != 3 {
		t.Errorf("tokens: %+v", toks)
	}
	if got.SpaceAfter(2) || !got.SpaceAfter(3) || got.SpaceAfter(4) {
		t.Errorf("SpaceAfter wrong")
	}
	var b bytes.Buffer
	if err := Write(&b, got); err != nil {
		t.Fatal(err)
	}
	again, err := ReadAll(&b, "again")
	if err != nil || len(again) != 1 || len(again[0].Words) != 5 || again[0].Words[3].Form != "know" {
		t.Fatalf("round trip: %v %+v", err, again)
	}
}

func TestReadErrorsNameTheLine(t *testing.T) {
	_, err := ReadAll(strings.NewReader("# x\n1\tonly\tthree\n"), "bad.conllu")
	if err == nil || !strings.Contains(err.Error(), "bad.conllu:2:") {
		t.Fatalf("err = %v, want bad.conllu:2", err)
	}
	_, err = ReadAll(strings.NewReader("x\ty\t_\t_\t_\t_\t0\t_\t_\t_\n"), "bad.conllu")
	if err == nil || !strings.Contains(err.Error(), "bad word id") {
		t.Fatalf("err = %v", err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(sample))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _ := ReadAll(bytes.NewReader(data), "fuzz")
		for _, x := range s {
			x.Tokens()
			var b bytes.Buffer
			Write(&b, x)
		}
	})
}
