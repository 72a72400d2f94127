// Package doc is dyad's data model: articles as read from input, and the
// sentences, tokens and words that the language pipeline finds in them.
//
// Every position is a byte offset into the article's original text (UTF-8),
// end exclusive, so any annotation can be traced back to the exact characters
// it came from.
package doc

// Span is a half-open byte range [Start, End) into a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Article is one news report as read from input.
type Article struct {
	ID     string // document id: file name without extension, the JSONL "id", or "<file>:<line>"
	Date   string // publication date, YYYY-MM-DD, "" when unknown
	Source string // publisher or source name
	URL    string
	Title  string
	Text   string // the text all spans refer to
	Origin string // where it was read from: "file" or "file:line"
}

// Word is a syntactic word: the unit that is tagged and parsed. Most words
// are whole tokens; a contraction such as "don't" is one token of two words
// ("do", "n't").
type Word struct {
	Form   string // the word as written (a substring of the text)
	Span   Span
	Lemma  string
	UPOS   string // Universal POS tag
	XPOS   string // Penn Treebank tag
	Head   int    // index of the head word in the sentence, 1-based; 0 is the root
	Deprel string // Universal Dependencies relation to the head
}

// Token is a surface token: a piece of text that the tokenizer keeps
// together. Words[First:Last] are its words; Last-First > 1 marks a
// multi-word token.
type Token struct {
	Span        Span
	First, Last int
}

// Sentence is one sentence: its span, its surface tokens and its words.
// Words are numbered from 1 in Head fields; Words[0] is word 1.
type Sentence struct {
	Span   Span
	Tokens []Token
	Words  []Word
}

// Diagnostic is a problem found in the input: where it is and what is wrong.
// Line is 1-based and 0 when the problem is not tied to a line.
type Diagnostic struct {
	Origin  string // file name, or "-" for standard input
	Line    int
	Message string
}

func (d Diagnostic) String() string {
	if d.Line > 0 {
		return d.Origin + ":" + itoa(d.Line) + ": " + d.Message
	}
	return d.Origin + ": " + d.Message
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
