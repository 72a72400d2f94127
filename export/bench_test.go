package export

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"dyad/store"
)

const benchRecords = 100_000

// countWriter counts the bytes written and throws them away.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var benchNames = []string{"Antony Blinken", "Sergey Lavrov", "Wang Yi", "Olaf Scholz", "Emmanuel Macron",
	"Recep Tayyip Erdogan", "Volodymyr Zelensky", "Benjamin Netanyahu", "Narendra Modi", "Luiz Inacio Lula da Silva",
	"Cyril Ramaphosa", "Fumio Kishida", "Antonio Guterres", "Ursula von der Leyen", "Jens Stoltenberg", ""}

// benchEvents makes n distinct events from the test table, varied by a
// seeded generator: ids, dates over two years, counters, scores, names,
// coordinates and URLs.
func benchEvents(n int) []store.Event {
	rng := rand.New(rand.NewPCG(1, 2))
	evs := make([]store.Event, n)
	for i := range evs {
		e := testEvents[i%len(testEvents)].ev
		e.ID = int64(1_000_000 + i)
		if e.Date != "" {
			e.Date = fmt.Sprintf("20%02d-%02d-%02d", 23+rng.IntN(2), 1+rng.IntN(12), 1+rng.IntN(28))
			e.FirstSeen = e.Date
		}
		e.Actor.Name = benchNames[rng.IntN(len(benchNames))]
		e.Recipient.Name = benchNames[rng.IntN(len(benchNames))]
		e.Goldstein = float64(rng.IntN(201)-100) / 10
		e.Confidence = float64(40+rng.IntN(61)) / 100
		e.NumMentions = 1 + rng.IntN(50)
		e.NumSources = 1 + rng.IntN(e.NumMentions)
		e.NumArticles = e.NumSources + rng.IntN(e.NumMentions-e.NumSources+1)
		if e.Location != nil {
			loc := *e.Location
			loc.Lat, loc.Lon = float64(rng.IntN(1800000)-900000)/10000, float64(rng.IntN(3600000)-1800000)/10000
			e.Location = &loc
		}
		e.SourceURL = fmt.Sprintf("https://news%d.example.org/%x", rng.IntN(500), rng.Uint64())
		evs[i] = e
	}
	return evs
}

func benchMentions(n int) []store.Mention {
	rng := rand.New(rand.NewPCG(3, 4))
	ms := make([]store.Mention, n)
	for i := range ms {
		m := testMentions[i%len(testMentions)].m
		m.MergedID = int64(1_000_000 + rng.IntN(n))
		m.DocID = fmt.Sprintf("%x", rng.Uint64())
		m.ID = fmt.Sprintf("%s:%d:0", m.DocID, rng.IntN(40))
		m.Sentence = rng.IntN(40)
		m.Confidence = float64(40+rng.IntN(61)) / 100
		m.Source = fmt.Sprintf("news%d.example.org", rng.IntN(500))
		m.URL = "https://" + m.Source + "/" + m.DocID
		ms[i] = m
	}
	return ms
}

// BenchmarkWrite writes 100,000 merged events (or mentions) in each
// format per iteration and reports records/s and bytes/record.
func BenchmarkWrite(b *testing.B) {
	evs, ms := benchEvents(benchRecords), benchMentions(benchRecords)
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			var out countWriter
			b.ReportAllocs()
			for b.Loop() {
				out.n = 0
				w, err := New(f, &out)
				if err != nil {
					b.Fatal(err)
				}
				for i := range benchRecords {
					if IsMentions(f) {
						err = w.WriteMention(ms[i])
					} else {
						err = w.WriteEvent(evs[i])
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)*benchRecords/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(float64(out.n)/benchRecords, "bytes/record")
		})
	}
}

// BenchmarkReadGDELT reads back 100,000 events with the strict reader.
func BenchmarkReadGDELT(b *testing.B) {
	data := write(b, "gdelt", benchEvents(benchRecords), nil)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		if err := ReadGDELT(bytes.NewReader(data), func(GDELTRow) error { n++; return nil }); err != nil || n != benchRecords {
			b.Fatal(n, err)
		}
	}
	b.ReportMetric(float64(b.N)*benchRecords/b.Elapsed().Seconds(), "records/s")
}
