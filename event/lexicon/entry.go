package lexicon

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

var kindNames = [...]string{Verb: "verb", Noun: "noun", Cue: "cue", Light: "light"}

// String returns the kind as written in lexicon files: "verb", "noun",
// "cue" or "light".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// ParseKind returns the Kind written as s ("verb", "noun", "cue",
// "light").
func ParseKind(s string) (Kind, bool) {
	for k, name := range kindNames {
		if s == name {
			return Kind(k), true
		}
	}
	return 0, false
}

// PLOVERTypes are the PLOVER event types that event= may name.
var PLOVERTypes = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

// ValidateCAMEO checks the syntax of a CAMEO event code: 2 to 4 ASCII
// digits whose first two (the root) are 01 to 20. It does not check that
// the code exists in the CAMEO codebook.
func ValidateCAMEO(code string) error {
	if len(code) < 2 || len(code) > 4 {
		return fmt.Errorf("CAMEO code %q: want 2 to 4 digits", code)
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return fmt.Errorf("CAMEO code %q: want digits only", code)
		}
	}
	if root := code[:2]; root < "01" || root > "20" {
		return fmt.Errorf("CAMEO code %q: root %s is not 01 to 20", code, root)
	}
	return nil
}

// Validate checks that e is a well-formed entry: lemmas and prepositions
// well formed, constraints allowed for its kind, a valid CAMEO code where
// one is needed, options allowed for its kind. Parse applies it to every
// line; code that builds entries by other means (converters of
// third-party dictionaries) can call it before New.
func (e *Entry) Validate() error {
	if e == nil {
		return errors.New("nil entry")
	}
	if err := e.validatePattern(); err != nil {
		return err
	}
	switch {
	case e.Kind == Light && e.CAMEO != "":
		return fmt.Errorf("light verb has CAMEO %s, want -", e.CAMEO)
	case e.CAMEO != "":
		if err := ValidateCAMEO(e.CAMEO); err != nil {
			return err
		}
	}
	return e.validateOptions()
}

