// Package pipeline assembles dyad's language stages — sentence splitting
// and tokenization, tagging, lemmatization, dependency parsing and
// named-entity recognition — into one object that turns text into
// annotated sentences.
package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"dyad/doc"
	"dyad/lemma"
	"dyad/models"
	"dyad/ner"
	"dyad/parse"
	"dyad/tag"
	"dyad/text"
)

// Pipeline runs the language stages. It is safe for concurrent use.
type Pipeline struct {
	seg    *text.Segmenter
	tagger *tag.Tagger
	parser *parse.Parser
	lem    *lemma.Lemmatizer
	ner    *ner.Model
}

var (
	embeddedOnce sync.Once
	embedded     *Pipeline
	embeddedErr  error
)

// Default returns the pipeline built from the models embedded in the
// binary. They are decoded once, on first use.
func Default() (*Pipeline, error) {
	embeddedOnce.Do(func() { embedded, embeddedErr = loadEmbedded() })
	return embedded, embeddedErr
}

func loadEmbedded() (*Pipeline, error) { return load(models.Open) }

// LoadDir returns a pipeline built from the model files in dir, as written
// by Train.
func LoadDir(dir string) (*Pipeline, error) {
	return load(func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) })
}

// load decodes the five models concurrently.
func load(open func(string) ([]byte, error)) (*Pipeline, error) {
	p := &Pipeline{}
	var wg sync.WaitGroup
	errs := make([]error, 5)
	dec := func(i int, name string, f func([]byte) error) {
		defer wg.Done()
		data, err := open(name)
		if err == nil {
			err = f(data)
		}
		if err != nil {
			errs[i] = fmt.Errorf("model %s: %w", name, err)
		}
	}
	wg.Add(5)
	go dec(0, SegmenterFile, func(b []byte) (err error) {
		p.seg, err = text.ReadSegmenter(bytes.NewReader(b))
		return
	})
	go dec(1, TaggerFile, func(b []byte) (err error) { p.tagger, err = tag.Read(b); return })
	go dec(2, ParserFile, func(b []byte) (err error) { p.parser, err = parse.Read(b); return })
	go dec(3, LemmaFile, func(b []byte) (err error) { p.lem, err = lemma.Read(bytes.NewReader(b)); return })
	go dec(4, NERFile, func(b []byte) (err error) { p.ner, err = ner.Read(b); return })
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Split splits text into sentences of tokens and words, without tags.
func (p *Pipeline) Split(s string) []doc.Sentence { return p.seg.Split(s) }

// Annotate splits, tags, lemmatizes and parses text. A dateline that
// opens a sentence ("WASHINGTON, Feb 12 - U.S. President Donald Trump
// said ...") is parsed apart from the sentence it heads and attached to
// its root as "dep", so that it does not take the subject's place.
func (p *Pipeline) Annotate(s string) []doc.Sentence {
	sents := p.seg.Split(s)
	for i := range sents {
		words := sents[i].Words
		p.Tag(words)
		if k := text.Dateline(words); k > 0 {
			p.parser.Parse(words[:k])
			rest := words[k:]
			p.parser.Parse(rest)
			root := 0
			for j := range rest {
				if rest[j].Head > 0 {
					rest[j].Head += k
				} else if root == 0 {
					root = k + j + 1
				}
			}
			for j := range words[:k] {
				if words[j].Head == 0 {
					words[j].Head, words[j].Deprel = root, "dep"
				}
			}
			continue
		}
		p.parser.Parse(words)
	}
	return sents
}

// AnnotateWords tags, lemmatizes and parses one sentence's words, given
// their forms.
func (p *Pipeline) AnnotateWords(words []doc.Word) {
	p.Tag(words)
	p.parser.Parse(words)
}

// Tag fills UPOS, XPOS and Lemma of a sentence's words.
func (p *Pipeline) Tag(words []doc.Word) {
	p.tagger.Tag(words)
	for i := range words {
		w := &words[i]
		w.Lemma = p.lem.Lemma(w.Form, w.UPOS, w.XPOS)
	}
}

// Parse fills Head and Deprel of words that already have tags.
func (p *Pipeline) Parse(words []doc.Word) { p.parser.Parse(words) }

// Entities returns the named mentions (people, organisations, places,
// nationalities, events) in one sentence's words, which must already be
// tagged (Tag or AnnotateWords). Mention spans are word indexes.
func (p *Pipeline) Entities(words []doc.Word) []ner.Mention { return p.ner.Recognize(words) }
