package quantity

import (
	"math"
	"strings"
	"sync"
	"testing"

	"dyad/pipeline"
	"dyad/record"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func defaultPipeline(tb testing.TB) *pipeline.Pipeline {
	tb.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.Default() })
	if pipeErr != nil {
		tb.Fatalf("pipeline.Default: %v", pipeErr)
	}
	return pipe
}

// findAll runs the pipeline over text and Find over every sentence.
func findAll(tb testing.TB, text string) []record.Quantity {
	var out []record.Quantity
	for _, s := range defaultPipeline(tb).Annotate(text) {
		out = append(out, Find(text, s)...)
	}
	return out
}

// want is one expected quantity; High -1 stands for "no upper bound".
type want struct {
	text             string
	value, low, high float64
	unit, kind       string
	hedge            string
}

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []want
	}{
		{"The call lasted nearly an hour and a half.",
			[]want{{"nearly an hour and a half", 1.5, 1.35, 1.5, "hour", "", "nearly"}}},
		{"It was a one-hour conversation.",
			[]want{{"one-hour", 1, 1, 1, "hour", "", ""}}},
		{"It is estimated that several hundred thousand deaths have occurred in the war, not millions as suggested.",
			[]want{
				{"several hundred thousand deaths", 3e5, 2e5, 9e5, "death", "killed", "estimated"},
				{"millions", 2e6, 1e6, 1e9, "death", "killed", "suggested"},
			}},
		{"He was imprisoned in Russia for over three years.",
			[]want{{"over three years", 3, 3, -1, "year", "", "over"}}},
		{"The bombing, killing at least 156 people, took place on Feb 12, 2022.",
			[]want{{"at least 156 people", 156, 156, -1, "people", "killed", "at least"}}},
		{"The bombing killed at least 156 people on Feb 12, 2022.",
			[]want{{"at least 156 people", 156, 156, -1, "people", "killed", "at least"}}},
		{"Washington announced $50 million in aid.",
			[]want{{"$50 million", 5e7, 5e7, 5e7, "dollar", "", ""}}},
		{"The EU pledged €2 billion and Britain £300,000.",
			[]want{{"€2 billion", 2e9, 2e9, 2e9, "euro", "", ""}, {"£300,000", 3e5, 3e5, 3e5, "pound", "", ""}}},
		{"About 40 percent of voters backed him in his second term.",
			[]want{{"About 40 percent", 40, 36, 44, "percent", "", "about"}}},
		{"Turnout fell to 40% in 2022.",
			[]want{{"40%", 40, 40, 40, "percent", "", ""}}},
		{"Dozens of protesters were arrested.",
			[]want{{"Dozens of protesters", 24, 12, 144, "protester", "protesters", ""}}},
		{"Police detained 3,500 demonstrators.",
			[]want{{"3,500 demonstrators", 3500, 3500, 3500, "demonstrator", "protesters", ""}}},
		{"Between 10 and 20 soldiers were wounded.",
			[]want{{"Between 10 and 20 soldiers", 15, 10, 20, "soldier", "wounded", "between"}}},
		{"Twenty-five people died.",
			[]want{{"Twenty-five people", 25, 25, 25, "people", "killed", ""}}},
		{"Hundreds of thousands of refugees crossed the border.",
			[]want{{"Hundreds of thousands of refugees", 2e5, 1e5, 1e6, "refugee", "displaced", ""}}},
		{"The fund holds 3.5 million dollars.",
			[]want{{"3.5 million dollars", 3.5e6, 3.5e6, 3.5e6, "dollar", "", ""}}},
		{"Up to 5,000 people could lose their homes.",
			[]want{{"Up to 5,000 people", 5000, 0, 5000, "people", "", "up to"}}},
		{"Half a million people fled.",
			[]want{{"Half a million people", 5e5, 5e5, 5e5, "people", "displaced", ""}}},
		{"Fewer than 100 troops remain.",
			[]want{{"Fewer than 100 troops", 100, 0, 100, "troop", "", "fewer than"}}},
		{"Some 200 police officers were deployed.",
			[]want{{"Some 200 police officers", 200, 180, 220, "officer", "", "some"}}},
		{"They waited a year and a half for the verdict.",
			[]want{{"a year and a half", 1.5, 1.5, 1.5, "year", "", ""}}},
		{"Rebels said 20 gunmen killed 3 soldiers.",
			[]want{{"20 gunmen", 20, 20, 20, "gunman", "", ""}, {"3 soldiers", 3, 3, 3, "soldier", "killed", ""}}},
		{"Tens of thousands marched in the capital.",
			[]want{{"Tens of thousands", 2e4, 1e4, 1e5, "", "protesters", ""}}},
		{"A few hundred residents were evacuated.",
			[]want{{"A few hundred residents", 300, 200, 500, "resident", "displaced", ""}}},
		{"Reportedly 12 people were detained.",
			[]want{{"12 people", 12, 12, 12, "people", "arrested", "reportedly"}}},
		// Not quantities.
		{"The election was held in 2022.", nil},
		{"He spoke on Feb 12 at 10:30 a.m. in his second term.", nil},
		{"The 25-year-old, aged 25, cited Resolution 2231 and COVID-19.", nil},
		{"One of them said no one was hurt in the 3-1 loss.", nil},
	}
	for _, tt := range tests {
		got := findAll(t, tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %d quantities %+v, want %d", tt.text, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			high := w.high
			if high == -1 {
				high = 0
				if !Unbounded(g) {
					t.Errorf("%q #%d: Unbounded = false, want true", tt.text, i)
				}
			}
			if g.Text != w.text || !near(g.Value, w.value) || !near(g.Low, w.low) || !near(g.High, high) ||
				g.Unit != w.unit || g.Kind != w.kind || g.Hedge != w.hedge {
				t.Errorf("%q #%d:\n got %q v=%g lo=%g hi=%g unit=%q kind=%q hedge=%q\nwant %q v=%g lo=%g hi=%g unit=%q kind=%q hedge=%q",
					tt.text, i, g.Text, g.Value, g.Low, g.High, g.Unit, g.Kind, g.Hedge,
					w.text, w.value, w.low, high, w.unit, w.kind, w.hedge)
			}
			if tt.text[g.Span[0]:g.Span[1]] != g.Text {
				t.Errorf("%q #%d: span %v does not give %q", tt.text, i, g.Span, g.Text)
			}
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"The call lasted nearly an hour and a half.",
		"between 10 and 20 million dollars, $5bn, 40%, 3-1, 1,000,000.5",
		"several hundred thousand deaths, not millions as suggested",
		"half a dozen - and a half - one-hour -5 $ € 2022 Feb 12",
		"", "€", "$1", "a", "10-", "-10", "and a half",
	} {
		f.Add(s)
	}
	p := defaultPipeline(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range p.Annotate(text) {
			for _, q := range Find(text, s) {
				if q.Span[0] < 0 || q.Span[1] > len(text) || q.Span[0] >= q.Span[1] {
					t.Fatalf("span %v out of bounds for %d bytes", q.Span, len(text))
				}
				if text[q.Span[0]:q.Span[1]] != q.Text {
					t.Fatalf("Text %q != text[span] %q", q.Text, text[q.Span[0]:q.Span[1]])
				}
				if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || math.IsInf(q.Low, 0) || math.IsInf(q.High, 0) {
					t.Fatalf("non-finite value in %+v", q)
				}
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("It is estimated that several hundred thousand deaths have occurred, not millions as suggested. "+
		"The bombing killed at least 156 people and Washington sent $50 million in aid. "+
		"About 40 percent of voters stayed home, and the call lasted nearly an hour and a half. ", 10)
	sents := defaultPipeline(b).Annotate(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			n += len(Find(text, s))
		}
	}
	if n == 0 {
		b.Fatal("no quantities")
	}
}
