package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// generated returns a store of at least n merged events spread over a year
// and 200 dyads, made once per benchmark run.
func generated(b *testing.B, n int) *Store {
	b.Helper()
	path := filepath.Join(b.TempDir(), "gen.db")
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(7, 8))
	countries := []string{"USA", "RUS", "UKR", "CHN", "JPN", "FRA", "DEU", "GBR", "IND", "ISR", "PSE", "IRN", "TUR", "SYR"}
	codes := []string{"010", "036", "041", "042", "051", "057", "111", "120", "130", "173", "190", "193"}
	var batch []Input
	for i := 0; i*10 < n; i++ {
		var evs []ev
		for k := 0; k < 10; k++ {
			a := countries[rng.IntN(len(countries))] + "GOV"
			r := countries[rng.IntN(len(countries))] + []string{"GOV", "MIL", "CVL"}[rng.IntN(3)]
			// Dates far enough apart that most mentions stay separate events.
			date := fmt.Sprintf("2024-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
			evs = append(evs, ev{a, r, codes[rng.IntN(len(codes))], date})
		}
		batch = append(batch, synth(fmt.Sprintf("g%06d", i), evs[0].date, []string{"A", "B", "C", "D"}[rng.IntN(4)], evs))
		if len(batch) == 500 {
			put(b, s, batch...)
			batch = batch[:0]
		}
	}
	put(b, s, batch...)
	st, err := s.Stats(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	if st.Events < n*8/10 {
		b.Fatalf("generated %d merged events, want about %d", st.Events, n)
	}
	fi, _ := os.Stat(path)
	b.Logf("generated store: %d documents, %d mentions, %d merged events, %.1f MB", st.Documents, st.Mentions, st.Events, float64(fi.Size())/(1<<20))
	return s
}

// BenchmarkCounts100k: daily counts by dyad over 100,000 stored events.
func BenchmarkCounts100k(b *testing.B) {
	s := generated(b, 100_000)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		f    Filter
		by   string
	}{
		{"day-dyad/all", Filter{}, "day-dyad"},
		{"day/one-dyad", Filter{Actor: "USAGOV", Recipient: "RUS"}, "day"},
		{"day/all", Filter{}, "day"},
		{"day/country", Filter{Country: "UKR", From: "2024-03-01", To: "2024-09-30"}, "day"},
		{"dyad/all", Filter{}, "dyad"},
		{"day/text", Filter{Text: "USAGOV did"}, "day"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Counts(ctx, c.f, c.by); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("events/filter-page", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, _, err := s.Events(ctx, Filter{Actor: "RUS", From: "2024-03-01", To: "2024-06-30", Limit: 100}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPut stores documents of ten events each, 100 a transaction.
func BenchmarkPut(b *testing.B) {
	s := open(b)
	rng := rand.New(rand.NewPCG(9, 10))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var batch []Input
		for k := 0; k < 100; k++ {
			var evs []ev
			for j := 0; j < 10; j++ {
				evs = append(evs, ev{"USAGOV", []string{"RUSGOV", "CHNGOV", "UKRMIL"}[rng.IntN(3)], "041", fmt.Sprintf("2024-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))})
			}
			batch = append(batch, synth(fmt.Sprintf("p%d-%d", i, k), "2024-01-01", "A", evs))
		}
		put(b, s, batch...)
	}
	b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "docs/s")
}
