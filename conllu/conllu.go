// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies treebanks (https://universaldependencies.org/format.html).
//
// The reader keeps what dyad trains and scores on: comments, multi-word
// token ranges and the ten columns of each word. Empty nodes (decimal ids)
// belong to the enhanced graph and are skipped.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one word line of a sentence.
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	Deps   string
	Misc   string
}

// MultiWord is a multi-word token line ("3-4	don't"), covering words
// First..Last (1-based, inclusive).
type MultiWord struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one sentence of a treebank.
type Sentence struct {
	Comments   []string // comment lines without the leading "# "
	ID         string   // value of "# sent_id"
	Text       string   // value of "# text"
	NewDoc     bool     // a "# newdoc" comment precedes the sentence
	NewPar     bool     // a "# newpar" comment precedes the sentence
	Words      []Word
	MultiWords []MultiWord
}

// SpaceAfter reports whether the word or multi-word token ending at word
// index id (1-based) is followed by a space in the original text, according
// to its SpaceAfter=No MISC attribute.
func (s *Sentence) SpaceAfter(id int) bool {
	for _, m := range s.MultiWords {
		if id >= m.First && id <= m.Last {
			if id < m.Last {
				return false
			}
			return !hasMisc(m.Misc, "SpaceAfter=No")
		}
	}
	return !hasMisc(s.Words[id-1].Misc, "SpaceAfter=No")
}

func hasMisc(misc, attr string) bool {
	for _, f := range strings.Split(misc, "|") {
		if f == attr {
			return true
		}
	}
	return false
}

// Tokens returns the surface tokens of the sentence: each multi-word token
// once, every other word as itself. First and Last are 1-based word ids.
func (s *Sentence) Tokens() []MultiWord {
	var out []MultiWord
	for i := 0; i < len(s.Words); {
		id := s.Words[i].ID
		found := false
		for _, m := range s.MultiWords {
			if m.First == id {
				out = append(out, m)
				i += m.Last - m.First + 1
				found = true
				break
			}
		}
		if !found {
			out = append(out, MultiWord{First: id, Last: id, Form: s.Words[i].Form, Misc: s.Words[i].Misc})
			i++
		}
	}
	return out
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader returns a Reader over r; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	return &Reader{sc: sc, name: name}
}

// Next returns the next sentence, or io.EOF after the last one. A malformed
// line is an error naming the file and line.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := r.sc.Text()
		if line == "" {
			if s != nil && len(s.Words) > 0 {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if line[0] == '#' {
			c := strings.TrimSpace(strings.TrimPrefix(line, "#"))
			s.Comments = append(s.Comments, c)
			switch {
			case strings.HasPrefix(c, "sent_id ="):
				s.ID = strings.TrimSpace(strings.TrimPrefix(c, "sent_id ="))
			case strings.HasPrefix(c, "text ="):
				s.Text = strings.TrimPrefix(strings.TrimPrefix(c, "text ="), " ")
			case strings.HasPrefix(c, "newdoc"):
				s.NewDoc = true
			case c == "newpar" || strings.HasPrefix(c, "newpar "):
				s.NewPar = true
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 tab-separated fields, got %d", r.name, r.line, len(f))
		}
		if strings.Contains(f[0], ".") {
			continue // empty node
		}
		if a, b, ok := strings.Cut(f[0], "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || last < first {
				return nil, fmt.Errorf("%s:%d: bad token range %q", r.name, r.line, f[0])
			}
			s.MultiWords = append(s.MultiWords, MultiWord{First: first, Last: last, Form: f[1], Misc: f[9]})
			continue
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad word id %q", r.name, r.line, f[0])
		}
		head := -1
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil {
				return nil, fmt.Errorf("%s:%d: bad head %q", r.name, r.line, f[6])
			}
		}
		s.Words = append(s.Words, Word{ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4],
			Feats: f[5], Head: head, Deprel: f[7], Deps: f[8], Misc: f[9]})
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", r.name, err)
	}
	if s != nil && len(s.Words) > 0 {
		return s, nil
	}
	return nil, io.EOF
}

// ReadAll reads every sentence from r.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of the named file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, path)
}

// Write writes s in CoNLL-U, comments first, then multi-word and word lines,
// then a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString("# ")
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	mi := 0
	for _, wd := range s.Words {
		for mi < len(s.MultiWords) && s.MultiWords[mi].First == wd.ID {
			m := s.MultiWords[mi]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, m.Form, orUnderscore(m.Misc))
			mi++
		}
		head := "_"
		if wd.Head >= 0 {
			head = strconv.Itoa(wd.Head)
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", wd.ID, wd.Form, orUnderscore(wd.Lemma),
			orUnderscore(wd.UPOS), orUnderscore(wd.XPOS), orUnderscore(wd.Feats), head,
			orUnderscore(wd.Deprel), orUnderscore(wd.Deps), orUnderscore(wd.Misc))
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
