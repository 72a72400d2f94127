package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"dyad/record"
)

// ev describes one event mention of a synthetic document.
type ev struct {
	actor, recipient, cameo, date string
}

// synth builds a coded document of one sentence per event, as the engine
// would, with its quantities.
func synth(id, date, source string, evs []ev, qs ...record.Quantity) Input {
	var text strings.Builder
	d := record.Document{Schema: 1, DocID: id, Date: date, Source: source}
	for i, e := range evs {
		start := text.Len()
		fmt.Fprintf(&text, "Sentence %d of %s: %s did %s to %s. ", i, id, e.actor, e.cameo, e.recipient)
		sp := record.Span{start, text.Len() - 1}
		d.Sentences = append(d.Sentences, record.SentenceSpan{Span: sp})
		act := func(code string) *record.Actor {
			if code == "" {
				return nil
			}
			return &record.Actor{Text: code, Name: "Name of " + code, CAMEO: code, Country: code[:3], Sector: code[3:], Span: sp}
		}
		d.Events = append(d.Events, record.Event{Schema: 1, ID: fmt.Sprintf("%s:%d:0", id, i), DocID: id, Sentence: i, Span: sp,
			Date: e.date, Event: "CONSULT", CAMEO: e.cameo, QuadClass: 1, Goldstein: 1, Actor: act(e.actor), Recipient: act(e.recipient),
			Modality: record.Asserted, Trigger: record.Trigger{Text: "did", Span: sp}, Text: "s", Rule: "test", Confidence: 0.9})
	}
	d.Quantities = qs
	t := text.String()
	return Input{Doc: d, Text: t, Hash: fmt.Sprintf("%x", len(t)) + id + date + source}
}

