package petrarch

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"dyad/event/lexicon"
)

// LexiconConf is the confidence of every entry ToLexicon makes: patterns
// read off word order are a weaker signal than dyad's own lexicon (0.8).
const LexiconConf = 0.6

// Tally counts what a conversion did with one kind of item.
type Tally struct {
	Read         int
	Converted    int // expressed exactly
	Approximated int // expressed with some of its words dropped or loosened
	Skipped      int // not converted
	// Skips counts skipped items by reason.
	Skips map[string]int
	// Approximations counts approximated items by what was loosened; an
	// item may count under several reasons.
	Approximations map[string]int
}

func (t *Tally) skip(reason string) {
	t.Skipped++
	if t.Skips == nil {
		t.Skips = map[string]int{}
	}
	t.Skips[reason]++
}

func (t *Tally) approximate(reasons []string) {
	t.Approximated++
	if t.Approximations == nil {
		t.Approximations = map[string]int{}
	}
	for _, r := range uniq(reasons) {
		t.Approximations[r]++
	}
}

// LexiconSummary counts what ToLexicon did.
type LexiconSummary struct {
	// Verbs counts the bare-verb entries: one per verb whose code (its
	// own or its block's) is an event.
	Verbs Tally
	// Patterns counts the patterns; each converted or approximated
	// pattern gives one entry per verb of its block.
	Patterns Tally
	// Entries is the number of entries made.
	Entries int
	// Dropped counts, by reason, the entries of converted patterns that
	// were not made or not kept (one pattern gives an entry per verb of
	// its block).
	Dropped map[string]int
	// Transformations is the number of PETRARCH 2 transformations, which
	// have no counterpart in the lexicon and are not converted.
	Transformations int
}

// String formats s on a few lines.
func (s LexiconSummary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "entries: %d\n", s.Entries)
	for _, x := range []struct {
		name string
		t    Tally
	}{{"verbs", s.Verbs}, {"patterns", s.Patterns}} {
		fmt.Fprintf(&b, "%s: %d read, %d converted, %d approximated, %d skipped\n",
			x.name, x.t.Read, x.t.Converted, x.t.Approximated, x.t.Skipped)
		for _, k := range sortedKeys(x.t.Skips) {
			fmt.Fprintf(&b, "  skipped %6d  %s\n", x.t.Skips[k], k)
		}
		for _, k := range sortedKeys(x.t.Approximations) {
			fmt.Fprintf(&b, "  approx. %6d  %s\n", x.t.Approximations[k], k)
		}
	}
	for _, k := range sortedKeys(s.Dropped) {
		fmt.Fprintf(&b, "entries dropped %6d  %s\n", s.Dropped[k], k)
	}
	fmt.Fprintf(&b, "transformations not converted: %d\n", s.Transformations)
	return b.String()
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// Reasons for skipping or approximating, as counted in a LexiconSummary.
const (
	skipNullCode     = "null code (---): the pattern blocks an event, which the lexicon cannot say"
	skipNotCAMEO     = "code is not a CAMEO event code (2-4 digits, root 01-20)"
	skipPaired       = "paired code A:B with two different events (the second is target to source)"
	skipPairedNoSrc  = "paired code :B (only a target-to-source event)"
	skipBeforeVerb   = "word before the verb (subject noun, adverb, modal or governing verb)"
	skipTargetBefore = "target (+) before the verb"
	skipSourceAfter  = "source ($) after the verb"
	skipTargetPlace  = "target (+) after an object without a preposition"
	skipPrepSynset   = "synset in the place of a preposition"
	skipBadPrep      = "preposition that is not a word"
	skipNoVerbSlot   = "pattern has no verb slot (*)"
	skipTwoVerbs     = "pattern has two verb slots (*)"
	skipNoHead       = "no verb of the block can be its head (or every one names another object)"
	skipDuplicate    = "same constraints and head as another entry"
	skipNoEvent      = "bare verb is no event (null code)"
	skipVerbBefore   = "multi-word verb with words before the verb word"
	skipBadLemma     = "verb word cannot be a lemma"

	apModifiers  = "noun modifiers dropped (head noun kept)"
	apPrepObject = "further words after a preposition's object dropped"
	apSecondObj  = "second object or particle dropped"
	apMultiWord  = "synset members reduced to their last word, or dropped when no lemma"
	apExtraRecip = "second recipient preposition kept as a plain preposition"
	apVerbObj    = "word of a multi-word verb taken as its object"
	apVerbExtra  = "further words of a multi-word verb dropped"
	apNoLemma    = "word that cannot be a lemma (digits and letters with - ' .) dropped"

	dropDuplicate = "same head and constraints as a better or earlier entry"
	dropConflict  = "multi-word verb and pattern ask for different particles or objects"
)

