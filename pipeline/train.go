package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"dyad/conllu"
	"dyad/lemma"
	"dyad/parse"
	"dyad/tag"
	"dyad/text"
)

// TrainConfig says where the treebanks are and where the models go.
type TrainConfig struct {
	UDDir  string   // folder with the .conllu treebanks
	Train  []string // treebank names to train on (default ewt-train, gum-train)
	OutDir string   // folder the model files are written to
	Seed   int64    // fixed seed: the same data and seed give the same models
	Folds  int      // jackknife folds for the parser's training tags (default 5)
	// TaggerEpochs and ParserEpochs override the default number of passes.
	TaggerEpochs, ParserEpochs int
	// ParserMinWeight and TaggerMinWeight prune small weights (model size).
	ParserMinWeight, TaggerMinWeight float64
	Log                              io.Writer // progress lines; nil for none
}

// Model file names inside the models folder.
const (
	SegmenterFile = "segmenter.bin"
	TaggerFile    = "tagger.bin"
	ParserFile    = "parser.bin"
	LemmaFile     = "lemma.bin"
)

// DefaultTrainConfig returns the configuration `dyad train` uses.
func DefaultTrainConfig(udDir, outDir string) TrainConfig {
	return TrainConfig{
		UDDir: udDir, OutDir: outDir, Seed: 1, Folds: 5,
		Train:           []string{"ewt-train", "gum-train"},
		TaggerEpochs:    10,
		ParserEpochs:    18,
		ParserMinWeight: 1,
		TaggerMinWeight: 0,
	}
}

// Train rebuilds every statistical model from the treebanks and writes them
// to cfg.OutDir. Runs are deterministic for a given seed.
func Train(ctx context.Context, cfg TrainConfig) error {
	start := time.Now()
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "[%6.1fs] "+format+"\n", append([]any{time.Since(start).Seconds()}, args...)...)
		}
	}
	var banks [][]*conllu.Sentence
	var all []*conllu.Sentence
	for _, name := range cfg.Train {
		path := filepath.Join(cfg.UDDir, name+".conllu")
		s, err := conllu.ReadFile(path)
		if err != nil {
			return fmt.Errorf("train: %w", err)
		}
		logf("read %s: %d sentences", path, len(s))
		banks = append(banks, s)
		all = append(all, s...)
	}
	if len(all) == 0 {
		return fmt.Errorf("train: no training sentences")
	}
	if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	write := func(name string, w io.WriterTo) error {
		var b bytes.Buffer
		if _, err := w.WriteTo(&b); err != nil {
			return fmt.Errorf("train: encode %s: %w", name, err)
		}
		path := filepath.Join(cfg.OutDir, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("train: %w", err)
		}
		logf("wrote %s (%.1f MB)", path, float64(b.Len())/1e6)
		return nil
	}

	// Independent jobs run two at a time (the machine we target has two
	// cores); each is deterministic on its own, so the result does not
	// depend on scheduling.
	folds := cfg.Folds
	if folds < 2 {
		folds = 2
	}
	foldTags := make([][]*conllu.Sentence, folds) // fold k tagged by a tagger that did not see it
	var tagger *tag.Tagger
	var seg *text.Segmenter
	var lem *lemma.Lemmatizer
	var segErr error
	jobs := []func(){
		func() {
			tagger = tag.Train(all, tag.TrainOptions{Epochs: cfg.TaggerEpochs, Seed: cfg.Seed, MinWeight: cfg.TaggerMinWeight})
			logf("tagger: %s", tagger.Stats())
		},
		func() {
			seg, segErr = text.TrainSegmenter(banks, cfg.Seed)
			logf("segmenter trained")
		},
		func() {
			lem = lemma.Train(banks...)
			logf("lemmatizer trained")
		},
	}
	for k := 0; k < folds; k++ {
		jobs = append(jobs, func() {
			var train, held []*conllu.Sentence
			for i, s := range all {
				if i%folds == k {
					held = append(held, s)
				} else {
					train = append(train, s)
				}
			}
			t := tag.Train(train, tag.TrainOptions{Epochs: cfg.TaggerEpochs, Seed: cfg.Seed, OnePass: true})
			foldTags[k] = retag(t, held)
			logf("jackknife fold %d/%d tagged", k+1, folds)
		})
	}
	if err := runJobs(ctx, 2, jobs); err != nil {
		return err
	}
	if segErr != nil {
		return fmt.Errorf("train: segmenter: %w", segErr)
	}
	var parserData []*conllu.Sentence
	for k := range foldTags {
		parserData = append(parserData, foldTags[k]...)
	}
	parser := parse.Train(parserData, parse.TrainOptions{
		Epochs: cfg.ParserEpochs, Seed: cfg.Seed, MinWeight: cfg.ParserMinWeight,
		Log: func(f string, a ...any) { logf(f, a...) },
	})
	logf("parser: %s", parser.Stats())
	for _, m := range []struct {
		name string
		w    io.WriterTo
	}{{SegmenterFile, seg}, {TaggerFile, tagger}, {ParserFile, parser}, {LemmaFile, lem}} {
		if err := write(m.name, m.w); err != nil {
			return err
		}
	}
	logf("done")
	return nil
}

// retag returns copies of sents whose UPOS and XPOS are the tagger's.
func retag(t *tag.Tagger, sents []*conllu.Sentence) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(sents))
	var buf []int
	for i, s := range sents {
		c := *s
		c.Words = append([]conllu.Word(nil), s.Words...)
		forms := make([]string, len(c.Words))
		for j, w := range c.Words {
			forms[j] = w.Form
		}
		buf = t.TagForms(forms, buf)
		for j, cl := range buf {
			c.Words[j].UPOS, c.Words[j].XPOS = t.UPOS(cl), t.XPOS(cl)
		}
		out[i] = &c
	}
	return out
}

// runJobs runs fns with at most n at a time and waits for all of them.
func runJobs(ctx context.Context, n int, fns []func()) error {
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	for _, f := range fns {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return ctx.Err()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f()
		}()
	}
	wg.Wait()
	return ctx.Err()
}
