package eval

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
	"dyad/record"
)

// ClassSentence is a sentence of the ConfliBERT CAMEO classification set
// with its class (see CAMEOClass).
type ClassSentence struct {
	ID    string // "file:line"
	Text  string
	Class int // 0..4
}

// ReadClass reads the ConfliBERT classification file (cameo_class_train.tsv):
// one sentence a line, "text TAB class" with class 0..4; CRLF line ends are
// accepted, blank lines skipped. A line that is not UTF-8, has no tab, no
// text or a class out of range is reported with its line and skipped. The
// error is non-nil only when r cannot be read.
func ReadClass(name string, r io.Reader) ([]ClassSentence, []doc.Diagnostic, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, goldBOM)
	var out []ClassSentence
	var diags []doc.Diagnostic
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			diags = append(diags, goldDiag(name, n, "not valid UTF-8; skipped"))
			continue
		}
		tab := bytes.LastIndexByte(line, '\t')
		if tab < 0 {
			diags = append(diags, goldDiag(name, n, "no tab between text and class; skipped"))
			continue
		}
		text := strings.TrimSpace(string(line[:tab]))
		class, err := strconv.Atoi(strings.TrimSpace(string(line[tab+1:])))
		switch {
		case text == "":
			diags = append(diags, goldDiag(name, n, "no text; skipped"))
		case err != nil || class < 0 || class >= ClassCount:
			diags = append(diags, goldDiag(name, n, "class %q is not 0..%d; skipped", line[tab+1:], ClassCount-1))
		default:
			out = append(out, ClassSentence{ID: goldOrigin(name, n), Text: text, Class: class})
		}
	}
	return out, diags, nil
}

// BIOSentence is a sentence of the ConfliBERT actor-span set
// (cameo_ner_train.txt): tokens with BIO tags, where S marks the source
// actor, T the target and R actors that are both (the two sides of a
// meeting: "Trump and King Abdullah will meet").
type BIOSentence struct {
	ID     string // "file:line" of its first token
	Tokens []string
	Tags   []string
	// Text is the sentence rebuilt from its tokens, since the file does
	// not keep the original: tokens are joined by single spaces except
	// before closing punctuation (, . ; : ! ? ) ] } % ” and clitics like
	// 's and n't), after opening punctuation (( [ { “ ‘ $ € £), around a
	// hyphen between word characters ("much-vaunted"), around an
	// apostrophe between a word and a clitic ("Baghdad’s") and around a
	// single non-ASCII letter or mark that the file's tokenizer split out
	// of a word ("Pe ñ a" → "Peña"), and around a point or comma between
	// digits ("7 . 5" → "7.5").
	Text       string
	TokenSpans []record.Span // each token's place in Text
	Spans      []BIOSpan
}

// BIOSpan is one tagged span: its label (S, T, R), its tokens [First,
// End) and its place in the sentence's Text.
type BIOSpan struct {
	Label      string
	First, End int
	Span       record.Span
}

// ReadBIO reads a CoNLL-style BIO file: one "token TAG" a line (separated
// by white space: a space or a tab), a blank line after each sentence.
// Tags are O, B-X or I-X; an I-X that does not continue an X span starts
// one, as the CoNLL scorer conlleval does (the ConfliBERT file has three,
// where an S span is nested in a T span). -DOCSTART- lines are skipped. A
// line that is not UTF-8, not two fields or has another tag is reported
// with its line and its sentence skipped. The error is non-nil only when r
// cannot be read.
func ReadBIO(name string, r io.Reader) ([]BIOSentence, []doc.Diagnostic, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, goldBOM)
	var out []BIOSentence
	var diags []doc.Diagnostic
	var cur BIOSentence
	bad := false
	flush := func() {
		if len(cur.Tokens) > 0 && !bad {
			cbFinish(&cur)
			out = append(out, cur)
		}
		cur, bad = BIOSentence{}, false
	}
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		fields := strings.Fields(string(line))
		if len(fields) == 0 {
			flush()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			continue
		}
		if cur.ID == "" {
			cur.ID = goldOrigin(name, n)
		}
		if bad {
			continue
		}
		switch {
		case !utf8.Valid(line):
			diags = append(diags, goldDiag(name, n, "not valid UTF-8; sentence skipped"))
			bad = true
		case len(fields) != 2:
			diags = append(diags, goldDiag(name, n, "want \"token TAG\", got %d fields; sentence skipped", len(fields)))
			bad = true
		case !cbTagOK(fields[1]):
			diags = append(diags, goldDiag(name, n, "tag %q is not O, B-X or I-X; sentence skipped", fields[1]))
			bad = true
		default:
			cur.Tokens = append(cur.Tokens, fields[0])
			cur.Tags = append(cur.Tags, fields[1])
		}
	}
	flush()
	return out, diags, nil
}

