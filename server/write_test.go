package server

import (
	"net"
	"net/http"
	"strings"
	"testing"
)

func netListen(t testing.TB) (net.Listener, error) {
	t.Helper()
	return net.Listen("tcp", "127.0.0.1:0")
}

const newArticles = `{"id": "b1", "date": "2025-03-01", "source": "Post Wire", "text": "Germany condemned Iran on Saturday."}
{"date": "2025-03-02", "text": "France praised the agreement between Israel and Hamas."}
`

func TestPostDocuments(t *testing.T) {
	s, st := newTestServer(t, func(c *Config) { c.Token = "s3cret" })
	w := do(t, s, "POST", "/api/documents", newArticles, "Authorization", "Bearer s3cret")
	var put putBody
	decode(t, w, &put)
	if w.Code != 200 || put.Stored != 2 || put.Replaced != 0 || put.Unchanged != 0 || len(put.IDs) != 2 || put.IDs[0] != "b1" ||
		!strings.HasPrefix(put.IDs[1], "text-") {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	// The same body again changes nothing; a changed article replaces the old.
	decode(t, do(t, s, "POST", "/api/documents", newArticles, "Authorization", "Bearer s3cret"), &put)
	if put.Stored != 0 || put.Unchanged != 2 {
		t.Errorf("posted twice: %+v", put)
	}
	decode(t, do(t, s, "POST", "/api/documents", `{"id": "b1", "date": "2025-03-01", "text": "Germany praised Iran on Saturday."}`,
		"Authorization", "Bearer s3cret"), &put)
	if put.Replaced != 1 {
		t.Errorf("changed: %+v", put)
	}
	var doc documentBody
	decode(t, do(t, s, "GET", "/api/documents/"+put.IDs[0], ""), &doc)
	if doc.Text != "Germany praised Iran on Saturday." {
		t.Errorf("stored text %q", doc.Text)
	}
	var evs eventsBody
	decode(t, do(t, s, "GET", "/api/events?doc=b1", ""), &evs)
	if len(evs.Events) == 0 {
		t.Errorf("no events for b1")
	}
	for _, e := range evs.Events {
		if e.Confidence < 0.4 {
			t.Errorf("event below the minimum confidence stored: %+v", e)
		}
	}
	// A JSON array is read too.
	w = do(t, s, "POST", "/api/documents", `[{"id": "c1", "text": "Japan met China."}, {"id": "c2", "text": "India met Brazil."}]`,
		"Authorization", "Bearer s3cret")
	decode(t, w, &put)
	if w.Code != 200 || put.Stored != 2 {
		t.Errorf("array: %d %s", w.Code, w.Body)
	}
	stats, err := st.Stats(t.Context())
	if err != nil || stats.Documents != len(testArticles)+4 {
		t.Errorf("stats %+v %v", stats, err)
	}
}

func TestPostCode(t *testing.T) {
	s, st := newTestServer(t, nil) // no token: coding needs none
	w := do(t, s, "POST", "/api/code", newArticles)
	var body codeBody
	decode(t, w, &body)
	if w.Code != 200 || len(body.Documents) != 2 || body.Documents[0].Document.DocID != "b1" ||
		body.Documents[0].Text != "Germany condemned Iran on Saturday." || len(body.Documents[0].Document.Events) == 0 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	stats, err := st.Stats(t.Context())
	if err != nil || stats.Documents != len(testArticles) {
		t.Errorf("coding stored something: %+v %v", stats, err)
	}
}

// TestWriteRefused checks that writes need the token the server was
// started with, and that the server keeps serving after each refusal.
func TestWriteRefused(t *testing.T) {
	open, _ := newTestServer(t, nil)
	locked, _ := newTestServer(t, func(c *Config) { c.Token = "s3cret" })
	for _, tc := range []struct {
		name   string
		s      *Server
		auth   string
		status int
		msg    string
	}{
		{"no token configured", open, "Bearer s3cret", 403, "writes are disabled: start dyad serve with --token or DYAD_TOKEN"},
		{"no token configured, none sent", open, "", 403, "writes are disabled"},
		{"missing", locked, "", 401, "Authorization: Bearer"},
		{"wrong", locked, "Bearer s3cre", 401, "Authorization: Bearer"},
		{"longer", locked, "Bearer s3cret2", 401, "Authorization: Bearer"},
		{"other scheme", locked, "Basic czNjcmV0", 401, "Authorization: Bearer"},
		{"lower-case scheme", locked, "bearer s3cret", 401, "Authorization: Bearer"},
		{"bare token", locked, "s3cret", 401, "Authorization: Bearer"},
		{"empty bearer", locked, "Bearer ", 401, "Authorization: Bearer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h []string
			if tc.auth != "" {
				h = []string{"Authorization", tc.auth}
			}
			w := do(t, tc.s, "POST", "/api/documents", newArticles, h...)
			var body errorBody
			decode(t, w, &body)
			if w.Code != tc.status || !strings.Contains(body.Error, tc.msg) {
				t.Errorf("%d %s, want %d %q", w.Code, w.Body, tc.status, tc.msg)
			}
			if tc.status == 401 && w.Header().Get("WWW-Authenticate") == "" {
				t.Error("no WWW-Authenticate header")
			}
			healthy(t, tc.s) // nothing was stored, and the server still answers
		})
	}
}

func TestBodyLimit(t *testing.T) {
	s, _ := newTestServer(t, func(c *Config) { c.Token = "t"; c.MaxBody = 1 << 10 })
	big := `{"text": "` + strings.Repeat("Putin met Trump. ", 100) + `"}`
	for _, target := range []string{"/api/documents", "/api/code"} {
		w := do(t, s, "POST", target, big, "Authorization", "Bearer t")
		var body errorBody
		decode(t, w, &body)
		if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(body.Error, "1024 bytes") {
			t.Errorf("%s: %d %s, want 413", target, w.Code, w.Body)
		}
		healthy(t, s)
	}
}

func TestMalformedBody(t *testing.T) {
	s, _ := newTestServer(t, func(c *Config) { c.Token = "t" })
	for _, tc := range []struct {
		name, body, msg string
	}{
		{"bad second line", "{\"text\": \"Putin met Trump.\"}\n{\"text\": oops}\n", "body:2: not JSON"},
		{"not an object", "[1, 2]", "body:1: not a JSON object"},
		{"text not a string", `{"text": 5}`, "body:1: text is not a string"},
		{"no text", `{"id": "x"}`, "body:1"},
		{"empty", "", "empty input"},
		{"truncated", "{\"text\": \"a\"}\n{\"text\": \"b", "body:2"},
		{"binary", "{\"text\": \"a\"}\n\x00\x01", "binary"},
		{"not UTF-8", "{\"text\": \"caf\xe9\"}", "not valid UTF-8"},
		{"bad date", `{"text": "Putin met Trump.", "date": "someday"}`, "unrecognised date"},
		{"same id twice", "{\"id\": \"x\", \"text\": \"a\"}\n{\"id\": \"x\", \"text\": \"b\"}\n", "body:2: id \"x\" is also the id of body:1"},
		{"same text twice without ids", "{\"text\": \"a\"}\n{\"text\": \"a\"}\n", "body:2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, target := range []string{"/api/documents", "/api/code"} {
				w := do(t, s, "POST", target, tc.body, "Authorization", "Bearer t")
				var body errorBody
				decode(t, w, &body)
				if w.Code != 400 || !strings.Contains(body.Error, tc.msg) {
					t.Errorf("%s: %d %s, want 400 with %q", target, w.Code, w.Body, tc.msg)
				}
			}
			healthy(t, s)
		})
	}
}
