package actor

import (
	"strings"

	"dyad/actor/dict"
	"dyad/record"
)

// Word marks used while chunking.
const (
	markNone  = iota
	markCore  // a title or name word of a chunk: no mention of its own
	markQual  // a qualifier inside a chunk ("U.S.", "Kremlin"): a mention of its own, clipped
	markAfter // a trailing "of Russia": a mention of its own
)

// chunks finds "title + name" phrases by their words rather than their
// tree: "U.S. Secretary of Defense Pete Hegseth", "Kremlin spokesman
// Dmitri S. Peskov", "President Vladimir V. Putin of Russia", "Mr.
// Trump". Parsers often mis-attach the parts of such phrases, so the
// chunk is found first and the tree is used only to find its head. It
// returns the mentions and marks their words.
func (sc *sentCtx) chunks(mark []int) []*Mention {
	w := sc.s.Words
	var out []*Mention
	for a := 0; a < len(w); {
		if !sc.chunkWord(a, true) {
			a++
			continue
		}
		b := a + 1
		for b < len(w) && sc.chunkWord(b, false) {
			b++
		}
		for b > a && (sc.lower[b-1] == "of" || w[b-1].Form == "-") {
			b--
		}
		if m := sc.chunk(a, b, mark); m != nil {
			out = append(out, m)
		}
		a = b
	}
	return out
}

// chunkWord reports whether word j can be part of a title + name chunk.
func (sc *sentCtx) chunkWord(j int, first bool) bool {
	w := sc.s.Words[j]
	switch {
	case w.UPOS == "PUNCT":
		return !first && w.Form == "-" && j+1 < len(sc.s.Words) && capitalised(sc.s.Words[j+1].Form)
	case w.Form == "'s" || w.Form == "’s" || w.UPOS == "DET" || w.UPOS == "PRON" || w.UPOS == "VERB" && !capitalised(w.Form):
		return false
	case sc.lower[j] == "of":
		return !first && j+1 < len(sc.s.Words) && capitalised(sc.s.Words[j+1].Form)
	case nameParticles[sc.lower[j]]:
		// "F. W. de Klerk", "Ursula von der Leyen"
		return !first && j+1 < len(sc.s.Words) && (capitalised(sc.s.Words[j+1].Form) || nameParticles[sc.lower[j+1]])
	case capitalised(w.Form):
		switch w.UPOS {
		case "ADP", "SCONJ", "ADV", "CCONJ", "AUX", "PART", "NUM", "VERB", "INTJ":
			return false
		}
		return !notNames[sc.lower[j]]
	}
	if _, ok := honorifics[sc.lower[j]]; ok {
		return true
	}
	return sc.isRoleWord(j) && (w.UPOS == "NOUN" || w.UPOS == "ADJ")
}

