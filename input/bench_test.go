package input

import (
	"bytes"
	"strings"
	"testing"

	"dyad/doc"
)

func BenchmarkReadJSONL(b *testing.B) {
	var in bytes.Buffer
	for range 100 {
		in.WriteString(`{"id":"x","date":"2025-02-12","text":"` + strings.Repeat("President Trump spoke with Mr. Putin. ", 100) + `"}` + "\n")
	}
	b.SetBytes(int64(in.Len()))
	for b.Loop() {
		if _, err := ReadJSONL("b", bytes.NewReader(in.Bytes()), Options{}, func(doc.Article) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	in := []byte(`<html><head><title>T</title><meta property="article:published_time" content="2025-02-12"></head><body><nav>Menu</nav><article>` +
		strings.Repeat("<p>President Trump spoke with <a href=\"/putin\">Mr. Putin</a> on Wednesday.</p>\n", 200) + `</article></body></html>`)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if a, _ := ReadHTML("b.html", in, Options{}); a.Text == "" {
			b.Fatal("no text")
		}
	}
}
