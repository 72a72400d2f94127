package server

import (
	"net/url"
	"testing"
)

func BenchmarkParseFilter(b *testing.B) {
	q, _ := url.ParseQuery("from=2025-02-01&to=2025-02-28&actor=RUS&recipient=UKR&quad=4&q=Kharkiv&limit=100&order=-date")
	for b.Loop() {
		if _, err := parseFilter(q, true); err != nil {
			b.Fatal(err)
		}
	}
}

// benchGet serves target on the test store, b.N times, without the cache:
// the handler and the store query.
func benchGet(b *testing.B, target string) {
	s, _ := newTestServer(b, func(c *Config) { c.CacheBytes = -1 })
	for b.Loop() {
		if w := do(b, s, "GET", target, ""); w.Code != 200 {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}

func BenchmarkEvents(b *testing.B)   { benchGet(b, "/api/events?actor=RUS&limit=100") }
func BenchmarkTimeline(b *testing.B) { benchGet(b, "/api/timeline?by=day") }
func BenchmarkDocument(b *testing.B) { benchGet(b, "/api/documents/a2") }

func BenchmarkPostCode(b *testing.B) {
	s, _ := newTestServer(b, nil)
	b.SetBytes(int64(len(newArticles)))
	for b.Loop() {
		if w := do(b, s, "POST", "/api/code", newArticles); w.Code != 200 {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}

// BenchmarkEventsCached serves the same query from the cache.
func BenchmarkEventsCached(b *testing.B) {
	s, _ := newTestServer(b, nil)
	for b.Loop() {
		if w := do(b, s, "GET", "/api/events?actor=RUS&limit=100", ""); w.Code != 200 {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}
