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
	for i, s := range sents {
		d.Sentences[i] = record.SentenceSpan{Span: record.Span{s.Span.Start, s.Span.End}}
	}
	if d.Events == nil {
		d.Events = []record.Event{}
	}
	return &Result{Doc: d, Sentences: sents, Actors: acts}
}
