package server

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/record"
	"dyad/store"
)

var (
	loadRun    = flag.Bool("load", false, "run TestLoad: build a database of -load-events events and measure the API under -load-rate requests/s")
	loadEvents = flag.Int("load-events", 100_000, "TestLoad: merged events in the synthetic database")
	loadRate   = flag.Int("load-rate", 200, "TestLoad: requests per second in each phase")
	loadTime   = flag.Duration("load-time", 10*time.Second, "TestLoad: length of each phase")
	loadWarm   = flag.Duration("load-warmup", 2*time.Second, "TestLoad: length of the warm-up before each asserted phase (reported, not asserted)")
	loadMaxQ   = flag.Int("load-max-queries", 0, "TestLoad: Config.MaxQueries (0: the default)")
	loadCache  = flag.Bool("load-cache", true, "TestLoad: keep answers in the server's cache (false: every request queries the store)")
	loadDB     = flag.String("load-db", "", "TestLoad: keep the synthetic database in `FILE` (built when missing, reused when present)")
)

// TestLoad builds a database of at least 100,000 merged events through
// store.Put, serves it on 127.0.0.1, and sends paced GET requests (a new
// one every 1/rate seconds whatever the answers take, so that slow answers
// cannot slow the load down) in phases: filtered /api/events, /api/timeline,
// then both at once, each after a warm-up that fills the answer cache; then
// /api/events and /api/timeline with a filter no two requests share, which
// the cache cannot answer. It prints throughput, latency percentiles (from
// the time each request was due) and errors for every phase and URL, and
// fails when one of the first three phases has an error, falls short of
// the rate or has a p99 of 100 ms or more. The last two measure the store
// alone and are reported, not asserted.
//
//	go test ./server -run TestLoad -load -v
func TestLoad(t *testing.T) {
	if !*loadRun {
		t.Skip("a load test: run with -load")
	}
	path := *loadDB
	if path == "" {
		path = filepath.Join(t.TempDir(), "load.db")
	}
	_, statErr := os.Stat(path)
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if statErr != nil {
		start := time.Now()
		if err := fillSynthetic(t.Context(), st, *loadEvents); err != nil {
			t.Fatal(err)
		}
		t.Logf("built the database in %s", time.Since(start).Round(time.Second))
	}
	stats, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("database: %d documents, %d mentions, %d merged events", stats.Documents, stats.Mentions, stats.Events)
	if stats.Events < *loadEvents {
		t.Fatalf("%d merged events, want at least %d", stats.Events, *loadEvents)
	}

	s, err := New(Config{Store: st, MaxQueries: *loadMaxQ, CacheBytes: cacheBytes()})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := netListen(t)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 1024}}

	events := []string{
		"/api/events?actor=USA&from=2025-03-01&to=2025-04-30&limit=100",
		"/api/events?country=RUS&quad=4",
		"/api/events?recipient=CHNGOV&order=-date&limit=50",
		"/api/events?type=CONSULT&from=2025-06-01&order=mentions",
		"/api/events?q=sanctions&actor=GBR",
	}
	timeline := []string{
		"/api/timeline",
		"/api/timeline?actor=USA",
		"/api/timeline?by=week&quad=4",
		"/api/timeline?country=RUS&from=2025-02-01&to=2025-05-31",
	}
	// Filters no two requests share, so that every answer comes from the
	// store: the country and a 30-day window change with each request.
	distinct := func(path string) func(int) (string, string) {
		return func(i int) (string, string) {
			from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/len(synthCountries)%300)
			return fmt.Sprintf("%s?country=%s&from=%s&to=%s", path, synthCountries[i%len(synthCountries)],
				from.Format(time.DateOnly), from.AddDate(0, 0, 30).Format(time.DateOnly)), path + "?country=C&from=D&to=D+30 (distinct)"
		}
	}
	cycle := func(urls ...string) func(int) (string, string) {
		return func(i int) (string, string) { u := urls[i%len(urls)]; return u, u }
	}
	for _, ph := range []struct {
		name   string
		target func(int) (url, label string)
		rate   int
		assert bool
	}{
		{"events", cycle(events...), *loadRate, true},
		{"timeline", cycle(timeline...), *loadRate, true},
		{"both", cycle(append(slices.Clone(events), timeline...)...), 2 * *loadRate, true},
		{"events, distinct filters", distinct("/api/events"), *loadRate, false},
		{"timeline, distinct filters", distinct("/api/timeline"), *loadRate, false},
	} {
		if ph.assert && *loadWarm > 0 {
			r := pace(client, base, ph.target, ph.rate, *loadWarm)
			t.Logf("%s at %d/s, warm-up (cache cold: reported, not asserted): %s", ph.name, ph.rate, r)
		}
		r := pace(client, base, ph.target, ph.rate, *loadTime)
		note := ""
		if !ph.assert {
			note = " (store-bound: reported, not asserted)"
		}
		t.Logf("%s at %d/s%s: %s", ph.name, ph.rate, note, r)
		for _, label := range slices.Sorted(maps.Keys(r.byTarget)) {
			t.Logf("    %-64s %s", label, r.byTarget[label])
		}
		if ph.assert && (r.errors > 0 || r.p(0.99) >= 100*time.Millisecond || r.rate() < 0.95*float64(ph.rate)) {
			t.Errorf("%s: %s: want %d requests/s with p99 under 100ms and no errors", ph.name, r, ph.rate)
		}
	}
}

