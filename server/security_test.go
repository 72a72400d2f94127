package server

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestPathTraversal asks for files outside the UI in every spelling; none
// may be served, and the server must keep serving.
func TestPathTraversal(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, target := range []string{
		"/../../etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/%2e%2e/",
		"/%2E%2E/server.go",
		"/..%2f..%2fetc/passwd",
		"/..%2fserver.go",
		"/web/../server.go",
		"/css/../../server.go",
		"/css/..%2f..%2fserver.go",
		"/server.go",
		"/static.go",
		"/openapi.json",
		"/web/index.html",
		"//etc/passwd",
		"/.%2e/.%2e/etc/passwd",
		"/index.html%00.go",
		"/%5c..%5cserver.go",
		"/..\\server.go",
		"/app.js/../../server.go",
		"/api/../server.go",
		"/api/documents/..%2f..%2fserver.go",
	} {
		w := do(t, s, "GET", target, "")
		// The mux redirects paths with dot segments to their clean form;
		// follow the redirect (a browser would) and check where it lands.
		for hops := 0; hops < 3 && w.Code >= 300 && w.Code < 400; hops++ {
			loc := w.Header().Get("Location")
			if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") {
				t.Errorf("%s: redirect to %q, off the server", target, loc)
				break
			}
			w = do(t, s, "GET", loc, "")
		}
		body := w.Body.String()
		if strings.Contains(body, "package server") || strings.Contains(body, "root:") {
			t.Errorf("%s: served a file outside the UI: %.80s", target, body)
		}
		switch w.Code {
		case 200:
			// Only the UI's own files may come back.
			served := false
			for _, f := range testUI {
				served = served || body == string(f.Data)
			}
			if !served {
				t.Errorf("%s: 200 with %.80s", target, body)
			}
		case 400, 404:
		default:
			t.Errorf("%s: status %d", target, w.Code)
		}
		healthy(t, s)
	}
}

// sqlProbes are values that would change a query if they were written
// into SQL, LIKE patterns or full-text syntax instead of being bound.
var sqlProbes = []string{
	`'`, `"`, `;`, `--`, `%`, `_`, `%%`, `\`, `*`, `) OR 1=1 --`, `' OR '1'='1`, `" OR ""="`, `'; DROP TABLE events; --`,
	`RUS' OR actor_cameo LIKE '%`, `RUS%`, `RUS_`, `1 OR 1=1`, `a" OR "b`, `NEAR(a b)`, `Kharkiv OR Moscow*`, `x' UNION SELECT * FROM documents --`,
	"\x00", `\%`, `[`, `^`, `{"a":1}`, `$(id)`,
}

// TestSQLMetacharacters sends every probe in every filter parameter: each
// answer must be a 200 with no rows or a 400, never a 500 or rows the
// value should not select, and the server must keep serving.
func TestSQLMetacharacters(t *testing.T) {
	s, _ := newTestServer(t, nil)
	var names []string
	for _, p := range filterParams {
		names = append(names, p.name)
	}
	for _, name := range names {
		for _, probe := range sqlProbes {
			for _, path := range []string{"/api/events", "/api/events?view=mentions", "/api/timeline", "/api/dyads", "/api/conflicts"} {
				sep := "?"
				if strings.Contains(path, "?") {
					sep = "&"
				}
				target := path + sep + name + "=" + url.QueryEscape(probe)
				w := do(t, s, "GET", target, "")
				switch w.Code {
				case 400:
					var body errorBody
					decode(t, w, &body)
				case 200:
					if n := rows(t, w); n != 0 && !harmless(name, probe) {
						t.Errorf("%s: %d rows", target, n)
					}
				default:
					t.Errorf("%s: %d %s", target, w.Code, w.Body)
				}
			}
		}
		healthy(t, s)
	}
	// The paging parameters of /api/events, which other endpoints ignore.
	for _, name := range []string{"cursor", "order", "view", "limit"} {
		for _, probe := range sqlProbes {
			target := "/api/events?" + name + "=" + url.QueryEscape(probe)
			if w := do(t, s, "GET", target, ""); w.Code != 400 {
				t.Errorf("%s: %d %s, want 400", target, w.Code, w.Body)
			}
		}
	}
	for _, probe := range sqlProbes {
		for _, target := range []string{
			"/api/actors?q=" + url.QueryEscape(probe),
			"/api/documents/" + url.PathEscape(probe),
			"/api/documents?offset=" + url.QueryEscape(probe),
		} {
			w := do(t, s, "GET", target, "")
			switch w.Code {
			case 400, 404:
				var body errorBody
				decode(t, w, &body)
			case 200:
				if n := rows(t, w); n != 0 {
					t.Errorf("%s: %d rows", target, n)
				}
			default:
				t.Errorf("%s: %d %s", target, w.Code, w.Body)
			}
		}
		healthy(t, s)
	}
}

// harmless reports whether a probe may select rows: full-text words that
// the test articles contain ("Kharkiv"),.
func harmless(name, probe string) bool {
	return name == "q" && strings.Contains(probe, "Kharkiv")
}

// rows counts the rows of any list in a JSON answer.
func rows(t *testing.T, w *httptest.ResponseRecorder) int {
	t.Helper()
	var body struct {
		Events, Mentions, Points, Dyads, Conflicts, Actors, Documents []any
	}
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	return len(body.Events) + len(body.Mentions) + len(body.Points) + len(body.Dyads) + len(body.Conflicts) + len(body.Actors) + len(body.Documents)
}
