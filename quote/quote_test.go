package quote

import (
	"strings"
	"sync"
	"testing"

	"dyad/actor"
	"dyad/actor/dict"
	"dyad/doc"
	"dyad/pipeline"
	"dyad/record"
)

// The tests build the analyses Find needs from the language pipeline and
// the actor resolver (package engine, which assembles them, imports this
// package).
var (
	engOnce sync.Once
	eng     *analyzer
	engErr  error
)

type analyzer struct {
	p   *pipeline.Pipeline
	res *actor.Resolver
}

// analysis is what Find reads: sentences and actors.
type analysis struct {
	Sentences []doc.Sentence
	Actors    *actor.Result
}

func (a *analyzer) Code(art doc.Article) analysis {
	sents := a.p.Annotate(art.Text)
	var date dict.Date
	if art.Date != "" {
		date, _ = dict.ParseDate(art.Date)
	}
	hints := make([][]actor.NameHint, len(sents))
	for i := range sents {
		for _, m := range a.p.Entities(sents[i].Words) {
			hints[i] = append(hints[i], actor.NameHint{Start: m.Start, End: m.End, Type: m.Type})
		}
	}
	return analysis{sents, a.res.ResolveHinted(art.Text, sents, date, hints)}
}

func testEngine(tb testing.TB) *analyzer {
	tb.Helper()
	engOnce.Do(func() {
		var p *pipeline.Pipeline
		if p, engErr = pipeline.Default(); engErr != nil {
			return
		}
		var d *dict.Dict
		if d, engErr = dict.Default(); engErr != nil {
			return
		}
		eng = &analyzer{p: p, res: actor.New(d)}
	})
	if engErr != nil {
		tb.Fatal(engErr)
	}
	return eng
}

func find(tb testing.TB, text string) []record.Quote {
	r := testEngine(tb).Code(doc.Article{ID: "t", Text: text, Date: "2025-02-12"})
	return Find(text, r.Sentences, r.Actors)
}

// want is one expected quote: "" for Speaker/ReportedBy means none.
type want struct {
	text       string
	direct     bool
	cue        string
	speaker    string // canonical name
	cameo      string
	reportedBy string
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"nested report",
			"Kremlin spokesman Dmitri S. Peskov reported that the call lasted nearly an hour. Mr. Peskov stated that Mr. Putin concurred with Mr. Trump that “the time has come for our countries to work together.”",
			[]want{
				{"the call lasted nearly an hour", false, "reported", "Dmitry Peskov", "RUSGOV", ""},
				{"the time has come for our countries to work together.", true, "concurred", "Vladimir Putin", "RUSGOV", "Dmitry Peskov"},
			}},
		{"cue before, comma",
			"In a social media post, Mr. Trump stated, “We discussed Ukraine, the Middle East and other subjects.”",
			[]want{{"We discussed Ukraine, the Middle East and other subjects.", true, "stated", "Donald Trump", "USAGOV", ""}}},
		{"partial quote",
			"U.S. Secretary of Defense Pete Hegseth, who described the objective as “unrealistic.”",
			[]want{{"unrealistic.", true, "described", "Pete Hegseth", "USAGOV", ""}}},
		{"split quote",
			"“We will win,” Zelensky said, “and soon.”",
			[]want{
				{"We will win", true, "said", "Volodymyr Zelensky", "UKRGOV", ""},
				{"and soon.", true, "said", "Volodymyr Zelensky", "UKRGOV", ""},
			}},
		{"inverted cue, straight quotes",
			`"Peace is near," said Mr. Rubio.`,
			[]want{{"Peace is near", true, "said", "Marco Rubio", "USAGOV", ""}}},
		{"cue with colon",
			`Macron said: "We stand with Ukraine."`,
			[]want{{"We stand with Ukraine.", true, "said", "Emmanuel Macron", "FRAGOV", ""}}},
		{"quote over two sentences",
			`Mr. Lavrov said: "The talks failed. We will try again."`,
			[]want{{"The talks failed. We will try again.", true, "said", "Sergei Lavrov", "RUSGOV", ""}}},
		{"according to, before",
			"According to Russian officials, the talks failed.",
			[]want{{"the talks failed", false, "According to", "Russian officials", "RUSGOV", ""}}},
		{"indirect without that",
			"Russia will win, Mr. Lavrov said.",
			[]want{{"Russia will win", false, "said", "Sergei Lavrov", "RUSGOV", ""}}},
		{"no cue",
			`The banner read "Stop the war".`,
			[]want{{"Stop the war", true, "", "", "", ""}}},
		{"paragraphs of one quote",
			"\"This is the first paragraph.\n\"And this is the second one,\" Mr. Lavrov added.",
			[]want{
				{"This is the first paragraph.", true, "added", "Sergei Lavrov", "RUSGOV", ""},
				{"And this is the second one", true, "added", "Sergei Lavrov", "RUSGOV", ""},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				q := got[i]
				if q.Text != w.text || q.Direct != w.direct || q.Cue != w.cue {
					t.Errorf("quote %d = %q direct=%v cue=%q, want %q direct=%v cue=%q", i, q.Text, q.Direct, q.Cue, w.text, w.direct, w.cue)
				}
				if tt.text[q.Span[0]:q.Span[1]] != q.Text {
					t.Errorf("quote %d: span %v is %q, text %q", i, q.Span, tt.text[q.Span[0]:q.Span[1]], q.Text)
				}
				checkSpeaker(t, tt.text, "speaker", q.Speaker, w.speaker, w.cameo)
				checkSpeaker(t, tt.text, "reported_by", q.ReportedBy, w.reportedBy, "")
			}
		})
	}
}

