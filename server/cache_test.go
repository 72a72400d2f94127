package server

import (
	"context"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"dyad/doc"
)

// TestCache checks that answers are kept, that a write through the API
// or straight into the store (as another process would make) is seen at
// once, and that concurrent misses run the handler once.
func TestCache(t *testing.T) {
	s, st := newTestServer(t, func(c *Config) { c.Token = "t" })
	get := func() int {
		var body documentsBody
		decode(t, do(t, s, "GET", "/api/documents?limit=1000", ""), &body)
		return len(body.Documents)
	}
	if n := get(); n != 3 {
		t.Fatalf("%d documents", n)
	}
	if s.cache.lru.Len() == 0 {
		t.Fatal("nothing kept")
	}
	// Parameter order does not matter.
	a := do(t, s, "GET", "/api/events?actor=RUS&quad=4", "")
	n := s.cache.lru.Len()
	b := do(t, s, "GET", "/api/events?quad=4&actor=RUS", "")
	if s.cache.lru.Len() != n || a.Body.String() != b.Body.String() {
		t.Error("the same query in another order was not answered from the cache")
	}
	// A write through the API.
	if w := do(t, s, "POST", "/api/documents", `{"id": "d1", "text": "Japan met China."}`, "Authorization", "Bearer t"); w.Code != 200 {
		t.Fatal(w.Body)
	}
	if n := get(); n != 4 {
		t.Errorf("%d documents after a POST, want 4", n)
	}
	// A write straight into the store.
	ins, err := Code(context.Background(), testEngine(t), []doc.Article{{ID: "d2", Text: "India met Brazil."}}, 0.4, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Put(context.Background(), ins); err != nil {
		t.Fatal(err)
	}
	if n := get(); n != 5 {
		t.Errorf("%d documents after a write by the store, want 5", n)
	}
	// Errors are not kept.
	do(t, s, "GET", "/api/events?quad=9", "")
	if _, ok := s.cache.entries["/api/events?quad=9"]; ok {
		t.Error("a 400 was kept")
	}
}

func TestCacheSingleFlight(t *testing.T) {
	c := newCache(1<<20, DefaultCacheTTL, "")
	var runs atomic.Int32
	release := make(chan struct{})
	h := func(w http.ResponseWriter, r *http.Request) {
		runs.Add(1)
		<-release
		writeJSON(w, 200, healthBody{Status: "ok"})
	}
	var wg sync.WaitGroup
	codes := make([]int, 20)
	for i := range codes {
		wg.Go(func() {
			req, _ := http.NewRequest("GET", "/x?a=1", nil)
			w := &captureWriter{header: http.Header{}}
			c.serve(w, req, h)
			codes[i] = w.status
		})
	}
	for { // wait until one computes and the others wait for it
		c.mu.Lock()
		n := len(c.calls)
		c.mu.Unlock()
		if n == 1 && runs.Load() == 1 {
			break
		}
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	if runs.Load() != 1 {
		t.Errorf("the handler ran %d times for concurrent requests", runs.Load())
	}
	for i, code := range codes {
		if code != 200 {
			t.Errorf("request %d: %d", i, code)
		}
	}
	c.maxBytes = 0
	c.put(&answer{key: "k", body: []byte("x")})
	if c.size != 0 || c.lru.Len() != 0 {
		t.Errorf("over the size: %d bytes in %d answers", c.size, c.lru.Len())
	}
}
