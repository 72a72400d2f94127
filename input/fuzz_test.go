package input

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/doc"
)

func FuzzReadText(f *testing.F) {
	for _, s := range []string{"", "Text", "Date: 2025-02-12\nTitle: T\n\nText\n", "\ufeffSource: S\r\n\r\nx",
		"Date: 12 Feb 2025\n\n", "Title:\n\n\n", "a\x00b", "caf\xe9"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _ := ReadText("f.txt", data, Options{MaxBytes: 1 << 10})
		if a.Text == "" {
			return
		}
		if !utf8.ValidString(a.Text) {
			t.Errorf("text is not UTF-8: %q", a.Text)
		}
		if !bytes.HasSuffix(bytes.TrimPrefix(data, bom), []byte(a.Text)) {
			t.Errorf("text %q is not a suffix of the input %q", a.Text, data)
		}
		if strings.IndexByte(a.Text, 0) >= 0 || len(a.Text) > 1<<10 {
			t.Errorf("text %q should have been skipped", a.Text)
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{"", `{"text":"a"}`, "{\"id\":1,\"text\":\"a\",\"date\":\"Feb 1, 2025\"}\n\nbad\n{\"text\":\"\\u00e9\\ud800\"}",
		"[{\"text\":\"a\"},\n{\"text\":\"b\"}]", "{\n\"text\": \"a\"\n}\n{\"text\":", "\ufeff{\"text\":\"a\"}", "{\"text\":\"caf\xe9\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(a doc.Article) error {
			if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" || a.ID == "" || a.Origin == "" {
				t.Errorf("bad article %+v", a)
			}
			return nil
		}
		ReadJSONL("f.jsonl", bytes.NewReader(data), Options{MaxBytes: 1 << 10}, check)
		ReadJSON("f.json", bytes.NewReader(data), Options{MaxBytes: 1 << 10}, check)
	})
}

func FuzzReadHTML(f *testing.F) {
	for _, s := range []string{"", "<p>a</p>", "<title>T</title><article><p>a<br>b</p><time datetime=\"2025-01-01\"></time></article>",
		"<meta property=\"og:title\" content=\"x\"><main>m</main>", "<svg><title>s</title></svg><form>f</form>",
		"<script type=\"application/ld+json\">{\"datePublished\":\"2025-02-12\"}</script>x", "&#0;&#xd800;"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _ := ReadHTML("f.html", data, Options{MaxBytes: 1 << 10})
		if a.Text == "" {
			return
		}
		for _, s := range []string{a.Text, a.Title, a.Source, a.URL, a.Date} {
			if !utf8.ValidString(s) {
				t.Errorf("not UTF-8: %q", s)
			}
		}
		if a.Text != strings.TrimSpace(a.Text) || strings.Contains(a.Text, "\n\n\n") {
			t.Errorf("badly spaced text %q", a.Text)
		}
	})
}
