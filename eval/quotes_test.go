package eval

import (
	"strings"
	"testing"

	"dyad/record"
)

func TestReadBratAndScoreQuotes(t *testing.T) {
	text := "Café owners said “we will stay open,” and the mayor said prices rose."
	// Character offsets, as brat writes them: "é" and the curly quotes are
	// one character each.
	ann := "T1\tSource 0 11\tCafé owners\n" +
		"T2\tCue 12 16\tsaid\n" +
		"T3\tContent 18 35\twe will stay open\n" +
		"E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n" +
		"T5\tSource 42 51\tthe mayor\n" +
		"T6\tContent 57 68\tprices rose\n" +
		"E2\tAttribution:T7 Source:T5 Content:T6\n" +
		"T8\tContent x y\tbroken\n"
	d, bad := readBrat("t", text, strings.NewReader(ann))
	if bad != 1 || len(d.Attributions) != 2 {
		t.Fatalf("bad %d, attributions %d", bad, len(d.Attributions))
	}
	a := d.Attributions[0]
	if got := text[a.Content[0]:a.Content[1]]; got != "we will stay open" || !a.Direct {
		t.Errorf("content %q direct %v", got, a.Direct)
	}
	if got := text[a.Source[0]:a.Source[1]]; got != "Café owners" {
		t.Errorf("source %q", got)
	}
	if d.Attributions[1].Direct {
		t.Errorf("indirect content read as direct")
	}
	s := ScoreQuotes([]QuoteDoc{d}, func(QuoteDoc) ([]record.Quote, []record.Entity) {
		return []record.Quote{{Span: a.Content, Direct: true, Speaker: &record.Speaker{Span: a.Source}}}, nil
	})
	if s.Direct.Gold != 1 || s.Direct.Found != 1 || s.Direct.SpeakerRight != 1 || s.All.Gold != 2 || s.All.Found != 1 {
		t.Errorf("scores %+v", s)
	}
}
