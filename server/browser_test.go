package server

// The web UI's tests: static checks on the files under web/ that run
// everywhere, and an end-to-end test that runs `dyad serve --demo` and
// drives headless Chromium through chromedriver with the W3C WebDriver
// protocol (plain HTTP and JSON, no client library).

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/cameo"
	"dyad/internal/sharedtest"
)

// TestWebCAMEONames checks that web/cameo.js names every CAMEO code as
// dyad's own table does.
func TestWebCAMEONames(t *testing.T) {
	src, err := fs.ReadFile(webFS, "web/cameo.js")
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`^\s*"(\d{2,4})": ("(?:[^"\\]|\\.)*"),$`)
	got := map[string]string{}
	for _, l := range strings.Split(string(src), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		var name string
		if err := json.Unmarshal([]byte(m[2]), &name); err != nil {
			t.Fatalf("cameo.js: %q: %v", l, err)
		}
		got[m[1]] = name
	}
	all := cameo.All()
	if len(got) != len(all) {
		t.Errorf("cameo.js names %d codes, the table has %d", len(got), len(all))
	}
	for _, c := range all {
		if got[c.Code] != c.Name {
			t.Errorf("code %s: cameo.js %q, table %q", c.Code, got[c.Code], c.Name)
		}
	}
}

// TestWebFiles checks the UI's files for what review would otherwise have
// to catch: every module import resolves to an embedded file, nothing is
// loaded from another origin, and no script builds markup from strings.
func TestWebFiles(t *testing.T) {
	web, err := fs.Sub(webFS, "web")
	if err != nil {
		t.Fatal(err)
	}
	importRe := regexp.MustCompile(`(?m)^\s*import\s[^;]*?from\s+"([^"]+)"`)
	srcRe := regexp.MustCompile(`(?:src|href)="([^"]*)"`)
	markup := regexp.MustCompile(`\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write|\beval\(|new Function\(`)
	remote := regexp.MustCompile(`(?i)(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/|@import|url\(\s*["']?https?:`)
	names, err := fs.Glob(web, "*")
	if err != nil {
		t.Fatal(err)
	}
	var sawIndex bool
	for _, name := range names {
		data, err := fs.ReadFile(web, name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		switch filepath.Ext(name) {
		case ".js":
			for _, m := range importRe.FindAllStringSubmatch(text, -1) {
				target := strings.TrimPrefix(m[1], "./")
				if _, err := fs.Stat(web, target); err != nil {
					t.Errorf("%s imports %q: %v", name, m[1], err)
				}
			}
			if loc := markup.FindStringIndex(text); loc != nil {
				t.Errorf("%s builds markup from strings: %q", name, text[loc[0]:loc[1]])
			}
			// the one URL a script may hold is the SVG namespace
			if loc := remote.FindStringIndex(strings.ReplaceAll(text, "http://www.w3.org/2000/svg", "")); loc != nil {
				t.Errorf("%s refers to another origin: %q", name, text[loc[0]:loc[1]])
			}
		case ".html":
			sawIndex = sawIndex || name == "index.html"
			for _, m := range srcRe.FindAllStringSubmatch(text, -1) {
				ref := m[1]
				if strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "/api/") {
					continue
				}
				if _, err := fs.Stat(web, ref); err != nil {
					t.Errorf("%s refers to %q, which is not a UI file", name, ref)
				}
			}
			if strings.Contains(text, "<script>") || strings.Contains(text, "style=") {
				t.Errorf("%s has inline script or style, which the Content-Security-Policy blocks", name)
			}
		case ".css":
			if loc := remote.FindStringIndex(text); loc != nil {
				t.Errorf("%s refers to another origin: %q", name, text[loc[0]:loc[1]])
			}
		}
	}
	if !sawIndex {
		t.Error("no index.html")
	}
}

// The article the end-to-end test opens: the shared report of the
// 12 February 2025 call when ../shared is present, else our own example
// of the same call, which `dyad serve --demo` stores.
const (
	sharedArticleID  = "000_1083366aa662d066"
	exampleArticleID = "2025-02-12-trump-putin-call"
)

