package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"dyad/record"
)

// codeDoc runs dyad code --format doc on one file and decodes the record.
func codeDoc(t *testing.T, args ...string) record.Document {
	t.Helper()
	out, errs, code := run(t, "", append([]string{"code", "--format", "doc", "--workers", "1"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d record.Document
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("output is not one document record: %v\n%s", err, out)
	}
	return d
}

// summary writes a document's entities and events compactly, with spans
// and codes but without the article's words, so that golden files of
// articles that are not ours keep none of their text. Canonical names come
// from dyad's own dictionaries (or the text for people it does not know).
func summary(d record.Document) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# entities (id type code name | role | org | mention spans)\n")
	for _, e := range d.Entities {
		var spans []string
		for _, m := range e.Mentions {
			spans = append(spans, fmt.Sprintf("%d-%d", m.Span[0], m.Span[1]))
		}
		fmt.Fprintf(&b, "%s %s %s %q | %s | %s | %s\n", e.ID, e.Type, e.CAMEO, e.Name, e.Role, e.Org, strings.Join(spans, " "))
	}
	fmt.Fprintf(&b, "\n# events (sentence cameo plover/mode actor -> recipient, modality, date, reported_by, location, trigger span, rule)\n")
	code := func(a *record.Actor) string {
		if a == nil {
			return "-"
		}
		return a.CAMEO
	}
	for _, e := range d.Events {
		loc := "-"
		if e.Location != nil {
			loc = fmt.Sprintf("%s/%s", e.Location.Name, e.Location.Country)
		}
		neg := ""
		if e.Negated {
			neg = " NEGATED"
		}
		fmt.Fprintf(&b, "s%d %s %s/%s %s -> %s, %s%s, %s, by %s, at %s, %d-%d, %s\n", e.Sentence, e.CAMEO, e.Event, e.Mode,
			code(e.Actor), code(e.Recipient), e.Modality, neg, e.Date, code(e.ReportedBy), loc, e.Trigger.Span[0], e.Trigger.Span[1], e.Rule)
	}
	fmt.Fprintf(&b, "\n# quotes (span, direct, cue, speaker code and name, reported_by)\n")
	sp := func(s *record.Speaker) string {
		if s == nil {
			return "-"
		}
		return s.CAMEO + " " + s.Name
	}
	for _, q := range d.Quotes {
		fmt.Fprintf(&b, "%d-%d direct=%v cue=%s speaker=%s by=%s\n", q.Span[0], q.Span[1], q.Direct, q.Cue, sp(q.Speaker), sp(q.ReportedBy))
	}
	fmt.Fprintf(&b, "\n# quantities (span, value, low, high, unit, kind, hedge, reported_by)\n")
	for _, q := range d.Quantities {
		fmt.Fprintf(&b, "%d-%d %g %g %g %s %s %s by=%s\n", q.Span[0], q.Span[1], q.Value, q.Low, q.High, q.Unit, q.Kind, q.Hedge, sp(q.ReportedBy))
	}
	fmt.Fprintf(&b, "\n# conflicts\n")
	for _, c := range d.Conflicts {
		fmt.Fprintf(&b, "%s %v\n", c.About, c.Claims)
	}
	return b.Bytes()
}

// TestDemoCode codes the demo article and compares its entities and events
// with a golden file reviewed by hand (testdata/README.md says what was
// checked and what is known to be wrong).
func TestDemoCode(t *testing.T) {
	if _, err := os.Stat(demoArticle); err != nil {
		t.Skipf("demo article not available: %v", err)
	}
	d := codeDoc(t, "--date", "2025-02-12", "--include-negated", demoArticle)
	byName := map[string]record.Entity{}
	for _, e := range d.Entities {
		byName[e.Name] = e
	}
	for name, code := range map[string]string{"Donald Trump": "USAGOV", "Vladimir Putin": "RUSGOV",
		"Volodymyr Zelensky": "UKRGOV", "Dmitry Peskov": "RUSGOV", "Pete Hegseth": "USAGOV",
		"Marco Rubio": "USAGOV", "John Ratcliffe": "USASPY", "Mike Waltz": "USAGOV", "Steve Witkoff": "USAGOV",
		"United Nations": "IGOUNO", "Farhan Haq": "IGOUNO", "Keith Kellogg": "USAGOV"} {
		if e, ok := byName[name]; !ok || e.CAMEO != code {
			t.Errorf("entity %s: got %+v, want code %s", name, e, code)
		}
	}
	if !matchGolden(t, "demo-code.txt", summary(d)) {
		t.Errorf("entities or events of the demo article differ from testdata/demo-code.txt; review and rerun with -update if right:\n%s", summary(d))
	}
}

// TestExampleCode codes the project's own example of the same call; its
// golden file is the full event output (the text is ours).
func TestExampleCode(t *testing.T) {
	out, errs, code := run(t, "", "code", "--workers", "1", "../examples/2025-02-12-trump-putin-call.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e record.Event
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("not an event record: %v\n%s", err, line)
		}
	}
	if !matchGolden(t, "example-call-events.jsonl", []byte(out)) {
		t.Errorf("events of examples/2025-02-12-trump-putin-call.txt differ from testdata/example-call-events.jsonl; review and rerun with -update if right")
	}
}

