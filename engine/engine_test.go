package engine_test

import (
	"context"
	"dyad/actor"
	"sync"
	"testing"

	"dyad/actor/dict"
	"dyad/doc"
	"dyad/engine"
	"dyad/event"
	"dyad/input"
	"dyad/internal/sharedtest"
)

var (
	once   sync.Once
	eng    *engine.Engine
	engErr error
)

func setup(tb testing.TB) *engine.Engine {
	tb.Helper()
	once.Do(func() { eng, engErr = engine.New(engine.Config{}) })
	if engErr != nil {
		tb.Fatal(engErr)
	}
	return eng
}

// examples reads the project's own example articles.
func examples(tb testing.TB) []doc.Article {
	tb.Helper()
	var arts []doc.Article
	_, err := input.Read(context.Background(), []string{"../examples"}, nil, input.Options{}, func(a doc.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil || len(arts) == 0 {
		tb.Fatalf("reading examples: %v (%d articles)", err, len(arts))
	}
	return arts
}

func TestCodeExamples(t *testing.T) {
	e := setup(t)
	for _, a := range examples(t) {
		res := e.Code(a, engine.Options{})
		if len(res.Doc.Sentences) == 0 || len(res.Doc.Entities) == 0 {
			t.Errorf("%s: %d sentences, %d entities", a.ID, len(res.Doc.Sentences), len(res.Doc.Entities))
		}
		for _, ev := range res.Doc.Events {
			if ev.Span[0] < 0 || ev.Span[1] > len(a.Text) || ev.Trigger.Span[0] < ev.Span[0] || ev.Trigger.Span[1] > ev.Span[1] {
				t.Errorf("%s: event %s spans out of its sentence: %v %v", a.ID, ev.ID, ev.Span, ev.Trigger.Span)
			}
		}
	}
}

// The stage benchmarks run over the example articles, annotated once, so
// that the cost of each stage can be compared with tagging and parsing
// (BenchmarkAnnotate).
func BenchmarkAnnotate(b *testing.B) {
	e := setup(b)
	arts := examples(b)
	n := 0
	b.ResetTimer()
	for range b.N {
		for _, a := range arts {
			n += len(e.P.Annotate(a.Text))
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

func annotated(b *testing.B, e *engine.Engine) ([]doc.Article, [][]doc.Sentence) {
	arts := examples(b)
	sents := make([][]doc.Sentence, len(arts))
	for i, a := range arts {
		sents[i] = e.P.Annotate(a.Text)
	}
	return arts, sents
}

func BenchmarkActors(b *testing.B) {
	e := setup(b)
	arts, sents := annotated(b, e)
	n := 0
	b.ResetTimer()
	for range b.N {
		for i, a := range arts {
			d, _ := dict.ParseDate(a.Date)
			e.Actors.Resolve(a.Text, sents[i], d)
			n += len(sents[i])
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkEvents(b *testing.B) {
	e := setup(b)
	arts, sents := annotated(b, e)
	acts := make([]*actor.Result, len(arts))
	for i, a := range arts {
		d, _ := dict.ParseDate(a.Date)
		acts[i] = e.Actors.Resolve(a.Text, sents[i], d)
	}
	n := 0
	b.ResetTimer()
	for range b.N {
		for i, a := range arts {
			e.Events.Code(event.Input{DocID: a.ID, Text: a.Text, Date: a.Date, Sentences: sents[i], Actors: acts[i]})
			n += len(sents[i])
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkCode(b *testing.B) {
	e := setup(b)
	arts := examples(b)
	n := 0
	b.ResetTimer()
	for range b.N {
		for _, a := range arts {
			n += len(e.Code(a, engine.Options{}).Sentences)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkCodeNews runs the whole job, one core, over the PolNeAR news
// articles in ../shared (skipped without them): the throughput `dyad code`
// is measured by, without reading files or writing JSON.
func BenchmarkCodeNews(b *testing.B) {
	e := setup(b)
	dir := sharedtest.Need(b, "data/gold/polnear/train/text")
	var arts []doc.Article
	if _, err := input.Read(context.Background(), []string{dir}, nil, input.Options{}, func(a doc.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	if len(arts) > 200 {
		arts = arts[:200]
	}
	n := 0
	b.ResetTimer()
	for range b.N {
		for _, a := range arts {
			n += len(e.Code(a, engine.Options{}).Sentences)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