func (e *Entry) validatePattern() error {
	kind := e.Kind.String()
	if e.Kind < Verb || e.Kind > Light {
		return fmt.Errorf("unknown kind %s", kind)
	}
	if e.Kind == Cue && strings.Contains(e.Head, "_") {
		if !isPrep(e.Head) {
			return fmt.Errorf("head %q is not a lower-case multi-word preposition", e.Head)
		}
		if e.Prt != "" {
			return fmt.Errorf("multi-word cue %q cannot take a particle (prt:)", e.Head)
		}
	} else if !IsLemma(e.Head) {
		return fmt.Errorf("head %q is not a lower-case lemma", e.Head)
	}
	if e.Prt != "" && !IsLemma(e.Prt) {
		return fmt.Errorf("prt:%s is not a lower-case lemma", e.Prt)
	}
	for _, l := range []struct {
		key    string
		lemmas []string
	}{{"obj", e.Obj}, {"mod", e.Mod}, {"xcomp", e.Xcomp}, {"xcomp object", e.XcompObj}} {
		if err := checkLemmas(l.key, l.lemmas); err != nil {
			return err
		}
		if l.key != "xcomp" && contains(l.lemmas, "*") {
			return fmt.Errorf("%s: * is only for xcomp", l.key)
		}
	}
	if len(e.Xcomp) > 1 && contains(e.Xcomp, "*") {
		return fmt.Errorf("xcomp:* cannot be mixed with lemmas")
	}
	if e.XcompObj != nil && e.Xcomp == nil {
		return fmt.Errorf("xcomp object lemmas without xcomp")
	}
	if e.PrepLemmas != nil && len(e.PrepLemmas) != len(e.Preps) {
		return fmt.Errorf("%d preposition lemma lists for %d prepositions", len(e.PrepLemmas), len(e.Preps))
	}
	for i, p := range e.Preps {
		if !isPrep(p) {
			return fmt.Errorf("prep:%s is not a lower-case preposition (multi-word joined with _)", p)
		}
		if contains(e.Preps[:i], p) {
			return fmt.Errorf("prep:%s given twice", p)
		}
		if (p == e.Recipient || p == e.ActorPrep) && (e.PrepLemmas == nil || e.PrepLemmas[i] == nil) {
			return fmt.Errorf("prep:%s repeats the R: or A: preposition (only prep:%s=LEMMAS may)", p, p)
		}
		if e.PrepLemmas != nil {
			if err := checkLemmas("prep:"+p+" lemma", e.PrepLemmas[i]); err != nil {
				return err
			}
			if contains(e.PrepLemmas[i], "*") {
				return fmt.Errorf("prep:%s: * is only for xcomp", p)
			}
		}
	}
	switch r := e.Recipient; {
	case r == "" || r == "obj" || r == "iobj" || r == "between":
	case !isPrep(r):
		return fmt.Errorf("recipient R:%s is not obj, iobj, between or a preposition", r)
	}
	if e.ActorPrep != "" {
		if !isPrep(e.ActorPrep) {
			return fmt.Errorf("actor A:%s is not a preposition", e.ActorPrep)
		}
		if e.ActorPrep == e.Recipient {
			return fmt.Errorf("actor A:%s and recipient R:%s are the same preposition", e.ActorPrep, e.Recipient)
		}
	}
	var bad []string
	has := func(ok bool, what string) {
		if ok {
			bad = append(bad, what)
		}
	}
	switch e.Kind {
	case Verb:
		has(e.Mod != nil && e.Obj == nil, "mod: without obj: (a verb's mod: constrains its object)")
		has(e.ActorPrep != "", "A:")
	case Noun:
		has(e.Prt != "", "prt:")
		has(e.Obj != nil, "obj: (nouns use mod:)")
		has(e.Xcomp != nil, "xcomp:")
	case Cue, Light:
		has(e.Obj != nil, "obj:")
		has(e.Mod != nil, "mod:")
		has(e.Xcomp != nil, "xcomp:")
		has(len(e.Preps) > 0, "prep:")
		has(e.Recipient != "", "R:")
		has(e.ActorPrep != "", "A:")
	}
	if bad != nil {
		return fmt.Errorf("a %s entry cannot have %s", kind, strings.Join(bad, ", "))
	}
	return nil
}

func (e *Entry) validateOptions() error {
	blocker := (e.Kind == Verb || e.Kind == Noun) && e.CAMEO == ""
	if e.Kind == Cue || e.Kind == Light || blocker {
		var bad []string
		for _, o := range []struct {
			set  bool
			name string
		}{{e.Recip, "recip"}, {e.Neg && !blocker, "neg"}, {e.Event != "", "event="}, {e.Mode != "", "mode="}, {e.Context != nil, "context="}} {
			if o.set {
				bad = append(bad, o.name)
			}
		}
		if bad != nil {
			what := "a " + e.Kind.String() + " entry"
			if blocker {
				what = "an entry without CAMEO code"
			}
			return fmt.Errorf("%s cannot have option %s", what, strings.Join(bad, ", "))
		}
	}
	if e.Event != "" && !contains(PLOVERTypes, e.Event) {
		return fmt.Errorf("event=%s is not a PLOVER event type (%s)", e.Event, strings.Join(PLOVERTypes, ", "))
	}
	if e.Mode != "" && !isWord(e.Mode) {
		return fmt.Errorf("mode=%s: want lower-case letters, digits, _ or -", e.Mode)
	}
	for _, c := range e.Context {
		if !isWord(c) {
			return fmt.Errorf("context=%s: want lower-case words (letters, digits, _ or -) separated by /", strings.Join(e.Context, "/"))
		}
	}
	if math.IsNaN(e.Conf) || e.Conf <= 0 || e.Conf > 1 {
		return fmt.Errorf("conf=%v: want a number above 0 and at most 1", e.Conf)
	}
	return nil
}

