package text

import (
	"strings"

	"dyad/conllu"
	"dyad/doc"
)

// RawText rebuilds the running text of a treebank the way the CoNLL 2018
// shared task did: each sentence's "# text" joined with one space within a
// paragraph, and paragraphs (a "# newpar" or "# newdoc" comment starts one)
// separated by a blank line ("\n\n"). It returns the text and the span of
// each sentence in it. A sentence without "# text" is rebuilt from its
// tokens and their SpaceAfter=No marks.
func RawText(sents []*conllu.Sentence) (string, []doc.Span) {
	var b strings.Builder
	spans := make([]doc.Span, 0, len(sents))
	for i, s := range sents {
		if i > 0 {
			if s.NewDoc || s.NewPar {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		start := b.Len()
		if s.Text != "" {
			b.WriteString(s.Text)
		} else {
			toks := s.Tokens()
			for j, t := range toks {
				b.WriteString(t.Form)
				if j+1 < len(toks) && s.SpaceAfter(t.Last) {
					b.WriteByte(' ')
				}
			}
		}
		spans = append(spans, doc.Span{Start: start, End: b.Len()})
	}
	return b.String(), spans
}
