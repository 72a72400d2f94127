package store_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/engine"
	"dyad/input"
	"dyad/store"
)

// paraphrases are reports of four events (two calls between the same
// leaders five weeks apart, a protest, an attack) by several publishers,
// published on the day of the event or the day after, in words of their
// own.
var paraphrases = []doc.Article{
	{ID: "a1", Date: "2025-02-12", Source: "Reuters", Text: "President Donald Trump spoke with President Vladimir Putin of Russia by telephone on Wednesday."},
	{ID: "a2", Date: "2025-02-13", Source: "AP", Text: "Donald Trump spoke with Vladimir Putin by phone on Wednesday, the White House said."},
	{ID: "a3", Date: "2025-02-12", Source: "TASS", Text: "Vladimir Putin and Donald Trump spoke by telephone on Wednesday."},
	{ID: "c1", Date: "2025-03-18", Source: "Reuters", Text: "Donald Trump spoke with Vladimir Putin by phone on Tuesday."},
	{ID: "c2", Date: "2025-03-19", Source: "AP", Text: "Donald Trump and Vladimir Putin spoke by telephone on Tuesday for two hours."},
	{ID: "b1", Date: "2025-03-03", Source: "Reuters", Text: "China's foreign ministry lodged a protest with Japan on Monday over the visit."},
	{ID: "b2", Date: "2025-03-04", Source: "Kyodo", Text: "Beijing protested to Tokyo on Monday over the minister's visit to the shrine."},
	{ID: "d1", Date: "2025-03-18", Source: "Reuters", Text: "Russian forces attacked Kharkiv on Tuesday, killing 14 people, Ukrainian officials said."},
	{ID: "d2", Date: "2025-03-18", Source: "TASS", Text: "Russian forces attacked Kharkiv on Tuesday, killing two people."},
	{ID: "d3", Date: "2025-03-19", Source: "AP", Text: "The Russian military struck Kharkiv on Tuesday and killed at least 12 people."},
}

// TestMergeQuality codes the paraphrases with the real engine, stores them
// one at a time in a shuffled order, and checks the merged events against
// what is known: which reports are of the same event.
func TestMergeQuality(t *testing.T) {
	eng, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, i := range rand.New(rand.NewPCG(3, 4)).Perm(len(paraphrases)) {
		a := paraphrases[i]
		d := eng.Code(a, engine.Options{}).Doc
		engine.KeepEvents(&d, engine.DefaultMinConfidence, false)
		if _, err := s.Put(ctx, []store.Input{{Doc: d, Text: a.Text, Hash: store.HashArticle(a)}}); err != nil {
			t.Fatal(err)
		}
		// What is stored comes back as it was coded.
		got, text, err := s.Document(ctx, a.ID)
		if err != nil || text != a.Text || !reflect.DeepEqual(*got, d) {
			t.Errorf("%s: stored document differs from the coded one (%v):\n got %+v\nwant %+v", a.ID, err, got, d)
		}
	}
	type want struct {
		date              string
		articles, sources int
	}
	truth := map[string][]want{
		// The calls are mutual: each is an event in both directions.
		"USAGOV>RUSGOV": {{"2025-02-12", 3, 3}, {"2025-03-18", 2, 2}},
		"RUSGOV>USAGOV": {{"2025-02-12", 3, 3}, {"2025-03-18", 2, 2}},
		"CHNGOV>JPN":    {{"2025-03-03", 2, 2}},
		"RUSMIL>":       {{"2025-03-18", 3, 3}},
	}
	for dyad, ws := range truth {
		a, r, _ := strings.Cut(dyad, ">")
		evs, _, err := s.Events(ctx, store.Filter{Actor: a, Recipient: r})
		if err != nil {
			t.Fatal(err)
		}
		var got []store.Event
		for _, e := range evs {
			if e.Actor.CAMEO == a && e.Recipient.CAMEO == r {
				got = append(got, e)
			}
		}
		if len(got) != len(ws) {
			t.Errorf("%s: %d merged events, want %d: %+v", dyad, len(got), len(ws), got)
			continue
		}
		for i, w := range ws {
			if e := got[i]; e.Date != w.date || e.NumArticles != w.articles || e.NumSources != w.sources {
				t.Errorf("%s event %d: date %s, %d articles, %d sources; want %+v", dyad, i, e.Date, e.NumArticles, e.NumSources, w)
			}
		}
	}
	// The attack's death tolls: 14 and 2 disagree, 2 and "at least 12"
	// disagree, 14 and "at least 12" agree.
	cs, err := s.Conflicts(ctx, store.Filter{Actor: "RUSMIL", Type: "ASSAULT"})
	if err != nil {
		t.Fatal(err)
	}
	pairs := map[[2]string]bool{}
	for _, c := range cs {
		pairs[[2]string{c.Claims[0].Quantity.Text, c.Claims[1].Quantity.Text}] = true
		pairs[[2]string{c.Claims[1].Quantity.Text, c.Claims[0].Quantity.Text}] = true
	}
	if !pairs[[2]string{"14 people", "two people"}] || !pairs[[2]string{"two people", "at least 12 people"}] || pairs[[2]string{"14 people", "at least 12 people"}] {
		t.Errorf("conflicts: %+v", cs)
	}
	before, _, _ := s.Events(ctx, store.Filter{Limit: 1000})
	if err := s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	after, _, _ := s.Events(ctx, store.Filter{Limit: 1000})
	if len(before) != len(after) {
		t.Errorf("rebuild: %d events, incremental %d", len(after), len(before))
	}
}

// TestCodedDocumentRoundTrip stores the example report of the call, with
// its quotes, entities and quantities, and reads it back unchanged.
func TestCodedDocumentRoundTrip(t *testing.T) {
	data, err := os.ReadFile("../examples/2025-02-12-trump-putin-call.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, diags := input.ReadText("call.txt", data, input.Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	eng, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := eng.Code(a, engine.Options{}).Doc
	if len(d.Quotes) == 0 || len(d.Entities) == 0 || len(d.Quantities) == 0 {
		t.Fatalf("the example should have quotes, entities and quantities: %d, %d, %d", len(d.Quotes), len(d.Entities), len(d.Quantities))
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "r.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Put(ctx, []store.Input{{Doc: d, Text: a.Text, Hash: store.HashArticle(a)}}); err != nil {
		t.Fatal(err)
	}
	got, text, err := s.Document(ctx, a.ID)
	if err != nil || text != a.Text || !reflect.DeepEqual(*got, d) {
		t.Errorf("stored document differs from the coded one (%v):\n got %+v\nwant %+v", err, got, d)
	}
}
