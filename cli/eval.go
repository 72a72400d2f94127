package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"dyad/conllu"
	"dyad/eval"
)

func runEval(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval", "--parser FILE.conllu [flags]", `
Score dyad against gold annotations and print the figures.

--parser FILE.conllu scores the language pipeline on a Universal
Dependencies treebank in two ways, as the CoNLL 2018 shared task does:
  raw text     the treebank's sentences are joined back into text (a space
               between sentences, a blank line between paragraphs) and
               split, tokenized, tagged and parsed from scratch: Tokens,
               Words and Sentences F1;
  gold tokens  each gold sentence's words are tagged, lemmatized and
               parsed: UPOS, XPOS and lemma accuracy, UAS and LAS
               (punctuation included; LAS ignores relation subtypes).

Example:
  dyad eval --parser ../shared/data/ud/ewt-test.conllu`)
	treebank := fs.String("parser", "", "score the tokenizer, tagger and parser on `FILE.conllu`")
	models := fs.String("models", "", "read the models from `DIR` instead of the built-in ones")
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if *treebank == "" {
		if fs.NArg() > 0 {
			return usageError("eval: scoring event gold files comes with event coding; this version scores treebanks: dyad eval --parser FILE.conllu")
		}
		fs.Usage()
		return usageError("eval: give --parser FILE.conllu")
	}
	if fs.NArg() > 0 {
		return usageError("eval: unexpected arguments %q", fs.Args())
	}
	gold, err := conllu.ReadFile(*treebank)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	if len(gold) == 0 {
		return usageError("eval: %s has no sentences", *treebank)
	}
	t0 := time.Now()
	p, err := loadPipeline(*models)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	load := time.Since(t0)
	name := strings.TrimSuffix(filepath.Base(*treebank), ".conllu")

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
