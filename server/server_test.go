package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"dyad/doc"
	"dyad/engine"
	"dyad/store"
)

// testArticles are a few sentences of our own, coded by the real engine.
var testArticles = []doc.Article{
	{ID: "a1", Date: "2025-02-12", Source: "Test Wire", Title: "Call",
		Text: "President Donald Trump spoke with Russian President Vladimir Putin by telephone on Wednesday. Putin invited Trump to visit Moscow."},
	{ID: "a2", Date: "2025-02-13", Source: "Other Wire", Title: "Attack",
		Text: "Russian forces attacked the Ukrainian city of Kharkiv on Thursday, killing 12 people, officials said. Ukrainian President Volodymyr Zelensky condemned the attack."},
	{ID: "a3", Date: "2025-02-13", Source: "Third Wire", Title: "Attack 2",
		Text: "Russian troops attacked Kharkiv in Ukraine on Thursday, killing 30 people, the mayor said."},
}

var (
	engOnce sync.Once
	eng     *engine.Engine
	engErr  error
)

// testEngine returns the engine with the built-in models, loaded once.
func testEngine(t testing.TB) *engine.Engine {
	t.Helper()
	engOnce.Do(func() { eng, engErr = engine.New(engine.Config{}) })
	if engErr != nil {
		t.Fatal(engErr)
	}
	return eng
}

// testUI is the UI the tests serve instead of the embedded one, which
// another part of the project writes.
var testUI = fstest.MapFS{
	"index.html":   {Data: []byte("<!doctype html><title>dyad</title><script src=\"app.js\"></script>")},
	"app.js":       {Data: []byte("console.log('dyad');\n")},
	"css/site.css": {Data: []byte("body{}\n")},
}

