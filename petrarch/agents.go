package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// Agents is the content of a PETRARCH agent dictionary.
type Agents struct {
	Entries []Agent
}

// Agent is one agent: a role word or phrase ("FOREIGN_MINISTER") and the
// code it adds to the actor it qualifies.
type Agent struct {
	// Phrase is the singular phrase as written, after the expansion of
	// substitution markers ("CONGRESS!PERSON!" gives CONGRESSMAN, ...).
	Phrase string
	// Plurals holds the plural forms written in "{...}". nil means none
	// were written and the regular plural applies (see Forms); an empty,
	// non-nil slice means the entry has no plural ("{}", and every entry
	// made from a substitution marker).
	Plurals []string
	// Code is the agent code without its "~": "GOV", "GOVFRM", "NGO".
	Code string
	// Prefix is set when the code goes before the actor's code ("NGO~":
	// NGO + USA) rather than after it ("~GOV": USA + GOV).
	Prefix bool
	File   string
	Line   int
}

// Forms returns the phrases the agent matches: the singular and its
// plurals, the regular plural when none were written. The regular plural
// follows English spelling (POLICY → POLICIES, ATTORNEY → ATTORNEYS,
// WITNESS → WITNESSES) rather than PETRARCH's simpler rule, which makes
// ATTORNIES.
func (a Agent) Forms() []string {
	out := []string{a.Phrase}
	if a.Plurals == nil {
		return append(out, plural(a.Phrase))
	}
	return append(out, a.Plurals...)
}

// plural returns the regular English plural of the last word of phrase.
func plural(phrase string) string {
	up := strings.ToUpper(phrase)
	n := len(up)
	switch {
	case n == 0:
		return phrase
	case strings.HasSuffix(up, "Y") && n > 1 && !strings.ContainsRune("AEIOU", rune(up[n-2])):
		return phrase[:n-1] + caseLike(phrase, "IES")
	case strings.HasSuffix(up, "S"), strings.HasSuffix(up, "X"), strings.HasSuffix(up, "Z"),
		strings.HasSuffix(up, "CH"), strings.HasSuffix(up, "SH"):
		return phrase + caseLike(phrase, "ES")
	}
	return phrase + caseLike(phrase, "S")
}

// caseLike returns suffix in lower case when phrase ends in a lower-case
// letter.
func caseLike(phrase, suffix string) string {
	if c := phrase[len(phrase)-1]; c >= 'a' && c <= 'z' {
		return strings.ToLower(suffix)
	}
	return suffix
}

