package server

import (
	"bytes"
	"container/list"
	"context"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// cache keeps the answers of the read endpoints, keyed by path and query,
// for as long as the database has not changed.
//
// The database's version is the number of writes made through this server
// plus the size and modification time of the database file and its WAL
// (every commit, whoever makes it, changes the WAL), so that articles
// stored by another process (dyad ingest) are seen at the next request.
// As a safety net, an answer older than the TTL is served once more while
// it is computed again in the background. Concurrent requests for an
// answer that is not cached wait for one computation instead of each
// running the query. Only 200 answers are kept, least recently used first
// out when the cache is over its size.
type cache struct {
	maxBytes int64
	ttl      time.Duration
	path     string       // the database file
	writes   atomic.Int64 // writes made through this server

	mu      sync.Mutex
	size    int64
	lru     *list.List // of *answer, most recently used first
	entries map[string]*list.Element
	calls   map[string]*call // answers being computed
}

// answer is one captured response.
type answer struct {
	key, version string
	at           time.Time
	status       int
	header       http.Header
	body         []byte
}

// call is an answer being computed; done is closed when a is set.
type call struct {
	done chan struct{}
	a    *answer
}

func newCache(maxBytes int64, ttl time.Duration, path string) *cache {
	return &cache{maxBytes: maxBytes, ttl: ttl, path: path, lru: list.New(),
		entries: map[string]*list.Element{}, calls: map[string]*call{}}
}

// version returns the database's version as the cache sees it.
func (c *cache) version() string {
	v := strconv.FormatInt(c.writes.Load(), 10)
	for _, p := range []string{c.path, c.path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			v += "/" + strconv.FormatInt(fi.Size(), 10) + "@" + strconv.FormatInt(fi.ModTime().UnixNano(), 10)
		}
	}
	return v
}

// serve answers r from the cache, or with h, keeping h's answer.
func (c *cache) serve(w http.ResponseWriter, r *http.Request, h http.HandlerFunc) {
	key := r.URL.EscapedPath() + "?" + r.URL.Query().Encode() // parameters in a canonical order
	v := c.version()
	c.mu.Lock()
	if el, ok := c.entries[key]; ok {
		a := el.Value.(*answer)
		if a.version == v {
			c.lru.MoveToFront(el)
			if time.Since(a.at) > c.ttl && c.calls[key] == nil {
				cl := &call{done: make(chan struct{})}
				c.calls[key] = cl
				go c.compute(r, h, key, v, cl)
			}
			c.mu.Unlock()
			a.write(w)
			return
		}
	}
	cl, running := c.calls[key]
	if !running {
		cl = &call{done: make(chan struct{})}
		c.calls[key] = cl
	}
	c.mu.Unlock()
	if !running {
		c.compute(r, h, key, v, cl)
	}
	select {
	case <-cl.done:
		cl.a.write(w)
	case <-r.Context().Done():
		writeError(w, http.StatusServiceUnavailable, "request cancelled")
	}
}

// compute runs h for r, whose database version was v, and keeps its
// answer. It runs to the end even when r's client goes away, since other
// requests may be waiting for it.
func (c *cache) compute(r *http.Request, h http.HandlerFunc, key, v string, cl *call) {
	cw := &captureWriter{header: http.Header{}}
	h(cw, r.WithContext(context.WithoutCancel(r.Context())))
	a := &answer{key: key, version: v, at: time.Now(), status: cw.status, header: cw.header, body: cw.buf.Bytes()}
	if a.status == 0 {
		a.status = http.StatusOK
	}
	c.mu.Lock()
	delete(c.calls, key)
	if a.status == http.StatusOK && int64(len(a.body)) <= c.maxBytes/8 {
		c.put(a)
	}
	c.mu.Unlock()
	cl.a = a
	close(cl.done)
}

// put adds a to the cache, dropping the least recently used answers to
// make room. c.mu is held.
func (c *cache) put(a *answer) {
	if el, ok := c.entries[a.key]; ok {
		c.size -= int64(len(el.Value.(*answer).body))
		c.lru.Remove(el)
	}
	c.entries[a.key] = c.lru.PushFront(a)
	c.size += int64(len(a.body))
	for c.size > c.maxBytes {
		old := c.lru.Remove(c.lru.Back()).(*answer)
		delete(c.entries, old.key)
		c.size -= int64(len(old.body))
	}
}

func (a *answer) write(w http.ResponseWriter) {
	for k, vs := range a.header {
		w.Header()[k] = vs
	}
	w.WriteHeader(a.status)
	_, _ = w.Write(a.body)
}

// captureWriter is an http.ResponseWriter that keeps the response.
type captureWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (c *captureWriter) Header() http.Header { return c.header }

func (c *captureWriter) WriteHeader(code int) {
	if c.status == 0 {
		c.status = code
	}
}

func (c *captureWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return c.buf.Write(b)
}
