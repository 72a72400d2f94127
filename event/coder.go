package event

import (
	"fmt"
	"strconv"
	"strings"

	"dyad/actor"
	"dyad/cameo"
	"dyad/doc"
	"dyad/event/lexicon"
	"dyad/geo"
	"dyad/record"
)

// Coder codes the events of documents. It is safe for concurrent use.
type Coder struct {
	lex *lexicon.Lexicon
	gaz *geo.Gazetteer
}

// New returns a Coder using lexicon lex and gazetteer gaz (nil: events
// get no location).
func New(lex *lexicon.Lexicon, gaz *geo.Gazetteer) *Coder { return &Coder{lex: lex, gaz: gaz} }

// Input is one document to code.
type Input struct {
	DocID     string
	Text      string
	Date      string // the article's date, YYYY-MM-DD, "" when unknown
	Sentences []doc.Sentence
	Actors    *actor.Result
	Explain   bool // fill record.Event.Explain
}

// Code returns the events of one document, in sentence and word order.
// Negated events are included, with Negated set.
func (c *Coder) Code(in Input) []record.Event {
	var out []record.Event
	mem := &memory{}
	for si := range in.Sentences {
		s := newSentence(c, &in, si)
		s.mem = mem
		evs := s.code()
		mem.add(s, evs)
		for k := range evs {
			evs[k].ID = in.DocID + ":" + strconv.Itoa(si) + ":" + strconv.Itoa(k)
		}
		out = append(out, evs...)
	}
	return out
}

// sentence is one sentence being coded.
type sentence struct {
	c     *Coder
	in    *Input
	si    int
	s     *doc.Sentence
	w     []doc.Word
	kids  [][]int
	lower []string
	dates []dateExpr
	mem   *memory
}

func newSentence(c *Coder, in *Input, si int) *sentence {
	s := &in.Sentences[si]
	n := len(s.Words)
	x := &sentence{c: c, in: in, si: si, s: s, w: s.Words, kids: make([][]int, n), lower: make([]string, n)}
	for i, w := range s.Words {
		x.lower[i] = strings.ToLower(w.Form)
		if h := w.Head - 1; h >= 0 && h < n && h != i {
			x.kids[h] = append(x.kids[h], i)
		}
	}
	return x
}

func base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// head returns the head of word i, -1 for the root.
func (s *sentence) head(i int) int {
	h := s.w[i].Head - 1
	if h < 0 || h >= len(s.w) || h == i {
		return -1
	}
	return h
}

// child returns the first child of i whose relation is rel (exactly, or
// its base when rel has no subtype), or -1.
func (s *sentence) child(i int, rels ...string) int {
	for _, c := range s.kids[i] {
		for _, r := range rels {
			if s.w[c].Deprel == r {
				return c
			}
		}
	}
	for _, c := range s.kids[i] {
		for _, r := range rels {
			d := s.w[c].Deprel
			if !strings.Contains(r, ":") && base(d) == r && !strings.Contains(d, "pass") && !strings.Contains(d, "outer") {
				return c
			}
		}
	}
	return -1
}

// prep returns the preposition introducing word i: its case or mark
// child, with fixed parts joined by "_" ("according_to"), lower case.
func (s *sentence) prep(i int) string {
	for _, c := range s.kids[i] {
		if r := base(s.w[c].Deprel); r == "case" || r == "mark" {
			if s.w[c].UPOS == "PART" && s.lower[c] != "to" {
				continue
			}
			p := s.lower[c]
			for _, f := range s.kids[c] {
				if base(s.w[f].Deprel) == "fixed" {
					p += "_" + s.lower[f]
				}
			}
			return p
		}
	}
	return ""
}

// findPrep returns the dependent of word h introduced by preposition p, or -1.
func (s *sentence) findPrep(h int, p string) int {
	if h < 0 {
		return -1
	}
	for _, c := range s.kids[h] {
		switch base(s.w[c].Deprel) {
		case "obl", "nmod", "advcl", "acl", "xcomp", "ccomp", "iobj", "obj":
			if s.prep(c) == p {
				return c
			}
		}
	}
	return -1
}

func (s *sentence) passive(i int) bool {
	for _, c := range s.kids[i] {
		if d := s.w[c].Deprel; d == "aux:pass" || d == "nsubj:pass" || d == "csubj:pass" {
			return true
		}
	}
	return false
}

// object returns the direct object of verb i (the subject of a passive).
func (s *sentence) object(i int) int {
	if o := s.child(i, "obj"); o >= 0 {
		return o
	}
	if s.passive(i) {
		return s.child(i, "nsubj:pass")
	}
	// "called Ukrainian President Volodymyr Zelensky", parsed as a small
	// clause: a proper-noun complement stands for the object.
	if x := s.child(i, "xcomp"); x >= 0 && s.w[x].UPOS == "PROPN" {
		return x
	}
	return -1
}

func (s *sentence) lemma(i int) string { return strings.ToLower(s.w[i].Lemma) }

// match is an entry that holds at a word, with the words it found.
type match struct {
	e       *lexicon.Entry
	trigger int   // the head word
	light   int   // the light verb whose object the noun is, or -1
	obj     int   // the object the entry constrains, or -1
	xcomp   int   // the complement the entry consumes, or -1
	prt     int   // the particle, or -1
	recip   []int // recipient words
	actorP  int   // the noun's actor phrase ("by X"), or -1
	missing bool  // the recipient preposition the entry names is absent
	generic bool  // the recipient was found by the generic search, not the entry's slot
}

