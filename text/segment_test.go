package text

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sentenceTexts returns the text of each sentence Split finds.
func sentenceTexts(seg *Segmenter, text string) []string {
	var out []string
	for _, s := range seg.Split(text) {
		out = append(out, text[s.Span.Start:s.Span.End])
	}
	return out
}

func TestSplitNews(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"President Trump spoke with Mr. Putin on Wednesday. The call lasted an hour.",
			[]string{"President Trump spoke with Mr. Putin on Wednesday.", "The call lasted an hour."}},
		{"Kremlin spokesman Dmitri S. Peskov said the U.S. delegation would arrive. Talks begin Friday.",
			[]string{"Kremlin spokesman Dmitri S. Peskov said the U.S. delegation would arrive.", "Talks begin Friday."}},
		{"He said, \"We will win.\" Then he left.",
			[]string{"He said, \"We will win.\"", "Then he left."}},
		{"“We discussed Ukraine,” Mr. Trump wrote. “It was productive.”",
			[]string{"“We discussed Ukraine,” Mr. Trump wrote.", "“It was productive.”"}},
		{"Shares of Acme Corp. rose 5% to $10.50 at 3 p.m. on Friday. Analysts were surprised!",
			[]string{"Shares of Acme Corp. rose 5% to $10.50 at 3 p.m. on Friday.", "Analysts were surprised!"}},
		{"Is it over? Nobody knows... The war goes on.",
			[]string{"Is it over?", "Nobody knows...", "The war goes on."}},
		{"UKRAINE TALKS\n\nThe talks (which began in Jan. 2025) stalled. Gen. Smith disagreed.",
			[]string{"UKRAINE TALKS", "The talks (which began in Jan. 2025) stalled.", "Gen. Smith disagreed."}},
		{"The first line ends here.\nThe second line is a new sentence.",
			[]string{"The first line ends here.", "The second line is a new sentence."}},
		{"A title without a stop\n\nand a paragraph", []string{"A title without a stop", "and a paragraph"}},
		{"The vote was 52-48 in the Senate. (The House passed it in May.) Debate ends today.",
			[]string{"The vote was 52-48 in the Senate.", "(The House passed it in May.)", "Debate ends today."}},
	}
	for _, seg := range []*Segmenter{nil, Default()} {
		for _, tt := range tests {
			got := sentenceTexts(seg, tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("model=%v Split(%q)\n got: %q\nwant: %q", seg != nil, tt.in, got, tt.want)
			}
		}
	}
}

func TestSplitShape(t *testing.T) {
	text := "I don't think so. Russia's envoy agreed."
	sents := Default().Split(text)
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	s := sents[1]
	if s.Tokens[0].First != 0 || s.Tokens[0].Last != 2 || s.Words[0].Form != "Russia" || s.Words[1].Form != "'s" {
		t.Errorf("second sentence tokens %+v words %+v", s.Tokens, s.Words)
	}
	if s.Span.Start != 18 || s.Span.End != len(text) {
		t.Errorf("second sentence span %v", s.Span)
	}
	// a sentence-final abbreviation gives up its period, as in the treebanks
	last := Default().Split("They sell apples, pears, etc.")
	ws := last[0].Words
	if got := ws[len(ws)-2].Form + " " + ws[len(ws)-1].Form; got != "etc ." {
		t.Errorf("sentence-final abbreviation: got %q, want %q", got, "etc .")
	}
}

func TestDemoArticle(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "articles", "000_1083366aa662d066.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("demo article not available: %v", err)
	}
	text := string(b)
	for _, seg := range []*Segmenter{nil, Default()} {
		got := sentenceTexts(seg, text)
		if len(got) != 22 {
			t.Errorf("model=%v: %d sentences, want 22:\n%s", seg != nil, len(got), strings.Join(got, "\n"))
		}
		for _, s := range got {
			if strings.HasSuffix(s, "Dmitri S.") || strings.HasSuffix(s, " U.S.") || strings.HasSuffix(s, "Mr.") {
				t.Errorf("model=%v: sentence ends inside a name: %q", seg != nil, s)
			}
		}
	}
}

// TestDemoArticleWrapped splits the demo article hard-wrapped at 70
// columns, paragraphs separated by blank lines: the line breaks inside
// sentences must not end them.
func TestDemoArticleWrapped(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "articles", "000_1083366aa662d066.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("demo article not available: %v", err)
	}
	var out strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		col := 0
		for i, w := range strings.Fields(para) {
			if i > 0 {
				if col+1+len(w) > 70 {
					out.WriteByte('\n')
					col = 0
				} else {
					out.WriteByte(' ')
					col++
				}
			}
			out.WriteString(w)
			col += len(w)
		}
		out.WriteString("\n\n")
	}
	for _, seg := range []*Segmenter{nil, Default()} {
		if got := sentenceTexts(seg, out.String()); len(got) != 22 {
			t.Errorf("model=%v: %d sentences, want 22:\n%s", seg != nil, len(got), strings.Join(got, "\n--\n"))
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	seg := Default()
	if seg == nil {
		t.Fatal("the embedded model does not load")
	}
	var buf bytes.Buffer
	if _, err := seg.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadSegmenter(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	text := "Mr. Smith went to Washington. He met Sen. Jones at 5 p.m. They talked.\nThen they left"
	if a, b := sentenceTexts(seg, text), sentenceTexts(back, text); strings.Join(a, "|") != strings.Join(b, "|") {
		t.Errorf("read-back model splits differently:\n%q\n%q", a, b)
	}
	data := buf.Bytes()
	for _, bad := range [][]byte{nil, []byte("not a model"), data[:len(data)/2], append(append([]byte{}, data[:40]...), 0, 0, 0, 0)} {
		if _, err := ReadSegmenter(bytes.NewReader(bad)); err == nil {
			t.Errorf("ReadSegmenter accepted %d bad bytes", len(bad))
		}
	}
	if _, err := (*Segmenter)(nil).WriteTo(&buf); err == nil {
		t.Error("nil Segmenter wrote a model")
	}
	if got := sentenceTexts(&Segmenter{}, "One. Two."); len(got) != 2 {
		t.Errorf("zero Segmenter: %q", got)
	}
}

// benchText returns several megabytes of running text: the treebanks' raw
// text when they are available, else the demo article repeated, else a
// built-in paragraph repeated.
func benchText(b *testing.B) string {
	var parts []string
	for _, name := range []string{"ewt-train", "gum-train"} {
		path := filepath.Join(udDir, name+".conllu")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		sents := readUD(b, name)
		raw, _ := RawText(sents)
		parts = append(parts, raw)
	}
	unit := strings.Join(parts, "\n\n")
	if unit == "" {
		if data, err := os.ReadFile(filepath.Join("..", "..", "shared", "articles", "000_1083366aa662d066.txt")); err == nil {
			unit = string(data)
		} else {
			unit = "The U.S. envoy met Mr. Lavrov in Riyadh on Tuesday. “We made progress,” he said, adding that talks would resume at 10 a.m. on Feb. 19.\n"
		}
	}
	var sb strings.Builder
	for sb.Len() < 8<<20 {
		sb.WriteString(unit)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkSplit(b *testing.B) {
	text := benchText(b)
	seg := Default()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		seg.Split(text)
	}
}

// BenchmarkSplitNews splits the PolNeAR training articles (about 5.5 MB of
// US political news) when ../shared is present.
func BenchmarkSplitNews(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "data", "gold", "polnear", "train", "text")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skipf("no news corpus at %s", dir)
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	seg := Default()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			seg.Split(t)
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Tokenize(text)
	}
}