func TestCodeFormats(t *testing.T) {
	in := `{"id": "a", "date": "2025-02-12", "text": "Mr. Putin invited Mr. Trump to Moscow. Russia did not attack Ukraine."}`
	out, errs, code := run(t, in, "code", "--format", "tsv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "id\tdoc_id\t") || !strings.Contains(lines[1], "RUSGOV") {
		t.Errorf("tsv output:\n%s", out)
	}
	out, _, _ = run(t, in, "code", "--include-negated")
	if !strings.Contains(out, `"negated":true`) {
		t.Errorf("--include-negated did not print the denied attack:\n%s", out)
	}
	if _, _, code := run(t, in, "code", "--format", "xml"); code != ExitUsage {
		t.Errorf("bad --format: exit %d", code)
	}
}

// TestEvalDyadGold scores dyad on a small gold set of our own sentences
// (testdata/gold-events.jsonl) and compares the report with a golden file,
// so that the event scorer runs without ../shared.
func TestEvalDyadGold(t *testing.T) {
	out, errs, code := run(t, "", "eval", "--errors", "testdata/gold-events.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// The first line carries load and coding times: leave it out.
	out = out[strings.IndexByte(out, '\n')+1:]
	if !matchGolden(t, "gold-events.out", []byte(out)) {
		t.Errorf("dyad eval of testdata/gold-events.jsonl differs from testdata/gold-events.out; review and rerun with -update if right:\n%s", out)
	}
}

// TestCodeThirdPartyActors codes with a PETRARCH-format actor dictionary
// of two fictional countries, added to the built-in dictionaries; a
// malformed line is reported with its file and line and skipped.
func TestCodeThirdPartyActors(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/actors.txt"
	dict := "FREEDONIA [FRE]\nSYLVANIA [SYL]\nBROKEN [SYL\n"
	if err := os.WriteFile(path, []byte(dict), 0o644); err != nil {
		t.Fatal(err)
	}
	in := `{"date": "2025-02-12", "text": "Freedonia attacked Sylvania on Monday."}`
	out, errs, code := run(t, in, "code", "--actors", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "actors.txt:3") {
		t.Errorf("the malformed line 3 was not reported: %q", errs)
	}
	var e record.Event
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &e); err != nil {
		t.Fatalf("want one event: %v\n%s", err, out)
	}
	if e.Actor == nil || e.Actor.CAMEO != "FRE" || e.Recipient == nil || e.Recipient.CAMEO != "SYL" || e.Event != "ASSAULT" {
		t.Errorf("got %+v -> %+v %s", e.Actor, e.Recipient, e.Event)
	}
}