// lightVerbs are used when the lexicon has no light-verb entries.
var lightVerbs = map[string]bool{"have": true, "hold": true, "make": true, "pay": true, "conduct": true,
	"carry": true, "launch": true, "stage": true, "give": true, "take": true, "secure": true, "mount": true,
	"begin": true, "start": true, "resume": true, "open": true, "exchange": true, "deliver": true, "issue": true}

func (s *sentence) isLight(i int) bool {
	if s.w[i].UPOS != "VERB" && s.w[i].UPOS != "AUX" {
		return false
	}
	l := s.lemma(i)
	return s.c.lex.IsLight(l) || lightVerbs[l]
}

// try checks the constraints of entry e at word i and finds the words the
// entry names. A recipient the entry names but the sentence lacks does not
// fail the entry: it is marked missing (best then prefers other entries)
// and looked for by the generic rules.
func (s *sentence) try(e *lexicon.Entry, i int) (match, bool) {
	m := match{e: e, trigger: i, light: -1, obj: -1, xcomp: -1, prt: -1, actorP: -1}
	if e.Kind == lexicon.Noun {
		if h := s.head(i); h >= 0 && base(s.w[i].Deprel) == "obj" && s.isLight(h) {
			m.light = h
		}
	}
	if e.Prt != "" {
		m.prt = -1
		for _, c := range s.kids[i] {
			if r := base(s.w[c].Deprel); (s.w[c].Deprel == "compound:prt" || r == "advmod" || r == "obl" && s.w[c].UPOS == "ADP") &&
				(s.lower[c] == e.Prt || s.lemma(c) == e.Prt) {
				m.prt = c
			}
		}
		if m.prt < 0 && i+1 < len(s.w) && s.lower[i+1] == e.Prt && e.Kind == lexicon.Verb {
			m.prt = i + 1 // "handed over 700 kg": the particle the parse hung elsewhere
		}
		if m.prt < 0 {
			return m, false
		}
	}
	obj := -1
	if e.Kind == lexicon.Verb {
		obj = s.measured(s.object(i))
	}
	if e.Obj != nil {
		if obj < 0 || !s.lemmaIn(e.Obj, obj) {
			return m, false
		}
		m.obj = obj
	}
	if e.Mod != nil {
		ok := false
		modOf := i
		if e.Kind == lexicon.Verb && m.obj >= 0 {
			modOf = m.obj
		}
		for _, c := range s.kids[modOf] {
			if r := base(s.w[c].Deprel); (r == "compound" || r == "amod") && (has(e.Mod, s.lemma(c)) || has(e.Mod, s.lower[c])) {
				ok = true
			}
		}
		if !ok {
			return m, false
		}
	}
	if e.Xcomp != nil {
		x := s.complement(i)
		if x < 0 || s.w[x].UPOS != "VERB" && s.w[x].UPOS != "NOUN" || !has(e.Xcomp, "*") && !has(e.Xcomp, s.lemma(x)) {
			return m, false
		}
		m.xcomp = x
		if e.XcompObj != nil {
			if o := s.object(x); o < 0 || !s.lemmaIn(e.XcompObj, o) {
				return m, false
			}
		}
	}
	for k, p := range e.Preps {
		var want []string
		if k < len(e.PrepLemmas) {
			want = e.PrepLemmas[k]
		}
		if s.prepDep(p, want, i, m.obj, m.xcomp, m.light) < 0 {
			return m, false
		}
	}
	switch r := e.Recipient; r {
	case "":
	case "obj":
		if e.Kind == lexicon.Verb {
			if x := m.xcomp; x >= 0 && obj < 0 {
				obj = s.object(x)
			}
			if s.isActor(obj) || s.isPlace(obj) {
				m.recip = []int{obj} // a place visited or attacked stands for its country
			}
		} else if o := s.findPrep(i, "of"); o >= 0 {
			m.recip = []int{o}
		}
	case "iobj":
		if x := s.child(i, "iobj"); x >= 0 {
			m.recip = []int{x}
		}
	case "between":
		if x := s.findPrep(i, "between"); x >= 0 {
			m.recip = []int{x}
		}
	default:
		var want []string
		for k, p := range e.Preps {
			if p == r && k < len(e.PrepLemmas) {
				want = e.PrepLemmas[k]
			}
		}
		x := s.prepDep(r, want, i, m.obj, m.xcomp, m.light)
		if x >= 0 && (!s.nominal(x) || want == nil && !s.isActor(x) && !s.isPlace(x)) {
			x = -1 // "attacked Sylvania on Monday": a date, not the recipient
		}
		if x < 0 {
			x = s.surfacePrep(i, r)
		}
		if x >= 0 {
			m.recip = []int{x}
		}
	}
	if e.ActorPrep != "" {
		m.actorP = s.findPrep(i, e.ActorPrep)
	}
	if r := e.Recipient; r != "" && r != "obj" && r != "iobj" && len(m.recip) == 0 {
		m.missing = true
	}
	if len(m.recip) == 0 && e.Kind != lexicon.Cue {
		m.recip = s.genericRecipient(m, obj)
		m.generic = len(m.recip) > 0
	}
	return m, true
}

// recipientPreps are the prepositions whose complement is taken as the
// recipient when the entry names none, in order of preference.
var recipientPreps = []string{"with", "against", "to", "on", "toward", "towards", "from", "for", "at"}