// TestBrowser runs `dyad serve --demo`, opens the UI in headless Chromium
// and checks the article view (the Trump–Putin call as an event with both
// parties highlighted, Trump's quotation with its speaker), the event
// browser, the timeline, the network, the paste box and an error message.
// It saves a screenshot of each view in $DYAD_SCREENSHOTS (default: a
// temporary directory) and logs their paths.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end browser test skipped in -short mode")
	}
	chromium := lookPathAny("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
	driver := lookPathAny("chromedriver")
	if chromium == "" || driver == "" {
		t.Skip("chromium and chromedriver are not in PATH (Debian: apt-get install chromium chromium-driver)")
	}
	start := time.Now()
	shots := os.Getenv("DYAD_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	docID := exampleArticleID
	var extra []string
	if p := sharedtest.Path("articles", sharedArticleID+".jsonl"); isFile(p) {
		extra = append(extra, p)
		docID = sharedArticleID
	}
	// DYAD_SERVE_URL points the test at a server already running instead
	// of building and starting one; with DYAD_TOKEN, the shared article
	// is posted to it.
	base := strings.TrimRight(os.Getenv("DYAD_SERVE_URL"), "/")
	if base == "" {
		bin := buildDyad(t)
		base = startServe(t, bin, extra...)
		t.Logf("dyad serve --demo at %s (built and started in %s)", base, time.Since(start).Round(time.Millisecond))
	} else if tok := os.Getenv("DYAD_TOKEN"); tok != "" {
		for _, p := range extra {
			postArticles(t, base, tok, p)
		}
	}
	doc := fetchDocument(t, base, docID)
	call := doc.findEvent("041", "USAGOV", "RUSGOV")
	if call == nil {
		t.Fatalf("the API's record of %s has no 041 event from USAGOV to RUSGOV", docID)
	}
	quote := doc.findQuote("Donald Trump")
	if quote == nil {
		t.Fatalf("the API's record of %s has no direct quotation by Donald Trump", docID)
	}

	wd := startDriver(t, driver)
	wd.newSession(t, chromium)
	shoot := func(name string) {
		t.Helper()
		png := wd.screenshot(t)
		p := filepath.Join(shots, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", p)
	}

	t.Run("marks", func(t *testing.T) {
		// renderMarked over random overlapping byte spans of a text
		// with 2-, 3- and 4-byte characters: the text comes out whole,
		// and the pieces of each span hold exactly its characters.
		wd.navigate(t, base+"/#/articles")
		wd.wait(t, "main h1")
		var res struct {
			Runs     int
			Failures []string
		}
		wd.exec(t, `return import("./marks.js").then(({ByteText, renderMarked}) => {
			const text = "Zelensky’s “call” — Tōkyō 東京 😀 and Kyiv.\nNext line ✓.";
			const bt = new ByteText(text);
			let seed = 7;
			const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
			const failures = [];
			let runs = 0;
			for (; runs < 300; runs++) {
				const anns = [];
				const k = 1 + rnd(8);
				for (let i = 0; i < k; i++) {
					const a = rnd(bt.length + 1), b = rnd(bt.length + 1);
					anns.push({start: Math.min(a, b), end: Math.max(a, b), id: i});
				}
				const frag = renderMarked(bt, anns, (node) => {
					const el = document.createElement("span");
					el.dataset.key = node.start + ":" + node.end;
					return el;
				});
				const box = document.createElement("div");
				box.append(frag);
				if (box.textContent !== text) failures.push("run " + runs + ": text " + JSON.stringify(box.textContent));
				for (const a of anns) {
					const s = bt.snap(a.start), e = bt.snap(a.end);
					if (s >= e) continue;
					const got = [...box.querySelectorAll('[data-key="' + s + ':' + e + '"]')].map((el) => el.textContent).join("");
					if (got !== bt.slice(s, e)) failures.push("run " + runs + ": span " + s + "-" + e + " " + JSON.stringify(got) + " want " + JSON.stringify(bt.slice(s, e)));
				}
			}
			return {Runs: runs, Failures: failures.slice(0, 5)};
		});`, &res)
		if res.Runs == 0 || len(res.Failures) > 0 {
			t.Errorf("renderMarked: %d runs, failures: %q", res.Runs, res.Failures)
		}
	})

	t.Run("article", func(t *testing.T) {
		wd.navigate(t, base+"/#/article/"+url.PathEscape(docID))
		wd.wait(t, `[data-testid="article"][data-doc-id="`+docID+`"]`)
		sel := fmt.Sprintf(`li[data-testid="event-item"][data-event-id=%q]`, call.ID)
		item := wd.wait(t, sel)
		text := wd.text(t, item)
		for _, want := range []string{"041", "Discuss by telephone", "CONSULT/phone", "Donald Trump (USAGOV)", "Vladimir Putin (RUSGOV)"} {
			if !strings.Contains(text, want) {
				t.Errorf("event item %q lacks %q", text, want)
			}
		}
		wd.click(t, wd.wait(t, sel+" button"))
		got := wd.highlights(t)
		check := func(class string, want uiSpan, cameo string) {
			t.Helper()
			var found bool
			for _, h := range got[class] {
				if h.Start == want.Span[0] && h.End == want.Span[1] {
					found = true
					if h.Text != want.Text {
						t.Errorf(".%s: text %q, want %q", class, h.Text, want.Text)
					}
					if cameo != "" && h.Cameo != cameo {
						t.Errorf(".%s %q: data-entity-cameo %q, want %q", class, h.Text, h.Cameo, cameo)
					}
					if !h.Visible || h.Background == "rgba(0, 0, 0, 0)" {
						t.Errorf(".%s %q is not visibly highlighted (visible %v, background %s)", class, h.Text, h.Visible, h.Background)
					}
				}
			}
			if !found {
				t.Errorf("no .%s over bytes %v (%q); highlighted: %+v", class, want.Span, want.Text, got[class])
			}
		}
		check("hl-trigger", call.Trigger, "")
		check("hl-actor", call.Actor.uiSpan, "USAGOV")
		check("hl-recipient", call.Recipient.uiSpan, "RUSGOV")
		if !strings.Contains(wd.text(t, wd.wait(t, `[data-testid="inspector"]`)), "Discuss by telephone") {
			t.Error("the inspector does not show the selected event")
		}
		shoot("article-event.png")

		// Trump's quotation, marked in the text with its speaker.
		qsel := fmt.Sprintf(`[data-testid="quote"][data-start="%d"][data-end="%d"]`, quote.Span[0], quote.Span[1])
		q := wd.wait(t, qsel)
		if sp := wd.attr(t, q, "data-speaker"); sp != "Donald Trump" {
			t.Errorf("quote data-speaker %q, want Donald Trump", sp)
		}
		label := wd.wait(t, qsel+` [data-testid="speaker-label"]`)
		if l := wd.text(t, label); !strings.Contains(l, "Donald Trump") {
			t.Errorf("speaker label %q, want Donald Trump", l)
		}
		if !strings.Contains(wd.text(t, q), firstWords(quote.Text, 4)) {
			t.Errorf("quote element %q lacks %q", wd.text(t, q), quote.Text)
		}
		wd.exec(t, `arguments[0].scrollIntoView({block: "center"})`, nil, q)
		wd.click(t, label)
		insp := wd.text(t, wd.wait(t, `[data-testid="inspector"] [data-testid="quote-detail"]`))
		if !strings.Contains(insp, "Speaker") || !strings.Contains(insp, "Donald Trump (USAGOV)") {
			t.Errorf("the inspector for the quote reads %q", insp)
		}
		if n := len(wd.findAll(t, `li[data-testid="quote-item"][data-speaker="Donald Trump"]`)); n == 0 {
			t.Error("the side panel lists no quote by Donald Trump")
		}
		shoot("article-quote.png")
	})

	t.Run("events", func(t *testing.T) {
		wd.navigate(t, base+"/#/events?actor=USAGOV&recipient=RUSGOV&cameo=041")
		row := wd.wait(t, `tr[data-testid="event-row"][data-event-cameo="041"][data-actor-cameo="USAGOV"][data-recipient-cameo="RUSGOV"]`)
		if v := wd.prop(t, wd.wait(t, "#f-actor"), "value"); v != "USAGOV" {
			t.Errorf("the filter form's actor is %q, want USAGOV from the URL", v)
		}
		wd.keys(t, row, keyEnter)
		wd.wait(t, `tr.evidence:not([hidden]) [data-testid="evidence-sentence"] .hl-trigger`)
		ev := wd.text(t, wd.wait(t, `tr.evidence:not([hidden]) [data-testid="evidence-sentence"]`))
		if !strings.Contains(ev, call.Trigger.Text) {
			t.Errorf("evidence %q lacks the trigger %q", ev, call.Trigger.Text)
		}
		for _, c := range []string{"hl-actor", "hl-recipient"} {
			if len(wd.findAll(t, `tr.evidence:not([hidden]) .`+c)) == 0 {
				t.Errorf("the evidence sentence has no .%s", c)
			}
		}
		shoot("events.png")
	})

	t.Run("timeline", func(t *testing.T) {
		wd.navigate(t, base+"/#/timeline")
		wd.wait(t, `svg[data-testid="timeline-chart"] [data-testid="bar"]`)
		var info struct {
			Bars, Buckets int
			Line          string
			Dates         []string
		}
		wd.exec(t, `const svg = document.querySelector('svg[data-testid="timeline-chart"]');
			return {Bars: svg.querySelectorAll('[data-testid="bar"]').length,
				Buckets: svg.querySelectorAll('[data-testid="bucket"]').length,
				Line: (svg.querySelector('[data-testid="goldstein-line"]') || {getAttribute: () => ""}).getAttribute("d"),
				Dates: [...svg.querySelectorAll('[data-testid="bucket"]')].map(g => g.dataset.date)};`, &info)
		if info.Bars == 0 || info.Buckets == 0 || info.Line == "" {
			t.Errorf("timeline: %d bars in %d buckets, Goldstein line %q", info.Bars, info.Buckets, info.Line)
		}
		if !hasString(info.Dates, "2025-02-12") {
			t.Errorf("timeline days %v lack 2025-02-12", info.Dates)
		}
		shoot("timeline.png")
	})

	t.Run("network", func(t *testing.T) {
		wd.navigate(t, base+"/#/network")
		wd.wait(t, `svg[data-testid="network-chart"] [data-testid="node"]`)
		for _, c := range []string{"USAGOV", "RUSGOV"} {
			wd.wait(t, `[data-testid="node"][data-cameo="`+c+`"]`)
		}
		wd.wait(t, `[data-testid="edge"][data-actor="USAGOV"][data-recipient="RUSGOV"]`)
		shoot("network.png")
		wd.keys(t, wd.wait(t, `[data-testid="node"][data-cameo="USAGOV"]`), keyEnter)
		wd.wait(t, `tr[data-testid="event-row"]`)
		if h := wd.hash(t); !strings.Contains(h, "actor=USAGOV") {
			t.Errorf("Enter on the USAGOV node went to %q", h)
		}
		for _, r := range wd.findAll(t, `tr[data-testid="event-row"]`) {
			if a := wd.attr(t, r, "data-actor-cameo"); !strings.HasPrefix(a, "USAGOV") {
				t.Errorf("filtered by actor USAGOV, a row has actor %q", a)
			}
		}
	})

	t.Run("paste", func(t *testing.T) {
		wd.navigate(t, base+"/#/paste")
		area := wd.wait(t, `textarea[data-testid="paste-text"]`)
		wd.keys(t, area, `Russian President Vladimir Putin telephoned U.S. President Donald Trump on Wednesday. "We will meet soon," Trump told reporters.`)
		wd.keys(t, wd.wait(t, "#p-title"), "A call of our own")
		wd.exec(t, `const d = document.getElementById("p-date"); d.value = "2025-02-12"; d.dispatchEvent(new Event("input", {bubbles: true}));`, nil)
		wd.click(t, wd.wait(t, `[data-testid="paste-submit"]`))
		wd.wait(t, `[data-testid="paste-result"] li[data-testid="event-item"][data-event-cameo="041"][data-actor-cameo="RUSGOV"][data-recipient-cameo="USAGOV"]`)
		wd.wait(t, `[data-testid="paste-result"] [data-testid="quote"][data-speaker="Donald Trump"]`)
		shoot("paste.png")
	})

	t.Run("error", func(t *testing.T) {
		// The page shows the API's own message for a missing article.
		resp, err := http.Get(base + "/api/documents/no-such-article")
		if err != nil {
			t.Fatal(err)
		}
		var apiErr struct {
			Error string `json:"error"`
		}
		err = json.NewDecoder(resp.Body).Decode(&apiErr)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusNotFound || apiErr.Error == "" {
			t.Fatalf("GET /api/documents/no-such-article: %d %+v %v", resp.StatusCode, apiErr, err)
		}
		wd.navigate(t, base+"/#/article/no-such-article")
		el := wd.wait(t, `[data-testid="error"]`)
		var msg string
		waitUntil(t, "the API's error message", func() bool {
			msg = wd.text(t, el)
			return msg != ""
		})
		if !strings.Contains(msg, apiErr.Error) {
			t.Errorf("the page says %q, the API %q", msg, apiErr.Error)
		}
		shoot("error.png")
	})

	if errs := wd.consoleErrors(t); len(errs) > 0 {
		for _, e := range errs {
			t.Errorf("browser console: %s", e)
		}
	}
	t.Logf("end-to-end browser test: %s", time.Since(start).Round(time.Millisecond))
}

// lookPathAny returns the first of names found in PATH, or "".
func lookPathAny(names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// buildDyad builds cmd/dyad into a temporary directory.
func buildDyad(t *testing.T) string {
	t.Helper()
	goBin := lookPathAny("go")
	if goBin == "" {
		t.Skip("the go command is not in PATH")
	}
	out, err := exec.Command(goBin, "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		t.Fatal("not inside the dyad module")
	}
	bin := filepath.Join(t.TempDir(), "dyad")
	cmd := exec.Command(goBin, "build", "-o", bin, "./cmd/dyad")
	cmd.Dir = filepath.Dir(gomod)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/dyad: %v\n%s", err, out)
	}
	return bin
}

// lockedBuffer collects a child process's output for the test log.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startProcess starts cmd, stops it when the test ends and logs its
// output if the test failed. The channel returned is closed when the
// process exits.
func startProcess(t *testing.T, name string, cmd *exec.Cmd, out io.Writer) <-chan struct{} {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		if lb, ok := out.(*lockedBuffer); ok && t.Failed() {
			t.Logf("%s output:\n%s", name, lb.String())
		}
	})
	return done
}

