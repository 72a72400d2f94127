package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/export"
)

// TestExportGDELTReadsBack stores the examples, exports every format, and
// reads the GDELT tables back with the strict parser of the published
// column lists.
func TestExportGDELTReadsBack(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	if _, stderr, code := run(t, "", "ingest", "--quiet", "--db", db, "../examples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	events, _, _ := run(t, "", "query", "--db", db, "--limit", "0", "--format", "jsonl")
	mentions, _, _ := run(t, "", "query", "--db", db, "--limit", "0", "--format", "jsonl", "--mentions")
	nEvents, nMentions := strings.Count(events, "\n"), strings.Count(mentions, "\n")
	if nEvents == 0 || nMentions < nEvents {
		t.Fatalf("%d events, %d mentions", nEvents, nMentions)
	}
	for _, f := range export.Formats {
		out := filepath.Join(dir, "out."+f)
		if _, stderr, code := run(t, "", "export", "--db", db, "--format", f, "-o", out); code != 0 {
			t.Fatalf("export %s: exit %d: %s", f, code, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil || len(data) == 0 {
			t.Fatalf("export %s: %d bytes, %v", f, len(data), err)
		}
		want := nEvents
		if export.IsMentions(f) {
			want = nMentions
		}
		read := export.ReadGDELT
		switch f {
		case "gdelt-mentions":
			read = export.ReadGDELTMentions
		case "gdelt":
		default:
			continue
		}
		n := 0
		err = read(strings.NewReader(string(data)), func(export.GDELTRow) error { n++; return nil })
		if err != nil || n != want {
			t.Errorf("%s: read back %d rows of %d: %v", f, n, want, err)
		}
	}
}
