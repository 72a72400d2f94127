package ner

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"dyad/doc"
)

// synthetic returns training sentences of our own, tagged the simple way
// a tagger would: "NAME said in PLACE ." and the like.
func synthetic() []Sentence {
	people := []string{"Ann Lee", "Omar Khan", "Maria Silva", "Ivan Petrov", "Li Wei", "Sara Cohen"}
	places := []string{"Paris", "Stockholm", "Washington", "Lagos", "Lima"}
	orgs := []string{"Acme Corp", "Globex Inc", "Initech Corp"}
	var out []Sentence
	add := func(parts ...any) {
		var s Sentence
		for _, p := range parts {
			switch p := p.(type) {
			case string:
				for _, f := range strings.Fields(p) {
					s.Words = append(s.Words, tagged(f)...)
				}
			case Mention:
				start := len(s.Words)
				for _, f := range strings.Fields(p.Type[strings.IndexByte(p.Type, ':')+1:]) {
					s.Words = append(s.Words, tagged(f)...)
				}
				s.Mentions = append(s.Mentions, Mention{start, len(s.Words), p.Type[:strings.IndexByte(p.Type, ':')]})
			}
		}
		out = append(out, s)
	}
	for i, p := range people {
		pl, o := places[i%len(places)], orgs[i%len(orgs)]
		add(Mention{Type: Person + ":" + p}, "said in", Mention{Type: GPE + ":" + pl}, ".")
		add(Mention{Type: Person + ":" + p}, "joined", Mention{Type: Org + ":" + o}, "in", Mention{Type: GPE + ":" + pl}, ".")
		add("the report said", Mention{Type: Person + ":" + p}, "visited", Mention{Type: GPE + ":" + pl}, ".")
	}
	return out
}

func trainSynthetic(t testing.TB) *Model {
	t.Helper()
	return Train(synthetic(), TrainOptions{Epochs: 5, Seed: 1, Gazetteer: testGazetteer(t)})
}

// tagged returns words tagged as a tagger would tag them here.
func tagged(forms ...string) []doc.Word {
	var out []doc.Word
	for _, f := range forms {
		w := doc.Word{Form: f, UPOS: "NOUN", XPOS: "NN"}
		switch {
		case f == "said" || f == "visited" || f == "joined":
			w.UPOS, w.XPOS = "VERB", "VBD"
		case f == "in":
			w.UPOS, w.XPOS = "ADP", "IN"
		case f == ".":
			w.UPOS, w.XPOS = "PUNCT", "."
		case startsUpper(f):
			w.UPOS, w.XPOS = "PROPN", "NNP"
		}
		out = append(out, w)
	}
	return out
}

func TestTrainRecognize(t *testing.T) {
	m := trainSynthetic(t)
	got := m.Recognize(tagged("Omar", "Khan", "said", "in", "Lima", "."))
	if want := "[{0 2 PERSON} {4 5 GPE}]"; fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
	if got := m.Recognize(nil); got != nil {
		t.Errorf("no words: got %v", got)
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	m := trainSynthetic(t)
	var a, b bytes.Buffer
	if _, err := m.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := trainSynthetic(t).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("training is not deterministic")
	}
	r, err := Read(a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if _, err := r.WriteTo(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("read model writes different bytes")
	}
	words := tagged("the", "report", "said", "Sara", "Cohen", "visited", "Paris", ".")
	if fmt.Sprint(m.Recognize(words)) != fmt.Sprint(r.Recognize(words)) {
		t.Error("read model finds different mentions")
	}
	if !strings.Contains(r.Stats(), "gazetteer phrases") {
		t.Errorf("stats %q", r.Stats())
	}
}

func TestReadErrors(t *testing.T) {
	var b bytes.Buffer
	if _, err := trainSynthetic(t).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	for n := 0; n < len(data); n += 1 + n/50 {
		if _, err := Read(data[:n]); err == nil {
			t.Fatalf("truncated to %d bytes: no error", n)
		}
	}
	if _, err := Read([]byte("DYADTAG1 not a NER model")); !errors.Is(err, ErrFormat) {
		t.Errorf("wrong magic: %v", err)
	}
}

// FuzzRead reads corrupted models: an error or a model that runs, never a
// panic.
func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	if _, err := trainSynthetic(f).WriteTo(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte(magic))
	f.Add(b.Bytes()[:len(b.Bytes())/2])
	words := tagged("Ann", "Lee", "said", "in", "Paris", ".")
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(data)
		if err != nil {
			return
		}
		for _, x := range m.Recognize(words) {
			if x.Start < 0 || x.End > len(words) || x.Start >= x.End {
				t.Fatalf("mention %+v out of the sentence", x)
			}
		}
	})
}

func TestRecognizeOddInput(t *testing.T) {
	m := trainSynthetic(t)
	long := make([]string, 300)
	for i := range long {
		long[i] = []string{"Ann", "Lee", "said", "in", "Paris", ".", "", "’s"}[i%8]
	}
	words := tagged(long...)
	words[7].UPOS, words[7].XPOS = "", ""
	last := 0
	for _, x := range m.Recognize(words) {
		if x.Start < last || x.End > len(words) || x.Start >= x.End {
			t.Fatalf("bad mention %+v", x)
		}
		last = x.End
	}
}