func checkSpeaker(t *testing.T, text, what string, s *record.Speaker, name, cameo string) {
	t.Helper()
	if name == "" {
		if s != nil {
			t.Errorf("%s = %+v, want none", what, s)
		}
		return
	}
	if s == nil {
		t.Errorf("%s = none, want %q", what, name)
		return
	}
	if s.Name != name || (cameo != "" && s.CAMEO != cameo) {
		t.Errorf("%s = %q %q, want %q %q", what, s.Name, s.CAMEO, name, cameo)
	}
	if s.Span[0] < 0 || s.Span[1] > len(text) || s.Span[0] >= s.Span[1] {
		t.Errorf("%s span %v out of bounds", what, s.Span)
	}
}

func TestScanDirect(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{`he said "yes," and left`, []string{"yes"}},
		{"“a” and “b”", []string{"a", "b"}},
		{"«bonjour»", []string{"bonjour"}},
		{`an open " mark`, nil},
		{`"" empty`, nil},
		{"“unclosed\nnext paragraph", nil},
		{"“one\n“two”", []string{"one", "two"}},
		{"“mixed\" marks”", []string{"mixed\" marks"}},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range scanDirect(tt.text) {
			got = append(got, tt.text[d.start:d.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("scanDirect(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFindNilActors(t *testing.T) {
	text := `"We are ready," the minister said.`
	r := testEngine(t).Code(doc.Article{ID: "t", Text: text})
	got := Find(text, r.Sentences, nil)
	if len(got) != 1 || got[0].Speaker == nil || got[0].Speaker.Name != "the minister" {
		t.Fatalf("Find without actors = %+v", got)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Mr. Peskov stated that Mr. Putin concurred with Mr. Trump that “the time has come.”",
		"“We will win,” he said, “and soon.”",
		`"a" "b" "`,
		"«x» ” “ \n “",
		"According to , .",
		"according to",
		"\"\n\"\n\"",
		"He said that",
	} {
		f.Add(s)
	}
	e := testEngine(f)
	f.Fuzz(func(t *testing.T, text string) {
		r := e.Code(doc.Article{ID: "f", Text: text})
		for _, q := range Find(text, r.Sentences, r.Actors) {
			if q.Span[0] < 0 || q.Span[1] > len(text) || q.Span[0] >= q.Span[1] {
				t.Fatalf("span %v out of bounds (len %d)", q.Span, len(text))
			}
			if text[q.Span[0]:q.Span[1]] != q.Text {
				t.Fatalf("Text %q != text[span] %q", q.Text, text[q.Span[0]:q.Span[1]])
			}
			for _, s := range []*record.Speaker{q.Speaker, q.ReportedBy} {
				if s != nil && (s.Span[0] < 0 || s.Span[1] > len(text) || s.Span[0] > s.Span[1]) {
					t.Fatalf("speaker span %v out of bounds", s.Span)
				}
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("Kremlin spokesman Dmitri S. Peskov reported that the call lasted nearly an hour. "+
		"Mr. Peskov stated that Mr. Putin concurred with Mr. Trump that “the time has come for our countries to work together.” "+
		"In a social media post, Mr. Trump stated, “We discussed Ukraine, the Middle East and other subjects.” "+
		"“We will win,” Zelensky said, “and soon.” According to Russian officials, the talks failed.\n", 5)
	r := testEngine(b).Code(doc.Article{ID: "b", Text: text, Date: "2025-02-12"})
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Find(text, r.Sentences, r.Actors)
	}
}
