package lexicon

import "strings"

// Kind is the kind of a lexicon entry.
type Kind int

// The kinds of entry (see data/FORMAT.md).
const (
	Verb  Kind = iota // a verb trigger
	Noun              // a nominal trigger
	Cue               // a reporting verb: attribution
	Light             // a light verb whose object noun is the trigger
)

// Entry is one line of the lexicon.
type Entry struct {
	Kind Kind
	Head string // lemma of the head word, lower case

	Prt   string   // required particle lemma, "" for none
	Obj   []string // required object lemmas (any of), nil for no constraint
	Mod   []string // required compound/amod modifier lemmas (any of): of the noun, or of a verb's object
	Xcomp []string // required xcomp head lemmas (any of); ["*"] accepts any
	Preps []string // required prepositions (all of), multi-word joined with "_"

	// PrepLemmas, when not nil, has one element per Preps element: the
	// lemmas (any of) allowed for the word that Preps[i] introduces, nil
	// for any word ("prep:for=ceasefire/truce").
	PrepLemmas [][]string
	// XcompObj lists the lemmas (any of) allowed for the direct object of
	// the xcomp ("xcomp:lift=sanction"), nil for no constraint.
	XcompObj []string

	Recipient string // "", "obj", "iobj", "between" or a preposition ("with")
	ActorPrep string // nouns: preposition introducing the actor ("by"), "" for default

	CAMEO   string   // CAMEO code, "" for "-" (on a verb or noun: a blocker, no event)
	Recip   bool     // reciprocal
	Neg     bool     // fires only when negated
	Event   string   // PLOVER type override, "" for the code's own
	Mode    string   // PLOVER mode override
	Context []string // PLOVER context override, nil for the code's own
	Conf    float64  // confidence, default 0.8

	File string // where the entry was read
	Line int
}

// Constraints returns how many constraints the entry places on the tree;
// when several entries match, the one with most constraints wins. Each
// particle, object, modifier, xcomp, preposition and named recipient or
// actor preposition counts one; a lemma restriction on a preposition's
// word, on the xcomp (anything but xcomp:*) or on the xcomp's object
// ("prep:for=ceasefire", "xcomp:lift=sanction") counts one more, and a
// lemma list made only of MOD+HEAD items ("obj:martial+law") one more
// again: the modifier is a constraint too.
func (e *Entry) Constraints() int {
	n := len(e.Preps)
	for _, l := range e.PrepLemmas {
		if l != nil {
			n++
		}
		n += compounds(l)
	}
	n += compounds(e.Obj) + compounds(e.Mod) + compounds(e.XcompObj)
	if e.Prt != "" {
		n++
	}
	if e.Obj != nil {
		n++
	}
	if e.Mod != nil {
		n++
	}
	if e.Xcomp != nil {
		n++
		if len(e.Xcomp) != 1 || e.Xcomp[0] != "*" {
			n++ // restricted to lemmas, not xcomp:*
		}
	}
	if e.XcompObj != nil {
		n++
	}
	if e.Recipient != "" && e.Recipient != "obj" && e.Recipient != "iobj" {
		n++ // a named preposition must be present for the recipient
	}
	if e.ActorPrep != "" {
		n++ // likewise for the actor
	}
	return n
}

// Rule is the entry's name in event records: "verb:call.with#041".
func (e *Entry) Rule() string {
	// Implemented by the lexicon package; see rule.go.
	return rule(e)
}

// compounds returns 1 when every item of the lemma list is MOD+HEAD, else 0.
func compounds(list []string) int {
	if len(list) == 0 {
		return 0
	}
	for _, l := range list {
		if !strings.Contains(l, "+") {
			return 0
		}
	}
	return 1
}
