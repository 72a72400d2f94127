package actor

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/actor/dict"
	"dyad/doc"
	"dyad/record"
	"dyad/text"
)

// Resolver finds and resolves the actors of articles. It is safe for
// concurrent use.
type Resolver struct {
	d *dict.Dict
}

// New returns a Resolver over dictionary d.
func New(d *dict.Dict) *Resolver { return &Resolver{d: d} }

// Resolve finds the actors of one document: text is the document's text,
// sents its tagged and parsed sentences (spans into text), date the
// article's date (the zero Date when unknown).
func (r *Resolver) Resolve(text string, sents []doc.Sentence, date dict.Date) *Result {
	return r.ResolveHinted(text, sents, date, nil)
}

// NameHint is a named mention found by a statistical recogniser: words
// [Start, End) of a sentence and a type (record.Person, record.Org, ...).
type NameHint struct {
	Start, End int
	Type       string
}

// ResolveHinted is Resolve with name hints from a named-entity recogniser,
// one slice per sentence (hints may be nil). A hint types a name the
// dictionary does not know ("Marc Fogel" is a PERSON, "Third World Water
// Forum" an ORG), and adds names the tree-based pass did not take for
// actors; the dictionary, when it knows a name, always wins.
func (r *Resolver) ResolveHinted(text string, sents []doc.Sentence, date dict.Date, hints [][]NameHint) *Result {
	res := &Result{text: text, heads: make([][]*Mention, len(sents)), cover: make([][]*Mention, len(sents)),
		outer: make([][]*Mention, len(sents))}
	for si := range sents {
		s := &sents[si]
		res.heads[si] = make([]*Mention, len(s.Words))
		res.cover[si] = make([]*Mention, len(s.Words))
		res.outer[si] = make([]*Mention, len(s.Words))
		sc := newSentCtx(r, text, s, si, date)
		if si < len(hints) {
			sc.hints = hints[si]
		}
		ms := dropInsideNames(sc.hinted(sc.mentions()))
		for _, m := range ms {
			res.heads[si][m.Head] = m
		}
		for _, m := range ms {
			if base(s.Words[m.Head].Deprel) != "appos" || m.Pronoun {
				continue
			}
			if h := s.Words[m.Head].Head - 1; h >= 0 && h < len(s.Words) {
				if a := res.heads[si][h]; a != nil && a != m && !a.Pronoun && (a.Type == m.Type || m.Name == "" || a.Name == "") {
					m.appositive = a
				}
			}
		}
		// Smallest mention covering each word: assign larger ones first.
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].End-ms[i].Start > ms[j].End-ms[j].Start })
		for _, m := range ms {
			for w := m.Start; w < m.End; w++ {
				res.cover[si][w] = m
				if res.outer[si][w] == nil {
					res.outer[si][w] = m
				}
			}
		}
		sort.Slice(ms, func(i, j int) bool {
			if ms[i].Span.Start != ms[j].Span.Start {
				return ms[i].Span.Start < ms[j].Span.Start
			}
			return ms[i].Span.End > ms[j].Span.End
		})
		res.Mentions = append(res.Mentions, ms...)
	}
	corefer(res, sents)
	return res
}

// sentCtx holds one sentence while its mentions are found.
type sentCtx struct {
	r     *Resolver
	text  string
	s     *doc.Sentence
	si    int
	date  dict.Date
	kids  [][]int
	lower []string
	done  []*Mention // mention per head word once built
	mark  []int      // chunk marks (see chunks)
	hints []NameHint // names a recogniser found in the sentence
	busy  []bool
}

func newSentCtx(r *Resolver, text string, s *doc.Sentence, si int, date dict.Date) *sentCtx {
	n := len(s.Words)
	sc := &sentCtx{r: r, text: text, s: s, si: si, date: date, kids: make([][]int, n),
		lower: make([]string, n), done: make([]*Mention, n), busy: make([]bool, n)}
	for i, w := range s.Words {
		sc.lower[i] = strings.ToLower(w.Form)
		if h := w.Head - 1; h >= 0 && h < n && h != i {
			sc.kids[h] = append(sc.kids[h], i)
		}
	}
	return sc
}

func base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