// startServe runs `dyad serve --demo` with the files given added, on a
// port the server picks, and returns its base URL (which it prints on
// standard error) once /healthz answers.
func startServe(t *testing.T, bin string, files ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--demo", "--addr", "127.0.0.1:0"}, files...)...)
	cmd.Dir = t.TempDir()
	var log lockedBuffer
	cmd.Stdout = &log
	cmd.Stderr = &log
	exited := startProcess(t, "dyad serve", cmd, &log)
	// Coding the demo articles takes a few seconds before the line
	// "dyad: serving http://127.0.0.1:PORT ..." appears.
	re := regexp.MustCompile(`serving (http://[^\s/]+)`)
	var base string
	deadline := time.Now().Add(2 * time.Minute)
	for base == "" {
		select {
		case <-exited:
			t.Fatalf("dyad serve exited: %v\n%s", cmd.ProcessState, log.String())
		default:
		}
		if m := re.FindStringSubmatch(log.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("dyad serve did not say where it serves within 2 minutes:\n%s", log.String())
		} else {
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitUntil(t, "dyad serve to answer /healthz", func() bool {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return base
}

// postArticles stores a JSONL file through the API.
func postArticles(t *testing.T, base, token, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest("POST", base+"/api/documents", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /api/documents %s: %d %s", filepath.Base(path), resp.StatusCode, body)
	}
}

// uiSpan is a piece of the article with its byte offsets.
type uiSpan struct {
	Text string `json:"text"`
	Span [2]int `json:"span"`
}

type uiParty struct {
	uiSpan
	Name  string `json:"name"`
	CAMEO string `json:"cameo"`
}

type uiEvent struct {
	ID        string   `json:"id"`
	CAMEO     string   `json:"cameo"`
	Trigger   uiSpan   `json:"trigger"`
	Actor     *uiParty `json:"actor"`
	Recipient *uiParty `json:"recipient"`
}

type uiQuote struct {
	uiSpan
	Direct  bool     `json:"direct"`
	Speaker *uiParty `json:"speaker"`
}

type uiDoc struct {
	Events []uiEvent `json:"events"`
	Quotes []uiQuote `json:"quotes"`
}

func (d *uiDoc) findEvent(code, actor, recipient string) *uiEvent {
	for i, e := range d.Events {
		if e.CAMEO == code && e.Actor != nil && e.Actor.CAMEO == actor && e.Recipient != nil && e.Recipient.CAMEO == recipient {
			return &d.Events[i]
		}
	}
	return nil
}

func (d *uiDoc) findQuote(speaker string) *uiQuote {
	for i, q := range d.Quotes {
		if q.Direct && q.Speaker != nil && q.Speaker.Name == speaker {
			return &d.Quotes[i]
		}
	}
	return nil
}

// fetchDocument reads a document's record from the API: what the page
// should show.
func fetchDocument(t *testing.T, base, id string) *uiDoc {
	t.Helper()
	resp, err := http.Get(base + "/api/documents/" + url.PathEscape(id))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Document uiDoc  `json:"document"`
		Error    string `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("GET /api/documents/%s: %v", id, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/documents/%s: %d %s", id, resp.StatusCode, body.Error)
	}
	return &body.Document
}

// waitTimeout bounds every wait for the page.
const waitTimeout = 20 * time.Second

// waitUntil polls ok every 100 ms until it is true or waitTimeout passes.
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", waitTimeout, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// webDriver is a minimal W3C WebDriver client for one session.
type webDriver struct {
	base    string // chromedriver's URL
	session string
	client  *http.Client
}

// elementKey is the W3C name of an element reference in JSON.
const elementKey = "element-6066-11e4-a52e-4f735466cecf"

// Key codes of the W3C WebDriver keyboard actions.
const keyEnter = "\uE007"

// startDriver runs chromedriver on a free loopback port.
func startDriver(t *testing.T, driver string) *webDriver {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	var log lockedBuffer
	cmd := exec.Command(driver, fmt.Sprintf("--port=%d", port))
	cmd.Stdout = &log
	cmd.Stderr = &log
	startProcess(t, "chromedriver", cmd, &log)
	wd := &webDriver{base: fmt.Sprintf("http://127.0.0.1:%d", port), client: &http.Client{Timeout: time.Minute}}
	waitUntil(t, "chromedriver to start", func() bool {
		var st struct {
			Ready bool `json:"ready"`
		}
		return wd.call("GET", "/status", nil, &st) == nil && st.Ready
	})
	return wd
}

// call sends one WebDriver command and decodes its "value" into out.
func (wd *webDriver) call(method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(data)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, wd.base+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := wd.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var reply struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
		return fmt.Errorf("%s %s: %d: %w", method, path, resp.StatusCode, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error   string `json:"error"`
			Message string `json:"message"`
		}
		_ = json.Unmarshal(reply.Value, &e)
		return fmt.Errorf("%s %s: %s: %s", method, path, e.Error, firstLine(e.Message))
	}
	if out != nil {
		return json.Unmarshal(reply.Value, out)
	}
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func (wd *webDriver) must(t *testing.T, method, path string, in, out any) {
	t.Helper()
	if err := wd.call(method, path, in, out); err != nil {
		t.Fatal(err)
	}
}

func (wd *webDriver) sess(path string) string { return "/session/" + wd.session + path }

// newSession starts headless Chromium with a fresh profile; the session
// ends with the test.
func (wd *webDriver) newSession(t *testing.T, chromium string) {
	t.Helper()
	profile := t.TempDir()
	caps := map[string]any{
		"capabilities": map[string]any{
			"alwaysMatch": map[string]any{
				"browserName": "chrome",
				"goog:chromeOptions": map[string]any{
					"binary": chromium,
					"args": []string{
						"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--disable-quic", "--disable-dev-shm-usage", "--window-size=1400,1000",
						"--user-data-dir=" + profile,
					},
				},
				"goog:loggingPrefs": map[string]string{"browser": "ALL"},
			},
		},
	}
	var reply struct {
		SessionID string `json:"sessionId"`
	}
	wd.must(t, "POST", "/session", caps, &reply)
	if reply.SessionID == "" {
		t.Fatal("WebDriver: no session id")
	}
	wd.session = reply.SessionID
	t.Cleanup(func() { _ = wd.call("DELETE", wd.sess(""), nil, nil) })
}

func (wd *webDriver) navigate(t *testing.T, u string) {
	t.Helper()
	wd.must(t, "POST", wd.sess("/url"), map[string]string{"url": u}, nil)
}

// hash returns the page's location.hash.
func (wd *webDriver) hash(t *testing.T) string {
	t.Helper()
	var h string
	wd.exec(t, "return location.hash", &h)
	return h
}

// findAll returns the references of the elements matching a CSS selector.
func (wd *webDriver) findAll(t *testing.T, css string) []string {
	t.Helper()
	var els []map[string]string
	wd.must(t, "POST", wd.sess("/elements"), map[string]string{"using": "css selector", "value": css}, &els)
	ids := make([]string, len(els))
	for i, e := range els {
		ids[i] = e[elementKey]
	}
	return ids
}

// wait returns the first element matching css once there is one.
func (wd *webDriver) wait(t *testing.T, css string) string {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		if ids := wd.findAll(t, css); len(ids) > 0 {
			return ids[0]
		}
		if time.Now().After(deadline) {
			var page []string
			_ = wd.call("POST", wd.sess("/execute/sync"), map[string]any{"args": []any{},
				"script": `return [location.href, document.readyState, document.body ? document.body.innerText.slice(0, 400) : ""]`}, &page)
			t.Fatalf("timed out after %s waiting for %s; the page: %q", waitTimeout, css, page)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (wd *webDriver) text(t *testing.T, el string) string {
	t.Helper()
	var s string
	wd.must(t, "GET", wd.sess("/element/"+el+"/text"), nil, &s)
	return s
}

func (wd *webDriver) attr(t *testing.T, el, name string) string {
	t.Helper()
	var s *string
	wd.must(t, "GET", wd.sess("/element/"+el+"/attribute/"+name), nil, &s)
	if s == nil {
		return ""
	}
	return *s
}

// prop returns a DOM property of an element as a string, such as the
// current value of an input.
func (wd *webDriver) prop(t *testing.T, el, name string) string {
	t.Helper()
	var v any
	wd.must(t, "GET", wd.sess("/element/"+el+"/property/"+name), nil, &v)
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

func (wd *webDriver) click(t *testing.T, el string) {
	t.Helper()
	wd.must(t, "POST", wd.sess("/element/"+el+"/click"), map[string]any{}, nil)
}

// keys types text into an element (focusing it first).
func (wd *webDriver) keys(t *testing.T, el, text string) {
	t.Helper()
	wd.must(t, "POST", wd.sess("/element/"+el+"/value"), map[string]string{"text": text}, nil)
}

// exec runs a script in the page with element references as arguments
// and decodes its result into out (when not nil).
func (wd *webDriver) exec(t *testing.T, script string, out any, els ...string) {
	t.Helper()
	args := make([]any, len(els))
	for i, e := range els {
		args[i] = map[string]string{elementKey: e}
	}
	wd.must(t, "POST", wd.sess("/execute/sync"), map[string]any{"script": script, "args": args}, out)
}

func (wd *webDriver) screenshot(t *testing.T) []byte {
	t.Helper()
	var b64 string
	wd.must(t, "GET", wd.sess("/screenshot"), nil, &b64)
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return png
}

// uiHighlight is one highlighted element of the article text.
type uiHighlight struct {
	Start, End int
	Text       string // its text without the speaker labels inside it
	Cameo      string // data-entity-cameo
	Visible    bool
	Background string
}

// highlights lists the elements carrying each highlight class, the
// pieces of one span joined.
func (wd *webDriver) highlights(t *testing.T) map[string][]uiHighlight {
	t.Helper()
	var out map[string][]uiHighlight
	wd.exec(t, `const out = {};
		const text = document.querySelector('[data-testid="article-text"]');
		for (const cls of ["hl-trigger", "hl-actor", "hl-recipient"]) {
			const bySpan = new Map();
			for (const el of text.querySelectorAll("." + cls)) {
				const key = el.dataset.start + ":" + el.dataset.end;
				const copy = el.cloneNode(true);
				copy.querySelectorAll(".speaker-label").forEach(l => l.remove());
				const r = el.getBoundingClientRect();
				const h = bySpan.get(key) || {Start: Number(el.dataset.start), End: Number(el.dataset.end), Text: "",
					Cameo: el.dataset.entityCameo || "", Visible: false, Background: getComputedStyle(el).backgroundColor};
				h.Text += copy.textContent;
				h.Visible = h.Visible || (r.width > 0 && r.height > 0);
				bySpan.set(key, h);
			}
			out[cls] = [...bySpan.values()];
		}
		return out;`, &out)
	return out
}

// consoleErrors returns the browser's console errors so far (chromedriver's
// log extension; nil when it is not available).
func (wd *webDriver) consoleErrors(t *testing.T) []string {
	t.Helper()
	var entries []struct {
		Level   string `json:"level"`
		Message string `json:"message"`
	}
	if err := wd.call("POST", wd.sess("/se/log"), map[string]string{"type": "browser"}, &entries); err != nil {
		t.Logf("browser console not available: %v", err)
		return nil
	}
	var out []string
	for _, e := range entries {
		// the error test asks for a missing article on purpose
		if e.Level == "SEVERE" && !strings.Contains(e.Message, "no-such-article") {
			out = append(out, e.Message)
		}
	}
	t.Logf("browser console: %d messages, %d unexpected errors", len(entries), len(out))
	return out
}