// genericRecipient finds a recipient for an entry that names no slot: the
// direct object of the trigger (or of the complement it consumes, "offered
// to meet X"), else the complement of a preposition that names an actor.
func (s *sentence) genericRecipient(m match, obj int) []int {
	isActor := s.isActor
	// "demanded that the US cancel", "urged Israel to": who is asked is
	// the subject of the complement clause.
	if root := rootOf(m.e.CAMEO); root == "02" || root == "10" || root == "13" || root == "11" {
		for _, c := range s.kids[m.trigger] {
			if base(s.w[c].Deprel) == "ccomp" {
				sb := s.child(c, "nsubj")
				// "demanded that its European Community partners refuse":
				// a subject that is no actor itself stands for the one
				// that names it, before the one that owns it.
				if sb >= 0 && s.w[sb].UPOS == "NOUN" && !s.namesActor(sb) {
					for _, rel := range []string{"compound", "amod"} {
						if x := s.child(sb, rel); isActor(x) {
							return []int{x}
						}
					}
				}
				if isActor(sb) {
					return []int{sb}
				}
			}
		}
	}
	// The object is not the recipient when the entry puts it elsewhere
	// ("discussed Ukraine with X": a topic) or names the object itself
	// ("mobilized army reservists": the actor's own forces).
	// A reciprocal entry without a slot ("discuss") has a topic as object.
	named := m.e.Recipient != "" && m.e.Recipient != "obj" && m.e.Recipient != "iobj" || m.e.Recip
	if (isActor(obj) || rootOf(m.e.CAMEO) >= "17" && s.isPlace(obj)) && !named && !(m.e.Obj != nil && rootOf(m.e.CAMEO) == "15") {
		return []int{obj} // (not "mobilized army reservists": the actor's own forces)
	}
	xc := m.xcomp
	if xc < 0 && m.e.Kind == lexicon.Verb {
		xc = s.complement(m.trigger)
	}
	xobj := -1
	if xc >= 0 {
		xobj = s.object(xc)
		if isActor(xobj) {
			return []int{xobj}
		}
	}
	if x := s.child(m.trigger, "iobj"); isActor(x) {
		return []int{x}
	}
	for _, p := range recipientPreps {
		for _, h := range []int{m.trigger, xc, obj, xobj, m.light} {
			if x := s.findPrep(h, p); isActor(x) {
				return []int{x}
			}
		}
	}
	if x := s.nearestActor(m); x >= 0 {
		return []int{x}
	}
	// "rejected an Indian proposal", "a US offer", "Ukraine's aspirations",
	// "calls by Belarus's rulers", "conceded to demands from UNITA": who
	// the object (or the complement of a preposition) belongs to.
	nouns := []int{obj, xobj}
	for _, p := range recipientPreps {
		nouns = append(nouns, s.findPrep(m.trigger, p))
	}
	for _, o := range nouns {
		if o < 0 || s.w[o].UPOS != "NOUN" {
			continue
		}
		for _, c := range s.kids[o] {
			r := s.w[c].Deprel
			if r == "nmod:poss" || base(r) == "amod" || base(r) == "compound" ||
				base(r) == "nmod" && (s.prep(c) == "by" || s.prep(c) == "from") {
				if isActor(c) {
					return []int{c}
				}
			}
		}
	}
	return nil
}

// possessorActor returns the actors of a noun's possessor ("Ukraine's
// aspirations"), or nil.
func (s *sentence) possessorActor(w int) []*record.Actor {
	for _, c := range s.kids[w] {
		if s.w[c].Deprel == "nmod:poss" {
			return s.phraseActors(c)
		}
	}
	return nil
}

func has(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// best returns the entry of the lexicon that holds at word i: the one
// with the most constraints that hold. A named recipient preposition that
// is absent costs its point, a wildcard complement ("xcomp:*") counts half,
// and when the head is negated an entry written for the negation ("neg")
// wins over the others.
func (s *sentence) best(i int) (match, bool) {
	var kind lexicon.Kind
	switch s.w[i].UPOS {
	case "VERB":
		kind = lexicon.Verb
	case "NOUN":
		kind = lexicon.Noun
	default:
		return match{}, false
	}
	es := s.c.lex.Lookup(kind, s.lemma(i))
	if len(es) == 0 && kind == lexicon.Verb {
		for _, l := range lemmaCandidates(s.lower[i]) {
			if es = s.c.lex.Lookup(kind, l); len(es) > 0 {
				break
			}
		}
	}
	if len(es) == 0 {
		return match{}, false
	}
	neg := s.negated(i)
	var best match
	bestScore, found := 0.0, false
	for _, e := range es {
		if e.Neg && !neg {
			continue
		}
		m, ok := s.try(e, i)
		if !ok {
			continue
		}
		score := float64(e.Constraints())
		if has(e.Xcomp, "*") {
			score -= 0.5
		}
		if m.missing {
			score -= 1.5 // worse than an entry that asks for nothing absent
		}
		if e.Neg {
			score += 100
		}
		if !found || score > bestScore {
			best, bestScore, found = m, score, true
		}
	}
	return best, found
}

// code finds the sentence's events.
func (s *sentence) code() []record.Event {
	var ms []match
	for i := range s.w {
		if m, ok := s.best(i); ok {
			ms = append(ms, m)
		}
	}
	// A complement is consumed by the entry that names it ("agreed to
	// meet": one event, 036). An entry that accepts any complement
	// ("agreed to *", "refused to *") gives way when the complement is an
	// event of its own: "agreed to open negotiations" is coded from
	// "negotiations" (an intention to negotiate), not as a bare agreement.
	consumed := make([]bool, len(s.w))
	dropped := make([]bool, len(ms))
	for _, m := range ms {
		// "lifted sanctions on Eritrea", "began a hunger strike": the
		// object the entry names is part of its event, not one more.
		if m.obj >= 0 && m.e.Obj != nil {
			consumed[m.obj] = true
		}
	}
	for k, m := range ms {
		if m.xcomp < 0 {
			continue
		}
		if has(m.e.Xcomp, "*") && m.e.CAMEO != "" && !m.e.Neg {
			inner := false
			for _, o := range ms {
				if o.trigger == m.xcomp || o.light == m.xcomp {
					inner = true
				}
			}
			if inner {
				dropped[k] = true
				continue
			}
		}
		consumed[m.xcomp] = true
	}
	ms = append(ms, s.obligations()...)
	var out []record.Event
	seen := map[string]bool{}
	for k, m := range ms {
		if consumed[m.trigger] || k < len(dropped) && dropped[k] {
			continue
		}
		for _, ev := range s.events(m) {
			k := ev.CAMEO + "|" + actorKey(ev.Actor) + "|" + actorKey(ev.Recipient) + "|" + strconv.Itoa(ev.Trigger.Span[0])
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, ev)
		}
	}
	return out
}