// newTestServer opens a store in a temporary directory, stores the test
// articles in it, and returns a server over it; edit changes the config.
func newTestServer(t testing.TB, edit func(*Config)) (*Server, *store.Store) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "dyad.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := testEngine(t)
	ins, err := Code(context.Background(), e, testArticles, 0.4, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Put(context.Background(), ins); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Store: st, Engine: e, MinConfidence: 0.4, Static: testUI}
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// do serves one request; target is sent as is (not cleaned).
func do(t testing.TB, h http.Handler, method, target, body string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// decode decodes a JSON response into v, failing on anything else.
func decode(t testing.TB, w *httptest.ResponseRecorder, v any) {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/json" {
		t.Fatalf("Content-Type %q, want application/json; body %s", ct, w.Body)
	}
	dec := json.NewDecoder(strings.NewReader(w.Body.String()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decoding %s: %v", w.Body, err)
	}
}

// healthy checks that the server still answers /healthz with the test
// articles stored.
func healthy(t testing.TB, h http.Handler) {
	t.Helper()
	w := do(t, h, "GET", "/healthz", "")
	var body healthBody
	decode(t, w, &body)
	if w.Code != 200 || body.Status != "ok" || body.Documents != len(testArticles) || body.Events == 0 {
		t.Fatalf("healthz: %d %s", w.Code, w.Body)
	}
}

func TestReadEndpoints(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, tc := range []struct {
		target string
		check  func(t *testing.T, w *httptest.ResponseRecorder)
	}{
		{"/healthz", func(t *testing.T, w *httptest.ResponseRecorder) { healthy(t, s) }},
		{"/api/events", eventsWhere(3, func(e store.Event) bool { return e.ID != 0 && len(e.Mentions) == e.NumMentions })},
		{"/api/events?actor=RUS", eventsWhere(1, func(e store.Event) bool { return strings.HasPrefix(e.Actor.CAMEO, "RUS") })},
		{"/api/events?actor=Putin", eventsWhere(1, func(e store.Event) bool { return strings.Contains(e.Actor.Name, "Putin") })},
		{"/api/events?recipient=UKR&type=assault&cameo=19&quad=4", eventsWhere(1, func(e store.Event) bool {
			return strings.HasPrefix(e.Recipient.CAMEO, "UKR") && e.Event == "ASSAULT" && e.QuadClass == 4
		})},
		{"/api/events?country=ukr", eventsWhere(1, func(e store.Event) bool { return e.Actor.Country == "UKR" || e.Recipient.Country == "UKR" })},
		{"/api/events?from=2025-02-13&to=2025-02-13&order=-date", eventsWhere(1, func(e store.Event) bool { return e.Date == "2025-02-13" })},
		{"/api/events?q=Kharkiv", eventsWhere(1, func(e store.Event) bool { return e.Date == "2025-02-13" })},
		{"/api/events?doc=a3", eventsWhere(1, func(e store.Event) bool { return strings.Contains(strings.Join(e.Mentions, " "), "a3:") })},
		{"/api/events?order=mentions&limit=1000", eventsWhere(3, func(e store.Event) bool { return true })},
		{"/api/events?order=goldstein", eventsWhere(3, func(e store.Event) bool { return true })},
		{"/api/events?view=mentions&doc=a1", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body mentionsBody
			decode(t, w, &body)
			if len(body.Mentions) == 0 {
				t.Fatal("no mentions")
			}
			for _, m := range body.Mentions {
				if m.DocID != "a1" || m.MergedID == 0 || m.Source != "Test Wire" || m.Ingested == "" {
					t.Errorf("mention %+v", m)
				}
			}
		}},
		{"/api/timeline", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body timelineBody
			decode(t, w, &body)
			if body.By != "day" || len(body.Points) == 0 {
				t.Fatalf("%s", w.Body)
			}
			for _, p := range body.Points {
				if p.Date != "2025-02-12" && p.Date != "2025-02-13" || p.QuadClass < 1 || p.QuadClass > 4 || p.Events == 0 || p.Mentions < p.Events {
					t.Errorf("point %+v", p)
				}
			}
		}},
		{"/api/timeline?by=week&actor=RUS", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body timelineBody
			decode(t, w, &body)
			if body.By != "week" || len(body.Points) == 0 {
				t.Fatalf("%s", w.Body)
			}
			for _, p := range body.Points {
				if p.Date != "2025-02-10" { // the Monday
					t.Errorf("point %+v", p)
				}
			}
		}},
		{"/api/dyads?limit=2", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body dyadsBody
			decode(t, w, &body)
			if len(body.Dyads) != 2 || body.Dyads[0].Events < body.Dyads[1].Events {
				t.Fatalf("%s", w.Body)
			}
		}},
		{"/api/dyads?actor=RUSMIL", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body dyadsBody
			decode(t, w, &body)
			if len(body.Dyads) == 0 {
				t.Fatalf("%s", w.Body)
			}
			for _, d := range body.Dyads {
				if d.Actor != "RUSMIL" || d.Events == 0 {
					t.Errorf("dyad %+v", d)
				}
			}
		}},
		{"/api/actors?q=rus", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body actorsBody
			decode(t, w, &body)
			if len(body.Actors) == 0 {
				t.Fatalf("%s", w.Body)
			}
			for _, a := range body.Actors {
				if !strings.HasPrefix(a.CAMEO, "RUS") && !strings.Contains(strings.ToLower(a.Name), "rus") {
					t.Errorf("actor %+v", a)
				}
			}
		}},
		{"/api/actors?limit=1", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body actorsBody
			decode(t, w, &body)
			if len(body.Actors) != 1 {
				t.Fatalf("%s", w.Body)
			}
		}},
		{"/api/documents", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body documentsBody
			decode(t, w, &body)
			if len(body.Documents) != 3 || body.Documents[0].ID != "a1" || body.Documents[0].Hash == "" || body.Documents[0].Sentences != 2 {
				t.Fatalf("%s", w.Body)
			}
		}},
		{"/api/documents?limit=1&offset=2", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body documentsBody
			decode(t, w, &body)
			if len(body.Documents) != 1 || body.Documents[0].ID != "a3" {
				t.Fatalf("%s", w.Body)
			}
		}},
		{"/api/documents/a2", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body documentBody
			decode(t, w, &body)
			d := body.Document
			if d == nil || d.DocID != "a2" || body.Text != testArticles[1].Text || len(d.Sentences) != 2 || len(d.Events) == 0 || len(d.Entities) == 0 {
				t.Fatalf("%s", w.Body)
			}
			for _, e := range d.Events {
				if s, e := e.Trigger.Span[0], e.Trigger.Span[1]; s < 0 || e > len(body.Text) || s > e {
					t.Errorf("trigger span %d:%d outside the text", s, e)
				}
			}
		}},
		{"/api/conflicts", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body conflictsBody
			decode(t, w, &body)
			// a2 says 12 were killed in the attack, a3 says 30.
			if len(body.Conflicts) == 0 {
				t.Fatalf("no conflicts: %s", w.Body)
			}
			for _, c := range body.Conflicts {
				if c.MergedID == 0 || len(c.Claims) != 2 || c.Claims[0].DocID != "a2" || c.Claims[1].DocID != "a3" || c.Why == "" {
					t.Errorf("conflict %+v", c)
				}
			}
		}},
		{"/api/conflicts?actor=RUS&from=2025-02-13", func(t *testing.T, w *httptest.ResponseRecorder) {
			var body conflictsBody
			decode(t, w, &body)
		}},
		{"/api/openapi.json", func(t *testing.T, w *httptest.ResponseRecorder) {
			var v struct {
				OpenAPI string `json:"openapi"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil || v.OpenAPI != "3.1.0" {
				t.Fatalf("%v %s", err, v.OpenAPI)
			}
		}},
	} {
		t.Run(tc.target, func(t *testing.T) {
			w := do(t, s, "GET", tc.target, "")
			if w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			if w.Header().Get("Content-Type") != "application/json" {
				t.Errorf("Content-Type %q", w.Header().Get("Content-Type"))
			}
			tc.check(t, w)
		})
	}
}

// eventsWhere checks a page of merged events: at least least of them, all
// satisfying ok.
func eventsWhere(least int, ok func(store.Event) bool) func(*testing.T, *httptest.ResponseRecorder) {
	return func(t *testing.T, w *httptest.ResponseRecorder) {
		t.Helper()
		var body eventsBody
		decode(t, w, &body)
		if len(body.Events) < least {
			t.Fatalf("%d events, want at least %d: %s", len(body.Events), least, w.Body)
		}
		for _, e := range body.Events {
			if !ok(e) {
				t.Errorf("event %+v", e)
			}
		}
	}
}

// TestPagination walks /api/events a page of one at a time and checks it
// sees every event once, in the order of the whole list.
func TestPagination(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, order := range []string{"date", "-date", "mentions", "goldstein", "-goldstein"} {
		var all eventsBody
		decode(t, do(t, s, "GET", "/api/events?order="+order, ""), &all)
		var got []int64
		cursor := ""
		for range 100 {
			var page eventsBody
			w := do(t, s, "GET", "/api/events?limit=1&order="+order+"&cursor="+cursor, "")
			decode(t, w, &page)
			for _, e := range page.Events {
				got = append(got, e.ID)
			}
			if cursor = page.Next; cursor == "" {
				break
			}
		}
		if len(got) != len(all.Events) {
			t.Fatalf("order %s: %d events by pages, %d at once", order, len(got), len(all.Events))
		}
		for i, e := range all.Events {
			if got[i] != e.ID {
				t.Errorf("order %s: event %d is %d by pages, %d at once", order, i, got[i], e.ID)
			}
		}
	}
	var first, next mentionsBody
	decode(t, do(t, s, "GET", "/api/events?view=mentions&limit=2", ""), &first)
	decode(t, do(t, s, "GET", "/api/events?view=mentions&limit=2&cursor="+first.Next, ""), &next)
	if first.Next == "" || len(next.Mentions) == 0 || next.Mentions[0].ID == first.Mentions[0].ID {
		t.Errorf("mention pages: %+v then %+v", first.Next, next.Mentions)
	}
}

func TestBadParameters(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, target := range []string{
		"/api/events?limit=1001",
		"/api/events?limit=0",
		"/api/events?limit=-5",
		"/api/events?limit=ten",
		"/api/events?limit=1&limit=2",
		"/api/events?from=2025-13-01",
		"/api/events?from=2025-2-1",
		"/api/events?to=yesterday",
		"/api/events?from=2025-02-14&to=2025-02-12",
		"/api/events?quad=0",
		"/api/events?quad=5",
		"/api/events?quad=x",
		"/api/events?order=random",
		"/api/events?view=raw",
		"/api/events?view=mentions&order=goldstein",
		"/api/events?cursor=not-a-cursor",
		"/api/events?q=%25%25%25",
		"/api/events?actor=" + strings.Repeat("A", 1001),
		"/api/events?actor=%ff",
		"/api/timeline?by=month",
		"/api/timeline?quad=9",
		"/api/dyads?limit=5000",
		"/api/actors?limit=0",
		"/api/documents?offset=-1",
		"/api/documents?limit=1001",
		"/api/conflicts?from=12/02/2025",
	} {
		w := do(t, s, "GET", target, "")
		var body errorBody
		decode(t, w, &body)
		if w.Code != 400 || body.Error == "" {
			t.Errorf("%s: %d %s, want 400 with a message", target, w.Code, w.Body)
		}
	}
	healthy(t, s)
}

func TestNotFoundAndMethods(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, tc := range []struct {
		method, target string
		status         int
		allow          string
	}{
		{"GET", "/api/nope", 404, ""},
		{"GET", "/api/", 404, ""},
		{"GET", "/api/events/1", 404, ""},
		{"GET", "/api/documents/nope", 404, ""},
		{"POST", "/api/nope", 404, ""},
		{"POST", "/api/events", 405, "GET, HEAD"},
		{"DELETE", "/api/documents/a1", 405, "GET, HEAD"},
		{"PUT", "/api/documents", 405, "GET, HEAD, POST"},
		{"GET", "/api/code", 405, "POST"},
		{"POST", "/healthz", 405, "GET, HEAD"},
	} {
		w := do(t, s, tc.method, tc.target, "")
		var body errorBody
		decode(t, w, &body)
		if w.Code != tc.status || body.Error == "" || w.Header().Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d Allow %q %s, want %d Allow %q", tc.method, tc.target, w.Code, w.Header().Get("Allow"), w.Body, tc.status, tc.allow)
		}
	}
	if w := do(t, s, "HEAD", "/api/events", ""); w.Code != 200 {
		t.Errorf("HEAD /api/events: %d", w.Code)
	}
}

func TestStaticFiles(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, tc := range []struct {
		target, want, ctype string
	}{
		{"/", "<!doctype html>", "text/html"},
		{"/app.js", "console.log", "text/javascript"},
		{"/css/site.css", "body{}", "text/css"},
	} {
		w := do(t, s, "GET", tc.target, "")
		if w.Code != 200 || !strings.HasPrefix(w.Body.String(), tc.want) || !strings.HasPrefix(w.Header().Get("Content-Type"), tc.ctype) {
			t.Errorf("%s: %d %q %s", tc.target, w.Code, w.Header().Get("Content-Type"), w.Body)
			continue
		}
		etag := w.Header().Get("ETag")
		if etag == "" || w.Header().Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: ETag %q Cache-Control %q", tc.target, etag, w.Header().Get("Cache-Control"))
		}
		if w := do(t, s, "GET", tc.target, "", "If-None-Match", etag); w.Code != http.StatusNotModified {
			t.Errorf("%s with its ETag: %d, want 304", tc.target, w.Code)
		}
	}
	for _, target := range []string{"/css/", "/css", "/nope.html", "/index.html/"} {
		if w := do(t, s, "GET", target, ""); w.Code != 404 && w.Code != 301 {
			t.Errorf("%s: %d %s, want 404", target, w.Code, w.Body)
		}
	}
}

// TestEmbeddedUI checks that the embedded UI directory is served.
func TestEmbeddedUI(t *testing.T) {
	s, _ := newTestServer(t, func(c *Config) { c.Static = nil })
	if len(s.static.etags) == 0 {
		t.Fatal("the embedded UI has no files")
	}
	for p := range s.static.etags {
		if w := do(t, s, "GET", p, ""); w.Code != 200 && w.Code != 301 {
			t.Errorf("%s: %d", p, w.Code)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, target := range []string{"/", "/api/events", "/api/nope", "/healthz"} {
		w := do(t, s, "GET", target, "")
		h := w.Header()
		if !strings.HasPrefix(h.Get("Content-Security-Policy"), "default-src 'self'") || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", target, h)
		}
	}
	if cc := do(t, s, "GET", "/api/events", "").Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("API Cache-Control %q", cc)
	}
}

func TestQueryTimeout(t *testing.T) {
	s, _ := newTestServer(t, func(c *Config) { c.QueryTimeout = time.Nanosecond })
	w := do(t, s, "GET", "/api/events", "")
	var body errorBody
	decode(t, w, &body)
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(body.Error, "longer than") {
		t.Errorf("%d %s, want 503", w.Code, w.Body)
	}
}

func TestNoEngine(t *testing.T) {
	s, _ := newTestServer(t, func(c *Config) { c.Engine = nil; c.Token = "t" })
	for _, target := range []string{"/api/code", "/api/documents"} {
		w := do(t, s, "POST", target, `{"text": "Putin called Trump."}`, "Authorization", "Bearer t")
		if w.Code != http.StatusServiceUnavailable {
			t.Errorf("%s: %d %s, want 503", target, w.Code, w.Body)
		}
	}
}

// TestServe runs the server on a loopback listener and shuts it down.
func TestServe(t *testing.T) {
	s, _ := newTestServer(t, nil)
	ln, err := netListen(t)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
}

// TestBusy fills every query slot: a read must wait for one, then give up
// with a 503 when its time is over, and succeed once a slot is free.
func TestBusy(t *testing.T) {
	s, _ := newTestServer(t, func(c *Config) { c.MaxQueries = 1; c.QueryTimeout = 50 * time.Millisecond; c.CacheBytes = -1 })
	s.queries <- struct{}{}
	w := do(t, s, "GET", "/api/events", "")
	var body errorBody
	decode(t, w, &body)
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(body.Error, "busy") || w.Header().Get("Retry-After") == "" {
		t.Errorf("%d %s, want 503 busy", w.Code, w.Body)
	}
	<-s.queries
	if w := do(t, s, "GET", "/api/events", ""); w.Code != 200 {
		t.Errorf("%d %s after the slot was freed", w.Code, w.Body)
	}
}

func TestMergedParameter(t *testing.T) {
	s, _ := newTestServer(t, nil)
	var evs eventsBody
	decode(t, do(t, s, "GET", "/api/events?order=mentions", ""), &evs)
	if len(evs.Events) == 0 {
		t.Fatal("no events")
	}
	e := evs.Events[0]
	var one eventsBody
	decode(t, do(t, s, "GET", fmt.Sprintf("/api/events?merged=%d", e.ID), ""), &one)
	if len(one.Events) != 1 || one.Events[0].ID != e.ID {
		t.Errorf("merged=%d: %+v", e.ID, one.Events)
	}
	var ms mentionsBody
	decode(t, do(t, s, "GET", fmt.Sprintf("/api/events?view=mentions&merged=%d", e.ID), ""), &ms)
	if len(ms.Mentions) != e.NumMentions {
		t.Errorf("merged=%d: %d mentions, want %d", e.ID, len(ms.Mentions), e.NumMentions)
	}
	for _, m := range ms.Mentions {
		if m.MergedID != e.ID {
			t.Errorf("mention %s of merged event %d", m.ID, m.MergedID)
		}
	}
	if w := do(t, s, "GET", "/api/events?merged=abc", ""); w.Code != 400 {
		t.Errorf("merged=abc: %d", w.Code)
	}
}

func TestHealthSaysWhatIsOn(t *testing.T) {
	for _, c := range []struct {
		edit           func(*Config)
		writes, coding bool
	}{
		{nil, false, true},
		{func(c *Config) { c.Token = "secret" }, true, true},
		{func(c *Config) { c.Token, c.Engine = "secret", nil }, false, false},
	} {
		s, _ := newTestServer(t, c.edit)
		var body healthBody
		decode(t, do(t, s, "GET", "/healthz", ""), &body)
		if body.Writes != c.writes || body.Coding != c.coding {
			t.Errorf("healthz %+v, want writes %v coding %v", body, c.writes, c.coding)
		}
	}
}