var honorifics = map[string]string{
	"mr.": "", "mr": "", "mrs.": "", "mrs": "", "ms.": "", "ms": "", "miss": "", "dr.": "", "dr": "",
	"sir": "", "dame": "", "madam": "", "lord": "", "lady": "",
	"gen.": "MIL", "gen": "MIL", "col.": "MIL", "lt.": "MIL", "maj.": "MIL", "capt.": "MIL",
	"sgt.": "MIL", "adm.": "MIL", "brig.": "MIL", "cmdr.": "MIL",
	"sen.": "LEG", "rep.": "LEG", "gov.": "GOV", "pres.": "GOV", "amb.": "GOV",
	"sheikh": "", "rev.": "REL",
}

// Pronoun kinds: what a pronoun can refer to.
const (
	pronPerson = iota // he, she: a person
	pronPlural        // they: a group, an organisation or a country
	pronThing         // it: an organisation or a country
)

var pronouns = map[string]int{
	"he": pronPerson, "him": pronPerson, "his": pronPerson, "himself": pronPerson,
	"she": pronPerson, "her": pronPerson, "hers": pronPerson, "herself": pronPerson,
	"they": pronPlural, "them": pronPlural, "their": pronPlural, "themselves": pronPlural,
	"it": pronThing, "its": pronThing, "itself": pronThing,
}

// notNames are capitalised words that are never actor names.
var notNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "today": true, "i": true,
}

var orgWords = map[string]bool{
	"ministry": true, "party": true, "council": true, "army": true, "front": true, "bank": true,
	"university": true, "organization": true, "organisation": true, "company": true,
	"inc.": true, "corp.": true, "group": true, "agency": true, "committee": true, "court": true,
	"union": true, "association": true, "institute": true, "commission": true, "movement": true,
	"brigade": true, "brigades": true, "forces": true, "police": true, "parliament": true,
	"assembly": true, "department": true, "office": true, "service": true, "foundation": true,
	"federation": true, "league": true, "fund": true, "corporation": true, "ltd": true, "news": true,
	"times": true, "post": true, "network": true, "alliance": true, "coalition": true, "senate": true,
	"congress": true, "house": true, "guard": true, "militia": true, "government": true,
}

// nominal reports whether word i can head an actor phrase.
func (sc *sentCtx) nominal(i int) bool {
	switch sc.s.Words[i].UPOS {
	case "ADJ":
		return sc.s.Words[i].Deprel == "amod" && capitalised(sc.s.Words[i].Form)
	case "PROPN", "NOUN", "PRON":
	default:
		return false
	}
	switch base(sc.s.Words[i].Deprel) {
	case "flat", "fixed", "goeswith":
		return false
	case "nmod":
		if sc.s.Words[i].Deprel == "nmod:desc" {
			return false
		}
	case "compound":
		return sc.s.Words[i].UPOS == "PROPN"
	}
	return true
}

// mentions finds the sentence's mentions.
func (sc *sentCtx) mentions() []*Mention {
	sc.mark = make([]int, len(sc.s.Words))
	for k := 0; k < text.Dateline(sc.s.Words); k++ {
		sc.mark[k] = markCore // no mention: "WASHINGTON, Feb 12 -" only says where the report was filed
	}
	out := sc.chunks(sc.mark)
	for _, c := range out {
		for k := c.Start; k < c.End; k++ {
			if sc.mark[k] == markCore {
				sc.done[k] = c
			}
		}
	}
	for i := range sc.s.Words {
		if sc.mark[i] == markCore {
			continue
		}
		if m := sc.mention(i); m != nil {
			out = append(out, m)
		}
	}
	// Relative pronouns ("who", "which") stand for the noun their clause modifies.
	for i, w := range sc.s.Words {
		if w.UPOS != "PRON" || (sc.lower[i] != "who" && sc.lower[i] != "whom" && sc.lower[i] != "whose") {
			continue
		}
		var ant *Mention
		if v := w.Head - 1; v >= 0 && v < len(sc.s.Words) && strings.HasPrefix(sc.s.Words[v].Deprel, "acl") {
			ant = sc.done[sc.s.Words[v].Head-1]
		}
		if ant == nil && i >= 2 && sc.s.Words[i-1].Form == "," {
			// ", who described ...": the parse may hang the clause elsewhere;
			// the phrase right before the comma is what it modifies.
			for _, m := range out {
				if m.End == i-1 && !m.Pronoun && (ant == nil || m.End-m.Start > ant.End-ant.Start) {
					ant = m
				}
			}
		}
		if ant != nil {
			m := sc.newMention(i, i, i+1)
			m.Pronoun = true
			m.Type = ant.Type
			m.Members = []*Entity{nil}
			m.relativeOf(ant)
			sc.done[i] = m
			out = append(out, m)
		}
	}
	return out
}