func actorKey(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.CAMEO + "/" + a.Name + "/" + strconv.Itoa(a.Span[0])
}

// clause returns the verb that carries a match's clause: the trigger
// verb, or the light verb (or governing verb) of a noun.
func (s *sentence) clause(m match) int {
	if m.light >= 0 {
		return m.light
	}
	return m.trigger
}

// events turns a match into event records: one per actor and recipient
// pair, both ways for reciprocal entries.
func (s *sentence) events(m match) []record.Event {
	e := m.e
	actors, via := s.actorsOf(m)
	var recips []*record.Actor
	for _, r := range m.recip {
		recips = append(recips, s.phraseActors(r)...)
	}
	if e.Recipient == "between" && len(recips) >= 2 && len(actors) == 0 {
		actors, recips = recips[:1], recips[1:2]
		if !e.Recip {
			e2 := *e
			e2.Recip = true
			e = &e2
		}
	}
	if len(actors) == 0 && e.Recip && e.Recipient == "between" && len(recips) >= 2 {
		actors, recips = recips[:1], recips[1:]
	}
	if len(actors) == 0 {
		if len(recips) == 0 || s.unresolvedSubject(m) {
			return nil
		}
		actors = []*record.Actor{nil} // "three civilians were killed": the victim is known
	}
	if len(actors) >= 2 && m.generic && (e.Recip || mutual[rootOf(e.CAMEO)]) {
		recips = nil // "Israel and Hamas agreed to a ceasefire": with each other
	}
	type pair struct{ a, r *record.Actor }
	var pairs []pair
	switch {
	case len(recips) > 0:
		for _, a := range actors {
			for _, r := range recips {
				pairs = append(pairs, pair{a, r})
				if e.Recip && a != nil {
					pairs = append(pairs, pair{r, a})
				}
			}
		}
	case (e.Recip || mutual[rootOf(e.CAMEO)]) && len(actors) >= 2:
		for x, a := range actors {
			for y, r := range actors {
				if x != y {
					pairs = append(pairs, pair{a, r})
				}
			}
		}
	default:
		for _, a := range actors {
			pairs = append(pairs, pair{a, nil})
		}
	}
	cl := s.clause(m)
	neg := s.negated(m.trigger) || m.light >= 0 && s.negated(m.light) || s.deniedAbove(cl)
	if e.Neg {
		neg = false
	}
	modality, commit := s.modality(m)
	prominence, alleged := s.prominence(m)
	if alleged && modality == record.Asserted {
		modality = record.Hypothetical // "suspected of blowing up a plane"
	}
	cc := e.CAMEO
	if commit && !neg {
		cc = intentCode(cc) // "will provide aid": an intention, coded as such
	}
	code, ok := cameo.Lookup(cc)
	if !ok {
		return nil
	}
	rep := s.reporter(cl)
	date := s.date(m, modality)
	loc := s.location(m)
	trig := s.triggerSpan(m)
	sent := record.Span{s.s.Span.Start, s.s.Span.End}
	var out []record.Event
	for _, p := range pairs {
		if p.a != nil && p.r != nil && sameActor(p.a, p.r) {
			if e.Recip || len(recips) == 0 {
				continue // "both sides met": not each with itself
			}
			p.r = nil // "Ethiopia reopened its borders": no other party
		}
		if (p.a == nil || p.a.CAMEO == "") && (p.r == nil || p.r.CAMEO == "") {
			continue
		}
		code, rule := code, e.Rule()
		switch politicalFigure(e.CAMEO, e.Head, p.a, p.r) {
		case figureWords:
			// "Sanders attacked Clinton", "Trump battled Cruz": politicians
			// of one country fight with words. CAMEO's "criticize or
			// denounce".
			code, _ = cameo.Lookup("111")
			rule += "+verbal"
		case figureNone:
			continue // "Trump beat Cruz in Nevada", "Trump fired Comey": no assault
		}
		ev := record.Event{
			Schema: record.Schema, DocID: s.in.DocID, Sentence: s.si, Span: sent, Date: date,
			Event: code.Event, Mode: code.Mode, Context: code.Context, CAMEO: code.Code,
			QuadClass: code.Quad, Goldstein: code.Goldstein, Actor: p.a, Recipient: p.r,
			Location: loc, Negated: neg, Modality: modality,
			Trigger: trig, Text: s.in.Text[s.s.Span.Start:s.s.Span.End], Rule: rule,
		}
		if ev.Context == nil {
			ev.Context = []string{}
		}
		if cc == e.CAMEO && code.Code == cc {
			if e.Event != "" {
				ev.Event = e.Event
			}
			if e.Mode != "" {
				ev.Mode = e.Mode
			}
			if e.Context != nil {
				ev.Context = e.Context
			}
		}
		if rep != nil && (p.a == nil || !sameActor(rep, p.a)) {
			ev.ReportedBy = rep
		}
		conf := e.Conf
		if conf == 0 {
			conf = 0.8
		}
		if via != "subject" {
			conf *= 0.85
		}
		if p.r == nil {
			conf *= 0.9
		}
		if p.a == nil {
			conf *= 0.8
		}
		conf *= prominence
		if modality == record.Hypothetical {
			conf *= 0.6 // "could attack", "must return", "demanded that X leave"
		}
		ev.Confidence = float64(int(conf*100+0.5)) / 100
		if s.in.Explain {
			ev.Explain = s.explain(m, via)
		}
		out = append(out, ev)
	}
	return out
}

