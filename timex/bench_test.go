package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is the example articles of the repository, repeated to about
// 100 KB.
func benchText(b *testing.B) string {
	files, err := filepath.Glob("../examples/*.txt")
	if err != nil || len(files) == 0 {
		b.Skip("no example articles")
	}
	var sb strings.Builder
	for sb.Len() < 100_000 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

func BenchmarkFind(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(Find(text, wed))
	}
	b.ReportMetric(float64(n), "exprs/op")
}
