package eval

import (
	"fmt"
	"io"

	"dyad/conllu"
	"dyad/doc"
	"dyad/text"
)

// TagParser is what the gold-token scorer runs: it fills tags, lemmas,
// heads and relations of a sentence's words given their forms.
type TagParser interface {
	AnnotateWords(words []doc.Word)
}

// ParserScores are word-level accuracies with gold tokenization, as the
// CoNLL 2018 shared task counts them (punctuation included).
type ParserScores struct {
	Words                       int
	UPOS, XPOS, Lemma, UAS, LAS int // correct counts
	LASFull                     int // LAS counting relation subtypes too
	Sentences                   int
}

// Pct returns 100*n/Words.
func (s ParserScores) Pct(n int) float64 {
	if s.Words == 0 {
		return 0
	}
	return 100 * float64(n) / float64(s.Words)
}

// ScoreParser runs tp on the gold tokens of every sentence and counts
// agreement with the gold annotation. LAS compares the universal part of
// the relation (before any ':' subtype), as the CoNLL 2018 scorer does.
func ScoreParser(tp TagParser, gold []*conllu.Sentence) ParserScores {
	var sc ParserScores
	for _, s := range gold {
		words := make([]doc.Word, len(s.Words))
		for i, w := range s.Words {
			words[i] = doc.Word{Form: w.Form}
		}
		tp.AnnotateWords(words)
		sc.Sentences++
		for i, g := range s.Words {
			p := words[i]
			sc.Words++
			if p.UPOS == g.UPOS {
				sc.UPOS++
			}
			if p.XPOS == g.XPOS {
				sc.XPOS++
			}
			if p.Lemma == g.Lemma {
				sc.Lemma++
			}
			if p.Head == g.Head {
				sc.UAS++
				if p.Deprel == g.Deprel {
					sc.LASFull++
				}
				if universal(p.Deprel) == universal(g.Deprel) {
					sc.LAS++
				}
			}
		}
	}
	return sc
}

func universal(rel string) string {
	for i := 0; i < len(rel); i++ {
		if rel[i] == ':' {
			return rel[:i]
		}
	}
	return rel
}

// WriteParserScores prints the accuracies as a small table, one a line.
func WriteParserScores(w io.Writer, s ParserScores) {
	fmt.Fprintf(w, "  UPOS   %6.2f\n  XPOS   %6.2f\n  Lemma  %6.2f\n  UAS    %6.2f\n  LAS    %6.2f   (with subtypes: %.2f)\n",
		s.Pct(s.UPOS), s.Pct(s.XPOS), s.Pct(s.Lemma), s.Pct(s.UAS), s.Pct(s.LAS), s.Pct(s.LASFull))
}

// Splitter is what the raw-text scorer runs: it turns text into sentences
// of tokens and words.
type Splitter interface {
	Split(text string) []doc.Sentence
}

// RawTextScores rebuilds the raw text of a treebank (text.RawText), splits
// it with sp and scores tokens, words and sentences as the CoNLL 2018
// shared task does.
func RawTextScores(sp Splitter, gold []*conllu.Sentence) (tokens, words, sentences Score, err error) {
	raw, _ := text.RawText(gold)
	tokens, sentences, words, err = SegmentScores(gold, sp.Split(raw), raw)
	return tokens, words, sentences, err
}
