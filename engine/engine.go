// Package engine assembles dyad's stages into the whole job: an article
// in, a document record out — sentences, entities with their CAMEO codes,
// and coded events. The command line and (later) the server are thin
// layers over it.
package engine

import (
	"fmt"

	"dyad/actor"
	"dyad/actor/dict"
	"dyad/doc"
	"dyad/event"
	"dyad/event/lexicon"
	"dyad/geo"
	"dyad/pipeline"
	"dyad/quantity"
	"dyad/quote"
	"dyad/record"
)

// Engine codes articles. It is safe for concurrent use.
type Engine struct {
	P      *pipeline.Pipeline
	Actors *actor.Resolver
	Events *event.Coder
}

// Config says where the engine's parts come from; zero fields mean the
// built-in ones.
type Config struct {
	Pipeline *pipeline.Pipeline // language models
	Dict     *dict.Dict         // actor dictionary
	Lexicon  *lexicon.Lexicon   // event lexicon
}

// New builds an engine, loading the built-in parts the config leaves out.
func New(cfg Config) (*Engine, error) {
	var err error
	if cfg.Pipeline == nil {
		if cfg.Pipeline, err = pipeline.Default(); err != nil {
			return nil, fmt.Errorf("engine: language models: %w", err)
		}
	}
	if cfg.Dict == nil {
		if cfg.Dict, err = dict.Default(); err != nil {
			return nil, fmt.Errorf("engine: actor dictionary: %w", err)
		}
	}
	if cfg.Lexicon == nil {
		if cfg.Lexicon, err = lexicon.Default(); err != nil {
			return nil, fmt.Errorf("engine: event lexicon: %w", err)
		}
	}
	gaz, err := geo.Default()
	if err != nil {
		return nil, fmt.Errorf("engine: gazetteer: %w", err)
	}
	return &Engine{P: cfg.Pipeline, Actors: actor.New(cfg.Dict), Events: event.New(cfg.Lexicon, gaz)}, nil
}

// Options change what Code produces.
type Options struct {
	Explain bool // explain each event (record.Event.Explain)
}

// Result is everything found in one article: the document record and the
// intermediate analyses it was made from.
type Result struct {
	Doc       record.Document
	Sentences []doc.Sentence
	Actors    *actor.Result
}

// Code runs every stage on one article.
func (e *Engine) Code(a doc.Article, opt Options) *Result {
	sents := e.P.Annotate(a.Text)
	var date dict.Date
	if a.Date != "" {
		if d, err := dict.ParseDate(a.Date); err == nil {
			date = d
		}
	}
	hints := make([][]actor.NameHint, len(sents))
	for i := range sents {
		for _, m := range e.P.Entities(sents[i].Words) {
			hints[i] = append(hints[i], actor.NameHint{Start: m.Start, End: m.End, Type: m.Type})
		}
	}
	acts := e.Actors.ResolveHinted(a.Text, sents, date, hints)
	evs := e.Events.Code(event.Input{DocID: a.ID, Text: a.Text, Date: a.Date, Sentences: sents, Actors: acts, Explain: opt.Explain})
	d := record.Document{Schema: record.Schema, DocID: a.ID, Date: a.Date, Source: a.Source, Title: a.Title, URL: a.URL,
		Sentences: make([]record.SentenceSpan, len(sents)), Entities: acts.Records(), Events: evs,
		Quotes: quote.Find(a.Text, sents, acts), Quantities: []record.Quantity{}, Conflicts: []record.Conflict{}, Diagnostics: []record.Diagnostic{}}
	if d.Quotes == nil {
		d.Quotes = []record.Quote{}
	}
	var sentOf []int
	for i := range sents {
		for _, q := range quantity.Find(a.Text, sents[i]) {
			// A quantity inside what someone is quoted as saying is theirs.
			for k := range d.Quotes {
				qu := &d.Quotes[k]
				if qu.Speaker != nil && qu.Span[0] <= q.Span[0] && q.Span[1] <= qu.Span[1] {
					q.ReportedBy = qu.Speaker
				}
			}
			d.Quantities = append(d.Quantities, q)
			sentOf = append(sentOf, i)
		}
	}
	d.Conflicts = conflicts(d.Quantities, sentOf)
	for i, s := range sents {
		d.Sentences[i] = record.SentenceSpan{Span: record.Span{s.Span.Start, s.Span.End}}
	}
	if d.Events == nil {
		d.Events = []record.Event{}
	}
	return &Result{Doc: d, Sentences: sents, Actors: acts}
}

// conflicts finds claims that cannot both be true: two counts of the same
// kind of victims or participants (killed, wounded, ...) of the same unit,
// in the same or adjacent sentences, whose ranges do not overlap ("several
// hundred thousand deaths ..., not millions as suggested"). Counts further
// apart are taken to be about different things.
func conflicts(qs []record.Quantity, sentOf []int) []record.Conflict {
	out := []record.Conflict{}
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			a, b := qs[i], qs[j]
			if a.Kind == "" || a.Kind != b.Kind || a.Unit != b.Unit || sentOf[j]-sentOf[i] > 1 {
				continue
			}
			if quantity.Overlaps(a, b) {
				continue
			}
			out = append(out, record.Conflict{About: a.Unit, Claims: []int{i, j},
				Why: fmt.Sprintf("%q (%s) and %q (%s) do not overlap", a.Text, quantity.RangeText(a), b.Text, quantity.RangeText(b))})
		}
	}
	return out
}

// DefaultMinConfidence is the confidence below which dyad leaves events
// out by default: events in subordinate clauses and bare nouns that the
// sentence does not report as its news (tuned on the PLOVER dev set; see
// the README).
const DefaultMinConfidence = 0.4

// KeepEvents drops from d the events the text denies (unless
// includeNegated) and those whose confidence is below minConfidence.
func KeepEvents(d *record.Document, minConfidence float64, includeNegated bool) {
	kept := d.Events[:0]
	for _, e := range d.Events {
		if (includeNegated || !e.Negated) && e.Confidence >= minConfidence {
			kept = append(kept, e)
		}
	}
	d.Events = kept
}