// talkers are the sectors that fight with words: politicians out of
// government, parties, the opposition, the media.
var talkers = map[string]bool{"ELI": true, "LEG": true, "PTY": true, "OPP": true, "MED": true}

// Readings of an assault between politicians (politicalFigure).
const (
	figureLiteral = iota // an assault
	figureWords          // an attack with words
	figureNone           // not an event: an election won, a dismissal
)

// politicalFigure tells how to read an assault coded (code: the lexicon
// entry's code, before any intention code) from a verb that politics uses
// figuratively. When politicians, parties or the media do it, or a
// government does it to politicians of its own country (not to the
// opposition), or an unnamed someone does it to a politician: "Sanders
// attacked Clinton", "Trump battled Cruz" are attacks with words; "Trump
// beat Cruz in Nevada", "Trump fired Comey" are no assault at all.
// Attacks by armed forces, rebels, police, civilians or governments on
// others are read literally.
func politicalFigure(code, lemma string, a, r *record.Actor) int {
	if len(code) < 2 || code[:2] != "18" && code[:2] != "19" {
		return figureLiteral
	}
	switch {
	case a != nil && talkers[a.Sector]:
	case a != nil && a.Sector == "GOV" && r != nil && r.Country == a.Country && (talkers[r.Sector] || r.Sector == "GOV") && r.Sector != "OPP":
	case a == nil && r != nil && talkers[r.Sector] && r.Sector != "MED":
	default:
		return figureLiteral
	}
	switch lemma {
	case "attack", "counterattack", "assault", "hit", "strike", "slam", "blast", "lash", "assail", "target", "battle", "fight",
		"clash", "hammer", "pummel", "bash", "ambush", "launch", "wage", "mount", "escalate", "continue":
		return figureWords
	case "beat", "defeat", "crush", "trounce", "rout", "fire", "advance", "occupy", "seize", "capture", "storm":
		return figureNone
	}
	return figureLiteral
}

func sameActor(a, b *record.Actor) bool {
	if a.Entity != "" && b.Entity != "" {
		return a.Entity == b.Entity
	}
	return a.Span == b.Span
}

// actorsOf finds the actors of a match and says how they were found.
func (s *sentence) actorsOf(m match) ([]*record.Actor, string) {
	if m.e.Kind == lexicon.Noun {
		if m.actorP >= 0 {
			return s.phraseActors(m.actorP), "by-phrase"
		}
		for _, c := range s.kids[m.trigger] {
			if s.w[c].Deprel == "nmod:poss" {
				if a := s.phraseActors(c); len(a) > 0 {
					return a, "possessor"
				}
			}
		}
		for _, c := range s.kids[m.trigger] {
			if r := base(s.w[c].Deprel); r == "compound" || r == "amod" {
				if a := s.phraseActors(c); len(a) > 0 {
					return a, "modifier"
				}
			}
		}
		if m.light >= 0 {
			ws, via := s.subjects(m.light)
			return s.wordsActors(ws), via
		}
		return nil, ""
	}
	ws, via := s.subjects(m.trigger)
	return s.wordsActors(ws), via
}

func (s *sentence) wordsActors(ws []int) []*record.Actor {
	var out []*record.Actor
	for _, w := range ws {
	next:
		for _, a := range s.phraseActors(w) {
			for _, o := range out {
				if sameActor(a, o) {
					continue next
				}
			}
			out = append(out, a)
		}
	}
	return out
}

// objectControl verbs pass their object to an infinitive: "invited X to
// visit", "urged X to", "asked X to".
var objectControl = map[string]bool{"invite": true, "urge": true, "ask": true, "tell": true, "order": true,
	"force": true, "persuade": true, "encourage": true, "allow": true, "call": true, "press": true,
	"pressure": true, "compel": true, "help": true, "enable": true, "authorize": true, "instruct": true,
	"request": true, "warn": true, "beg": true, "lead": true}