// loadResult is what a paced run measured.
type loadResult struct {
	lat      []time.Duration
	errors   int
	elapsed  time.Duration
	byTarget map[string]*loadResult
}

func (r *loadResult) rate() float64 { return float64(len(r.lat)-r.errors) / r.elapsed.Seconds() }

func (r *loadResult) p(q float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(r.lat))
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

func (r *loadResult) String() string {
	return fmt.Sprintf("%5d requests, %6.1f answered/s, p50 %7.2fms p95 %7.2fms p99 %7.2fms max %7.2fms, errors %d",
		len(r.lat), r.rate(), ms(r.p(0.50)), ms(r.p(0.95)), ms(r.p(0.99)), ms(r.p(1)), r.errors)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// pace sends GET requests for target(0), target(1), ..., rate a second
// for d, each in its own goroutine at its due time, and measures each from
// that time; an answer other than 200 is an error.
func pace(client *http.Client, base string, target func(int) (string, string), rate int, d time.Duration) *loadResult {
	total := &loadResult{byTarget: map[string]*loadResult{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := int(d.Seconds() * float64(rate))
	interval := time.Second / time.Duration(rate)
	start := time.Now()
	for i := range n {
		due := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(due))
		u, label := target(i)
		wg.Go(func() {
			ok := get(client, base+u)
			lat := time.Since(due)
			mu.Lock()
			defer mu.Unlock()
			byTarget := total.byTarget[label]
			if byTarget == nil {
				byTarget = &loadResult{}
				total.byTarget[label] = byTarget
			}
			for _, r := range []*loadResult{total, byTarget} {
				r.lat = append(r.lat, lat)
				if !ok {
					r.errors++
				}
			}
		})
	}
	wg.Wait()
	total.elapsed = time.Since(start)
	for _, r := range total.byTarget {
		r.elapsed = total.elapsed
	}
	return total
}

func get(client *http.Client, u string) bool {
	resp, err := client.Get(u)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err == nil && resp.StatusCode == 200
}

// Synthetic data: actors of 40 countries, events of 8 kinds.
var (
	synthCountries = strings.Fields("USA RUS CHN UKR GBR FRA DEU IRN ISR PSE EGY QAT TUR IND PAK JPN KOR PRK BRA MEX " +
		"CAN AUS ZAF NGA KEN ETH SAU ARE IRQ SYR AFG VEN COL ARG POL BLR HUN SRB ITA ESP")
	synthKinds = []struct {
		cameo, event, verb string
		quad               int
		goldstein          float64
	}{
		{"040", "CONSULT", "met", 1, 1}, {"036", "AGREE", "agreed with", 1, 4}, {"051", "SUPPORT", "praised", 1, 3.4},
		{"070", "AID", "sent aid to", 2, 7}, {"111", "ACCUSE", "criticised", 3, -2}, {"163", "SANCTION", "imposed sanctions on", 4, -8},
		{"130", "THREATEN", "threatened", 3, -4.4}, {"190", "ASSAULT", "attacked", 4, -10},
	}
)

// fillSynthetic stores documents of five events each until the store
// holds n merged events. Event i has merge key i%1000 (a distinct actor,
// recipient and CAMEO root) and the date 2025-01-01 plus 2×(i/1000) days,
// so no two events share a key within the merge window and every event
// stays its own merged event.
func fillSynthetic(ctx context.Context, st *store.Store, n int) error {
	const perDoc, keys, batch = 5, 1000, 2000
	day0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []store.Input
	for first := 0; first < n; first += perDoc {
		d := record.Document{Schema: record.Schema, DocID: fmt.Sprintf("syn%06d", first/perDoc), Source: fmt.Sprintf("Wire %d", first%7),
			Title: "Synthetic report", Entities: []record.Entity{}, Quotes: []record.Quote{}, Quantities: []record.Quantity{},
			Conflicts: []record.Conflict{}, Diagnostics: []record.Diagnostic{}}
		var text strings.Builder
		for i := first; i < min(first+perDoc, n); i++ {
			k := i % keys
			a := synthCountries[k%40]
			r := synthCountries[(k%40+1+k/40)%40]
			kind := synthKinds[k%len(synthKinds)]
			date := day0.AddDate(0, 0, 2*(i/keys)).Format(time.DateOnly)
			if d.Date == "" {
				d.Date = date
			}
			start := text.Len()
			fmt.Fprintf(&text, "Officials of %s %s %s on day %d. ", a, kind.verb, r, i/keys)
			sent := record.Span{start, text.Len() - 1}
			sentText := text.String()[start : text.Len()-1]
			actorAt := strings.Index(sentText, a) + start
			recAt := strings.LastIndex(sentText, r) + start
			verbAt := strings.Index(sentText, kind.verb) + start
			idx := len(d.Sentences)
			d.Sentences = append(d.Sentences, record.SentenceSpan{Span: sent})
			d.Events = append(d.Events, record.Event{Schema: record.Schema, ID: fmt.Sprintf("%s:%d:0", d.DocID, idx), DocID: d.DocID,
				Sentence: idx, Span: sent, Date: date, Event: kind.event, Context: []string{}, CAMEO: kind.cameo,
				QuadClass: kind.quad, Goldstein: kind.goldstein,
				Actor:     &record.Actor{Text: a, Name: a + " government", CAMEO: a + "GOV", Country: a, Sector: "GOV", Span: record.Span{actorAt, actorAt + 3}},
				Recipient: &record.Actor{Text: r, Name: r + " government", CAMEO: r + "GOV", Country: r, Sector: "GOV", Span: record.Span{recAt, recAt + 3}},
				Modality:  record.Asserted, Trigger: record.Trigger{Text: kind.verb, Span: record.Span{verbAt, verbAt + len(kind.verb)}},
				Text: sentText, Rule: "synthetic", Confidence: 0.9})
		}
		docs = append(docs, store.Input{Doc: d, Text: text.String(), Hash: d.DocID})
		if len(docs) == batch || first+perDoc >= n {
			if _, err := st.Put(ctx, docs); err != nil {
				return err
			}
			docs = docs[:0]
		}
	}
	return nil
}

func cacheBytes() int64 {
	if *loadCache {
		return 0
	}
	return -1
}