var (
	// negations before the verb make an entry that fires only when
	// negated.
	negations = set("NOT", "N'T", "NEVER", "NO")
	// determiners are dropped without loss: the tree has them as det.
	determiners = set("THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", "THIS", "THESE", "THOSE", "SOME", "ANY")
	// particles are always read as compound:prt.
	particles = set("UP", "DOWN", "OFF", "OUT", "BACK", "AWAY", "FORWARD", "ASIDE", "APART", "TOGETHER", "AHEAD")
	// prepositions introduce a dependent (or, at the end of a pattern or
	// before "+", the target).
	prepositions = set("ABOUT", "ABOVE", "ACROSS", "AFTER", "AGAINST", "ALONG", "ALONGSIDE", "AMID", "AMONG", "AMONGST",
		"AROUND", "AS", "AT", "BEFORE", "BEHIND", "BELOW", "BENEATH", "BESIDE", "BETWEEN", "BEYOND", "BY",
		"DESPITE", "DURING", "FOR", "FROM", "IN", "INSIDE", "INTO", "NEAR", "OF", "ON", "ONTO", "OUTSIDE",
		"OVER", "PAST", "PER", "SINCE", "THROUGH", "THROUGHOUT", "TO", "TOWARD", "TOWARDS", "UNDER",
		"UNTIL", "UPON", "VIA", "WITH", "WITHIN", "WITHOUT")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// constraints is what a pattern or a multi-word verb asks of the tree.
type constraints struct {
	prt       string
	obj       []string
	preps     []prepC
	xcomp     []string
	recipient string
	recip     bool
	neg       bool
}

// prepC is a required preposition and the lemmas allowed for the word it
// introduces (nil for any).
type prepC struct {
	prep   string
	lemmas []string
}

// addPrep adds a required preposition; a preposition already required
// keeps one constraint, with the union of the lemmas (any word if either
// allows any).
func (c *constraints) addPrep(p string, lemmas []string) {
	for i := range c.preps {
		if c.preps[i].prep == p {
			if c.preps[i].lemmas == nil || lemmas == nil {
				c.preps[i].lemmas = nil
			} else {
				c.preps[i].lemmas = uniq(append(c.preps[i].lemmas, lemmas...))
			}
			return
		}
	}
	c.preps = append(c.preps, prepC{p, lemmas})
}

// finish drops the required prepositions that repeat the recipient's: the
// recipient already requires it (the lemmas of such a preposition are
// dropped, an approximation).
func (c *constraints) finish() (approx []string) {
	out := c.preps[:0:0]
	for _, p := range c.preps {
		if p.prep == c.recipient {
			if p.lemmas != nil {
				approx = append(approx, apPrepObject)
			}
			continue
		}
		out = append(out, p)
	}
	c.preps = out
	return approx
}

// ToLexicon converts the verb dictionary into event-lexicon entries of
// kind lexicon.Verb, approximating PETRARCH's word-order patterns by
// dependency constraints. Every entry has the verb's lemma (lower case) as
// Head and confidence LexiconConf.
//
// Each verb whose code (its own, else its block's) is an event gives a
// bare-verb entry with no constraints. Each pattern gives one entry per
// verb of its block:
//
//   - "+" right after the verb: Recipient "obj" ("iobj" when an object
//     follows); a preposition before "+", or a preposition that ends the
//     pattern or a "(PREP)" group with no noun: Recipient = the
//     preposition;
//   - a content word, synset or "{... HEAD}" noun phrase after the verb
//     (before any preposition): Obj = its lemma candidates (the word and
//     its singular; every member of a synset); modifier words are dropped;
//   - UP, DOWN, OFF, OUT, BACK, AWAY, FORWARD, ASIDE, APART, TOGETHER,
//     AHEAD: Prt; any other preposition followed by a noun: Preps, with
//     the noun's lemma candidates in PrepLemmas; "TO" followed by a verb
//     of the dictionary: Xcomp;
//   - "%": Recip (with "WITH %": Recipient "with" too); "NOT", "N'T",
//     "NEVER" (or a synset of such phrases) before the verb: Neg; "$"
//     before the verb, "^" and determiners are left to the tree.
//
// Codes: "A:A" (both actors do A to each other) is A with Recip; other
// paired codes ("042:043", ":173"), the null code "---" (a pattern that
// blocks the verb's code) and codes that are not 2-4 digits are skipped.
// Patterns with words before the verb (subject nouns such as "&MILITARY *",
// adverbs, modals, governing verbs such as "SAID *"), with "+" before the
// verb or "$" after it are skipped: the lexicon cannot express them.
// When two entries of a head end up with the same constraints, the exact
// one wins over an approximation, a pattern over the bare verb, and the
// earlier line over the later.
//
// The diagnostics name each skipped pattern and each verb that cannot be
// a head; LexiconSummary counts them by reason.
func (v *Verbs) ToLexicon() ([]*lexicon.Entry, []Diagnostic) {
	entries, _, diags := v.convert()
	return entries, diags
}

// LexiconSummary returns the counts of the conversion ToLexicon makes
// (repeating it).
func (v *Verbs) LexiconSummary() LexiconSummary {
	_, sum, _ := v.convert()
	return sum
}

// candidate is an entry before de-duplication.
type candidate struct {
	e       *lexicon.Entry
	key     string // head and constraints
	pattern int    // index in pats, -1 for a bare verb
	rank    int    // 3 exact pattern, 2 bare verb, 1 approximated pattern
}

// patState is the classification of one pattern during conversion.
type patState struct {
	file    string
	line    int
	text    string
	approx  []string
	made    int
	kept    int
	skipped bool
}

func (v *Verbs) convert() ([]*lexicon.Entry, LexiconSummary, []Diagnostic) {
	var sum LexiconSummary
	var diags []Diagnostic
	sum.Transformations = len(v.Transformations)
	known := map[string]bool{}
	for _, b := range v.Blocks {
		for _, vb := range b.Verbs {
			known[vb.Lemma()] = true
		}
	}
	var cands []candidate
	var pats []patState
	for bi := range v.Blocks {
		b := &v.Blocks[bi]
		type head struct {
			lemma  string
			c      constraints
			approx []string
		}
		var heads []head
		for _, vb := range b.Verbs {
			sum.Verbs.Read++
			h, approx, reason := verbHead(vb)
			if reason != "" {
				sum.Verbs.skip(reason)
				diags = append(diags, Diagnostic{File: b.File, Line: vb.Line, Msg: fmt.Sprintf("verb %s not converted: %s", strings.Join(vb.Words, "_"), reason)})
				continue
			}
			heads = append(heads, head{vb.Lemma(), h, approx})
			code := vb.Code
			if code == "" {
				code = b.Code
			}
			cameo, recip, reason := eventCode(code)
			if reason != "" {
				if reason == skipNullCode {
					reason = skipNoEvent
				}
				sum.Verbs.skip(reason)
				continue
			}
			if len(approx) > 0 {
				sum.Verbs.approximate(approx)
			} else {
				sum.Verbs.Converted++
			}
			h.recip = h.recip || recip
			e := h.entry(vb.Lemma(), cameo, b.File, vb.Line)
			cands = append(cands, candidate{e: e, key: vb.Lemma() + "\x00" + h.key(), pattern: -1, rank: 2})
		}
		for _, p := range b.Patterns {
			sum.Patterns.Read++
			st := patState{file: b.File, line: p.Line, text: p.Text}
			c, approx, reason := v.patternConstraints(&p, known)
			cameo, recip, creason := eventCode(p.Code)
			if reason == "" {
				reason = creason
			}

			if reason != "" {
				st.skipped = true
				sum.Patterns.skip(reason)
				diags = append(diags, Diagnostic{File: b.File, Line: p.Line, Msg: fmt.Sprintf("pattern %q not converted: %s", p.Text, reason)})
				pats = append(pats, st)
				continue
			}
			c.recip = c.recip || recip
			st.approx = approx
			pi := len(pats)
			ckey := c.key()
			for _, h := range heads {
				merged, conflict := merge(h.c, c)
				if conflict != "" {
					if sum.Dropped == nil {
						sum.Dropped = map[string]int{}
					}
					sum.Dropped[conflict]++
					continue
				}
				rank := 3
				if len(approx) > 0 || len(h.approx) > 0 {
					rank = 1
				}
				k := ckey
				if h.c.prt != "" || h.c.obj != nil || len(h.c.preps) > 0 {
					k = merged.key()
				}
				cands = append(cands, candidate{e: merged.entry(h.lemma, cameo, b.File, p.Line), key: h.lemma + "\x00" + k, pattern: pi, rank: rank})
				st.made++
			}
			if st.made == 0 {
				st.skipped = true
				sum.Patterns.skip(skipNoHead)
				diags = append(diags, Diagnostic{File: b.File, Line: p.Line, Msg: fmt.Sprintf("pattern %q not converted: %s", p.Text, skipNoHead)})
			}
			pats = append(pats, st)
		}
	}
	// De-duplicate: one entry per head and constraints.
	best := map[string]int{} // key → index in cands of the winner
	keep := make([]bool, len(cands))
	for i, c := range cands {
		k := c.key
		j, seen := best[k]
		if !seen {
			best[k], keep[i] = i, true
			continue
		}
		if c.rank > cands[j].rank {
			keep[j], keep[i], best[k] = false, true, i
		}
	}
	var out []*lexicon.Entry
	for i, c := range cands {
		if !keep[i] {
			if sum.Dropped == nil {
				sum.Dropped = map[string]int{}
			}
			sum.Dropped[dropDuplicate]++
			continue
		}
		out = append(out, c.e)
		if c.pattern >= 0 {
			pats[c.pattern].kept++
		}
	}
	for i := range pats {
		st := &pats[i]
		switch {
		case st.skipped:
		case st.kept == 0:
			sum.Patterns.skip(skipDuplicate)
			diags = append(diags, Diagnostic{File: st.file, Line: st.line, Msg: fmt.Sprintf("pattern %q not converted: %s", st.text, skipDuplicate)})
		case len(st.approx) > 0:
			sum.Patterns.approximate(st.approx)
		default:
			sum.Patterns.Converted++
		}
	}
	sum.Entries = len(out)
	sort.SliceStable(diags, func(i, j int) bool {
		if diags[i].File != diags[j].File {
			return diags[i].File < diags[j].File
		}
		return diags[i].Line < diags[j].Line
	})
	return out, sum, diags
}

// entry makes a lexicon entry from c.
func (c constraints) entry(lemma, cameo, file string, line int) *lexicon.Entry {
	e := &lexicon.Entry{
		Kind:      lexicon.Verb,
		Head:      lemma,
		Prt:       c.prt,
		Recipient: c.recipient,
		CAMEO:     cameo,
		Recip:     c.recip,
		Neg:       c.neg,
		Conf:      LexiconConf,
		File:      file,
		Line:      line,
	}
	if len(c.obj) > 0 {
		e.Obj = append([]string(nil), c.obj...)
	}
	var lemmas bool
	for _, p := range c.preps {
		e.Preps = append(e.Preps, p.prep)
		lemmas = lemmas || p.lemmas != nil
	}
	if lemmas {
		for _, p := range c.preps {
			var l []string
			if p.lemmas != nil {
				l = append([]string(nil), p.lemmas...)
			}
			e.PrepLemmas = append(e.PrepLemmas, l)
		}
	}
	if len(c.xcomp) > 0 {
		e.Xcomp = uniq(c.xcomp)
	}
	return e
}

// key identifies c's constraints.
func (c constraints) key() string {
	var b strings.Builder
	b.WriteString(c.prt)
	b.WriteByte('|')
	b.WriteString(strings.Join(c.obj, "/"))
	b.WriteByte('|')
	preps := make([]string, len(c.preps))
	for i, p := range c.preps {
		preps[i] = p.prep + "=" + strings.Join(p.lemmas, "/")
	}
	sort.Strings(preps)
	b.WriteString(strings.Join(preps, ","))
	b.WriteByte('|')
	b.WriteString(strings.Join(c.xcomp, "/"))
	b.WriteByte('|')
	b.WriteString(c.recipient)
	if c.recip {
		b.WriteString("|recip")
	}
	if c.neg {
		b.WriteString("|neg")
	}
	return b.String()
}

// merge adds a pattern's constraints to a multi-word verb's, or says why
// they do not go together.
func merge(verb, pat constraints) (constraints, string) {
	out := pat
	if verb.prt != "" {
		if out.prt != "" && out.prt != verb.prt {
			return out, dropConflict
		}
		out.prt = verb.prt
	}
	if verb.obj != nil {
		if out.obj != nil {
			return out, dropConflict
		}
		out.obj = verb.obj
	}
	if len(verb.preps) > 0 {
		out.preps = nil
		for _, p := range append(append([]prepC(nil), verb.preps...), pat.preps...) {
			out.addPrep(p.prep, p.lemmas)
		}
		out.finish()
	}
	return out, ""
}

// verbHead returns the constraints a multi-word verb adds to its head
// word, or why the verb cannot be a head.
func verbHead(vb Verb) (c constraints, approx []string, reason string) {
	if vb.Head > 0 {
		return c, nil, skipVerbBefore
	}
	if !lexicon.IsLemma(vb.Lemma()) {
		return c, nil, skipBadLemma
	}
	rest := vb.Words[1:]
	if len(rest) == 0 {
		return c, nil, ""
	}
	w := strings.ToUpper(rest[0])
	switch {
	case particles[w]:
		c.prt = strings.ToLower(w)
	case prepositions[w]:
		c.addPrep(strings.ToLower(w), nil)
	default:
		c.obj = lemmas(w)
		if c.obj == nil {
			approx = append(approx, apNoLemma)
		} else {
			approx = append(approx, apVerbObj)
		}
	}
	if len(rest) > 1 {
		approx = append(approx, apVerbExtra)
	}
	return c, approx, ""
}

// eventCode reads a pattern or block code: the CAMEO code, whether it is
// reciprocal, or why it is no event.
func eventCode(code string) (cameo string, recip bool, reason string) {
	code = strings.TrimSpace(code)
	if code == "" || code == "---" {
		return "", false, skipNullCode
	}
	if a, b, paired := strings.Cut(code, ":"); paired {
		switch {
		case a == "" || a == "---":
			return "", false, skipPairedNoSrc
		case a != b:
			return "", false, skipPaired
		}
		code, recip = a, true
	}
	if len(code) < 2 || len(code) > 4 || code[:2] < "01" || code[:2] > "20" {
		return "", false, skipNotCAMEO
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return "", false, skipNotCAMEO
		}
	}
	return code, recip, ""
}