func open(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func put(t testing.TB, s *Store, in ...Input) PutStats {
	t.Helper()
	st, err := s.Put(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func allEvents(t testing.TB, s *Store, f Filter) []Event {
	t.Helper()
	var out []Event
	f.Limit = 7 // several pages
	for {
		evs, next, err := s.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, evs...)
		if next == "" {
			return out
		}
		f.After = next
	}
}

func TestPutDocumentRoundTrip(t *testing.T) {
	s := open(t)
	in := synth("a", "2025-02-12", "Reuters", []ev{{"USAGOV", "RUSGOV", "041", "2025-02-12"}, {"RUSGOV", "UKR", "190", ""}},
		record.Quantity{Text: "30 people", Span: record.Span{0, 5}, Value: 30, Low: 30, High: 30, Unit: "person", Kind: "killed"})
	in.Doc.Entities = []record.Entity{{ID: "e1", Name: "Vladimir Putin", Type: record.Person, CAMEO: "RUSGOV", Mentions: []record.Mention{{Text: "Putin", Span: record.Span{1, 6}}}}}
	in.Doc.Quotes = []record.Quote{{Text: "q", Span: record.Span{1, 2}, Direct: true, Cue: "said", Speaker: &record.Speaker{Entity: "e1", Name: "Vladimir Putin"}}}
	in.Doc.Conflicts = []record.Conflict{{About: "person", Claims: []int{0, 0}, Why: "w"}}
	if st := put(t, s, in); st.Stored != 1 {
		t.Fatalf("stats %+v", st)
	}
	got, text, err := s.Document(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	want := in.Doc
	want.Diagnostics = []record.Diagnostic{}
	if text != in.Text || !reflect.DeepEqual(*got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", *got, want)
	}
	if _, _, err := s.Document(context.Background(), "nope"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("missing document: %v", err)
	}
	if err := s.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

func TestPutIdempotentAndReplace(t *testing.T) {
	s := open(t)
	a := synth("a", "2025-02-12", "Reuters", []ev{{"USAGOV", "RUSGOV", "041", ""}})
	put(t, s, a)
	if st := put(t, s, a); st.Unchanged != 1 || st.Stored+st.Replaced != 0 {
		t.Errorf("second put: %+v", st)
	}
	if got := allEvents(t, s, Filter{}); len(got) != 1 || got[0].NumMentions != 1 {
		t.Fatalf("events after re-put: %+v", got)
	}
	// The same id with other content replaces every record of the old one.
	b := synth("a", "2025-02-13", "Reuters", []ev{{"CHNGOV", "JPNGOV", "111", ""}, {"CHNGOV", "JPNGOV", "111", ""}})
	if st := put(t, s, b); st.Replaced != 1 {
		t.Errorf("replace: %+v", st)
	}
	got := allEvents(t, s, Filter{})
	if len(got) != 1 || got[0].Actor.CAMEO != "CHNGOV" || got[0].NumMentions != 2 || got[0].NumArticles != 1 || got[0].Date != "2025-02-13" {
		t.Errorf("events after replace: %+v", got)
	}
	st, _ := s.Stats(context.Background())
	if st.Documents != 1 || st.Mentions != 2 || st.Sentences != 2 {
		t.Errorf("stats after replace: %+v", st)
	}
	if err := s.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

func TestMergeCounters(t *testing.T) {
	s := open(t)
	put(t, s,
		synth("a", "2025-02-12", "Reuters", []ev{{"USAGOV", "RUSGOV", "041", "2025-02-12"}, {"USAGOV", "RUSGOV", "040", "2025-02-12"}}),
		synth("b", "2025-02-13", "TASS", []ev{{"USAGOV", "RUSGOV", "041", "2025-02-13"}}),
		synth("c", "2025-02-14", "reuters", []ev{{"USAGOV", "RUSGOV", "043", "2025-02-14"}}), // chained: 12–13–14
		synth("d", "2025-02-20", "AP", []ev{{"USAGOV", "RUSGOV", "041", "2025-02-20"}}),      // too far: another event
		synth("e", "2025-02-12", "AP", []ev{{"RUSGOV", "USAGOV", "041", "2025-02-12"}}),      // the other direction
	)
	got := allEvents(t, s, Filter{Actor: "USA"})
	if len(got) != 2 {
		t.Fatalf("want 2 merged USA events, got %+v", got)
	}
	e := got[0]
	if e.Date != "2025-02-12" || e.LastDate != "2025-02-14" || e.NumMentions != 4 || e.NumArticles != 3 || e.NumSources != 2 ||
		e.CAMEO != "041" || e.FirstSeen != "2025-02-12" || e.LastSeen != "2025-02-14" || !e.IsRoot || len(e.Mentions) != 4 {
		t.Errorf("merged event: %+v", e)
	}
	if got[1].Date != "2025-02-20" || got[1].NumMentions != 1 {
		t.Errorf("second event: %+v", got[1])
	}
}

func TestCrossArticleConflict(t *testing.T) {
	s := open(t)
	q := func(text string, lo, hi float64) record.Quantity {
		return record.Quantity{Text: text, Span: record.Span{0, 3}, Value: lo, Low: lo, High: hi, Unit: "person", Kind: "killed"}
	}
	put(t, s,
		synth("a", "2025-03-01", "Reuters", []ev{{"RUSMIL", "UKR", "190", "2025-03-01"}}, q("30 people", 30, 30)),
		synth("b", "2025-03-01", "TASS", []ev{{"RUSMIL", "UKR", "190", "2025-03-01"}}, q("3 people", 3, 3)),
		synth("c", "2025-03-02", "AP", []ev{{"RUSMIL", "UKR", "190", "2025-03-02"}}, q("at least 25 people", 25, 0)),
	)
	cs, err := s.Conflicts(context.Background(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// 30 vs 3 and 3 vs "at least 25" disagree; 30 and "at least 25" agree.
	if len(cs) != 2 {
		t.Fatalf("conflicts: %+v", cs)
	}
	for _, c := range cs {
		if c.About != "person" || len(c.Claims) != 2 || c.Claims[0].DocID == c.Claims[1].DocID {
			t.Errorf("conflict %+v", c)
		}
	}
	if !strings.Contains(cs[0].Why, "Reuters") || !strings.Contains(cs[0].Why, "TASS") {
		t.Errorf("why: %s", cs[0].Why)
	}
}

// dump is everything merging produces, in a canonical order.
func dump(t *testing.T, s *Store) ([]Event, []Conflict) {
	evs := allEvents(t, s, Filter{})
	sort.Slice(evs, func(i, j int) bool { return evs[i].ID < evs[j].ID })
	cs, err := s.Conflicts(context.Background(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].Why < cs[j].Why })
	return evs, cs
}

// TestIncrementalEqualsRebuild stores a random corpus in a shuffled order,
// in batches of random sizes, with some documents replaced on the way, and
// checks that the merged events equal a full rebuild's and another order's.
func TestIncrementalEqualsRebuild(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	actors := []string{"USAGOV", "RUSGOV", "UKRGOV", "CHNGOV", ""}
	var corpus []Input
	for i := 0; i < 150; i++ {
		day := 1 + rng.IntN(20)
		date := fmt.Sprintf("2025-03-%02d", day)
		var evs []ev
		for k := 0; k < 1+rng.IntN(4); k++ {
			a, r := actors[rng.IntN(len(actors))], actors[rng.IntN(len(actors))]
			d := date
			if rng.IntN(5) == 0 {
				d = fmt.Sprintf("2025-03-%02d", max(1, day-1-rng.IntN(2)))
			}
			if rng.IntN(10) == 0 {
				d = ""
			}
			evs = append(evs, ev{a, r, []string{"041", "042", "190", "193", "111"}[rng.IntN(5)], d})
		}
		var qs []record.Quantity
		if rng.IntN(3) == 0 {
			n := float64(1 + rng.IntN(50))
			qs = append(qs, record.Quantity{Text: "n", Span: record.Span{0, 1}, Value: n, Low: n, High: n, Unit: "person", Kind: "killed"})
		}
		corpus = append(corpus, synth(fmt.Sprintf("d%03d", i), date, []string{"A", "B", "C", ""}[rng.IntN(4)], evs, qs...))
	}
	fill := func(s *Store, order []int, replaceSome bool) {
		for i := 0; i < len(order); {
			n := 1 + rng.IntN(10)
			var b []Input
			for ; n > 0 && i < len(order); n, i = n-1, i+1 {
				in := corpus[order[i]]
				if replaceSome && rng.IntN(6) == 0 {
					// First an older version with other events, replaced later.
					old := synth(in.Doc.DocID, "2025-03-10", "Z", []ev{{"USAGOV", "RUSGOV", "041", "2025-03-10"}})
					put(t, s, old)
				}
				b = append(b, in)
			}
			put(t, s, b...)
		}
	}
	s1 := open(t)
	fill(s1, rng.Perm(len(corpus)), true)
	inc, incC := dump(t, s1)
	if err := s1.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	reb, rebC := dump(t, s1)
	if !reflect.DeepEqual(inc, reb) || !reflect.DeepEqual(incC, rebC) {
		t.Fatalf("incremental (%d events, %d conflicts) differs from rebuild (%d, %d)", len(inc), len(incC), len(reb), len(rebC))
	}
	s2 := open(t)
	fill(s2, rng.Perm(len(corpus)), false)
	other, otherC := dump(t, s2)
	if !reflect.DeepEqual(inc, other) || !reflect.DeepEqual(incC, otherC) {
		t.Fatalf("another order gives other merged events")
	}
	merged := 0
	for _, e := range inc {
		if e.NumMentions > 1 {
			merged++
		}
	}
	if merged < 20 || len(incC) == 0 {
		t.Errorf("the corpus should exercise merging: %d multi-mention events, %d conflicts", merged, len(incC))
	}
	t.Logf("%d merged events (%d with several mentions), %d conflicts", len(inc), merged, len(incC))
	if err := s1.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

func TestFilters(t *testing.T) {
	s := open(t)
	put(t, s,
		synth("a", "2025-02-12", "Reuters", []ev{{"USAGOV", "RUSGOV", "041", "2025-02-12"}, {"CHNGOV", "JPNGOV", "111", "2025-02-12"}}),
		synth("b", "2025-03-01", "TASS", []ev{{"RUSMIL", "UKR", "190", "2025-03-01"}}),
	)
	ctx := context.Background()
	for _, c := range []struct {
		f    Filter
		want int
	}{
		{Filter{}, 3}, {Filter{Actor: "RUS"}, 1}, {Filter{Actor: "Name of USA"}, 1}, {Filter{Recipient: "UKR"}, 1},
		{Filter{Country: "rus"}, 2}, {Filter{Type: "consult"}, 3}, {Filter{CAMEO: "04"}, 1}, {Filter{QuadClass: 1}, 3},
		{Filter{From: "2025-03-01"}, 1}, {Filter{To: "2025-02-28"}, 2}, {Filter{DocID: "b"}, 1},
		{Filter{Text: "CHNGOV did"}, 1}, {Filter{Text: "nothing-like-this"}, 0}, {Filter{Merged: 12345}, 0},
		// SQL and LIKE metacharacters are values, never SQL.
		{Filter{Actor: "' OR 1=1 --"}, 0}, {Filter{Actor: "%"}, 0}, {Filter{Actor: "_"}, 0}, {Filter{Type: "x' OR '1'='1"}, 0},
		{Filter{Text: `" OR * NEAR(`}, 0}, {Filter{CAMEO: "%"}, 0}, {Filter{DocID: "a' --"}, 0},
	} {
		evs, _, err := s.Events(ctx, c.f)
		if err != nil {
			t.Errorf("%+v: %v", c.f, err)
			continue
		}
		if len(evs) != c.want {
			t.Errorf("%+v: %d events, want %d", c.f, len(evs), c.want)
		}
		ms, _, err := s.Mentions(ctx, c.f)
		if err != nil || len(ms) != c.want {
			t.Errorf("%+v: %d mentions (%v), want %d", c.f, len(ms), err, c.want)
		}
	}
	for _, f := range []Filter{{From: "yesterday"}, {QuadClass: 7}, {After: "garbage"}, {Order: "x"}, {Limit: MaxLimit + 1}} {
		if _, _, err := s.Events(ctx, f); err == nil || !strings.Contains(err.Error(), "bad filter") {
			t.Errorf("%+v: want a bad filter error, got %v", f, err)
		}
	}
	for _, by := range []string{"day", "week", "month", "dyad", "type"} {
		cs, err := s.Counts(ctx, Filter{}, by)
		if err != nil || len(cs) == 0 {
			t.Errorf("counts by %s: %v %v", by, cs, err)
		}
	}
	one, _, _ := s.Events(ctx, Filter{Actor: "CHN"})
	if ms, _, err := s.Mentions(ctx, Filter{Merged: one[0].ID}); err != nil || len(ms) != 1 || ms[0].MergedID != one[0].ID {
		t.Errorf("mentions of merged event %d: %+v %v", one[0].ID, ms, err)
	}
	cs, _ := s.Counts(ctx, Filter{}, "dyad")
	if cs[0].Group != "CHNGOV>JPNGOV" || cs[0].Events != 1 {
		t.Errorf("dyad counts: %+v", cs)
	}
	as, err := s.Actors(ctx, "rus", 10)
	if err != nil || len(as) != 2 {
		t.Errorf("actors: %+v %v", as, err)
	}
	// Every order pages through every event exactly once.
	for _, o := range []string{"date", "-date", "mentions", "goldstein", "-goldstein"} {
		if got := allEvents(t, s, Filter{Order: o, Limit: 1}); len(got) != 3 {
			t.Errorf("order %s: %d events", o, len(got))
		}
	}
}

// TestConcurrentReaders reads while documents are stored: every snapshot
// a reader sees is consistent (every document complete, every mention
// merged).
func TestConcurrentReaders(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	done := make(chan struct{})
	errs := make(chan error, 4)
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := s.Check(ctx); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := 0; i < 60; i++ {
		put(t, s, synth(fmt.Sprintf("d%d", i), "2025-03-01", "A", []ev{{"USAGOV", "RUSGOV", "041", "2025-03-01"}, {"RUSMIL", "UKR", "190", ""}}))
	}
	close(done)
	wg.Wait()
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errs:
		t.Fatal(err)
	default:
	}
}

func TestReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	if _, err := Open(path, Options{ReadOnly: true}); err == nil {
		t.Error("read-only open of a missing database should fail")
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, synth("a", "2025-02-12", "", []ev{{"USAGOV", "RUSGOV", "041", ""}}))
	s.Close()
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Put(context.Background(), nil); err == nil {
		t.Error("Put on a read-only store should fail")
	}
	if got := allEvents(t, r, Filter{}); len(got) != 1 {
		t.Errorf("read-only events: %+v", got)
	}
}

func TestSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, synth("a", "2025-02-12", "", []ev{{"USAGOV", "RUSGOV", "041", ""}}))
	var v int
	if err := s.w.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
		t.Fatalf("user_version %d (%v), want %d", v, err, len(migrations))
	}
	s.Close()
	// Opening again migrates nothing and keeps the data.
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := allEvents(t, s, Filter{}); len(got) != 1 {
		t.Errorf("after reopening: %d events", len(got))
	}
	// A database from a newer dyad is refused with a message that says so.
	if _, err := s.w.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(migrations)+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("opening a newer database: %v", err)
	}
}

// TestPutBadDocumentAlone: a document that cannot be stored (two events
// with one id) is rolled back alone, its old version kept, and listed; the
// rest of the batch is stored.
func TestPutBadDocumentAlone(t *testing.T) {
	s := open(t)
	put(t, s, synth("b", "2025-03-01", "A", []ev{{"CHNGOV", "JPNGOV", "111", "2025-03-01"}}))
	bad := synth("b", "2025-03-02", "A", []ev{{"USAGOV", "RUSGOV", "041", ""}, {"USAGOV", "RUSGOV", "042", ""}})
	bad.Doc.Events[1].ID = bad.Doc.Events[0].ID
	st := put(t, s,
		synth("a", "2025-03-01", "A", []ev{{"USAGOV", "RUSGOV", "041", "2025-03-01"}}),
		bad,
		synth("c", "2025-03-01", "B", []ev{{"USAGOV", "RUSGOV", "041", "2025-03-01"}}))
	if st.Stored != 2 || st.Replaced != 0 || len(st.Failed) != 1 || st.Failed[0].ID != "b" {
		t.Fatalf("stats %+v", st)
	}
	d, _, err := s.Document(context.Background(), "b")
	if err != nil || d.Date != "2025-03-01" || len(d.Events) != 1 || d.Events[0].CAMEO != "111" {
		t.Errorf("the old version of b should stay: %+v %v", d, err)
	}
	evs := allEvents(t, s, Filter{Actor: "USAGOV"})
	if len(evs) != 1 || evs[0].NumArticles != 2 {
		t.Errorf("the rest of the batch: %+v", evs)
	}
	if err := s.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

// TestMergeKeepsPeopleApart: two people who share a code (two candidates,
// both USAELI) are two events; the same person in two articles, or groups
// named differently ("Russian forces", "Russian troops"), merge.
func TestMergeKeepsPeopleApart(t *testing.T) {
	s := open(t)
	named := func(id, who, whoType string, cameo string) Input {
		in := synth(id, "2016-03-01", id, []ev{{cameo, "", "111", "2016-03-01"}})
		in.Doc.Entities = []record.Entity{{ID: "e1", Name: who, Type: whoType, CAMEO: cameo}}
		in.Doc.Events[0].Actor.Name, in.Doc.Events[0].Actor.Entity = who, "e1"
		return in
	}
	put(t, s,
		named("a", "Donald Trump", record.Person, "USAELI"),
		named("b", "Donald Trump", record.Person, "USAELI"),
		named("c", "Hillary Clinton", record.Person, "USAELI"),
		named("d", "Russian forces", record.Person, "RUSMIL"),
		named("e", "Russian troops", record.Person, "RUSMIL"))
	got := map[string]int{}
	for _, e := range allEvents(t, s, Filter{}) {
		got[e.Actor.Name] = e.NumArticles
	}
	want := map[string]int{"Donald Trump": 2, "Hillary Clinton": 1, "Russian forces": 2}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged events by actor name → articles: %v, want %v", got, want)
	}
}
