package lemma

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/conllu"
)

// udDir holds the UD English treebanks, relative to the package directory.
const udDir = "../../shared/data/ud"

var (
	modelOut = flag.String("lemma.model", "", "write the model trained on ewt-train + gum-train to this file")
	tune     = flag.Bool("lemma.tune", false, "log dev accuracy for a grid of training settings")
)

var (
	udMu    sync.Mutex
	udCache = map[string][]*conllu.Sentence{}
	trained *Lemmatizer
)

// loadUD reads the named treebanks (e.g. "ewt-train"), or skips the test
// when the data is absent.
func loadUD(tb testing.TB, names ...string) [][]*conllu.Sentence {
	tb.Helper()
	if _, err := os.Stat(udDir); err != nil {
		tb.Skipf("UD treebanks not found at %s: %v", udDir, err)
	}
	udMu.Lock()
	defer udMu.Unlock()
	var out [][]*conllu.Sentence
	for _, n := range names {
		s, ok := udCache[n]
		if !ok {
			var err error
			if s, err = conllu.ReadFile(filepath.Join(udDir, n+".conllu")); err != nil {
				tb.Fatal(err)
			}
			udCache[n] = s
		}
		out = append(out, s)
	}
	return out
}

// model returns the lemmatizer trained on ewt-train + gum-train, training it
// once per test binary.
func model(tb testing.TB) *Lemmatizer {
	tb.Helper()
	d := loadUD(tb, "ewt-train", "gum-train")
	udMu.Lock()
	defer udMu.Unlock()
	if trained == nil {
		trained = Train(d...)
	}
	return trained
}

// accuracy counts the words of sents whose lemma l gets right. Every word
// counts, including the goeswith parts whose gold lemma is "_".
func accuracy(l *Lemmatizer, sents []*conllu.Sentence) (correct, total int) {
	for _, s := range sents {
		for _, w := range s.Words {
			total++
			if l.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
				correct++
			}
		}
	}
	return correct, total
}

func pct(c, n int) float64 { return 100 * float64(c) / float64(n) }

func TestAccuracy(t *testing.T) {
	l := model(t)
	for _, name := range []string{"ewt-dev", "ewt-test", "gum-dev", "gum-test"} {
		c, n := accuracy(l, loadUD(t, name)[0])
		t.Logf("%-8s %6.2f%% (%d/%d)", name, pct(c, n), c, n)
		if name == "ewt-dev" && pct(c, n) < 97 {
			t.Errorf("ewt-dev accuracy %.2f%%, want >= 97%%", pct(c, n))
		}
	}
	t.Logf("%d tags, %d exceptions, %d suffix rules", len(l.tags), len(l.exc), len(l.suf))
}

func TestLemma(t *testing.T) {
	l := model(t)
	tests := []struct{ form, upos, xpos, want string }{
		{"was", "AUX", "VBD", "be"},
		{"is", "AUX", "VBZ", "be"},
		{"'s", "AUX", "VBZ", "be"},
		{"'s", "PART", "POS", "'s"},
		{"better", "ADJ", "JJR", "good"},
		{"best", "ADJ", "JJS", "good"},
		{"children", "NOUN", "NNS", "child"},
		{"went", "VERB", "VBD", "go"},
		{"n't", "PART", "RB", "not"},
		{"wo", "AUX", "MD", "will"},
		{"ca", "AUX", "MD", "can"},
		{"U.S.", "PROPN", "NNP", "U.S."},
		{"Putin", "PROPN", "NNP", "Putin"},
		{"NATO", "PROPN", "NNP", "NATO"},
		{"Americans", "PROPN", "NNPS", "American"},
		{"countries", "NOUN", "NNS", "country"},
		{"Countries", "NOUN", "NNS", "country"},
		{"running", "VERB", "VBG", "run"},
		{"stopped", "VERB", "VBD", "stop"},
		{"studies", "NOUN", "NNS", "study"},
		{"studies", "VERB", "VBZ", "study"},
		{"negotiations", "NOUN", "NNS", "negotiation"},
		{"The", "DET", "DT", "the"},
		{"I", "PRON", "PRP", "I"},
		{"me", "PRON", "PRP", "I"},
		{"them", "PRON", "PRP", "they"},
		{"1,000", "NUM", "CD", "1000"}, // as EWT writes it
		{"3.5", "NUM", "CD", "3.5"},
		{"2025", "NUM", "CD", "2025"},
		{"said", "VERB", "VBD", "say"},
		{"met", "VERB", "VBD", "meet"},
		{"agreed", "VERB", "VBD", "agree"},
		{"talks", "NOUN", "NNS", "talk"},
		// unknown words fall to the suffix rules
		{"zorbified", "VERB", "VBD", "zorbify"},
		{"blorks", "NOUN", "NNS", "blork"},
		// an unknown XPOS falls back on the UPOS
		{"The", "DET", "XYZ", "the"},
		{"", "NOUN", "NN", ""},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %q, %q) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
}

