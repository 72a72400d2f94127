package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"dyad/conllu"
	"dyad/doc"
	"dyad/lemma"
	"dyad/ner"
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
	// NER names the treebanks, among Train, whose entity annotation
	// (GUM's Entity attribute) the named-entity recogniser learns from
	// (default gum-train); NEREpochs overrides its number of passes.
	NER       []string
	NEREpochs int
	Log       io.Writer // progress lines; nil for none
}

// Model file names inside the models folder.
const (
	SegmenterFile = "segmenter.bin"
	TaggerFile    = "tagger.bin"
	ParserFile    = "parser.bin"
	LemmaFile     = "lemma.bin"
	NERFile       = "ner.bin"
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
		NER:             []string{"gum-train"},
		NEREpochs:       12,
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
	for _, name := range cfg.NER {
		if !slices.Contains(cfg.Train, name) {
			return fmt.Errorf("train: NER treebank %s is not one of the training treebanks %v", name, cfg.Train)
		}
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
	// The recogniser learns from the jackknifed tags too: sentence i of
	// all was tagged in fold i%folds, as its (i/folds)th held-out sentence.
	nerData, err := nerSentences(cfg, banks, func(i int) *conllu.Sentence { return foldTags[i%folds][i/folds] })
	if err != nil {
		return err
	}
	gaz, err := ner.DefaultGazetteer()
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	var parser *parse.Parser
	var nerModel *ner.Model
	err = runJobs(ctx, 2, []func(){
		func() {
			parser = parse.Train(parserData, parse.TrainOptions{
				Epochs: cfg.ParserEpochs, Seed: cfg.Seed, MinWeight: cfg.ParserMinWeight,
				Log: func(f string, a ...any) { logf(f, a...) },
			})
			logf("parser: %s", parser.Stats())
		},
		func() {
			nerModel = ner.Train(nerData, ner.TrainOptions{Epochs: cfg.NEREpochs, Seed: cfg.Seed, Gazetteer: gaz})
			logf("ner: %d sentences; %s", len(nerData), nerModel.Stats())
		},
	})
	if err != nil {
		return err
	}
	for _, m := range []struct {
		name string
		w    io.WriterTo
	}{{SegmenterFile, seg}, {TaggerFile, tagger}, {ParserFile, parser}, {LemmaFile, lem}, {NERFile, nerModel}} {
		if err := write(m.name, m.w); err != nil {
			return err
		}
	}
	logf("done")
	return nil
}

// nerSentences returns the training sentences of the named-entity
// recogniser: the sentences of the cfg.NER treebanks, with the tags
// predicted for them (tagged(i) is sentence i of the concatenated banks)
// and the named mentions of their gold annotation.
func nerSentences(cfg TrainConfig, banks [][]*conllu.Sentence, tagged func(i int) *conllu.Sentence) ([]ner.Sentence, error) {
	gaz, err := ner.DefaultGazetteer()
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	var out []ner.Sentence
	for _, name := range cfg.NER {
		b := slices.Index(cfg.Train, name)
		if b < 0 {
			return nil, fmt.Errorf("train: NER treebank %s is not one of the training treebanks %v", name, cfg.Train)
		}
		offset := 0
		for _, bank := range banks[:b] {
			offset += len(bank)
		}
		for j, s := range banks[b] {
			ms, err := ner.GoldMentions(s, gaz)
			if err != nil {
				return nil, fmt.Errorf("train: %s: %w", name, err)
			}
			t := tagged(offset + j)
			words := make([]doc.Word, len(t.Words))
			for k, w := range t.Words {
				words[k] = doc.Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS}
			}
			out = append(out, ner.Sentence{Words: words, Mentions: ms})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("train: no sentences for the named-entity recogniser")
	}
	return out, nil
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
