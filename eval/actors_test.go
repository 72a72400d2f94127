package eval

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"dyad/record"
)

// mention returns the mention of the first occurrence of words in text.
func mention(text, words string) record.Mention {
	i := strings.Index(text, words)
	if i < 0 {
		panic("no " + words + " in " + text)
	}
	return record.Mention{Text: words, Span: record.Span{i, i + len(words)}}
}

func TestScoreActors(t *testing.T) {
	const text = "Senior Hungarian and Romanian officials met the U.N. envoy in Ghana."
	actor := func(role, words, code, sector string) GoldActor {
		a := GoldActor{Role: role, Text: words, Code: code, Sector: sector}
		a.Spans = goldLocate(text, words, nil)
		return a
	}
	gold := []GoldSentence{
		{ID: "a", Text: text, Actors: []GoldActor{
			actor("source", "Hungarian", "HUN", "GOV"), // entity HUNGOV: right
			actor("source", "Romanian", "ROU", ""),     // ROU with sector GOV: sector wrong
			actor("target", "U.N. envoy", "IGO", "GOV"),
			actor("target", "Ghanians", "GHA", "CVL"), // not in the text
		}},
		{ID: "b", Text: "No gold actors here."},
	}
	ents := []record.Entity{
		{Name: "Hungary", CAMEO: "HUNGOV", Mentions: []record.Mention{mention(text, "Hungarian")}},
		{Name: "Romania", Country: "ROU", Sector: "GOV", Mentions: []record.Mention{mention(text, "Romanian officials")}},
		// "U.N." overlaps the gold actor by 4 bytes, "envoy" by 5: the
		// envoy's entity (USA) wins, and its country is wrong.
		{Name: "United Nations", CAMEO: "IGOUNO", Mentions: []record.Mention{mention(text, "the U.N.")}},
		{Name: "envoy", CAMEO: "USAGOV", Mentions: []record.Mention{mention(text, "envoy")}},
	}
	calls := 0
	s := ScoreActors(gold, func(g GoldSentence) []record.Entity {
		calls++
		return ents
	})
	if calls != 1 {
		t.Errorf("predict called %d times, want once (sentences without gold actors are skipped)", calls)
	}
	if want := (ActorCounts{Actors: 2, Located: 2, Found: 2, Country: 2, Sector: 1}); s.Source != want {
		t.Errorf("source %+v, want %+v", s.Source, want)
	}
	if want := (ActorCounts{Actors: 2, Located: 1, Found: 1, Country: 0, Sector: 0}); s.Target != want {
		t.Errorf("target %+v, want %+v", s.Target, want)
	}
	if all := s.All(); all.Pct(all.Found) != 100 || math.Abs(all.Pct(all.Country)-200.0/3) > 1e-9 || math.Abs(all.Pct(all.Sector)-100.0/3) > 1e-9 {
		t.Errorf("all %+v", all)
	}
	if len(s.Misses) != 3 || s.Misses[0].Actor.Text != "Romanian" || s.Misses[1].Entity.Name != "envoy" || s.Misses[2].Located {
		t.Errorf("misses %+v", s.Misses)
	}
	var b bytes.Buffer
	WriteActorScores(&b, s, true)
	for _, w := range []string{
		"source        2       2   100.00   100.00    50.00",
		"all           4       3   100.00    66.67    33.33",
		`a  target "U.N. envoy" IGO/GOV: entity "envoy" USA/GOV (mention "envoy")`,
		`a  target "Ghanians" GHA/CVL: words not found in the sentence`,
	} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, b.String())
		}
	}
}

func TestActSectorOK(t *testing.T) {
	for _, tc := range []struct {
		gold, pred string
		want       bool
	}{
		{"GOV", "GOV", true}, {"GOV", "MIL", false}, {"", "", true}, {"", "GOV", false},
		{"***", "MIL", true}, {"***", "", true}, {"REBMOS", "REB", true}, {"CVLalb", "CVL", true},
		{"CIV", "CVL", true}, {"gov", "GOV", true},
	} {
		if got := actSectorOK(tc.gold, tc.pred); got != tc.want {
			t.Errorf("actSectorOK(%q, %q) = %v, want %v", tc.gold, tc.pred, got, tc.want)
		}
	}
}

func TestScoreActorSpans(t *testing.T) {
	gold, _, err := ReadBIO("n", strings.NewReader(
		"Trump B-S\nmet O\nKing B-T\nAbdullah I-T\nin O\nRome B-R\n. O\n\n"+
			"Iran B-S\nrejects O\nthe B-T\nUS I-T\n\nNothing O\n"))
	if err != nil || len(gold) != 3 {
		t.Fatalf("%d sentences, %v", len(gold), err)
	}
	pred := map[string][]record.Entity{
		// "Trump" found; "Abdullah" is 8 of the 13 bytes of "King
		// Abdullah": found; "R" is 1 of 4 bytes of "Rome": not found.
		"Trump met King Abdullah in Rome.": {
			{Mentions: []record.Mention{{Span: record.Span{0, 5}}, {Span: record.Span{27, 28}}}},
			{Mentions: []record.Mention{{Span: record.Span{15, 23}}}},
		},
		// " US" is exactly half of "the US": found; Iran not predicted.
		"Iran rejects the US": {{Mentions: []record.Mention{{Span: record.Span{16, 19}}}}},
	}
	calls := 0
	s := ScoreActorSpans(gold, func(text string) []record.Entity {
		calls++
		return pred[text]
	})
	want := []SpanCounts{{"S", 2, 1}, {"T", 2, 2}, {"R", 1, 0}}
	if len(s.Labels) != 3 || s.Labels[0] != want[0] || s.Labels[1] != want[1] || s.Labels[2] != want[2] ||
		s.All != (SpanCounts{"all", 5, 3}) || calls != 2 {
		t.Errorf("got %+v, %d calls; want %+v, all 3 of 5, 2 calls", s, calls, want)
	}
	var b bytes.Buffer
	WriteSpanScores(&b, s)
	if !strings.Contains(b.String(), "all         5      3    60.00") {
		t.Errorf("output:\n%s", b.String())
	}
}

func BenchmarkScoreActors(b *testing.B) {
	const text = "Senior Hungarian and Romanian officials met the U.N. envoy in Ghana."
	s := GoldSentence{ID: "a", Text: text}
	for _, w := range []string{"Hungarian", "Romanian", "U.N. envoy", "Ghana"} {
		s.Actors = append(s.Actors, GoldActor{Role: "source", Text: w, Code: "HUN", Sector: "GOV", Spans: goldLocate(text, w, nil)})
	}
	gold := make([]GoldSentence, 100)
	for i := range gold {
		gold[i] = s
	}
	ents := []record.Entity{
		{CAMEO: "HUNGOV", Mentions: []record.Mention{mention(text, "Hungarian")}},
		{CAMEO: "IGOUNO", Mentions: []record.Mention{mention(text, "the U.N.")}},
	}
	for b.Loop() {
		ScoreActors(gold, func(GoldSentence) []record.Entity { return ents })
	}
}
