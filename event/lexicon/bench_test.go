package lexicon

import (
	"testing"

	"dyad/event/lexicon/data"
)

// BenchmarkDefault measures loading the built-in lexicon: what Default
// does once per process.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		l, diags, err := Load(data.Files, "*.txt")
		if err != nil || len(diags) > 0 || len(l.Entries()) == 0 {
			b.Fatal(err, diags)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	l := mustDefault(b)
	heads := []string{"call", "meet", "attack", "say", "release", "zzz"}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, h := range heads {
			n += len(l.Lookup(Verb, h))
		}
	}
	if n == 0 {
		b.Fatal("nothing found")
	}
}
