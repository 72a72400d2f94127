package input

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/doc"
)

// writeTree creates files (path → contents) under a new temporary directory
// and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadDirectory(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"b.txt":            "Date: 2025-02-12\n\nB text.",
		"a/z.html":         "<title>Z</title><p>Z text.</p>",
		"a/y.jsonl":        "{\"text\":\"Y1.\"}\nbad\n{\"text\":\"Y3.\"}\n",
		"a/x.JSON":         `[{"text":"X."}]`,
		"c.htm":            "<p>C text.</p>",
		"d.md":             "ignored",
		"e":                "ignored",
		".hidden.txt":      "ignored",
		".git/config.txt":  "ignored",
		"f/.cache/g.jsonl": `{"text":"ignored"}`,
		"f/empty.txt":      "",
	})
	for link, target := range map[string]string{"loop": ".", "link.txt": "b.txt", "broken.txt": "nowhere"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	rel := func(p string) string {
		r, err := filepath.Rel(dir, p)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.ToSlash(r)
	}
	var got []string
	var streamed int
	opts := Options{Date: "2024-01-01", OnDiagnostic: func(doc.Diagnostic) { streamed++ }}
	diags, err := Read(context.Background(), []string{dir}, nil, opts, func(a doc.Article) error {
		origin, line, _ := strings.Cut(a.Origin, ":")
		if line != "" {
			line = ":" + line
		}
		got = append(got, rel(origin)+line+" "+a.Date+" "+a.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a/x.JSON:1 2024-01-01 X.",
		"a/y.jsonl:1 2024-01-01 Y1.",
		"a/y.jsonl:3 2024-01-01 Y3.",
		"a/z.html 2024-01-01 Z text.",
		"b.txt 2025-02-12 B text.",
		"c.htm 2024-01-01 C text.",
		"link.txt 2025-02-12 B text.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var ds []string
	for _, d := range diags {
		d.Origin = rel(d.Origin)
		ds = append(ds, d.String())
	}
	wantDiags := []string{"a/y.jsonl:2: not JSON", "broken.txt: no such file", "f/empty.txt: empty file"}
	if len(ds) != len(wantDiags) || streamed != len(ds) {
		t.Fatalf("got diagnostics %q (%d streamed), want %q", ds, streamed, wantDiags)
	}
	for i := range ds {
		if !strings.HasPrefix(ds[i], wantDiags[i]) {
			t.Errorf("got diagnostic %q, want %q", ds[i], wantDiags[i])
		}
	}
}

func TestReadPaths(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"notes.md": "Title: T\n\nMarkdown read as text.",
		"a.jsonl":  `{"id":"a","text":"A."}`,
	})
	stdin := strings.NewReader("{\"text\":\"In.\"}\n\n{\"text\":\"\"}\n")
	paths := []string{filepath.Join(dir, "notes.md"), "-", filepath.Join(dir, "missing.txt"), filepath.Join(dir, "a.jsonl")}
	var got []string
	diags, err := Read(context.Background(), paths, stdin, Options{}, func(a doc.Article) error {
		got = append(got, a.ID+" "+a.Title+" "+a.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"notes T Markdown read as text.", "-:1  In.", "a  A."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(diags) != 2 || diags[0].String() != "-:3: no text" ||
		diags[1].String() != filepath.Join(dir, "missing.txt")+": no such file or directory" {
		t.Errorf("got diagnostics %q", diags)
	}
}

func TestReadStdin(t *testing.T) {
	var got []string
	diags, err := Read(context.Background(), nil, strings.NewReader(`{"text":"In."}`), Options{}, func(a doc.Article) error {
		got = append(got, a.Origin+" "+a.Text)
		return nil
	})
	if err != nil || len(diags) != 0 || len(got) != 1 || got[0] != "-:1 In." {
		t.Errorf("got %q, %v, %v", got, diags, err)
	}
}

func TestReadStops(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.txt": "A", "b.txt": "B", "c.txt": "C"})
	stop := errors.New("stop")
	n := 0
	_, err := Read(context.Background(), []string{dir}, nil, Options{}, func(doc.Article) error {
		if n++; n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("got %v after %d articles, want stop after 2", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	_, err = Read(ctx, []string{dir, dir}, nil, Options{}, func(doc.Article) error {
		n++
		cancel()
		return nil
	})
	if err != context.Canceled || n != 1 {
		t.Errorf("got %v after %d articles, want context.Canceled after 1", err, n)
	}
}

func TestReadFileSizeLimit(t *testing.T) {
	dir := writeTree(t, map[string]string{"big.txt": strings.Repeat("a", 100<<10)})
	diags, err := Read(context.Background(), []string{dir}, nil, Options{MaxBytes: 10}, func(a doc.Article) error {
		t.Errorf("read %s", a.ID)
		return nil
	})
	if err != nil || len(diags) != 1 || !strings.Contains(diags[0].Message, "size limit") {
		t.Errorf("got %v, %v", diags, err)
	}
}
