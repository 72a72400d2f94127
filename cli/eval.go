package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dyad/actor"
	"dyad/conllu"
	"dyad/doc"
	"dyad/engine"
	"dyad/eval"
	"dyad/record"
)

func runEval(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval", "[flags] GOLD", `
Run dyad on a gold set and print its scores. The kind of gold is told by
its form:

  *.json, *.jsonl, *.xml
           event gold: dyad gold JSONL, PLOVER gold-standard records or
           PETRARCH validation records. Prints precision, recall and F1 at
           three levels (event type; type + actor and recipient countries;
           type + full actor codes) and a table per event type. PLOVER
           records also score the actors (does the entity covering each gold
           source and target have its country, and country + sector?);
           PETRARCH records also print how many records agree exactly.
  *.tsv    ConfliBERT sentences with a 5-way CAMEO class: accuracy of the
           class of the first event coded in each sentence.
  *.txt    ConfliBERT BIO actor spans: recall of source and target spans by
           the entities found.
  DIR      re3d: entity recognition (PERSON, ORG, places) per type; or,
           when it holds text/ and attributions/ (PolNeAR), quotations:
           recall of the annotated contents (a predicted quote covering at
           least half of one) and speaker accuracy (the predicted speaker,
           or a mention of its entity, overlaps the annotated source), for
           direct quotations and for all attributions.
  *.conllu a Universal Dependencies treebank (same as --parser).

--parser FILE.conllu scores the language pipeline on a treebank in two
ways, as the CoNLL 2018 shared task does:
  raw text     the treebank's sentences are joined back into text and
               split, tokenized, tagged and parsed from scratch: Tokens,
               Words and Sentences F1;
  gold tokens  each gold sentence's words are tagged, lemmatized and
               parsed: UPOS, XPOS and lemma accuracy, UAS and LAS.

Examples:
  dyad eval ../shared/data/gold/plover-gsr-dev.json
  dyad eval --errors ../shared/data/gold/plover-gsr-dev.json
  dyad eval ../shared/data/gold/conflibert/cameo_class_train.tsv
  dyad eval --parser ../shared/data/ud/ewt-test.conllu`)
	treebank := fs.String("parser", "", "score the tokenizer, tagger and parser on `FILE.conllu`")
	models := fs.String("models", "", "read the models from `DIR` instead of the built-in ones")
	errs := fs.Bool("errors", false, "list misses and false alarms with their sentences")
	quotes := fs.Bool("quotes", false, "score quotations and speakers on a PolNeAR directory (text/ and attributions/; found by itself when present)")
	minConf := fs.Float64("min-confidence", defaultMinConfidence, "score only events with at least this `confidence` (as dyad code prints them)")
	var dicts dictFlags
	dicts.register(fs)
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if *treebank == "" && fs.NArg() == 1 && strings.HasSuffix(fs.Arg(0), ".conllu") {
		*treebank = fs.Arg(0)
	} else if *treebank != "" && fs.NArg() > 0 {
		return usageError("eval: unexpected arguments %q", fs.Args())
	}
	if *treebank != "" {
		return evalParser(env, *treebank, *models)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError("eval: give one gold file or directory")
	}
	gold := fs.Arg(0)
	st, err := os.Stat(gold)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	t0 := time.Now()
	eng, err := dicts.engine(env, *models)
	if err != nil {
		return err
	}
	load := time.Since(t0)
	w := env.Stdout
	name := filepath.Base(gold)
	code := func(id, text, date string) *engine.Result {
		return eng.Code(doc.Article{ID: id, Text: text, Date: date}, engine.Options{})
	}
	events := func(r *engine.Result) []record.Event {
		var out []record.Event
		for _, e := range r.Doc.Events {
			if !e.Negated && e.Confidence >= *minConf {
				out = append(out, e)
			}
		}
		return out
	}
	quoteDir := false
	if st.IsDir() {
		_, err := os.Stat(filepath.Join(gold, "attributions"))
		quoteDir = err == nil || *quotes
	}
	switch {
	case quoteDir:
		docs, bad, err := eval.ReadPolNeAR(gold)
		if err != nil {
			return &ExitError{Code: ExitUsage, Err: err}
		}
		if bad > 0 {
			fmt.Fprintf(env.Stderr, "dyad: %s: %d malformed annotation lines skipped\n", gold, bad)
		}
		t0 = time.Now()
		s := eval.ScoreQuotes(docs, func(d eval.QuoteDoc) ([]record.Quote, []record.Entity) {
			r := code(d.ID, d.Text, "")
			return r.Doc.Quotes, r.Doc.Entities
		})
		fmt.Fprintf(w, "%s: PolNeAR attributions (models loaded in %v, coded in %.1fs)\n", name, load.Round(time.Millisecond), time.Since(t0).Seconds())
		eval.WriteQuoteScores(w, s)
		return nil
	case st.IsDir():
		docs, err := eval.ReadRe3d(gold)
		if err != nil {
			return &ExitError{Code: ExitUsage, Err: err}
		}
		t0 = time.Now()
		s := eval.ScoreEntities(name, docs, eval.Re3dTask, func(text string) []eval.EntitySpan {
			return entitySpans(text, code("", text, "").Actors)
		})
		fmt.Fprintf(w, "%s: %d documents (models loaded in %v, scored in %.1fs)\n\n", name, len(docs), load.Round(time.Millisecond), time.Since(t0).Seconds())
		eval.WriteEntityScores(w, s)
		return nil
	case strings.HasSuffix(gold, ".tsv"):
		sents, diags, err := readWith(gold, eval.ReadClass)
		if err := reportDiags(env, diags, err); err != nil {
			return err
		}
		t0 = time.Now()
		s := eval.ScoreClass(sents, func(text string) []record.Event { return events(code("", text, "")) })
		fmt.Fprintf(w, "%s: %d sentences (scored in %.1fs)\n\n", name, len(sents), time.Since(t0).Seconds())
		eval.WriteClassScores(w, s)
		return nil
	case strings.HasSuffix(gold, ".txt"):
		sents, diags, err := readWith(gold, eval.ReadBIO)
		if err := reportDiags(env, diags, err); err != nil {
			return err
		}
		t0 = time.Now()
		s := eval.ScoreActorSpans(sents, func(text string) []record.Entity { return code("", text, "").Doc.Entities })
		fmt.Fprintf(w, "%s: %d sentences (scored in %.1fs)\n\n", name, len(sents), time.Since(t0).Seconds())
		eval.WriteSpanScores(w, s)
		return nil
	}
	sents, diags, err := eval.ReadEventGoldFile(gold)
	if err := reportDiags(env, diags, err); err != nil {
		return err
	}
	if len(sents) == 0 {
		return usageError("eval: %s holds no gold sentences", gold)
	}
	petrarch := sents[0].Petrarch != nil
	if petrarch {
		sents = eval.PetrarchRun(sents)
	}
	results := make(map[string]*engine.Result, len(sents))
	t0 = time.Now()
	for _, g := range sents {
		if err := ctx.Err(); err != nil {
			return err
		}
		results[g.ID+"\x00"+g.Origin] = code(g.ID, g.Text, g.Date)
	}
	took := time.Since(t0)
	get := func(g eval.GoldSentence) *engine.Result { return results[g.ID+"\x00"+g.Origin] }
	fmt.Fprintf(w, "%s: %d sentences (models loaded in %v, coded in %.1fs)\n\n", name, len(sents), load.Round(time.Millisecond), took.Seconds())
	es := eval.ScoreEvents(sents, func(g eval.GoldSentence) []record.Event {
		evs := events(get(g))
		if !petrarch {
			// PLOVER gold: events of CAMEO roots 01 and 02, which PLOVER
			// dropped, have no type to be scored on.
			kept := evs[:0]
			for _, e := range evs {
				if e.Event != "" {
					kept = append(kept, e)
				}
			}
			evs = kept
		}
		return evs
	})
	eval.WriteEventScores(w, es, *errs)
	hasActors := false
	for _, g := range sents {
		hasActors = hasActors || len(g.Actors) > 0
	}
	if hasActors {
		fmt.Fprintln(w)
		as := eval.ScoreActors(sents, func(g eval.GoldSentence) []record.Entity { return get(g).Doc.Entities })
		eval.WriteActorScores(w, as, *errs)
	}
	if petrarch {
		fmt.Fprintln(w)
		ps := eval.PetrarchAgreement(sents, func(g eval.GoldSentence) []record.Event { return events(get(g)) })
		eval.WritePetrarchAgreement(w, ps, *errs)
	}
	return nil
}

// readWith opens path and reads it with read.
func readWith[T any](path string, read func(string, io.Reader) ([]T, []doc.Diagnostic, error)) ([]T, []doc.Diagnostic, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return read(path, bufio.NewReader(f))
}

// reportDiags prints the gold file's diagnostics; err is a read failure.
func reportDiags(env Env, diags []doc.Diagnostic, err error) error {
	for _, d := range diags {
		fmt.Fprintf(env.Stderr, "dyad: %s\n", d)
	}
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	return nil
}

func evalParser(env Env, treebank, models string) error {
	gold, err := conllu.ReadFile(treebank)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	if len(gold) == 0 {
		return usageError("eval: %s has no sentences", treebank)
	}
	t0 := time.Now()
	p, err := loadPipeline(models)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	load := time.Since(t0)
	name := strings.TrimSuffix(filepath.Base(treebank), ".conllu")

	t0 = time.Now()
	tok, words, sents, err := eval.RawTextScores(p, gold)
	if err != nil {
		return err
	}
	raw := time.Since(t0)
	t0 = time.Now()
	ps := eval.ScoreParser(p, gold)
	gt := time.Since(t0)

	w := env.Stdout
	fmt.Fprintf(w, "%s: %d sentences, %d words (models loaded in %v)\n\n", name, len(gold), ps.Words, load.Round(time.Millisecond))
	fmt.Fprintf(w, "raw text (%.2fs)      P       R       F1\n", raw.Seconds())
	for _, r := range []struct {
		n string
		s eval.Score
	}{{"Tokens", tok}, {"Words", words}, {"Sentences", sents}} {
		fmt.Fprintf(w, "  %-10s     %6.2f  %6.2f  %6.2f\n", r.n, 100*r.s.P(), 100*r.s.R(), 100*r.s.F1())
	}
	fmt.Fprintf(w, "\ngold tokens (%.2fs, %.0f sentences/s)\n", gt.Seconds(), float64(len(gold))/gt.Seconds())
	eval.WriteParserScores(w, ps)
	return nil
}

// entitySpans lists every actor mention with its entity's type, for
// scoring entity recognition. A group of people ("militants", "Russian
// troops") counts as an organisation, as re3d and most entity schemes
// annotate them.
func entitySpans(text string, r *actor.Result) []eval.EntitySpan {
	var out []eval.EntitySpan
	for _, m := range r.Mentions {
		t := m.Type
		if m.Entity != nil {
			t = m.Entity.Type
		}
		if t == record.Person && m.Plural && !m.Pronoun {
			t = record.Org
		}
		if t == "" || t == record.Other || m.Pronoun && m.Entity == nil {
			continue
		}
		start := m.Span.Start
		// re3d, like most entity schemes, spans "the army", "the United
		// States"; dyad's mentions leave the article out.
		if p := strings.ToLower(text[max(0, start-4):start]); p == "the " && t != record.NORP {
			start -= 4
		}
		out = append(out, eval.EntitySpan{Start: start, End: m.Span.End, Type: t})
	}
	return out
}