// unit is a pattern element after the verb, grouped for interpretation.
type unitKind int

const (
	uDet unitKind = iota
	uSkip
	uParticle
	uPrep
	uContent
	uTarget
	uSource
	uCompound
	uGroupEnd
)

type unit struct {
	kind  unitKind
	word  string   // particle or preposition, lower case
	head  Token    // content: its head word or synset
	mods  int      // content: modifier words dropped
	bare  bool     // content: a single word outside "{...}" (may be an Xcomp verb)
	objs  []string // content: lemma candidates
	synMW bool     // content: a synset with multi-word members
}

// patternConstraints interprets a pattern, returning its constraints, what
// was approximated, or why it cannot be converted.
func (v *Verbs) patternConstraints(p *Pattern, known map[string]bool) (c constraints, approx []string, reason string) {
	vi := p.Verb()
	if vi < 0 {
		return c, nil, skipNoVerbSlot
	}
	for _, t := range p.Tokens[:vi] {
		switch t.Kind {
		case Source, Skip:
		case Compound:
			c.recip = true
		case Target:
			return c, nil, skipTargetBefore
		case Word:
			if t.Prep == 0 && negations[strings.ToUpper(t.Text)] {
				c.neg = true
				continue
			}
			return c, nil, skipBeforeVerb
		case SynsetRef:
			if v.negativeSynset(t.Text) {
				c.neg = true
				continue
			}
			return c, nil, skipBeforeVerb
		}
	}
	units, err := v.units(p.Tokens[vi+1:])
	if err != "" {
		return c, nil, err
	}
	prep := ""              // the open preposition
	prepObj := false        // the open preposition has an object
	var prepLemmas []string // ... whose lemmas are these
	seenAny := false        // something other than determiners and skips came
	setRecipient := func(p string) {
		switch c.recipient {
		case "":
			c.recipient = p
		case p:
		default:
			c.addPrep(p, nil)
			approx = append(approx, apExtraRecip)
		}
	}
	// closePrep ends the open preposition; it reports whether the
	// preposition, having no object, became the recipient's.
	closePrep := func() bool {
		if prep == "" {
			return false
		}
		recipient := !prepObj
		if prepObj {
			c.addPrep(prep, prepLemmas)
		} else {
			setRecipient(prep)
		}
		prep, prepObj, prepLemmas = "", false, nil
		return recipient
	}
	groupRecipient := false // the previous unit closed "(PREP)" as the recipient's
	for i, u := range units {
		if u.kind != uDet && u.kind != uSkip && u.kind != uGroupEnd && u.kind != uTarget {
			groupRecipient = false
		}
		switch u.kind {
		case uDet, uSkip:
			continue
		case uParticle:
			if c.prt == "" && prep == "" && c.obj == nil {
				c.prt = u.word
			} else {
				approx = append(approx, apSecondObj)
			}
		case uPrep:
			closePrep()
			prep = u.word
		case uTarget:
			switch {
			case groupRecipient:
				// "(AGAINST) +": the target is the preposition's object.
				groupRecipient = false
			case prep != "":
				if prepObj {
					approx = append(approx, apPrepObject)
				}
				setRecipient(prep)
				prep, prepObj, prepLemmas = "", false, nil
			case !seenAny:
				r := "obj"
				for _, w := range units[i+1:] {
					if w.kind == uDet || w.kind == uSkip {
						continue
					}
					if w.kind == uContent {
						r = "iobj"
					}
					break
				}
				setRecipient(r)
			default:
				return c, nil, skipTargetPlace
			}
		case uCompound:
			c.recip = true
			if prep != "" {
				setRecipient(prep)
				prep, prepObj, prepLemmas = "", false, nil
			}
		case uSource:
			return c, nil, skipSourceAfter
		case uContent:
			if len(u.objs) == 0 {
				approx = append(approx, apNoLemma)
				break
			}
			switch {
			case prep == "to" && !prepObj && u.bare && known[strings.ToLower(u.head.Text)]:
				c.xcomp = append(c.xcomp, strings.ToLower(u.head.Text))
				prep = ""
			case prep != "" && !prepObj:
				prepObj, prepLemmas = true, u.objs
				if u.mods > 0 {
					approx = append(approx, apModifiers)
				}
				if u.synMW {
					approx = append(approx, apMultiWord)
				}
			case prep != "":
				approx = append(approx, apPrepObject)
			case c.obj == nil:
				c.obj = u.objs
				if u.mods > 0 {
					approx = append(approx, apModifiers)
				}
				if u.synMW {
					approx = append(approx, apMultiWord)
				}
			default:
				approx = append(approx, apSecondObj)
			}
		case uGroupEnd:
			groupRecipient = closePrep()
		}
		seenAny = true
	}
	closePrep()
	approx = append(approx, c.finish()...)
	return c, approx, ""
}

