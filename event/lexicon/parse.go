package lexicon

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Diagnostic is a problem found on one line of a lexicon file.
type Diagnostic struct {
	File string
	Line int
	Msg  string
}

// String formats the diagnostic as "file:line: msg".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Msg)
}

// Parse reads one lexicon file (the format of data/FORMAT.md); name is
// used in diagnostics and in each Entry's File. It never stops at a bad
// line: every malformed line becomes a Diagnostic and is skipped, and the
// other lines are kept. A line that repeats the pattern of an earlier line
// of the same file is reported too. A read error ends the input and is
// reported on the line after the last one read. The Lexicon is never nil.
func Parse(name string, r io.Reader) (*Lexicon, []Diagnostic) {
	var (
		entries []*Entry
		diags   []Diagnostic
	)
	data, err := io.ReadAll(r)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	seen := map[string]int{}
	line := 0
	for len(data) > 0 {
		line++
		var text []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			text, data = data[:i], data[i+1:]
		} else {
			text, data = data, nil
		}
		e, perr := parseLine(string(bytes.TrimSuffix(text, []byte("\r"))))
		if perr != nil {
			diags = append(diags, Diagnostic{name, line, perr.Error()})
			continue
		}
		if e == nil {
			continue
		}
		e.File, e.Line = name, line
		k := e.patternKey()
		if first, ok := seen[k]; ok {
			diags = append(diags, Diagnostic{name, line, fmt.Sprintf("same pattern as line %d", first)})
			continue
		}
		seen[k] = line
		entries = append(entries, e)
	}
	if err != nil {
		diags = append(diags, Diagnostic{name, line + 1, "read: " + err.Error()})
	}
	return New(entries), diags
}

// stripComment removes a "#" comment: at the start of the line or after a
// space or tab.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