// subjects returns the words naming who does what verb i says: its
// subject, or the subject it inherits from the verb it depends on.
func (s *sentence) subjects(i int) ([]int, string) {
	via := "subject"
	for depth := 0; i >= 0 && depth < 6; depth++ {
		if s.passive(i) {
			if a := s.child(i, "obl:agent"); a >= 0 {
				return s.withConj(a), via
			}
			if base(s.w[i].Deprel) != "xcomp" && base(s.w[i].Deprel) != "conj" {
				return nil, via
			}
		} else if sb := s.child(i, "nsubj"); sb >= 0 {
			return s.withConj(sb), via
		}
		h := s.head(i)
		if h < 0 {
			return nil, via
		}
		switch r := s.w[i].Deprel; base(r) {
		case "xcomp":
			if objectControl[s.lemma(h)] {
				if o := s.child(h, "obj"); o >= 0 {
					return s.withConj(o), "controller"
				}
			}
			via = "controller"
		case "advcl", "conj":
			via = "inherited"
		case "acl":
			if s.w[h].UPOS == "NOUN" || s.w[h].UPOS == "PROPN" || s.w[h].UPOS == "PRON" {
				return []int{h}, "modified"
			}
			return nil, via
		default:
			return nil, via
		}
		i = h
	}
	return nil, via
}

// withConj returns word w and the words coordinated with it.
func (s *sentence) withConj(w int) []int {
	out := []int{w}
	lo, hi := w, w+1
	if m := s.in.Actors.Covering(s.si, w); m != nil {
		lo, hi = min(lo, m.Start), max(hi, m.End) // the parse may hang the conjunct on any word of a name
	}
	for k := lo; k < hi; k++ {
		for _, c := range s.kids[k] {
			if base(s.w[c].Deprel) == "conj" && s.w[c].UPOS != "VERB" && (c < lo || c >= hi) {
				out = append(out, c)
			}
		}
	}
	return out
}

// complement returns the open complement of verb i: its xcomp, or an
// adverbial clause introduced by "to" ("called on X to withdraw", which
// parsers often attach so), or -1.
func (s *sentence) complement(i int) int {
	if x := s.child(i, "xcomp"); x >= 0 {
		return x
	}
	for _, c := range s.kids[i] {
		if base(s.w[c].Deprel) == "advcl" && s.hasMark(c, "to") && s.w[c].UPOS == "VERB" {
			return c
		}
	}
	return -1
}

// phraseActors returns the actors a word stands for: its mention (through
// coreference), every member of a group ("both leaders"), and the phrases
// coordinated with it ("Trump and Putin").
func (s *sentence) phraseActors(w int) []*record.Actor {
	if w >= 0 && s.in.Actors.Head(s.si, w) == nil {
		w = s.measured(w) // "thousands of Nigerians", "some 800,000 Iraqi Kurds"
	}
	var out []*record.Actor
	for _, x := range s.withConj(w) {
		m := s.in.Actors.Head(s.si, x)
		if m == nil {
			m = s.in.Actors.Covering(s.si, x)
		}
		if m == nil {
			continue
		}
		if len(m.Members) > 0 {
			if b := s.bridge(); len(b) == len(m.Members) {
				for _, a := range b {
					c := *a
					c.Text, c.Span = m.Text, record.Span{m.Span.Start, m.Span.End}
					out = append(out, &c)
				}
				continue
			}
			for _, e := range m.Members {
				if e == nil {
					continue
				}
				out = append(out, &record.Actor{Text: m.Text, Name: e.Name, CAMEO: e.Code, Country: e.Country,
					Sector: e.Sector, Entity: e.ID, Span: record.Span{m.Span.Start, m.Span.End}})
			}
			continue
		}
		a := m.Actor()
		if a.CAMEO == "" && a.Name == "" {
			continue
		}
		out = append(out, a)
	}
	if len(out) == 0 && s.w[w].UPOS == "NUM" {
		// "to five Panamanian army officers" parsed with the number as head.
		for _, c := range s.kids[w] {
			if s.nominal(c) && s.w[c].UPOS != "NUM" {
				if a := s.phraseActors(c); len(a) > 0 {
					return a
				}
			}
		}
	}
	if len(out) == 0 && (s.w[w].UPOS == "NOUN") {
		// "Ukraine's aspirations", "the Kremlin's hope": the possessor;
		// "the al-Qaeda terror network", "the Kremlin press office": the
		// organisation or country named in the compound.
		for _, c := range s.kids[w] {
			if s.w[c].Deprel == "nmod:poss" {
				return s.phraseActors(c)
			}
		}
		for _, c := range s.kids[w] {
			if base(s.w[c].Deprel) == "compound" && s.w[c].UPOS == "PROPN" {
				if m := s.in.Actors.Head(s.si, c); m != nil && (m.Type == record.Org || m.Type == record.GPE) && !m.Place {
					return []*record.Actor{m.Actor()}
				}
			}
		}
	}
	return out
}

// triggerSpan covers the words that express the event.
func (s *sentence) triggerSpan(m match) record.Trigger {
	lo, hi := m.trigger, m.trigger
	for _, w := range []int{m.light, m.prt, m.obj, m.xcomp} {
		if w >= 0 {
			lo, hi = min(lo, w), max(hi, w)
		}
	}
	sp := record.Span{s.w[lo].Span.Start, s.w[hi].Span.End}
	return record.Trigger{Text: s.in.Text[sp[0]:sp[1]], Span: sp}
}