// units groups the tokens after the verb.
func (v *Verbs) units(toks []Token) ([]unit, string) {
	var out []unit
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Prep > 0 && (i == 0 || toks[i-1].Prep != t.Prep) {
			// First token of a "(PREP ...)" group: the preposition.
			if t.Kind != Word {
				return nil, skipPrepSynset
			}
			if !isPrepWord(strings.ToLower(t.Text)) {
				return nil, skipBadPrep
			}
			out = append(out, unit{kind: uPrep, word: strings.ToLower(t.Text)})
			if i+1 == len(toks) || toks[i+1].Prep != t.Prep {
				out = append(out, unit{kind: uGroupEnd})
			}
			continue
		}
		switch t.Kind {
		case Skip:
			out = append(out, unit{kind: uSkip})
		case Target:
			out = append(out, unit{kind: uTarget})
		case Source:
			out = append(out, unit{kind: uSource})
		case Compound:
			out = append(out, unit{kind: uCompound})
		case VerbSlot:
			return nil, skipTwoVerbs // ReadVerbs never makes such a pattern
		default:
			if t.Noun > 0 {
				// A "{...}" noun phrase: one content unit, the last token its head.
				j := i
				for j+1 < len(toks) && toks[j+1].Noun == t.Noun {
					j++
				}
				u := v.content(toks[j])
				for _, m := range toks[i:j] {
					if m.Kind != Word || !determiners[strings.ToUpper(m.Text)] {
						u.mods++
					}
				}
				u.bare = false
				out = append(out, u)
				i = j
				break
			}
			w := strings.ToUpper(t.Text)
			switch {
			case t.Kind == Word && determiners[w]:
				out = append(out, unit{kind: uDet})
			case t.Kind == Word && particles[w]:
				out = append(out, unit{kind: uParticle, word: strings.ToLower(w)})
			case t.Kind == Word && prepositions[w]:
				out = append(out, unit{kind: uPrep, word: strings.ToLower(w)})
			default:
				u := v.content(t)
				// Consecutive bare content words make one noun phrase:
				// the last is its head.
				if n := len(out); n > 0 && out[n-1].kind == uContent && t.Noun == 0 && toks[i-1].Noun == 0 {
					u.mods = out[n-1].mods + 1
					u.bare = false
					out[n-1] = u
					break
				}
				out = append(out, u)
			}
		}
		if t.Prep > 0 && (i+1 == len(toks) || toks[i+1].Prep != t.Prep) {
			out = append(out, unit{kind: uGroupEnd})
		}
	}
	return out, ""
}

