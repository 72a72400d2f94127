package petrarch

import (
	"fmt"
	"io"
	"strings"

	"dyad/actor/dict"
)

// Actors is the content of a PETRARCH actor dictionary.
type Actors struct {
	Entries []Actor
}

// Actor is one actor record: a primary phrase, its synonyms, and the codes
// that apply to them, each possibly restricted to a period.
type Actor struct {
	// Phrases holds the primary phrase first, then the "+" synonyms, in
	// file order.
	Phrases []Phrase
	// Codes holds every code given on the primary line and on the code
	// lines that follow, in file order.
	Codes []Code
	File  string
	Line  int // line of the primary phrase
}

// Phrase is a phrase of an actor, agent or discard entry, as written: words
// joined by "_" (consecutive words) or " " (other words may come between),
// upper case by convention, with a trailing "_" (a whole-word match in
// TABARI) removed.
type Phrase struct {
	Text string
	Line int
}

// Words returns the words of p.
func (p Phrase) Words() []string { return words(p.Text) }

// Name returns p's words joined by single spaces: the form dyad's
// dictionaries use.
func (p Phrase) Name() string { return strings.Join(p.Words(), " ") }

// Code is an actor code with the period it applies to.
type Code struct {
	// Code is written as in the file: "USAGOV", "IGOUNO", the null code
	// "---" (no actor), the TABARI discard code "###", or several codes
	// joined by "/" ("FRO/BIL").
	Code string
	// When is the date restriction, both ends inclusive: "<D" is
	// {To: D}, ">D" is {From: D}, "D1-D2" is {D1, D2}. The zero Range marks
	// an unrestricted (default) code, used when no restriction holds.
	When dict.Range
	Line int
}

// Restricted reports whether c has a date restriction.
func (c Code) Restricted() bool { return !c.When.IsZero() }

// Default returns the code that applies when none of the restrictions
// does: PETRARCH uses the last unrestricted code. ok is false when there
// is none.
func (a *Actor) Default() (c Code, ok bool) {
	for _, x := range a.Codes {
		if !x.Restricted() {
			c, ok = x, true
		}
	}
	return c, ok
}

// ReadActors reads a PETRARCH actor dictionary; name is used in
// diagnostics. The format:
//
//	PRIMARY_PHRASE [CODE]      a new actor, optionally with codes
//	+SYNONYM_PHRASE            another phrase of the same actor
//		[CODE <DATE]           a code for dates up to DATE (inclusive)
//		[CODE >DATE]           ... from DATE on
//		[CODE DATE-DATE]       ... between the two dates
//		[CODE]                 the default code
//
// Dates are YYYYMMDD or YYMMDD (00-30 is 20YY). Code lines are
// recognised by their leading "[" (PETRARCH asks for a tab before it);
// several "[...]" groups may share a line, also the primary phrase's
// line. A line "---STOP---" ends the dictionary.
//
// As in PETRARCH, a primary phrase starts a new actor only once the
// current one has a code: primary phrases without a code of their own
// belong to the actor whose codes follow (Phoenix lists a person's name
// variants that way, without "+"). An actor still without a code at the
// end of the file is reported and skipped, as are synonyms and code lines
// before the first actor, unreadable dates and empty codes.
func ReadActors(name string, r io.Reader) (*Actors, []Diagnostic) {
	s := newScanner(name, r)
	out := &Actors{}
	var cur *Actor
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			s.errorf(cur.Line, "actor %q has no code; skipped", cur.Phrases[0].Text)
		} else {
			out.Entries = append(out.Entries, *cur)
		}
		cur = nil
	}
	for {
		l, ok := s.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(l.text)
		if strings.Contains(t, "---STOP---") {
			break
		}
		groups, rest, err := brackets(t)
		if err != nil {
			s.errorf(l.n, "%v", err)
			continue
		}
		rest = strings.TrimSpace(rest)
		switch {
		case strings.HasPrefix(t, "["):
			if cur == nil {
				s.errorf(l.n, "code line before the first actor")
				continue
			}
			if rest != "" {
				s.errorf(l.n, "text %q after the codes", rest)
				continue
			}
		case strings.HasPrefix(t, "+"):
			if cur == nil {
				s.errorf(l.n, "synonym before the first actor")
				continue
			}
			p := phrase(rest[1:])
			if p == "" {
				s.errorf(l.n, "empty synonym")
				continue
			}
			cur.Phrases = append(cur.Phrases, Phrase{Text: p, Line: l.n})
		default:
			before, after, _ := strings.Cut(t, "[")
			if _, tail, err := brackets("[" + after); err == nil && strings.TrimSpace(tail) != "" && len(groups) > 0 {
				s.errorf(l.n, "text %q after the codes ignored", strings.TrimSpace(tail))
			}
			p := phrase(before)
			if p == "" {
				s.errorf(l.n, "empty phrase")
				continue
			}
			if cur != nil && len(cur.Codes) == 0 {
				cur.Phrases = append(cur.Phrases, Phrase{Text: p, Line: l.n})
				break
			}
			flush()
			cur = &Actor{Phrases: []Phrase{{Text: p, Line: l.n}}, File: name, Line: l.n}
		}
		for _, g := range groups {
			c, err := parseCode(g)
			if err != nil {
				s.errorf(l.n, "%v", err)
				continue
			}
			c.Line = l.n
			cur.Codes = append(cur.Codes, c)
		}
	}
	flush()
	return out, s.diags
}

// phrase trims a phrase and drops the trailing "_" of TABARI whole-word
// phrases.
func phrase(s string) string {
	return strings.Trim(strings.TrimSpace(s), "_ \t")
}

// parseCode reads the contents of one "[...]" group of an actor
// dictionary: a code and an optional date restriction.
func parseCode(g string) (Code, error) {
	g = strings.TrimSpace(g)
	end := strings.IndexAny(g, " \t<>")
	if end < 0 {
		end = len(g)
	}
	code := g[:end]
	if code == "" {
		return Code{}, fmt.Errorf("empty code in [%s]", g)
	}
	when, err := parseRestriction(strings.Join(strings.Fields(g[end:]), ""))
	if err != nil {
		return Code{}, fmt.Errorf("code %s: %w", code, err)
	}
	return Code{Code: code, When: when}, nil
}
