package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// Verbs is the content of a PETRARCH verb dictionary.
type Verbs struct {
	Synsets         []Synset
	Blocks          []VerbBlock
	Transformations []Transformation

	synsets map[string]int // name (with "&", without a trailing "_") → index
}

// Synset is a named set of words or phrases ("&CURRENCY") that a pattern
// can use in place of a word.
type Synset struct {
	Name    string // with its "&", without the trailing "_" of no-plural sets
	Plural  bool   // plurals of the members match too (no trailing "_" on the name)
	Members []SynsetMember
	File    string
	Line    int
}

// SynsetMember is one word or phrase of a synset; it may name another
// synset ("&TIETYPES").
type SynsetMember struct {
	Text   string // as written, without the "+" and a trailing "_"
	Plural bool   // the member's plural matches too (the set and the member allow it)
	Line   int
}

// Words returns the words of m.
func (m SynsetMember) Words() []string { return words(m.Text) }

// VerbBlock is one verb synonym block: a "--- NAME [CODE] ---" header,
// the verbs that share the block's patterns, and the patterns.
type VerbBlock struct {
	Name     string
	Code     string // the block's code as written ("070", "042:043"); "" or "---": the bare verb is no event
	Verbs    []Verb
	Patterns []Pattern
	File     string
	Line     int
}

// Verb is one verb of a block. A multi-word verb ("+CORDON_OFF",
// "WIRE_+TAP") marks with "+" the word the parser sees as the verb.
type Verb struct {
	Words []string // upper case as written: ["CORDON", "OFF"]
	Head  int      // index in Words of the verb word
	// Forms holds the forms written in "{...}" (irregular forms; for a
	// multi-word verb, whole phrases such as "+CORDONED_OFF"). nil means
	// none were written and the regular forms apply.
	Forms []string
	Code  string // the verb's own code, "" for the block's
	Line  int
}

// Lemma returns the verb word in lower case: the dictionary lists verbs by
// their base form.
func (v Verb) Lemma() string { return strings.ToLower(v.Words[v.Head]) }

// TokenKind is the kind of a pattern token.
type TokenKind int

// The kinds of pattern token.
const (
	Word      TokenKind = iota // a word that must occur
	SynsetRef                  // "&NAME": any member of the synset
	VerbSlot                   // "*": the verb itself
	Source                     // "$": the source actor
	Target                     // "+": the target actor
	Compound                   // "%": a compound actor (both act together / on each other)
	Skip                       // "^": skip a noun phrase
)

var tokenKindNames = [...]string{"word", "synset", "verb", "source", "target", "compound", "skip"}

// String returns the kind's name.
func (k TokenKind) String() string {
	if k < 0 || int(k) >= len(tokenKindNames) {
		return fmt.Sprintf("TokenKind(%d)", int(k))
	}
	return tokenKindNames[k]
}

// Token is one element of a pattern.
type Token struct {
	Kind TokenKind
	Text string // the word as written, or the synset name with its "&"; "" for the slot markers
	// Joined is set when the token is joined to the previous one by "_":
	// no word may come between them.
	Joined bool
	// Prep is the 1-based number of the "(PREP ...)" prepositional phrase
	// (PETRARCH 2 syntax) holding the token, 0 for none; the phrase's
	// first token is its preposition.
	Prep int
	// Noun is the 1-based number of the "{... HEAD}" noun phrase holding
	// the token, 0 for none; the phrase's last token is its head.
	Noun int
}

// Pattern is one verb pattern: the words before and after the verb, with
// the slots of the source, target and compound actors, and its code.
type Pattern struct {
	Tokens []Token // in order; exactly one is the VerbSlot
	Code   string  // as written in the brackets: "173", "042:043", "---"
	Text   string  // the pattern as written, without "-", code and comment
	Line   int
}

// Verb returns the index of the verb slot in p.Tokens.
func (p *Pattern) Verb() int {
	for i, t := range p.Tokens {
		if t.Kind == VerbSlot {
			return i
		}
	}
	return -1
}