// explain describes the tree fragment and the entry behind an event.
func (s *sentence) explain(m match, via string) string {
	var b strings.Builder
	e := m.e
	fmt.Fprintf(&b, "entry %s:%d %q; ", e.File, e.Line, e.String())
	word := func(i int) string { return fmt.Sprintf("%s/%s", s.w[i].Form, s.w[i].UPOS) }
	if m.light >= 0 {
		fmt.Fprintf(&b, "%s -obj-> ", word(m.light))
	}
	b.WriteString(word(m.trigger))
	for _, w := range []int{m.prt, m.obj, m.xcomp, m.actorP} {
		if w >= 0 {
			fmt.Fprintf(&b, " -%s-> %s", s.w[w].Deprel, word(w))
		}
	}
	for _, r := range m.recip {
		fmt.Fprintf(&b, " -%s(%s)-> %s [recipient]", s.w[r].Deprel, s.prep(r), word(r))
	}
	fmt.Fprintf(&b, "; actor by %s", via)
	return b.String()
}

// surfacePrep finds the complement of preposition p by word order when the
// tree does not attach it to the trigger: the first actor mention after p,
// when p follows the trigger within a few words and no verb intervenes.
// Parsers often mis-attach long names ("a call with President Vladimir V.
// Putin of Russia").
func (s *sentence) surfacePrep(i int, p string) int {
	if strings.Contains(p, "_") {
		return -1
	}
	for k := i + 1; k < len(s.w) && k <= i+4; k++ {
		if s.w[k].UPOS == "VERB" || s.w[k].UPOS == "PUNCT" && s.w[k].Form != "”" && s.w[k].Form != "\"" {
			return -1
		}
		if s.lower[k] != p {
			continue
		}
		for j := k + 1; j < len(s.w) && j <= k+3; j++ {
			if m := s.in.Actors.Outer(s.si, j); m != nil {
				return m.Head
			}
		}
		return -1
	}
	return -1
}

// lemmaIn reports whether word w matches one of the lemmas of an entry's
// list: a lemma, or "MOD+HEAD" for a word HEAD with a compound or amod
// dependent MOD ("martial+law", "cease+fire").
func (s *sentence) lemmaIn(list []string, w int) bool {
	l, f := s.lemma(w), s.lower[w]
	for _, x := range list {
		if x == l || x == f {
			return true
		}
		if i := strings.IndexByte(x, '+'); i > 0 && x[i+1:] == l || i > 0 && x[i+1:] == f {
			for _, c := range s.kids[w] {
				if r := base(s.w[c].Deprel); (r == "compound" || r == "amod") && (s.lemma(c) == x[:i] || s.lower[c] == x[:i]) {
					return true
				}
			}
		}
	}
	return false
}

// prepDep returns the dependent introduced by preposition p of the first
// of heads that has one, restricted to the lemmas want when given; -1 if
// none.
func (s *sentence) prepDep(p string, want []string, heads ...int) int {
	for _, h := range heads {
		if h < 0 {
			continue
		}
		for _, c := range s.kids[h] {
			switch base(s.w[c].Deprel) {
			case "obl", "nmod", "advcl", "acl", "ccomp", "iobj", "obj":
				if s.prep(c) == p && (want == nil || s.lemmaIn(want, c)) {
					return c
				}
			}
		}
	}
	return -1
}

// nominal reports whether word w can stand for an actor.
func (s *sentence) nominal(w int) bool {
	switch s.w[w].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "X":
		return true
	}
	return false
}