// chunk makes a mention of words [a, b) when they end in a person's name
// preceded by a title or honorific, or form a name the dictionary knows
// as a person.
func (sc *sentCtx) chunk(a, b int, mark []int) *Mention {
	w := sc.s.Words
	// A trailing "of X" naming a country or organisation qualifies the person.
	after := b
	for k := b - 2; k > a; k-- {
		if sc.lower[k] == "of" {
			if ms := sc.r.d.LookupName(sc.phrase(k+1, b), sc.date); len(ms) > 0 && ms[0].Kind != dict.KindPerson {
				after = k
			}
			break
		}
	}
	// The person's name: the longest dictionary person that ends the chunk.
	var m *Mention
	nameA := -1
	for x := a; x < after; x++ {
		if sc.lower[x] == "of" || !capitalised(w[x].Form) {
			continue
		}
		tmp := &Mention{Head: x}
		if sc.lookupName(tmp, x, after) && tmp.person != nil {
			m, nameA = tmp, x
			break
		}
	}
	if m == nil {
		// Unknown name: PROPN words after the last title or honorific word.
		last := -1
		for k := a; k < after; k++ {
			if _, ok := honorifics[sc.lower[k]]; ok || sc.isRoleWord(k) {
				last = k
			}
		}
		if last < 0 || last == after-1 {
			return nil
		}
		for k := last + 1; k < after; k++ {
			if !(w[k].UPOS == "PROPN" || capitalised(w[k].Form) && w[k].UPOS != "ADP") || sc.lower[k] == "of" {
				return nil
			}
		}
		nameA = last + 1
		m = &Mention{Type: record.Person, Name: sc.phrase(nameA, after)}
	}
	if nameA == a && after == b && m.person != nil && sc.oneSubtree(a, b) {
		return nil // a bare dictionary name: the tree-based pass handles it
	}
	// Head: the word whose parent lies outside the chunk.
	head := nameA
	for k := a; k < b; k++ {
		if h := w[k].Head - 1; h < a || h >= b {
			head = k
			break
		}
	}
	full := sc.newMention(head, a, b)
	full.Type, full.Name, full.person, full.canonical = record.Person, m.Name, m.person, m.canonical
	full.nameA, full.nameB = nameA, after
	full.Code, full.Country, full.Sector, full.Former, full.Role = m.Code, m.Country, m.Sector, m.Former, m.Role
	// Title and qualifiers: the words before the name.
	q := a
	var qual *Mention
	for q < nameA {
		found := false
		for y := nameA; y > q; y-- {
			tmp := &Mention{Head: q, subject: true}
			if capitalised(w[q].Form) && sc.lookupName(tmp, q, y) && tmp.person == nil {
				if qual == nil {
					qual = tmp
					qual.Text = sc.phrase(q, y)
				}
				for k := q; k < y; k++ {
					mark[k] = markQual
				}
				q, found = y, true
				break
			}
		}
		if !found {
			break
		}
	}
	var honor string
	for k := q; k < nameA; k++ {
		if s, ok := honorifics[sc.lower[k]]; ok {
			honor = s
		}
	}
	titleA := q
	for titleA < nameA {
		if _, ok := honorifics[sc.lower[titleA]]; !ok {
			break
		}
		titleA++
	}
	if titleA < nameA {
		title := sc.phrase(titleA, nameA)
		full.Role = normRole(title)
		role, ok := sc.r.d.LookupRole(strings.ToLower(title))
		for k := titleA; !ok && k < nameA; k++ {
			role, ok = sc.r.d.LookupRole(strings.ToLower(sc.phrase(k, nameA)))
		}
		if ok {
			full.rule = role.Rule
			switch {
			case full.person == nil:
				full.Sector = role.Sector
			case full.Former && !strings.Contains(strings.ToLower(title), "former"):
				// The text gives the office as held: trust it over the
				// dictionary's dates ("British Defence Secretary Tom King").
				full.Sector, full.Former = role.Sector, false
				full.Code = join(full.Country, full.Sector)
			}
		}
	} else if honor != "" && full.person == nil {
		full.Sector = honor
	}
	if after < b {
		if ms := sc.r.d.LookupName(sc.phrase(after+1, b), sc.date); len(ms) > 0 && qual == nil {
			qual = &Mention{Head: after + 1, subject: true}
			sc.lookupName(qual, after+1, b)
			qual.Text = sc.phrase(after+1, b)
		}
		for k := after; k < b; k++ {
			mark[k] = markAfter
		}
	}
	for k := a; k < after; k++ {
		if mark[k] == markNone {
			mark[k] = markCore
		}
	}
	if qual != nil {
		full.qualifier = qual
		if qual.Type == record.Org {
			full.Org = strings.TrimPrefix(qual.Text, "the ")
		}
		if full.person == nil {
			country, sector := qual.Country, full.Sector
			if qual.Type == record.Org && qual.Sector != "" {
				country, sector = qual.Country, qual.Sector
			}
			full.Country, full.Sector = country, sector
		}
	}
	if full.person == nil {
		full.Code = join(full.Country, full.Sector)
	}
	return full
}

// oneSubtree reports whether words [a, b) hang together in the tree: only
// one of them has its parent outside. A parse that splits a name ("spoke
// with President Putin by phone" read as two obliques) does not.
func (sc *sentCtx) oneSubtree(a, b int) bool {
	out := 0
	for k := a; k < b; k++ {
		if h := sc.s.Words[k].Head - 1; h < a || h >= b {
			out++
		}
	}
	return out == 1
}

// nameParticles are the lower-case words inside personal names.
var nameParticles = map[string]bool{"de": true, "van": true, "von": true, "der": true, "den": true,
	"al": true, "al-": true, "bin": true, "ibn": true, "da": true, "du": true, "le": true, "la": true,
	"el": true, "dos": true, "das": true, "del": true, "di": true, "ter": true}