// Transformation is a PETRARCH 2 verb transformation ("~ a (a b ATTACK)
// SAY = a b 015"), which recodes an event nested in another. It is read
// and kept as written; dyad does not use it.
type Transformation struct {
	Text string // without the "~"
	Line int
}

// Synset returns the synset with the given name ("&CURRENCY"; a trailing
// "_" is ignored).
func (v *Verbs) Synset(name string) (*Synset, bool) {
	i, ok := v.synsets[strings.TrimSuffix(name, "_")]
	if !ok {
		return nil, false
	}
	return &v.Synsets[i], true
}

// Patterns returns the number of patterns in all blocks.
func (v *Verbs) Patterns() int {
	n := 0
	for _, b := range v.Blocks {
		n += len(b.Patterns)
	}
	return n
}

// rawPattern is a pattern line kept until every synset is known.
type rawPattern struct {
	block int
	text  string
	code  string
	line  int
}

// ReadVerbs reads a PETRARCH verb dictionary; name is used in diagnostics.
// The format:
//
//	&SYNSET                 a synset; "&SYNSET_" for one without plurals
//	+WORD                   ... its members, one a line
//	--- NAME [CODE] ---     starts a verb block; CODE for the bare verb
//	VERB {FORMS} [CODE]     a verb of the block, its irregular forms and own code
//	+VERB_PARTICLE          a multi-word verb, "+" on the verb word
//	- PRE * POST [CODE]     a pattern
//	~ ...                   a transformation (PETRARCH 2)
//
// In a pattern "*" is the verb, "$" the source, "+" the target, "%" a
// compound actor, "^" skips a noun phrase, "&NAME" a synset, "_" joins
// words that must be consecutive; PETRARCH 2 patterns add "(PREP NOUN)"
// and "{MODIFIER HEAD}". A synset reference that contains "_" is read as
// the longest defined synset name ("&FIGHT_OF_WORDS", but "&TIETYPES_TIES"
// is &TIETYPES then TIES). Synsets may be defined after their use.
//
// Reported and skipped: verbs and patterns outside a block, multi-word
// verbs without exactly one "+" (words separated by spaces, "LASH OUT",
// are a multi-word verb on its first word, as PETRARCH 1 reads them),
// unbalanced "{", "(" or "[", patterns
// without a code or without exactly one "*", and patterns that use an
// undefined synset. Only the first code of a block header counts, as in
// PETRARCH.
func ReadVerbs(name string, r io.Reader) (*Verbs, []Diagnostic) {
	s := newScanner(name, r)
	v := &Verbs{synsets: map[string]int{}}
	var raws []rawPattern
	inSynset := false
	for {
		l, ok := s.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(l.text)
		if inSynset && strings.HasPrefix(t, "+") {
			sy := &v.Synsets[len(v.Synsets)-1]
			m := strings.TrimSpace(t[1:])
			text := phrase(m)
			if text == "" {
				s.errorf(l.n, "empty synset member")
				continue
			}
			sy.Members = append(sy.Members, SynsetMember{Text: text, Plural: sy.Plural && !strings.HasSuffix(m, "_"), Line: l.n})
			continue
		}
		inSynset = false
		switch {
		case strings.HasPrefix(t, "---"):
			groups, rest, err := brackets(t)
			if err != nil {
				s.errorf(l.n, "%v", err)
				continue
			}
			b := VerbBlock{Name: phrase(strings.Trim(rest, "- \t")), File: name, Line: l.n}
			if len(groups) > 0 {
				b.Code = strings.TrimSpace(groups[0])
			}
			v.Blocks = append(v.Blocks, b)
		case strings.HasPrefix(t, "-"):
			if len(v.Blocks) == 0 {
				s.errorf(l.n, "pattern before the first verb block")
				continue
			}
			groups, rest, err := brackets(t[1:])
			if err != nil {
				s.errorf(l.n, "%v", err)
				continue
			}
			if len(groups) != 1 {
				s.errorf(l.n, "pattern has %d [codes], want one", len(groups))
				continue
			}
			code := strings.TrimSpace(groups[0])
			if code == "" {
				s.errorf(l.n, "pattern has an empty code")
				continue
			}
			raws = append(raws, rawPattern{block: len(v.Blocks) - 1, text: strings.Join(strings.Fields(rest), " "), code: code, line: l.n})
		case strings.HasPrefix(t, "&"):
			f := strings.Fields(t)
			if len(f) != 1 || len(f[0]) < 2 {
				s.errorf(l.n, "bad synset name %q", t)
				continue
			}
			sname := strings.TrimSuffix(f[0], "_")
			if _, dup := v.synsets[sname]; dup {
				s.errorf(l.n, "synset %s defined twice; the later definition is used", sname)
			}
			v.synsets[sname] = len(v.Synsets)
			v.Synsets = append(v.Synsets, Synset{Name: sname, Plural: !strings.HasSuffix(f[0], "_"), File: name, Line: l.n})
			inSynset = true
		case strings.HasPrefix(t, "~"):
			v.Transformations = append(v.Transformations, Transformation{Text: strings.TrimSpace(t[1:]), Line: l.n})
		default:
			if len(v.Blocks) == 0 {
				s.errorf(l.n, "verb before the first verb block")
				continue
			}
			vb, err := parseVerb(t)
			if err != nil {
				s.errorf(l.n, "%v", err)
				continue
			}
			vb.Line = l.n
			b := &v.Blocks[len(v.Blocks)-1]
			b.Verbs = append(b.Verbs, vb)
		}
	}
	for _, rp := range raws {
		toks, err := v.tokenize(rp.text)
		if err != nil {
			s.errorf(rp.line, "pattern %q: %v", rp.text, err)
			continue
		}
		b := &v.Blocks[rp.block]
		b.Patterns = append(b.Patterns, Pattern{Tokens: toks, Code: rp.code, Text: rp.text, Line: rp.line})
	}
	return v, s.diags
}

