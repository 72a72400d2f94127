package petrarch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Diagnostic reports one malformed line of a dictionary; the line (or the
// part of the record it belongs to) was skipped.
type Diagnostic struct {
	File string
	Line int // 1-based
	Msg  string
}

// String formats d as file:line: message.
func (d Diagnostic) String() string { return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Msg) }

// Error makes a Diagnostic usable as an error.
func (d Diagnostic) Error() string { return d.String() }

// maxLine is the longest line the readers accept; a longer line is reported
// and skipped.
const maxLine = 1 << 20

// line is one line of a dictionary with its comments removed.
type line struct {
	n    int    // 1-based line number
	text string // comment-free text, leading white space kept, trailing removed
}

// scanner reads the lines of a dictionary, removing comments and blank
// lines and collecting diagnostics for lines that cannot be read.
type scanner struct {
	name    string
	r       *bufio.Reader
	n       int
	inXML   bool // inside a multi-line <!-- comment
	diags   []Diagnostic
	stopped bool
}

func newScanner(name string, r io.Reader) *scanner {
	return &scanner{name: name, r: bufio.NewReaderSize(r, 64<<10)}
}

func (s *scanner) errorf(n int, format string, args ...any) {
	s.diags = append(s.diags, Diagnostic{File: s.name, Line: n, Msg: fmt.Sprintf(format, args...)})
}

// rawLine returns the next physical line without its line end. ok is false
// at the end of the input; a read error is reported and ends the input.
func (s *scanner) rawLine() (string, bool) {
	if s.stopped {
		return "", false
	}
	var b []byte
	long := false
	for {
		frag, err := s.r.ReadSlice('\n')
		if len(b)+len(frag) > maxLine {
			long = true
		} else {
			b = append(b, frag...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			s.n++
			s.errorf(s.n, "read error: %v", err)
			s.stopped = true
			return "", false
		}
		if err != nil && len(b) == 0 && !long {
			s.stopped = true
			return "", false
		}
		if err != nil {
			s.stopped = true // EOF after a last line without a line end
		}
		break
	}
	s.n++
	if long {
		s.errorf(s.n, "line longer than %d bytes", maxLine)
		return "", true
	}
	str := strings.TrimRight(string(b), "\r\n")
	if s.n == 1 {
		str = strings.TrimPrefix(str, "\ufeff")
	}
	if !utf8.ValidString(str) {
		s.errorf(s.n, "line is not valid UTF-8")
		return "", true
	}
	return str, true
}

// next returns the next line that has something left once comments are
// removed.
func (s *scanner) next() (line, bool) {
	for {
		raw, ok := s.rawLine()
		if !ok {
			return line{}, false
		}
		t := s.strip(raw)
		if strings.TrimSpace(t) == "" {
			continue
		}
		return line{n: s.n, text: strings.TrimRight(t, " \t")}, true
	}
}

// strip removes XML-style, "#" and ";" comments from one line, tracking
// multi-line XML comments across calls.
func (s *scanner) strip(raw string) string {
	if s.inXML {
		i := strings.Index(raw, "-->")
		if i < 0 {
			return ""
		}
		s.inXML = false
		raw = raw[i+3:]
	} else if t := strings.TrimLeft(raw, " \t"); strings.HasPrefix(t, "<!") && !strings.HasPrefix(t, "<!--") {
		return "" // PETRARCH skips any line that starts with "<!"
	}
	if !strings.ContainsAny(raw, "#;<") {
		return raw // nothing to remove (the common case)
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '[':
			depth++
		case c == ']':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (c == '#' || c == ';'):
			return b.String()
		case c == '<' && strings.HasPrefix(raw[i:], "<!--"):
			j := strings.Index(raw[i+4:], "-->")
			if j < 0 {
				s.inXML = true
				return b.String()
			}
			i += 4 + j + 2
			b.WriteByte(' ')
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// words splits a PETRARCH phrase into its words: "_" and " " both separate
// words ("_" asks for consecutive words, " " allows others in between), and
// empty words (a trailing "_") are dropped.
func words(phrase string) []string {
	return strings.FieldsFunc(phrase, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
}

// brackets returns the contents of every "[...]" group of s, in order, and
// s with the groups removed. An unclosed "[" is an error.
func brackets(s string) (groups []string, rest string, err error) {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			if strings.IndexByte(s, ']') >= 0 {
				return nil, "", errors.New(`"]" without "["`)
			}
			b.WriteString(s)
			return groups, b.String(), nil
		}
		j := strings.IndexByte(s[i+1:], ']')
		if j < 0 {
			return nil, "", errors.New(`"[" without "]"`)
		}
		if strings.IndexByte(s[:i], ']') >= 0 {
			return nil, "", errors.New(`"]" without "["`)
		}
		inner := s[i+1 : i+1+j]
		if strings.IndexByte(inner, '[') >= 0 {
			return nil, "", errors.New(`nested "["`)
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		groups = append(groups, inner)
		s = s[i+1+j+1:]
	}
}
