package eval

import (
	"strings"
	"testing"

	"dyad/conllu"
	"dyad/doc"
)

// oneOff annotates every word as the gold does, except that the last word
// gets head 1 with "nmod:poss" when the gold says otherwise.
type oneOff struct{ gold *conllu.Sentence }

func (o oneOff) AnnotateWords(words []doc.Word) {
	for i, g := range o.gold.Words {
		words[i].UPOS, words[i].XPOS, words[i].Lemma = g.UPOS, g.XPOS, g.Lemma
		words[i].Head, words[i].Deprel = g.Head, g.Deprel
	}
	words[1].Deprel = "nsubj:pass" // same universal relation as nsubj
	words[2].Head = 1
}

func TestScoreParser(t *testing.T) {
	gold, err := conllu.ReadAll(strings.NewReader(
		"1\tPutin\tPutin\tPROPN\tNNP\t_\t0\troot\t_\t_\n"+
			"2\tTrump\tTrump\tPROPN\tNNP\t_\t1\tnsubj\t_\t_\n"+
			"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"), "g")
	if err != nil {
		t.Fatal(err)
	}
	s := ScoreParser(oneOff{gold[0]}, gold)
	if s.Words != 3 || s.UPOS != 3 || s.UAS != 2 || s.LAS != 2 || s.LASFull != 1 {
		t.Errorf("got %+v, want 3 words, UAS 2, LAS 2 (universal), LASFull 1", s)
	}
}