// parseLine parses one line; it returns nil, nil for a blank or comment
// line.
func parseLine(s string) (*Entry, error) {
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("invalid UTF-8")
	}
	s = strings.TrimSpace(stripComment(s))
	if s == "" {
		return nil, nil
	}
	f := strings.Split(s, "|")
	if len(f) != 4 {
		return nil, fmt.Errorf("%d fields, want 4 (KIND | PATTERN | CAMEO | OPTIONS)", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	kind, ok := ParseKind(f[0])
	if !ok {
		return nil, fmt.Errorf("unknown kind %q (want verb, noun, cue or light)", f[0])
	}
	e := &Entry{Kind: kind, Conf: DefaultConf}
	if err := e.parsePattern(f[1]); err != nil {
		return nil, err
	}
	switch {
	case f[2] == "":
		return nil, fmt.Errorf("empty CAMEO field (write a code or -)")
	case f[2] != "-":
		e.CAMEO = f[2]
	}
	if err := e.parseOptions(f[3]); err != nil {
		return nil, err
	}
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return e, nil
}

// DefaultConf is the confidence of an entry without conf=.
const DefaultConf = 0.8

// parsePattern fills the pattern fields of e from "head key:value ...".
// It checks the syntax of each item; Validate checks the rest.
func (e *Entry) parsePattern(p string) error {
	words := strings.Fields(p)
	if len(words) == 0 {
		return fmt.Errorf("empty pattern")
	}
	if strings.Contains(words[0], ":") {
		return fmt.Errorf("pattern starts with constraint %q, not a head lemma", words[0])
	}
	e.Head = words[0]
	for _, w := range words[1:] {
		key, val, ok := strings.Cut(w, ":")
		if !ok {
			return fmt.Errorf("%q is not a constraint (want KEY:VALUE after the head)", w)
		}
		if val == "" {
			return fmt.Errorf("%s: has no value", key)
		}
		if key != "prep" && key != "xcomp" && strings.Contains(val, "=") {
			return fmt.Errorf("%s: cannot take =LEMMAS (only prep: and xcomp: can)", w)
		}
		switch key {
		case "prt":
			if e.Prt != "" {
				return fmt.Errorf("prt: given twice")
			}
			e.Prt = val
		case "obj":
			if e.Obj != nil {
				return fmt.Errorf("obj: given twice")
			}
			e.Obj = strings.Split(val, "/")
		case "mod":
			if e.Mod != nil {
				return fmt.Errorf("mod: given twice")
			}
			e.Mod = strings.Split(val, "/")
		case "xcomp":
			if e.Xcomp != nil {
				return fmt.Errorf("xcomp: given twice")
			}
			heads, objs, hasObj := strings.Cut(val, "=")
			e.Xcomp = strings.Split(heads, "/")
			if hasObj {
				e.XcompObj = strings.Split(objs, "/")
			}
		case "prep":
			prep, lemmas, hasLemmas := strings.Cut(val, "=")
			var l []string
			if hasLemmas {
				l = strings.Split(lemmas, "/")
			}
			e.Preps = append(e.Preps, prep)
			if hasLemmas && e.PrepLemmas == nil {
				e.PrepLemmas = make([][]string, len(e.Preps)-1, len(e.Preps))
			}
			if e.PrepLemmas != nil {
				e.PrepLemmas = append(e.PrepLemmas, l)
			}
		case "R":
			if e.Recipient != "" {
				return fmt.Errorf("recipient R: given twice")
			}
			e.Recipient = val
		case "A":
			if e.ActorPrep != "" {
				return fmt.Errorf("actor A: given twice")
			}
			e.ActorPrep = val
		default:
			return fmt.Errorf("unknown constraint %q (want prt, obj, mod, xcomp, prep, R or A)", key+":")
		}
	}
	return nil
}

// parseOptions fills the option fields of e from "-" or "a; b=c; ...".
func (e *Entry) parseOptions(s string) error {
	if s == "-" {
		return nil
	}
	if s == "" {
		return fmt.Errorf("empty OPTIONS field (write - for none)")
	}
	seen := map[string]bool{}
	for _, item := range strings.Split(s, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			return fmt.Errorf("empty option in %q", s)
		}
		key, val, hasVal := strings.Cut(item, "=")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if seen[key] {
			return fmt.Errorf("option %s given twice", key)
		}
		seen[key] = true
		switch key {
		case "recip", "neg":
			if hasVal {
				return fmt.Errorf("option %s takes no value", key)
			}
			if key == "recip" {
				e.Recip = true
			} else {
				e.Neg = true
			}
			continue
		case "event", "mode", "context", "conf":
		default:
			return fmt.Errorf("unknown option %q (want recip, neg, event=, mode=, context= or conf=)", key)
		}
		if !hasVal || val == "" {
			return fmt.Errorf("option %s needs a value (%s=...)", key, key)
		}
		switch key {
		case "event":
			e.Event = val
		case "mode":
			e.Mode = val
		case "context":
			e.Context = strings.Split(val, "/")
		case "conf":
			c, err := strconv.ParseFloat(val, 64)
			if err != nil {
				return fmt.Errorf("conf=%s is not a number", val)
			}
			e.Conf = c
		}
	}
	return nil
}

// patternKey identifies what an entry matches, so that two lines with the
// same pattern can be reported: the kind and the pattern with its lemma
// lists sorted.
func (e *Entry) patternKey() string {
	c := *e
	c.Obj = sortedCopy(e.Obj)
	c.Mod = sortedCopy(e.Mod)
	c.Xcomp = sortedCopy(e.Xcomp)
	c.XcompObj = sortedCopy(e.XcompObj)
	type prep struct {
		p string
		l []string
	}
	ps := make([]prep, len(e.Preps))
	for i, p := range e.Preps {
		ps[i].p = p
		if e.PrepLemmas != nil {
			ps[i].l = sortedCopy(e.PrepLemmas[i])
		}
	}
	slices.SortFunc(ps, func(a, b prep) int { return strings.Compare(a.p, b.p) })
	c.Preps, c.PrepLemmas = nil, nil
	for _, p := range ps {
		c.Preps = append(c.Preps, p.p)
		if e.PrepLemmas != nil {
			c.PrepLemmas = append(c.PrepLemmas, p.l)
		}
	}
	k := c.Kind.String() + " " + c.pattern()
	if e.Neg {
		k += " (neg)"
	}
	return k
}

func sortedCopy(s []string) []string {
	if s == nil {
		return nil
	}
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}