// relativeOf marks m as standing for the mention ant in the same sentence;
// coreference links them.
func (m *Mention) relativeOf(ant *Mention) {
	m.Members = nil
	m.antecedent = ant
}

func (sc *sentCtx) newMention(head, start, end int) *Mention {
	w := sc.s.Words
	for start < end && (w[start].UPOS == "DET" || w[start].UPOS == "PUNCT" || w[start].UPOS == "CCONJ") {
		start++
	}
	for end > start+1 && (w[end-1].UPOS == "PUNCT" || w[end-1].UPOS == "ADP" || w[end-1].Deprel == "case" && w[end-1].Form != "'s" && w[end-1].Form != "’s") {
		end--
	}
	if start >= end {
		start, end = head, head+1
	}
	sp := doc.Span{Start: w[start].Span.Start, End: w[end-1].Span.End}
	rel := base(w[head].Deprel)
	return &Mention{Sent: sc.si, Head: head, Start: start, End: end, Span: sp, Text: sc.text[sp.Start:sp.End],
		subject: rel == "nsubj" || rel == "obl" && w[head].Deprel == "obl:agent" || w[head].Deprel == "nmod:poss" || rel == "csubj" ||
			rel == "nmod" && sc.caseOf(head) == "by", // the agent of a noun: "an admission by Moscow"
		nsubj:  rel == "nsubj",
		clause: sc.verbAbove(head), ctrl: sc.controller(sc.verbAbove(head))}
}

// extent collects the words of the phrase headed by i.
func (sc *sentCtx) extent(i int, in []bool) {
	in[i] = true
	for _, c := range sc.kids[i] {
		w := sc.s.Words[c]
		switch rel := base(w.Deprel); rel {
		case "flat", "compound", "amod", "det", "nummod", "fixed", "goeswith", "case":
			if rel == "case" && w.Form != "'s" && w.Form != "’s" && w.Form != "'" {
				continue
			}
			sc.subtree(c, in)
		case "nmod":
			if w.Deprel == "nmod:desc" || w.Deprel == "nmod:poss" {
				sc.subtree(c, in)
			} else if sc.s.Words[i].UPOS == "PROPN" && w.UPOS == "PROPN" && sc.caseOf(c) == "of" {
				sc.subtree(c, in) // "President Volodymyr Zelensky of Ukraine"
			} else if sc.s.Words[i].UPOS == "NOUN" && sc.caseOf(c) == "of" && sc.isRoleWord(i) {
				sc.subtree(c, in) // "Secretary of State", "the president of Ukraine"
			}
		case "punct":
			// a hyphen or period inside a name, never the sentence's end
			if (w.Form == "-" || w.Form == ".") && (c == i+1 || c == i-1) && c != len(sc.s.Words)-1 {
				sc.subtree(c, in)
			}
		}
	}
}

func (sc *sentCtx) subtree(i int, in []bool) {
	in[i] = true
	for _, c := range sc.kids[i] {
		if r := base(sc.s.Words[c].Deprel); r == "acl" || r == "appos" || r == "conj" || r == "cc" || r == "parataxis" {
			continue
		}
		sc.subtree(c, in)
	}
}

// caseOf returns the lower-cased preposition (case dependent) of word i.
func (sc *sentCtx) caseOf(i int) string {
	for _, c := range sc.kids[i] {
		if base(sc.s.Words[c].Deprel) == "case" && sc.s.Words[c].UPOS != "PART" {
			return sc.lower[c]
		}
	}
	return ""
}