// checkLemmas checks a lemma list: nil, or lemmas ("*" allowed; the
// caller restricts it).
func checkLemmas(key string, lemmas []string) error {
	if lemmas != nil && len(lemmas) == 0 {
		return fmt.Errorf("%s: empty lemma list", key)
	}
	for i, l := range lemmas {
		if l == "" {
			return fmt.Errorf("%s: empty lemma in %q", key, strings.Join(lemmas, "/"))
		}
		if l != "*" && !isLemmaItem(l) {
			return fmt.Errorf("%s: %q is not a lower-case lemma (or MOD+HEAD)", key, l)
		}
		if contains(lemmas[:i], l) {
			return fmt.Errorf("%s: %q listed twice", key, l)
		}
	}
	return nil
}

// IsLemma reports whether s can be a head, particle or lemma of the
// lexicon, as dyad's lemmatizer writes common words: a lower-case letter or
// digit, then lower-case letters, digits, '-', an apostrophe or '.'.
func IsLemma(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case unicode.IsDigit(r), unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsTitle(r):
		case i > 0 && (r == '-' || r == '\'' || r == '.'):
		default:
			return false
		}
	}
	return true
}

// isPrep reports whether s is a preposition as written in prep:, R: and
// A:: lower-case letters, multi-word prepositions joined with single "_".
func isPrep(s string) bool {
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return false
	}
	for _, r := range s {
		if r != '_' && (!unicode.IsLetter(r) || unicode.IsUpper(r) || unicode.IsTitle(r)) {
			return false
		}
	}
	return true
}

// isWord reports whether s is a PLOVER mode or context name.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// String returns the entry as a lexicon line in canonical spacing:
// "verb | meet R:with | 040 | recip". Parsing the line gives back the
// entry (without File and Line).
func (e *Entry) String() string {
	code := e.CAMEO
	if code == "" {
		code = "-"
	}
	return e.Kind.String() + " | " + e.pattern() + " | " + code + " | " + e.options()
}

// pattern returns the PATTERN field.
func (e *Entry) pattern() string {
	var b strings.Builder
	b.WriteString(e.Head)
	add := func(key string, vals ...string) {
		b.WriteString(" " + key + ":" + strings.Join(vals, "/"))
	}
	if e.Prt != "" {
		add("prt", e.Prt)
	}
	if e.Obj != nil {
		add("obj", e.Obj...)
	}
	if e.Mod != nil {
		add("mod", e.Mod...)
	}
	if e.Xcomp != nil {
		x := strings.Join(e.Xcomp, "/")
		if e.XcompObj != nil {
			x += "=" + strings.Join(e.XcompObj, "/")
		}
		add("xcomp", x)
	}
	for i, p := range e.Preps {
		if e.PrepLemmas != nil && e.PrepLemmas[i] != nil {
			p += "=" + strings.Join(e.PrepLemmas[i], "/")
		}
		add("prep", p)
	}
	if e.Recipient != "" {
		add("R", e.Recipient)
	}
	if e.ActorPrep != "" {
		add("A", e.ActorPrep)
	}
	return b.String()
}

// options returns the OPTIONS field.
func (e *Entry) options() string {
	var o []string
	if e.Recip {
		o = append(o, "recip")
	}
	if e.Neg {
		o = append(o, "neg")
	}
	if e.Event != "" {
		o = append(o, "event="+e.Event)
	}
	if e.Mode != "" {
		o = append(o, "mode="+e.Mode)
	}
	if e.Context != nil {
		o = append(o, "context="+strings.Join(e.Context, "/"))
	}
	if e.Conf != DefaultConf {
		o = append(o, "conf="+strconv.FormatFloat(e.Conf, 'g', -1, 64))
	}
	if o == nil {
		return "-"
	}
	return strings.Join(o, "; ")
}

// isLemmaItem reports whether s is an item of a lemma list: a lemma, or
// MOD+HEAD, a word HEAD with a compound or amod dependent MOD ("war+crime",
// "martial+law").
func isLemmaItem(s string) bool {
	mod, head, ok := strings.Cut(s, "+")
	if !ok {
		return IsLemma(s)
	}
	return IsLemma(mod) && IsLemma(head)
}
