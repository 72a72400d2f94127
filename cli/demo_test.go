package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/conllu"
)

// demoArticle is the report this project started from. It stays in
// ../shared (it is not ours to copy), so this test skips without it.
var demoArticle = filepath.Join("..", "..", "shared", "articles", "000_1083366aa662d066.txt")

// TestDemoArticle parses the demo article and checks its sentences, the
// arcs event coding depends on, and the first three sentences against a
// golden file reviewed by hand. The golden file keeps no words of the
// article: only token ranges, tags, heads and relations.
func TestDemoArticle(t *testing.T) {
	data, err := os.ReadFile(demoArticle)
	if err != nil {
		t.Skipf("demo article not available: %v", err)
	}
	text := string(data)
	out, errs, code := run(t, "", "parse", demoArticle)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sents := checkCoNLLU(t, out, text)
	if len(sents) != 22 {
		for _, s := range sents {
			t.Logf("%s", s.Text)
		}
		t.Fatalf("%d sentences, want 22", len(sents))
	}
	for _, s := range sents {
		last := s.Words[len(s.Words)-1].Form
		if strings.HasSuffix(s.Text, "S.") || strings.HasSuffix(s.Text, "U.S.") || last == "U.S." {
			t.Errorf("sentence ends early: %q", s.Text)
		}
	}
	first := sents[0]
	idx := func(form string) int {
		for _, w := range first.Words {
			if w.Form == form {
				return w.ID
			}
		}
		t.Fatalf("no %q in the first sentence", form)
		return 0
	}
	arc := func(dep, rel, head string) {
		t.Helper()
		w := first.Words[idx(dep)-1]
		if w.Head != idx(head) || w.Deprel != rel {
			t.Errorf("%s: %s of word %d, want %s of %s", dep, w.Deprel, w.Head, rel, head)
		}
	}
	arc("Trump", "nsubj", "announced")
	arc("call", "obj", "had")
	arc("Putin", "flat", "Vladimir")
	// Known error, kept visible rather than asserted away: UD heads a name
	// by its first word, so "Vladimir" should be an nmod of "call" with
	// "with" as its case marker. The parser reads "with President Vladimir
	// V. Putin of Russia, describing ..." as an absolute construction ("with"
	// marking "describing", "Vladimir" its subject). The golden file records
	// today's output; the test fails if the parse changes either way, so a
	// fix shows up as a diff to review.
	if v := first.Words[idx("Vladimir")-1]; v.Head != idx("call") {
		t.Logf("known parser error: Vladimir is %s of word %d, not nmod of call", v.Deprel, v.Head)
	}

	var b bytes.Buffer
	for _, s := range sents[:3] {
		fmt.Fprintf(&b, "# sentence %s\n", s.ID[strings.LastIndexByte(s.ID, '-')+1:])
		for _, w := range s.Words {
			fmt.Fprintf(&b, "%d\t%s\t%s\t%d\t%s\t%s\n", w.ID, w.UPOS, w.XPOS, w.Head, w.Deprel, w.Misc)
		}
		b.WriteByte('\n')
	}
	if golden := "demo-first3.tsv"; !matchGolden(t, golden, b.Bytes()) {
		var lines bytes.Buffer
		for _, s := range sents[:3] {
			conllu.Write(&lines, s)
		}
		t.Errorf("first three sentences differ from testdata/%s; review and rerun with -update if right:\n%s", golden, lines.String())
	}
}