func (sc *sentCtx) isRoleWord(i int) bool {
	_, ok := sc.r.d.LookupRole(sc.lower[i])
	if !ok {
		_, ok = sc.r.d.LookupRole(sc.s.Words[i].Lemma)
	}
	return ok
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// phrase returns the text of words [a, b).
func (sc *sentCtx) phrase(a, b int) string {
	return sc.text[sc.s.Words[a].Span.Start:sc.s.Words[b-1].Span.End]
}

// mention builds the mention headed by word i, or returns nil.
func (sc *sentCtx) mention(i int) *Mention {
	if sc.done[i] != nil || sc.busy[i] {
		return sc.done[i]
	}
	if !sc.nominal(i) {
		return nil
	}
	w := sc.s.Words
	if w[i].UPOS == "ADJ" {
		return sc.demonym(i)
	}
	if w[i].UPOS == "PRON" {
		kind, ok := pronouns[sc.lower[i]]
		if !ok {
			return nil
		}
		if kind == pronThing && (w[i].Deprel == "expl" || base(w[i].Deprel) == "nsubj" && sc.expletive(i)) {
			return nil // "it is estimated that", "it appears"
		}
		m := sc.newMention(i, i, i+1)
		m.Pronoun, m.Plural, m.Type = true, kind == pronPlural, record.Person
		if kind == pronThing {
			m.Type, m.thing = record.Org, true
		}
		sc.done[i] = m
		return m
	}
	sc.busy[i] = true
	defer func() { sc.busy[i] = false }()

	in := make([]bool, len(w))
	sc.extent(i, in)
	if mk := sc.mark[i]; mk != markNone {
		for k := range in {
			in[k] = in[k] && sc.mark[k] == mk
		}
	}
	start, end := i, i+1
	for j, ok := range in {
		if ok {
			start = min(start, j)
			end = max(end, j+1)
		}
	}
	used := make([]bool, len(w)) // words explained as name, title or qualifier
	m := sc.newMention(i, start, end)

	// The name: the run of capitalised words around the head.
	if w[i].UPOS == "PROPN" || capitalised(w[i].Form) && (w[i].UPOS != "NOUN" || acronym(w[i].Form) || sc.personName(i)) {
		a, b := i, i+1
		for a > start && in[a-1] && sc.nameWord(a-1) {
			a--
		}
		for b < end && in[b] && sc.nameWord(b) {
			b++
		}
		sc.resolveName(m, a, b, used)
	}
	if m.Name == "" {
		if group := sc.groupOf(i); group > 0 {
			m.Type, m.Plural, m.Role = record.Person, true, w[i].Lemma
			m.Members = make([]*Entity, group)
			sc.done[i] = m
			return m
		}
	}
	// A role: the longest role phrase among the words not in the name.
	sc.findRole(m, start, end, in, used)
	if m.Name == "" && m.Role == "" && m.Code == "" {
		return nil
	}
	if m.Name != "" && notNames[strings.ToLower(m.Name)] {
		return nil
	}
	// Qualifiers: possessors, "of X", and country/org words among the rest.
	sc.qualify(m, start, end, in, used)
	if m.Name == "" && !m.Plural && m.qualifier == nil && !sc.hasDet(i) {
		return nil // "in office", "as president": a role, not an actor
	}
	sc.done[i] = m
	return m
}

// groupOf returns 2 for "both leaders", "the two leaders" and the like.
func (sc *sentCtx) groupOf(i int) int {
	switch sc.s.Words[i].Lemma {
	case "leader", "president", "minister", "side", "counterpart", "head", "premier", "chancellor":
	default:
		return 0
	}
	if sc.s.Words[i].XPOS != "NNS" {
		return 0
	}
	for _, c := range sc.kids[i] {
		switch sc.lower[c] {
		case "both", "two":
			return 2
		}
	}
	return 0
}

// personName reports whether a capitalised word the tagger took for a
// common noun is the name of a person the dictionary knows: sentence-first
// "Sanders criticized ..." is tagged as the plural of "sander".
func (sc *sentCtx) personName(i int) bool {
	ms := sc.r.d.LookupName(sc.s.Words[i].Form, sc.date)
	return len(ms) > 0 && ms[0].Kind == dict.KindPerson
}

func (sc *sentCtx) nameWord(j int) bool {
	w := sc.s.Words[j]
	if w.UPOS == "PUNCT" {
		return w.Form == "-"
	}
	if (w.Form == "'s" || w.Form == "’s") && j > 0 && sc.lower[j-1] == "people" {
		return true // "Democratic People's Republic of Korea"
	}
	if w.Form == "'s" || w.Form == "’s" || w.Deprel == "nmod:poss" && sc.lower[j] != "people" || w.UPOS == "DET" {
		return false
	}
	if w.UPOS == "PROPN" || capitalised(w.Form) {
		return true
	}
	switch sc.lower[j] {
	case "al", "al-", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "el", "of":
		return true
	}
	return false
}

// resolveName looks the name run [a, b) up in the dictionary, dropping
// leading titles and qualifiers until something matches.
func (sc *sentCtx) resolveName(m *Mention, a, b int, used []bool) {
	w := sc.s.Words
	// Strip honorifics first: "Mr. Trump", "Gen. Kellogg".
	for a < b-1 {
		sec, ok := honorifics[sc.lower[a]]
		if !ok {
			break
		}
		used[a] = true
		if sec != "" && m.Sector == "" {
			m.Sector = sec
		}
		if m.Type == "" {
			m.Type = record.Person
		}
		a++
	}
	for b > a && sc.lower[b-1] == "of" {
		b--
	}
	for x := a; x < b; x++ {
		for y := b; y > x; y-- {
			if sc.lower[y-1] == "of" || w[x].Form == "-" {
				continue
			}
			if sc.lookupName(m, x, y) {
				for k := x; k < y; k++ {
					used[k] = true
				}
				return
			}
		}
	}
	// Unknown name: drop leading role words and qualifiers.
	for a < b-1 && (sc.isRoleWord(a) || len(sc.r.d.LookupName(sc.lower[a], sc.date)) > 0) {
		a++
	}
	if notNames[sc.lower[a]] && b-a == 1 {
		return
	}
	for k := a; k < b; k++ {
		used[k] = true
	}
	m.Name = sc.phrase(a, b)
	m.nameA, m.nameB = a, b
	if m.Type == "" {
		m.Type = sc.guessType(a, b)
	}
}

func (sc *sentCtx) guessType(a, b int) string {
	for _, h := range sc.hints {
		if h.Start < b && a < h.End {
			return h.Type
		}
	}
	for k := a; k < b; k++ {
		if orgWords[sc.lower[k]] {
			return record.Org
		}
	}
	return record.Other
}

// hinted adds a mention for each recognised name that no mention overlaps.
func (sc *sentCtx) hinted(ms []*Mention) []*Mention {
	w := sc.s.Words
	for _, h := range sc.hints {
		if h.Start < 0 || h.End > len(w) || h.Start >= h.End {
			continue
		}
		taken := false
		for k := h.Start; k < h.End; k++ {
			taken = taken || sc.mark[k] != markNone
		}
		for _, m := range ms {
			if m.Start < h.End && h.Start < m.End {
				taken = true
				break
			}
		}
		if taken {
			continue
		}
		head := h.Start
		for k := h.Start; k < h.End; k++ {
			if p := w[k].Head - 1; p < h.Start || p >= h.End {
				head = k
				break
			}
		}
		m := sc.newMention(head, h.Start, h.End)
		if m.Start >= m.End {
			continue
		}
		m.Type, m.Name = h.Type, m.Text
		m.nameA, m.nameB = m.Start, m.End
		if sc.lookupName(m, m.Start, m.End) {
			// the dictionary knows it after all (a form the tree split)
			m.nameA, m.nameB = m.Start, m.End
		} else if m.Type == record.GPE || m.Type == record.Loc {
			m.Place = true // a town or region the dictionary does not know
		}
		sc.done[head] = m
		ms = append(ms, m)
	}
	return ms
}

// lookupName tries words [a, b) as a dictionary name; on success it fills m.
func (sc *sentCtx) lookupName(m *Mention, a, b int) bool {
	if !capitalised(sc.s.Words[a].Form) {
		return false
	}
	p := sc.phrase(a, b)
	ms := sc.r.d.LookupName(p, sc.date)
	if len(ms) == 0 {
		return false
	}
	best := ms[0]
	for _, x := range ms {
		if x.Kind == dict.KindPerson && best.Kind == dict.KindPerson && best.Former && !x.Former {
			best = x
		}
	}
	if best.Kind == dict.KindPerson && len(ms) > 1 {
		// A bare surname shared by several people: prefer the one in office,
		// else the one whose last office ended latest before the date
		// ("Assad" in 2025 is Bashar, not Hafez).
		inOffice := false
		for _, x := range ms {
			if x.Kind == dict.KindPerson && !x.Former {
				best, inOffice = x, true
				break
			}
		}
		if !inOffice {
			for _, x := range ms {
				if x.Kind == dict.KindPerson && lastEnd(x, sc.date).After(lastEnd(best, sc.date)) {
					best = x
				}
			}
		}
	}
	m.Name = p
	m.nameA, m.nameB = a, b
	switch best.Kind {
	case dict.KindPerson:
		m.Type = record.Person
		m.person = best.Person
		m.canonical = best.Person.Name
		if len(best.Offices) > 0 {
			o := best.Offices[0]
			if best.Former {
				o = best.Offices[len(best.Offices)-1]
			}
			m.Country, m.Sector, m.Role = o.Country, o.Sector, o.Role
			if c, ok := sc.r.d.Country(o.Country); ok {
				m.Country = c.CAMEO // the CAMEO country code (Kosovo: KSV, not XKX)
			}
			if best.Former {
				m.Former = true
				m.Sector = "ELI"
			}
			m.Code = join(m.Country, m.Sector)
		}
	case dict.KindCountry:
		c := best.Country
		m.Country, m.Code = c.CAMEO, c.CAMEO
		m.canonical = firstName(c.Names)
		switch best.Via {
		case dict.ViaMetonym:
			if seat(p) {
				m.Type, m.Sector = record.Org, "GOV"
				m.canonical = p
			} else if m.subject {
				m.Type, m.Sector = record.GPE, "GOV"
				m.canonical = p
			} else {
				m.Type, m.Place = record.GPE, true
				m.canonical = p
			}
			m.Code = join(m.Country, m.Sector)
		case dict.ViaDemonym:
			m.Type = record.NORP
			if w := sc.s.Words[m.Head]; w.UPOS != "ADJ" && (w.XPOS == "NNPS" || w.XPOS == "NNS" || strings.HasSuffix(p, "s")) {
				// "Palestinians", "2,000 Libyans": the people, civilians
				m.Plural, m.Sector = true, "CVL"
				m.Code = join(m.Country, m.Sector)
			}
		default:
			m.Type = record.GPE
		}
	case dict.KindRegion:
		m.Type, m.Country, m.Code = record.Loc, best.Region.Code, best.Region.Code
		m.canonical = firstName(best.Region.Names)
	case dict.KindOrg:
		o := best.Org
		m.Type, m.Code = record.Org, o.CAMEO
		m.canonical = firstName(o.Names)
		m.Country, m.Sector = orgCountrySector(sc.r.d, o)
	}
	return true
}

func firstName(ns []dict.Name) string {
	if len(ns) == 0 {
		return ""
	}
	return ns[0].Text
}

// seat reports whether a metonym names a seat of government (the Kremlin,
// the White House) rather than a capital city that may be just a place.
func seat(p string) bool {
	p = strings.TrimPrefix(strings.ToLower(p), "the ")
	if strings.ContainsAny(p, " ") {
		return true
	}
	switch p {
	case "kremlin", "pentagon", "élysée", "elysee", "whitehall", "zhongnanhai", "bankova", "quai d'orsay":
		return true
	}
	return false
}

// orgCountrySector splits an organisation's code into country and sector.
func orgCountrySector(d *dict.Dict, o *dict.Org) (country, sector string) {
	code := o.CAMEO
	if len(code) >= 6 {
		if _, ok := d.Country(code[:3]); ok {
			return code[:3], code[3:6]
		}
	}
	if o.Kind == "IGO" || o.Kind == "NGO" {
		return code, "" // the code itself says what it is: IGOUNO, NGOHLHIRC
	}
	if _, ok := dict.Sectors[o.Kind]; ok {
		return code, o.Kind
	}
	return code, ""
}

// findRole finds the longest role phrase among the phrase's unused words.
func (sc *sentCtx) findRole(m *Mention, start, end int, in, used []bool) {
	w := sc.s.Words
	bestA, bestB := -1, -1
	var best dict.Role
	for a := start; a < end; a++ {
		if !in[a] || used[a] {
			continue
		}
		for b := min(end, a+5); b > a; b-- {
			ok := true
			for k := a; k < b; k++ {
				if !in[k] || used[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			p := strings.ToLower(sc.phrase(a, b))
			role, found := sc.r.d.LookupRole(p)
			if !found && b == a+1 {
				role, found = sc.r.d.LookupRole(w[a].Lemma)
			}
			if found && w[m.Head].UPOS == "NOUN" && b-1 != m.Head {
				found = false // a common noun phrase is a role only if its head is
			}
			if found && b-a > bestB-bestA {
				bestA, bestB, best = a, b, role
			}
		}
	}
	if bestA < 0 {
		return
	}
	for k := bestA; k < bestB; k++ {
		used[k] = true
	}
	m.Role = normRole(sc.phrase(bestA, bestB))
	m.rule = best.Rule
	if m.person == nil && (m.Sector == "" || m.Type == record.Person && m.Code == "") {
		m.Sector = best.Sector
	}
	if m.Type == "" || m.Type == record.Other {
		m.Type = record.Person
		if !m.Plural && (w[bestB-1].XPOS == "NNS" || w[m.Head].XPOS == "NNS") && m.Name == "" {
			m.Plural = true
		}
		if m.Name == "" && collective(sc.lower[bestB-1]) {
			m.Type = record.Org
		}
	}
}

// collective reports whether a role word names a body rather than people.
func collective(w string) bool {
	switch w {
	case "government", "administration", "cabinet", "ministry", "office", "police", "army", "parliament",
		"court", "military", "regime", "authorities", "embassy", "legislature", "congress", "senate", "council":
		return true
	}
	return false
}

// qualify finds whom the mention's role belongs to: a possessor, an "of"
// phrase, or a country or organisation word in the phrase.
func (sc *sentCtx) qualify(m *Mention, start, end int, in, used []bool) {
	w := sc.s.Words
	var q *Mention
	var qText string
	for _, c := range sc.kids[m.Head] {
		inX := base(w[c].Deprel) == "nmod" && sc.caseOf(c) == "in" && m.Name == "" && m.Role != ""
		if inX {
			// "opposition groups in Zimbabwe", "security forces in Guinea"
			if x := sc.mention(c); x != nil && (x.Type == record.GPE || x.Type == record.NORP) && x.Country != "" {
				q, qText = x, x.Text
				break
			}
			continue
		}
		if w[c].Deprel == "nmod:poss" || base(w[c].Deprel) == "nmod" && sc.caseOf(c) == "of" && in[c] {
			if x := sc.mention(c); x != nil && !x.Pronoun || x != nil && x.Pronoun && w[c].Deprel == "nmod:poss" {
				q, qText = x, x.Text
				for k := x.Start; k < x.End; k++ {
					used[k] = true
				}
				break
			}
		}
	}
	if q == nil {
		// A country, region or organisation word: "Kremlin", "Ukrainian", "U.S.".
		for a := start; a < end && q == nil; a++ {
			if used[a] || !in[a] || !capitalised(w[a].Form) {
				continue
			}
			for b := min(end, a+4); b > a; b-- {
				tmp := &Mention{Head: a}
				if sc.lookupName(tmp, a, b) && tmp.person == nil {
					q, qText = tmp, sc.phrase(a, b)
					if tmp.Type == record.NORP {
						tmp.Sector = ""
						tmp.Code = tmp.Country
					}
					for k := a; k < b; k++ {
						used[k] = true
					}
					break
				}
			}
		}
	}
	if q == nil {
		if m.Code == "" && m.Country == "" && m.Sector != "" && m.Type != record.Other {
			m.Code = m.Sector
		}
		return
	}
	m.qualifier = q
	if m.Role == "" && m.person == nil {
		if m.Name == "" {
			return
		}
	}
	if m.Org == "" && q.Type == record.Org {
		m.Org = strings.TrimPrefix(strings.TrimPrefix(qText, "the "), "The ")
	}
	if m.person != nil || m.Code != "" && m.Name != "" {
		return // the dictionary already knows who this is
	}
	country, sector := q.Country, q.Sector
	if m.Sector != "" {
		sector = m.Sector
	}
	if q.Type == record.Org && q.Code != "" && q.Country == q.Code {
		country = q.Code // IGO and the like: "UN spokesman" → IGOUNO
	}
	if m.rule == dict.RuleSpeaksFor && q.Code != "" {
		// "X's spokesman", "Mr. Zelensky's office": speaks for X.
		if q.Sector != "" {
			country, sector = q.Country, q.Sector
		}
	}
	m.Country, m.Sector = country, sector
	m.Code = join(country, sector)
}

// hasDet reports whether word i has a determiner or number.
func (sc *sentCtx) hasDet(i int) bool {
	for _, c := range sc.kids[i] {
		if r := base(sc.s.Words[c].Deprel); r == "det" || r == "nummod" {
			return true
		}
	}
	return false
}

// verbAbove returns the nearest verb above word i (the clause it belongs
// to), or -1.
func (sc *sentCtx) verbAbove(i int) int {
	w := sc.s.Words
	for depth := 0; depth < 8; depth++ {
		h := w[i].Head - 1
		if h < 0 || h >= len(w) || h == i {
			return -1
		}
		if w[h].UPOS == "VERB" || w[h].UPOS == "AUX" {
			return h
		}
		switch base(w[i].Deprel) {
		case "nsubj", "csubj", "obj", "iobj", "obl", "advcl", "ccomp", "xcomp":
			return h // the argument of a clause headed by a noun or adjective
		}
		i = h
	}
	return -1
}

// controller returns, for a verb v without a subject of its own (a
// participle or infinitive), the clause its understood subject comes from;
// -1 otherwise.
func (sc *sentCtx) controller(v int) int {
	if v < 0 {
		return -1
	}
	for _, c := range sc.kids[v] {
		if base(sc.s.Words[c].Deprel) == "nsubj" {
			return -1
		}
	}
	switch base(sc.s.Words[v].Deprel) {
	case "advcl", "xcomp", "conj", "acl":
		if h := sc.s.Words[v].Head - 1; h >= 0 && h < len(sc.s.Words) {
			return h
		}
	}
	return -1
}

// demonym makes a mention of a nationality adjective that modifies a noun
// which is not itself an actor ("an Indian proposal", "Russian gas"), so
// that the country can be found; inside an actor phrase ("the Ukrainian
// president") the adjective only qualifies it.
func (sc *sentCtx) demonym(i int) *Mention {
	w := sc.s.Words
	if h := w[i].Head - 1; h >= 0 && h < len(w) && (sc.isRoleWord(h) || w[h].UPOS == "PROPN") || sc.mark[i] != markNone {
		return nil
	}
	tmp := sc.newMention(i, i, i+1)
	if !sc.lookupName(tmp, i, i+1) || tmp.Type != record.NORP && tmp.Type != record.Loc {
		return nil
	}
	tmp.Sector, tmp.Code = "", tmp.Country
	sc.done[i] = tmp
	return tmp
}

// expletive reports whether "it" (word i) is a dummy subject: its verb is
// a copula or passive or takes a clausal complement or subject ("it is
// estimated that", "it seems", "it is clear that").
func (sc *sentCtx) expletive(i int) bool {
	h := sc.s.Words[i].Head - 1
	if h < 0 || h >= len(sc.s.Words) {
		return true
	}
	for _, c := range sc.kids[h] {
		switch sc.s.Words[c].Deprel {
		case "ccomp", "csubj", "csubj:pass", "aux:pass", "cop", "xcomp":
			return true
		}
	}
	switch sc.s.Words[h].Lemma {
	case "seem", "appear", "happen", "take", "rain", "matter", "remain":
		return true
	}
	return false
}

// acronym reports whether s is written in capitals ("PRC", "U.N."), as
// names the tagger sometimes takes for common nouns are.
func acronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2
}

// dropInsideNames removes mentions that lie inside another mention's name
// ("Korea" in "Democratic People's Republic of Korea").
func dropInsideNames(ms []*Mention) []*Mention {
	out := ms[:0]
	for _, m := range ms {
		inside := false
		for _, o := range ms {
			if o != m && o.nameB > o.nameA && m.Start >= o.nameA && m.End <= o.nameB && (m.End-m.Start < o.nameB-o.nameA) && !m.Pronoun {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// lastEnd returns when the latest of a person's offices that began by
// date ended (an open end counts as date itself).
func lastEnd(x dict.Match, date dict.Date) dayStamp {
	var best dayStamp
	for _, o := range x.Offices {
		from, to := stamp(o.When.From), stamp(o.When.To)
		if !date.IsZero() && !o.When.From.IsZero() && from.After(stamp(date)) {
			continue // not yet held on the date
		}
		if o.When.To.IsZero() {
			to = stamp(date)
		}
		if to.After(best) {
			best = to
		}
	}
	return best
}

// dayStamp orders partial dates: year, month, day.
type dayStamp [3]int

func stamp(d dict.Date) dayStamp { return dayStamp{d.Y, d.M, d.D} }

func (s dayStamp) After(o dayStamp) bool {
	for i := range s {
		if s[i] != o[i] {
			return s[i] > o[i]
		}
	}
	return false
}
