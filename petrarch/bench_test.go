package petrarch

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"dyad/internal/sharedtest"
)

// readAll reads files of ../shared into memory, skipping the benchmark
// when they are absent.
func readAll(b *testing.B, dir string, names ...string) [][]byte {
	b.Helper()
	var out [][]byte
	for _, n := range names {
		data, err := os.ReadFile(sharedtest.Need(b, filepath.Join(dir, n)))
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

func size(files [][]byte) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f))
	}
	return n
}

// BenchmarkReadActorsPhoenix reads the three Phoenix actor dictionaries.
func BenchmarkReadActorsPhoenix(b *testing.B) {
	files := readAll(b, phoenixDir, phoenixActorFiles...)
	b.SetBytes(size(files))
	b.ReportAllocs()
	for b.Loop() {
		for i, f := range files {
			ReadActors(phoenixActorFiles[i], bytes.NewReader(f))
		}
	}
}

// BenchmarkActorsToDictPhoenix converts the Phoenix actors to one indexed
// dict.Dict, as --actors does after reading.
func BenchmarkActorsToDictPhoenix(b *testing.B) {
	files := readAll(b, phoenixDir, phoenixActorFiles...)
	all := &Actors{}
	for i, f := range files {
		a, _ := ReadActors(phoenixActorFiles[i], bytes.NewReader(f))
		all.Entries = append(all.Entries, a.Entries...)
	}
	b.ReportAllocs()
	for b.Loop() {
		all.ToDict()
	}
}

// BenchmarkReadAgentsPhoenix reads the Phoenix agent dictionary and makes
// its role records.
func BenchmarkReadAgentsPhoenix(b *testing.B) {
	files := readAll(b, phoenixDir, "Phoenix.agents.txt")
	b.SetBytes(size(files))
	b.ReportAllocs()
	for b.Loop() {
		g, _ := ReadAgents("Phoenix.agents.txt", bytes.NewReader(files[0]))
		g.ToDict()
	}
}

// BenchmarkReadDiscardsPhoenix reads the Phoenix discard list.
func BenchmarkReadDiscardsPhoenix(b *testing.B) {
	files := readAll(b, phoenixDir, "Phoenix.discards.txt")
	b.SetBytes(size(files))
	b.ReportAllocs()
	for b.Loop() {
		ReadDiscards("Phoenix.discards.txt", bytes.NewReader(files[0]))
	}
}

// BenchmarkReadVerbsCAMEO reads the CAMEO 2.0 verb dictionary.
func BenchmarkReadVerbsCAMEO(b *testing.B) {
	files := readAll(b, phoenixDir, "CAMEO.2.0.txt")
	b.SetBytes(size(files))
	b.ReportAllocs()
	for b.Loop() {
		ReadVerbs("CAMEO.2.0.txt", bytes.NewReader(files[0]))
	}
}

// BenchmarkToLexiconCAMEO converts the CAMEO 2.0 verb dictionary to
// lexicon entries.
func BenchmarkToLexiconCAMEO(b *testing.B) {
	files := readAll(b, phoenixDir, "CAMEO.2.0.txt")
	v, _ := ReadVerbs("CAMEO.2.0.txt", bytes.NewReader(files[0]))
	b.ReportAllocs()
	for b.Loop() {
		v.ToLexicon()
	}
}