// ReadAgents reads a PETRARCH agent dictionary; name is used in
// diagnostics. The format:
//
//	PHRASE [~CODE]                the code goes after the actor's code
//	PHRASE [CODE~]                ... before it
//	PHRASE {PLURAL} [~CODE]       an irregular plural; "{}" for none
//	!MARKER! = FORM, FORM, ...    defines a substitution marker
//	CONGRESS!PERSON! [~LEG]       one agent for each form of the marker,
//	                              with no plural
//
// Entries without a code, with a code that has no "~" (or two), with an
// unclosed "{" or an undefined marker are reported and skipped.
func ReadAgents(name string, r io.Reader) (*Agents, []Diagnostic) {
	s := newScanner(name, r)
	out := &Agents{}
	markers := map[string][]string{}
	for {
		l, ok := s.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(l.text)
		if strings.Contains(t, "!") && strings.Contains(t, "=") && !strings.Contains(t, "[") {
			if err := defineMarker(markers, t); err != nil {
				s.errorf(l.n, "%v", err)
			}
			continue
		}
		groups, rest, err := brackets(t)
		if err != nil {
			s.errorf(l.n, "%v", err)
			continue
		}
		if len(groups) == 0 {
			s.errorf(l.n, "agent has no [code]")
			continue
		}
		if len(groups) > 1 {
			s.errorf(l.n, "agent has %d codes, want one", len(groups))
			continue
		}
		code, prefix, err := agentCode(groups[0])
		if err != nil {
			s.errorf(l.n, "%v", err)
			continue
		}
		before := rest
		var plurals []string
		if i := strings.IndexByte(rest, '{'); i >= 0 {
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				s.errorf(l.n, `"{" without "}"`)
				continue
			}
			if strings.TrimSpace(rest[i+j+1:]) != "" {
				s.errorf(l.n, `text after "}"`)
				continue
			}
			before = rest[:i]
			plurals = []string{}
			if p := phrase(rest[i+1 : i+j]); p != "" {
				plurals = append(plurals, p)
			}
		} else if strings.IndexByte(rest, '}') >= 0 {
			s.errorf(l.n, `"}" without "{"`)
			continue
		}
		p := phrase(before)
		if p == "" {
			s.errorf(l.n, "empty agent phrase")
			continue
		}
		if !strings.Contains(p, "!") {
			out.Entries = append(out.Entries, Agent{Phrase: p, Plurals: plurals, Code: code, Prefix: prefix, File: name, Line: l.n})
			continue
		}
		forms, err := expandMarkers(markers, p, 0)
		if err != nil {
			s.errorf(l.n, "%v", err)
			continue
		}
		for _, f := range forms {
			out.Entries = append(out.Entries, Agent{Phrase: f, Plurals: []string{}, Code: code, Prefix: prefix, File: name, Line: l.n})
		}
	}
	return out, s.diags
}

// defineMarker reads "!NAME! = FORM, FORM, ...".
func defineMarker(markers map[string][]string, t string) error {
	lhs, rhs, _ := strings.Cut(t, "=")
	lhs = strings.TrimSpace(lhs)
	if len(lhs) < 3 || lhs[0] != '!' || lhs[len(lhs)-1] != '!' || strings.Count(lhs, "!") != 2 {
		return fmt.Errorf("bad substitution marker definition %q: want !NAME! = FORM, FORM", t)
	}
	var forms []string
	for _, f := range strings.Split(rhs, ",") {
		if f = strings.TrimSpace(f); f != "" {
			forms = append(forms, f)
		}
	}
	if len(forms) == 0 {
		return fmt.Errorf("substitution marker %s has no forms", lhs)
	}
	markers[lhs[1:len(lhs)-1]] = forms
	return nil
}

// expandMarkers replaces every !NAME! of p by each form of the marker.
func expandMarkers(markers map[string][]string, p string, depth int) ([]string, error) {
	i := strings.IndexByte(p, '!')
	if i < 0 {
		return []string{p}, nil
	}
	j := strings.IndexByte(p[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("substitution marker in %q is not closed", p)
	}
	name := p[i+1 : i+1+j]
	forms, ok := markers[name]
	if !ok {
		return nil, fmt.Errorf("substitution marker !%s! is not defined", name)
	}
	if depth > 4 {
		return nil, fmt.Errorf("too many substitution markers in %q", p)
	}
	var out []string
	for _, f := range forms {
		more, err := expandMarkers(markers, p[:i]+f+p[i+1+j+1:], depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	return out, nil
}

// agentCode reads "~CODE" or "CODE~".
func agentCode(g string) (code string, prefix bool, err error) {
	g = strings.Join(strings.Fields(g), "")
	switch {
	case strings.Count(g, "~") != 1:
		return "", false, fmt.Errorf("agent code [%s]: want ~CODE or CODE~", g)
	case strings.HasPrefix(g, "~"):
		code = g[1:]
	case strings.HasSuffix(g, "~"):
		code, prefix = g[:len(g)-1], true
	default:
		return "", false, fmt.Errorf("agent code [%s]: want ~CODE or CODE~", g)
	}
	if code == "" {
		return "", false, fmt.Errorf("empty agent code [%s]", g)
	}
	return code, prefix, nil
}
