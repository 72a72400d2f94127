package input

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCount(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "One article.")
	write("sub/b.html", "<p>Another.</p>")
	write("sub/c.jsonl", "{\"text\": \"x\"}\n\n{\"text\": \"y\"}\n{\"text\": \"z\"}\n")
	write("sub/.hidden/d.txt", "not read")
	write("notes.md", "not an article in a directory walk")
	for _, c := range []struct {
		paths []string
		want  int
	}{
		{[]string{dir}, 5},
		{[]string{filepath.Join(dir, "sub", "c.jsonl")}, 3},
		{[]string{filepath.Join(dir, "notes.md")}, 1}, // named files are read as text
		{[]string{dir, "-"}, 0},                       // standard input: unknown
		{nil, 0},
		{[]string{filepath.Join(dir, "missing")}, 0},
	} {
		if got := Count(c.paths); got != c.want {
			t.Errorf("Count(%v) = %d, want %d", c.paths, got, c.want)
		}
	}
}
