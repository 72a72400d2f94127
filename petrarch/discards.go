package petrarch

import (
	"io"
	"strings"
)

// Discards is the content of a PETRARCH discard list: phrases that mark a
// sentence, or a whole story, as not to be coded (sports, entertainment,
// history).
type Discards struct {
	Entries []Discard
}

// Discard is one phrase of a discard list.
type Discard struct {
	Phrase string // as written (a trailing "_" removed)
	Story  bool   // "+": the whole story is not coded, not only the sentence
	File   string
	Line   int
}

// Words returns the words of the phrase.
func (d Discard) Words() []string { return words(d.Phrase) }

// ReadDiscards reads a PETRARCH discard list; name is used in diagnostics.
// Each line is a phrase, matched case-insensitively; a leading "+" makes it
// a story-level discard. A line with no phrase ("+" alone) is reported and
// skipped.
func ReadDiscards(name string, r io.Reader) (*Discards, []Diagnostic) {
	s := newScanner(name, r)
	out := &Discards{}
	for {
		l, ok := s.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(l.text)
		story := strings.HasPrefix(t, "+")
		if story {
			t = t[1:]
		}
		p := phrase(t)
		if p == "" {
			s.errorf(l.n, "empty discard phrase")
			continue
		}
		out.Entries = append(out.Entries, Discard{Phrase: p, Story: story, File: name, Line: l.n})
	}
	return out, s.diags
}