// parseVerb reads a verb line: VERB {FORMS} [CODE].
func parseVerb(t string) (Verb, error) {
	groups, rest, err := brackets(t)
	if err != nil {
		return Verb{}, err
	}
	var vb Verb
	switch len(groups) {
	case 0:
	case 1:
		vb.Code = strings.TrimSpace(groups[0])
	default:
		return Verb{}, fmt.Errorf("verb has %d [codes], want at most one", len(groups))
	}
	before := rest
	if i := strings.IndexByte(rest, '{'); i >= 0 {
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return Verb{}, fmt.Errorf(`"{" without "}"`)
		}
		if strings.TrimSpace(rest[i+j+1:]) != "" {
			return Verb{}, fmt.Errorf(`text after "}"`)
		}
		before = rest[:i]
		vb.Forms = strings.Fields(rest[i+1 : i+j])
		if vb.Forms == nil {
			vb.Forms = []string{}
		}
	} else if strings.IndexByte(rest, '}') >= 0 {
		return Verb{}, fmt.Errorf(`"}" without "{"`)
	}
	f := strings.Fields(before)
	if len(f) == 0 {
		return Verb{}, fmt.Errorf("empty verb")
	}
	w := strings.TrimRight(f[0], "_")
	if len(f) > 1 {
		// "LASH OUT": PETRARCH 1 takes the first word as the verb.
		for i := range f {
			f[i] = strings.Trim(f[i], "_")
		}
		w = strings.Join(f, "_")
		if strings.Contains(w, "+") {
			return Verb{}, fmt.Errorf("verb %q: join the words of a multi-word verb with _", strings.Join(f, " "))
		}
		w = "+" + w
	}
	parts := strings.Split(w, "_")
	head := -1
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			if head >= 0 {
				return Verb{}, fmt.Errorf("multi-word verb %q marks two words with +", w)
			}
			head, parts[i] = i, p[1:]
		}
		if parts[i] == "" || strings.ContainsAny(parts[i], "+&$%^*(){}") {
			return Verb{}, fmt.Errorf("bad verb %q", w)
		}
	}
	switch {
	case len(parts) == 1:
		head = 0
	case head < 0:
		return Verb{}, fmt.Errorf("multi-word verb %q: mark the verb word with +", w)
	}
	vb.Words, vb.Head = parts, head
	return vb, nil
}

