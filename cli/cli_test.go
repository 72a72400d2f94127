package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dyad/conllu"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// run runs the command line and returns stdout, stderr and the exit code.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), Code(err)
}

func TestVersionAndHelp(t *testing.T) {
	out, _, code := run(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "dyad "+Version) {
		t.Errorf("version: %q, code %d", out, code)
	}
	out, _, code = run(t, "", "help")
	if code != 0 || !strings.Contains(out, "dyad parse") {
		t.Errorf("help: %q", out)
	}
	out, _, code = run(t, "", "parse", "--help")
	if code != 0 || !strings.Contains(out, "TokenRange") || !strings.Contains(out, "-workers") {
		t.Errorf("parse --help: %q", out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"nonsense"},
		{"parse", "--date", "12/02/2025", "x"},
		{"parse", "--workers", "0"},
		{"eval"},
		{"code", "--format", "xml", "x"},
		{"code", "--min-confidence", "x", "x"},
		{"eval", "a", "b"},
	} {
		_, _, code := run(t, "", args...)
		if code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

// checkCoNLLU parses out and checks that every token range points at its
// form in text.
func checkCoNLLU(t *testing.T, out, text string) []*conllu.Sentence {
	t.Helper()
	sents, err := conllu.ReadAll(strings.NewReader(out), "output")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		if s.ID == "" || s.Text == "" {
			t.Errorf("sentence without sent_id or text: %+v", s.Comments)
		}
		roots := 0
		for _, w := range s.Words {
			if w.Head == 0 {
				roots++
			}
			a, b := tokenRange(t, w.Misc)
			if text != "" && text[a:b] != w.Form {
				t.Errorf("word %q has TokenRange %d:%d = %q", w.Form, a, b, text[a:b])
			}
		}
		if roots != 1 {
			t.Errorf("%s: %d roots", s.ID, roots)
		}
	}
	return sents
}

func tokenRange(t *testing.T, misc string) (int, int) {
	t.Helper()
	for _, f := range strings.Split(misc, "|") {
		if r, ok := strings.CutPrefix(f, "TokenRange="); ok {
			a, b, _ := strings.Cut(r, ":")
			x, err1 := strconv.Atoi(a)
			y, err2 := strconv.Atoi(b)
			if err1 == nil && err2 == nil {
				return x, y
			}
		}
	}
	t.Fatalf("no TokenRange in %q", misc)
	return 0, 0
}

func TestParseStdinJSONL(t *testing.T) {
	in := `{"id": "a1", "text": "Mr. Putin invited Mr. Trump to Moscow. Mr. Trump accepted."}` + "\n"
	out, errs, code := run(t, in, "parse")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sents := checkCoNLLU(t, out, "Mr. Putin invited Mr. Trump to Moscow. Mr. Trump accepted.")
	if len(sents) != 2 || sents[0].ID != "a1-1" || !strings.HasPrefix(out, "# newdoc id = a1\n") {
		t.Errorf("got %d sentences:\n%s", len(sents), out)
	}
}

func TestParseSkipsBadInput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.jsonl")
	os.WriteFile(path, []byte("{\"text\": \"Talks resumed in Geneva.\"}\nnot json\n{\"text\": \"Both sides agreed.\"}\n"), 0o644)
	out, errs, code := run(t, "", "parse", "--workers", "2", path)
	if code != ExitSkipped {
		t.Errorf("exit %d, want %d", code, ExitSkipped)
	}
	if !strings.Contains(errs, "news.jsonl:2:") {
		t.Errorf("stderr does not name the bad line: %q", errs)
	}
	if n := strings.Count(out, "# newdoc"); n != 2 {
		t.Errorf("%d documents out, want 2", n)
	}
	// nothing readable at all
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	_, _, code = run(t, "", "parse", empty)
	if code != ExitUsage {
		t.Errorf("empty input: exit %d, want %d", code, ExitUsage)
	}
}

// TestParseExamplesGolden parses our own example report of the 12 February
// 2025 call and compares its first three sentences with a golden file whose
// arcs were checked by hand (go test ./cli -update rewrites it).
func TestParseExamplesGolden(t *testing.T) {
	path := filepath.Join("..", "examples", "2025-02-12-trump-putin-call.txt")
	out, errs, code := run(t, "", "parse", "--workers", "3", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, _ := os.ReadFile(path)
	_, body, _ := strings.Cut(string(data), "\n\n")
	sents := checkCoNLLU(t, out, body)
	if len(sents) < 3 {
		t.Fatalf("%d sentences", len(sents))
	}
	var b bytes.Buffer
	for _, s := range sents[:3] {
		conllu.Write(&b, s)
	}
	if golden := "trump-putin-call.conllu"; !matchGolden(t, golden, b.Bytes()) {
		t.Errorf("output differs from testdata/%s; review the diff and rerun with -update if it is right:\n%s", golden, b.String())
	}
}

// matchGolden reports whether got equals testdata/name, after writing got
// there when the test runs with -update.
func matchGolden(t *testing.T, name string, got []byte) bool {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cli -update)", err)
	}
	return string(got) == string(want)
}

func TestFlagsAfterArguments(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	out := filepath.Join(dir, "out.conllu")
	os.WriteFile(in, []byte("Talks resumed in Geneva."), 0o644)
	_, errs, code := run(t, "", "parse", in, "-o", out, "--workers", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "Geneva") {
		t.Fatalf("output file: %v %q", err, data)
	}
	// after "--" everything is an argument, even what looks like a flag
	_, errs, code = run(t, "", "parse", "-o", out, "--", in, "-x")
	if code != ExitSkipped || !strings.Contains(errs, "-x") {
		t.Errorf("exit %d, stderr %q: want -x read as a (missing) input", code, errs)
	}
}