// content makes a content unit of a word or synset token.
func (v *Verbs) content(t Token) unit {
	u := unit{kind: uContent, head: t}
	if t.Kind == SynsetRef {
		u.objs, u.synMW = v.synsetLemmas(t.Text, 0)
		return u
	}
	u.bare = true
	u.objs = lemmas(t.Text)
	return u
}

// synsetLemmas returns the lemma candidates of a synset's members (the
// last word of multi-word members), expanding member synsets.
func (v *Verbs) synsetLemmas(name string, depth int) (out []string, multi bool) {
	s, ok := v.Synset(name)
	if !ok || depth > 8 {
		return nil, false
	}
	for _, m := range s.Members {
		ws := m.Words()
		if len(ws) == 0 {
			continue
		}
		if strings.HasPrefix(ws[0], "&") && len(ws) == 1 {
			more, mw := v.synsetLemmas(ws[0], depth+1)
			out = append(out, more...)
			multi = multi || mw
			continue
		}
		l := lemmas(ws[len(ws)-1])
		if len(ws) > 1 || l == nil {
			multi = true
		}
		out = append(out, l...)
	}
	return uniq(out), multi
}

// negativeSynset reports whether every member of the synset has a
// negation word (&NEGATVAUXVRB: "DID N'T", "WILL NOT").
func (v *Verbs) negativeSynset(name string) bool {
	s, ok := v.Synset(name)
	if !ok || len(s.Members) == 0 {
		return false
	}
	for _, m := range s.Members {
		neg := false
		for _, w := range m.Words() {
			neg = neg || negations[strings.ToUpper(w)]
		}
		if !neg {
			return false
		}
	}
	return true
}

// lemmas returns the lemma candidates of a dictionary word: the word in
// lower case and, for a regular plural, its singular; nil for a word that
// cannot be a lemma.
func lemmas(w string) []string {
	w = strings.ToLower(w)
	if !lexicon.IsLemma(w) {
		return nil
	}
	out := []string{w}
	if s := singular(w); s != w {
		out = append(out, s)
	}
	return out
}

// isPrepWord reports whether s can be a preposition in the lexicon.
func isPrepWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) || unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// singular guesses the singular of a regular English plural.
func singular(w string) string {
	n := len(w)
	switch {
	case n <= 3 || !strings.HasSuffix(w, "s"):
		return w
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:n-2]
	}
	return w[:n-1]
}

// uniq returns ss without repeats, in order.
func uniq(ss []string) []string {
	if len(ss) < 2 {
		return ss
	}
	seen := make(map[string]bool, len(ss))
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