func rootOf(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// obligationEntry codes "X said that Y must (should) do Z" as a demand by
// X of Y (CAMEO 100), as CAMEO coders do.
var obligationEntry = &lexicon.Entry{Kind: lexicon.Verb, Head: "say", CAMEO: "100", Conf: 0.6,
	File: "event/coder.go (built-in pattern: X said Y must ...)"}

// obligations finds reported obligations: a reporting verb whose clausal
// complement has "must", "should" or "has to" and a subject of its own.
func (s *sentence) obligations() []match {
	var out []match
	for v := range s.w {
		if s.w[v].UPOS != "VERB" {
			continue
		}
		if !speechVerbs[s.lemma(v)] {
			continue
		}
		for _, c := range s.kids[v] {
			if base(s.w[c].Deprel) != "ccomp" {
				continue
			}
			must := false
			for _, a := range s.kids[c] {
				if base(s.w[a].Deprel) == "aux" && (s.lower[a] == "must" || s.lower[a] == "should") {
					must = true
				}
			}
			sb := s.child(c, "nsubj")
			if !must || sb < 0 || len(s.phraseActors(sb)) == 0 || s.negated(c) {
				continue
			}
			out = append(out, match{e: obligationEntry, trigger: v, light: -1, obj: -1, xcomp: -1, prt: -1,
				actorP: -1, recip: []int{sb}})
		}
	}
	return out
}

// isActor reports whether word w stands for an actor (not a place).
func (s *sentence) isActor(w int) bool {
	if w < 0 || !s.nominal(w) && s.w[w].UPOS != "ADJ" {
		return false
	}
	return s.namesActor(w) || s.w[w].UPOS != "ADJ" && len(s.possessorActor(w)) > 0
}

// namesActor reports whether word w heads or lies in a mention of an actor
// with a code (not counting its possessor, as isActor does).
func (s *sentence) namesActor(w int) bool {
	a := s.in.Actors.Head(s.si, w)
	if a == nil {
		a = s.in.Actors.Covering(s.si, w)
	}
	if a == nil || a.Place {
		return false
	}
	_, code, _, _ := a.Resolved()
	return code != "" || len(a.Members) > 0
}

// isPlace reports whether word w names a place with a country.
func (s *sentence) isPlace(w int) bool {
	if w < 0 {
		return false
	}
	a := s.in.Actors.Head(s.si, w)
	return a != nil && a.Place && a.Code != ""
}

// measureNouns head phrases whose real object is their "of" complement:
// "25,000 tons of food aid", "$50 million in loans", "two of its nationals".
var measureNouns = map[string]bool{"ton": true, "tonne": true, "kg": true, "kilogram": true, "dollar": true,
	"euro": true, "million": true, "billion": true, "thousand": true, "hundred": true, "dozen": true,
	"lot": true, "number": true, "amount": true, "shipment": true, "consignment": true, "batch": true,
	"package": true, "worth": true, "pound": true, "barrel": true, "liter": true, "litre": true,
	"gallon": true, "truckload": true, "load": true, "convoy": true, "cargo": true, "quantity": true,
	"supply": true, "some": true, "scores": true, "score": true, "hundreds": true, "thousands": true, "$": true,
	"dozens": true, "millions": true, "group": true, "crowd": true, "members": true, "member": true, "part": true}

// measured returns the noun a measure phrase measures ("tons of aid" →
// aid), or w itself.
func (s *sentence) measured(w int) int {
	if w < 0 || !(measureNouns[s.lemma(w)] || s.w[w].UPOS == "NUM" || s.w[w].UPOS == "SYM") {
		return w
	}
	for _, c := range s.kids[w] {
		if base(s.w[c].Deprel) == "nmod" && (s.prep(c) == "of" || s.prep(c) == "in") && (s.w[c].UPOS == "NOUN" || s.w[c].UPOS == "PROPN") {
			return c
		}
	}
	return w
}

// mutual are the CAMEO roots whose events between coordinated actors with
// no recipient are taken as mutual ("the United States and Jordan have
// agreed"): intentions, consultations and cooperation.
var mutual = map[string]bool{"03": true, "04": true, "05": true, "06": true}

// lemmaCandidates are the base forms an inflected verb may have, for verbs
// the lemmatizer gets wrong ("bombed" → "bom"; "shelled" → "shel"): the
// entry whose head is one of them is used.
func lemmaCandidates(form string) []string {
	var out []string
	if strings.Contains(form, "-") {
		// "re-open", "re-elected": the same verb without the hyphen
		joined := strings.ReplaceAll(form, "-", "")
		out = append(out, joined)
		out = append(out, lemmaCandidates(joined)...)
	}
	for _, suf := range []string{"ed", "ing", "es", "s"} {
		if !strings.HasSuffix(form, suf) || len(form) <= len(suf)+2 {
			continue
		}
		stem := form[:len(form)-len(suf)]
		out = append(out, stem, stem+"e")
		if n := len(stem); n >= 2 && stem[n-1] == stem[n-2] {
			out = append(out, stem[:n-1])
		}
		if strings.HasSuffix(stem, "i") {
			out = append(out, stem[:len(stem)-1]+"y")
		}
	}
	return out
}

// unresolvedSubject reports whether the trigger has a pronoun subject that
// could not be resolved ("We discussed Ukraine"): its event has an actor
// the coder does not know, so it is not coded with none.
func (s *sentence) unresolvedSubject(m match) bool {
	ws, _ := s.subjects(s.clause(m))
	for _, w := range ws {
		if s.w[w].UPOS == "PRON" || s.w[w].UPOS == "PROPN" {
			return true
		}
	}
	return false
}

// speechVerbs report what someone said; "X said Y must ..." is a demand.
var speechVerbs = map[string]bool{"say": true, "state": true, "tell": true, "add": true, "announce": true,
	"declare": true, "insist": true, "stress": true, "emphasize": true, "emphasise": true, "write": true,
	"argue": true, "warn": true, "reiterate": true, "repeat": true, "assert": true, "maintain": true,
	"note": true, "tweet": true, "post": true, "conclude": true, "urge": true}

// nearestActor looks for a recipient deeper in the trigger's clause: the
// first actor (not a place, not the subject's phrase) met going down the
// tree from the trigger, at most three arcs away, without entering another
// clause's subject or a reported clause: "conceded to demands from
// UNITA", "launched a mediation effort between the Emirates and Saudi
// Arabia". It returns -1 when there is none.
func (s *sentence) nearestActor(m match) int {
	subj := map[int]bool{}
	ws, _ := s.subjects(s.clause(m))
	for _, w := range ws {
		subj[w] = true
	}
	type item struct{ w, d int }
	queue := []item{{m.trigger, 0}}
	if m.light >= 0 {
		queue = append(queue, item{m.light, 0})
	}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		for _, c := range s.kids[it.w] {
			r := base(s.w[c].Deprel)
			switch r {
			case "nsubj", "csubj", "ccomp", "parataxis", "punct", "advcl", "acl", "conj", "appos",
				"dep", "discourse", "vocative", "list", "orphan", "reparandum":
				continue
			}
			if subj[c] {
				continue
			}
			if it.d+1 > 0 && s.nominal(c) && s.isActor(c) {
				return c
			}
			if it.d+1 < 3 {
				queue = append(queue, item{c, it.d + 1})
			}
		}
	}
	return -1
}