func TestNil(t *testing.T) {
	var l *Lemmatizer
	tests := []struct{ form, upos, xpos, want string }{
		{"Talks", "NOUN", "NNS", "talks"},
		{"Putin", "PROPN", "NNP", "Putin"},
		{"Kyiv", "", "NNP", "Kyiv"},
		{"ÉTAT", "NOUN", "NN", "état"},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("nil.Lemma(%q, %q, %q) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
	if _, err := l.WriteTo(&bytes.Buffer{}); err == nil {
		t.Error("nil.WriteTo: want an error")
	}
}

func TestNoAlloc(t *testing.T) {
	l := tiny(t)
	for _, w := range [][3]string{{"Putin", "PROPN", "NNP"}, {"talks", "NOUN", "NN"}, {"talks", "NOUN", "NNS"}, {"went", "VERB", "VBD"}} {
		if n := testing.AllocsPerRun(100, func() { l.Lemma(w[0], w[1], w[2]) }); n != 0 {
			t.Errorf("Lemma(%q, %q, %q): %v allocations, want 0", w[0], w[1], w[2], n)
		}
	}
}

// tinyTreebank is a hand-made treebank for the tests that run without the
// UD data.
const tinyTreebank = `# text = Putin went to talks.
1	Putin	Putin	PROPN	NNP	_	2	nsubj	_	_
2	went	go	VERB	VBD	_	0	root	_	_
3	to	to	ADP	IN	_	4	case	_	_
4	talks	talk	NOUN	NNS	_	2	obl	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

# text = The talks were stopped.
1	The	the	DET	DT	_	2	det	_	_
2	talks	talk	NOUN	NNS	_	4	nsubj:pass	_	_
3	were	be	AUX	VBD	_	4	aux:pass	_	_
4	stopped	stop	VERB	VBN	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = Officials said the envoys visited Moscow and Kyiv.
1	Officials	official	NOUN	NNS	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	envoys	envoy	NOUN	NNS	_	5	nsubj	_	_
5	visited	visit	VERB	VBD	_	2	ccomp	_	_
6	Moscow	Moscow	PROPN	NNP	_	5	obj	_	_
7	and	and	CCONJ	CC	_	8	cc	_	_
8	Kyiv	Kyiv	PROPN	NNP	_	6	conj	_	SpaceAfter=No
9	.	.	PUNCT	.	_	2	punct	_	_

# text = He didn't sign the deals.
1	He	he	PRON	PRP	_	4	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	sign	sign	VERB	VB	_	0	root	_	_
5	the	the	DET	DT	_	6	det	_	_
6	deals	deal	NOUN	NNS	_	4	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

`

func tiny(tb testing.TB) *Lemmatizer {
	tb.Helper()
	s, err := conllu.ReadAll(strings.NewReader(tinyTreebank), "tiny")
	if err != nil {
		tb.Fatal(err)
	}
	return Train(s)
}

func TestTiny(t *testing.T) {
	l := tiny(t)
	tests := []struct{ form, upos, xpos, want string }{
		{"went", "VERB", "VBD", "go"},
		{"Went", "VERB", "VBD", "go"},
		{"did", "AUX", "VBD", "do"},
		{"n't", "PART", "RB", "not"},
		{"The", "DET", "DT", "the"},
		{"Kyiv", "PROPN", "NNP", "Kyiv"},
		{"Zelensky", "PROPN", "NNP", "Zelensky"},
		{"visits", "NOUN", "NNS", "visit"},
		{"Meetings", "NOUN", "NNS", "meeting"},
		{"Talks", "NOUN", "", "talk"},   // no XPOS: the most frequent XPOS of NOUN
		{"Talks", "", "", "talks"},      // no tags at all: the lowercased form
		{"Putin", "PROPN", "", "Putin"}, // a proper noun keeps its case
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %q, %q) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"tiny", "ud"} {
		t.Run(name, func(t *testing.T) {
			var l *Lemmatizer
			if name == "tiny" {
				l = tiny(t)
			} else {
				l = model(t)
			}
			var buf bytes.Buffer
			n, err := l.WriteTo(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if n != int64(buf.Len()) {
				t.Errorf("WriteTo returned %d, wrote %d bytes", n, buf.Len())
			}
			size := buf.Len()
			start := time.Now()
			l2, err := Read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("model: %d bytes, loaded in %v", size, time.Since(start))
			if size > 2<<20 {
				t.Errorf("model is %d bytes, want < 2 MB", size)
			}
			if !reflect.DeepEqual(l, l2) {
				t.Error("model read back differs from the model written")
			}
			var again bytes.Buffer
			if _, err := l2.WriteTo(&again); err != nil {
				t.Fatal(err)
			}
			var first bytes.Buffer
			l.WriteTo(&first)
			if !bytes.Equal(first.Bytes(), again.Bytes()) {
				t.Error("writing the model read back gives other bytes")
			}
			if name == "ud" && *modelOut != "" {
				if err := os.WriteFile(*modelOut, first.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	d := loadUD(t, "ewt-dev", "gum-dev")
	var a, b bytes.Buffer
	Train(d[0], d[1]).WriteTo(&a)
	Train(d[0], d[1]).WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings on the same data give different models")
	}
}

func TestReadErrors(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	head := "dyad-lemma\t1\ntag\tNN\t" + strings.Repeat("l", numCasings) + "\n"
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "reading model"},
		{"not gzip", []byte("dyad-lemma\t1\n"), "reading model"},
		{"empty text", gz(""), "empty model"},
		{"magic", gz("lemma\t1\n"), "not a dyad lemma model"},
		{"version", gz("dyad-lemma\t9\n"), "version"},
		{"casing", gz("dyad-lemma\t1\ntag\tNN\tkx\n"), "line 2"},
		{"duplicate tag", gz(head + "tag\tNN\t" + strings.Repeat("k", numCasings) + "\n"), "duplicate"},
		{"tag number", gz(head + "suf\t1\ts\t1\t\n"), "tag number"},
		{"cut", gz(head + "exc\t0\tgo\tl\t3\tx\n"), "cut"},
		{"suffix length", gz(head + "suf\t0\t" + strings.Repeat("s", 17) + "\t1\t\n"), "suffix"},
		{"record", gz(head + "what\n"), "unknown record"},
		{"truncated", gz(head)[:20], "lemma: "},
	}
	for _, tt := range tests {
		_, err := Read(bytes.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	tiny(f).WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Add([]byte("\x1f\x8b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, w := range [][3]string{{"went", "VERB", "VBD"}, {"Talks", "NOUN", "NNS"}, {"x", "", ""}, {"ÉTAT", "X", "NN"}} {
			l.Lemma(w[0], w[1], w[2])
		}
		var out bytes.Buffer
		if _, err := l.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(&out); err != nil {
			t.Fatalf("reading a written model: %v", err)
		}
	})
}

func FuzzLemma(f *testing.F) {
	l := tiny(f)
	f.Add("went", "VERB", "VBD")
	f.Add("İSTANBUL", "PROPN", "NNP")
	f.Add("\xff\xfeS", "NOUN", "NNS")
	f.Fuzz(func(t *testing.T, form, upos, xpos string) {
		got := l.Lemma(form, upos, xpos)
		if form == "" && got != "" {
			t.Errorf("Lemma(%q) = %q, want empty", form, got)
		}
	})
}

func BenchmarkLemma(b *testing.B) {
	l := model(b)
	var words []conllu.Word
	for _, s := range loadUD(b, "ewt-dev")[0] {
		words = append(words, s.Words...)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := &words[i%len(words)]
		l.Lemma(w.Form, w.UPOS, w.XPOS)
	}
}

func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	model(b).WriteTo(&buf)
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Read(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTune logs dev accuracy, and accuracy on words unseen in training, for
// a grid of settings; run it with -lemma.tune to revisit defaultConfig.
func TestTune(t *testing.T) {
	if !*tune {
		t.Skip("run with -lemma.tune")
	}
	d := loadUD(t, "ewt-train", "gum-train", "ewt-dev", "gum-dev")
	seen := map[string]bool{}
	for _, tb := range d[:2] {
		for _, s := range tb {
			for _, w := range s.Words {
				seen[strings.ToLower(w.Form)+"\t"+w.XPOS] = true
			}
		}
	}
	unseen := func(l *Lemmatizer, sents []*conllu.Sentence) float64 {
		c, n := 0, 0
		for _, s := range sents {
			for _, w := range s.Words {
				if !seen[strings.ToLower(w.Form)+"\t"+w.XPOS] {
					n++
					if l.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
						c++
					}
				}
			}
		}
		return pct(c, n)
	}
	for _, tw := range []bool{false, true} {
		for _, ms := range []int{1, 2, 3, 5} {
			for _, mg := range []int{1, 2, 3} {
				l := train(trainConfig{minSupport: ms, minGain: mg, tokenWeight: tw}, d[0], d[1])
				c1, n1 := accuracy(l, d[2])
				c2, n2 := accuracy(l, d[3])
				t.Logf("tokenWeight=%v minSupport=%d minGain=%d: %d exceptions, %d rules; ewt-dev %.2f%% (unseen %.2f%%), gum-dev %.2f%% (unseen %.2f%%)",
					tw, ms, mg, len(l.exc), len(l.suf), pct(c1, n1), unseen(l, d[2]), pct(c2, n2), unseen(l, d[3]))
			}
		}
	}
}