// tokenize splits a pattern into tokens.
func (v *Verbs) tokenize(text string) ([]Token, error) {
	var toks []Token
	prep, noun := 0, 0 // open groups (numbers), 0 when none
	nPrep, nNoun := 0, 0
	verbs := 0
	for _, chunk := range strings.Fields(text) {
		// Opening marks.
		for len(chunk) > 0 && (chunk[0] == '(' || chunk[0] == '{') {
			if chunk[0] == '(' {
				if prep != 0 || noun != 0 {
					return nil, fmt.Errorf(`nested "("`)
				}
				nPrep++
				prep = nPrep
			} else {
				if noun != 0 {
					return nil, fmt.Errorf(`nested "{"`)
				}
				nNoun++
				noun = nNoun
			}
			chunk = chunk[1:]
		}
		// Closing marks, applied after the chunk's tokens.
		var closes []byte
		for len(chunk) > 0 && (chunk[len(chunk)-1] == ')' || chunk[len(chunk)-1] == '}') {
			closes = append([]byte{chunk[len(chunk)-1]}, closes...)
			chunk = chunk[:len(chunk)-1]
		}
		if strings.ContainsAny(chunk, "(){}") {
			return nil, fmt.Errorf("misplaced bracket in %q", chunk)
		}
		parts := strings.Split(chunk, "_")
		first := true
		for i := 0; i < len(parts); i++ {
			p := parts[i]
			if p == "" {
				continue
			}
			tok := Token{Joined: !first, Prep: prep, Noun: noun}
			first = false
			switch p {
			case "*", "**":
				tok.Kind = VerbSlot
				verbs++
			case "$":
				tok.Kind = Source
			case "+":
				tok.Kind = Target
			case "%":
				tok.Kind = Compound
			case "^":
				tok.Kind = Skip
			default:
				if strings.HasPrefix(p, "&") {
					name, used := v.longestSynset(parts[i:])
					if used == 0 {
						return nil, fmt.Errorf("undefined synset %s", p)
					}
					tok.Kind, tok.Text = SynsetRef, name
					i += used - 1
					break
				}
				if strings.ContainsAny(p, "*$+%^&") {
					return nil, fmt.Errorf("bad word %q", p)
				}
				tok.Kind, tok.Text = Word, p
			}
			toks = append(toks, tok)
		}
		for _, c := range closes {
			switch {
			case c == '}' && noun != 0:
				noun = 0
			case c == ')' && prep != 0 && noun == 0:
				prep = 0
			default:
				return nil, fmt.Errorf("unbalanced %q", string(c))
			}
		}
	}
	if prep != 0 || noun != 0 {
		return nil, fmt.Errorf(`unclosed "(" or "{"`)
	}
	if verbs != 1 {
		return nil, fmt.Errorf("want one * (the verb), found %d", verbs)
	}
	return toks, nil
}

// longestSynset returns the longest defined synset name made of the first
// parts joined by "_", and how many parts it uses (0 if none is defined).
func (v *Verbs) longestSynset(parts []string) (string, int) {
	for n := len(parts); n > 0; n-- {
		name := strings.Join(parts[:n], "_")
		if n > 1 && strings.Contains(name, "__") {
			continue
		}
		if i, ok := v.synsets[strings.TrimSuffix(name, "_")]; ok {
			return v.Synsets[i].Name, n
		}
	}
	return "", 0
}