// cbTagOK reports whether t is O, B-X or I-X.
func cbTagOK(t string) bool {
	if t == "O" {
		return true
	}
	return len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-'
}

// cbFinish rebuilds the sentence's text and finds its spans.
func cbFinish(s *BIOSentence) {
	var b strings.Builder
	s.TokenSpans = make([]record.Span, len(s.Tokens))
	for i, t := range s.Tokens {
		if i > 0 && cbSpace(s.Tokens, i) {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t)
		s.TokenSpans[i] = record.Span{start, b.Len()}
	}
	s.Text = b.String()
	s.Spans = nil
	for i := 0; i < len(s.Tags); i++ {
		t := s.Tags[i]
		if t == "O" {
			continue
		}
		label := t[2:]
		j := i + 1
		for j < len(s.Tags) && s.Tags[j] == "I-"+label {
			j++
		}
		s.Spans = append(s.Spans, BIOSpan{Label: label, First: i, End: j,
			Span: record.Span{s.TokenSpans[i][0], s.TokenSpans[j-1][1]}})
		i = j - 1
	}
}

// cbSpace reports whether a space goes before token i.
func cbSpace(toks []string, i int) bool {
	prev, t := toks[i-1], toks[i]
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1]
	}
	if (prev == "." || prev == ",") && i >= 2 && cbDigitEnd(toks[i-2]) && cbDigitStart(t) {
		return false // "7 . 5" → "7.5"
	}
	switch t {
	case ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "...":
		return false
	case "-", "´":
		if cbWordEnd(prev) && cbWordStart(next) {
			return false
		}
	case "'", "’":
		if cbWordEnd(prev) && cbClitic(next) {
			return false
		}
	}
	switch prev {
	case "(", "[", "{", "“", "‘", "$", "€", "£":
		return false
	case "-", "´":
		if i >= 2 && cbWordEnd(toks[i-2]) && cbWordStart(t) {
			return false
		}
	case "'", "’":
		if i >= 2 && cbWordEnd(toks[i-2]) && cbClitic(t) {
			return false
		}
	}
	if strings.HasPrefix(t, "'") && len(t) > 1 || strings.HasPrefix(t, "’") && len(t) > len("’") ||
		strings.EqualFold(t, "n't") {
		return false
	}
	if cbInWord(t) && cbWordEnd(prev) && cbWordStart(next) {
		return false // the first half of "Pe ñ a"
	}
	if cbInWord(prev) && i >= 2 && cbWordEnd(toks[i-2]) && cbWordStart(t) {
		return false // the second half
	}
	return true
}

// cbInWord reports whether t is a single non-ASCII letter, mark, modifier
// symbol or format character: the pieces the ConfliBERT tokenizer split
// out of words.
func cbInWord(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	if n != len(t) || r < utf8.RuneSelf {
		return false
	}
	return unicode.In(r, unicode.L, unicode.M, unicode.Sk, unicode.Cf)
}

// cbClitic reports whether t is what follows an apostrophe in a
// contraction or possessive ("s" of "Baghdad’s").
func cbClitic(t string) bool {
	switch strings.ToLower(t) {
	case "s", "t", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

func cbDigitEnd(t string) bool {
	return t != "" && t[len(t)-1] >= '0' && t[len(t)-1] <= '9'
}

func cbDigitStart(t string) bool {
	return t != "" && t[0] >= '0' && t[0] <= '9'
}

func cbWordEnd(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func cbWordStart(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
