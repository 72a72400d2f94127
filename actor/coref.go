package actor

import (
	"slices"
	"strconv"
	"strings"

	"dyad/doc"
	"dyad/record"
)

// corefer links the mentions of a document into entities, in document
// order.
func corefer(res *Result, sents []doc.Sentence) {
	keyed := map[string]*Entity{}
	for idx, m := range res.Mentions {
		switch {
		case m.antecedent != nil:
			m.Entity = m.antecedent.Entity
		case m.Pronoun:
			m.Entity = resolvePronoun(res, idx)
		case len(m.Members) > 0:
			fillGroup(res, idx)
		case m.appositive != nil && m.appositive.Entity != nil:
			// "Marc Fogel, an American teacher": the same person.
			e := m.appositive.Entity
			m.Entity = e
			named := e.named
			e.absorb(m)
			if m.Name != "" && !named {
				e.Name, e.named = m.Name, true
				if m.canonical != "" {
					e.Name = m.canonical
				}
			}
			if e.Country == "" && m.Code != "" {
				e.Code, e.Country, e.Sector = m.Code, m.Country, m.Sector
				for _, o := range e.Mentions {
					if o.Code == "" {
						o.Code, o.Country, o.Sector = m.Code, m.Country, m.Sector
					}
				}
			}
			if e.Role == "" {
				e.Role = m.Role
			}
		default:
			e := findEntity(res, keyed, m)
			if e == nil {
				e = &Entity{key: key(m), person: m.person}
				res.Entities = append(res.Entities, e)
				if e.key != "" {
					keyed[e.key] = e
				}
			}
			m.Entity = e
			e.absorb(m)
		}
		if m.Entity != nil && m.Pronoun {
			m.Entity.Mentions = append(m.Entity.Mentions, m)
		}
	}
	// Roles owned by a pronoun ("his spokesman") take the owner's country.
	for _, m := range res.Mentions {
		q := m.qualifier
		if q == nil || !q.Pronoun || q.Entity == nil || m.Country != "" || m.Role == "" || m.person != nil {
			continue
		}
		m.Country = q.Entity.Country
		if m.Sector == "" {
			m.Sector = q.Entity.Sector
		}
		m.Code = join(m.Country, m.Sector)
		if e := m.Entity; e != nil && e.Country == "" {
			e.Code, e.Country, e.Sector = m.Code, m.Country, m.Sector
		}
	}
	contextCountries(res)
	n := 0
	kept := res.Entities[:0]
	for _, e := range res.Entities {
		if e.Type == record.Other && e.Code == "" {
			for _, m := range e.Mentions {
				m.Entity = nil
			}
			continue
		}
		n++
		e.ID = "e" + strconv.Itoa(n)
		kept = append(kept, e)
	}
	res.Entities = kept
}

// key is the identity of a named mention: the dictionary record or the
// name it resolves to.
func key(m *Mention) string {
	switch {
	case m.person != nil:
		return "p:" + m.person.Name
	case m.Name != "" && m.Type != record.Person:
		c := m.canonical
		if c == "" {
			c = strings.ToLower(m.Name)
		}
		return m.Type + ":" + m.Code + ":" + strings.ToLower(c)
	case m.Name != "":
		return "n:" + strings.ToLower(m.Name)
	case m.Plural:
		return "g:" + m.Code + ":" + m.Role
	}
	return ""
}

// findEntity returns the entity m refers to among those seen so far, or nil.
func findEntity(res *Result, keyed map[string]*Entity, m *Mention) *Entity {
	if k := key(m); k != "" {
		if e := keyed[k]; e != nil {
			return e
		}
	}
	if m.Type == record.Person && m.Name != "" && m.person == nil {
		// A surname, or a fuller form, of a person named before.
		last := lastToken(m.Name)
		for i := len(res.Entities) - 1; i >= 0; i-- {
			e := res.Entities[i]
			if e.Type == record.Person && e.Name != "" && lastToken(e.Name) == last {
				return e
			}
		}
	}
	if m.Name == "" && m.Role != "" && !m.Plural && m.Type == record.Person {
		// "the Ukrainian president": the holder named before.
		for i := len(res.Entities) - 1; i >= 0; i-- {
			e := res.Entities[i]
			if e.Type != record.Person || e.Name == "" {
				continue
			}
			if m.Country != "" && e.Country != m.Country {
				continue
			}
			if roleMatches(e.Role, m.Role) {
				return e
			}
		}
	}
	return nil
}

func roleMatches(have, want string) bool {
	have, want = strings.ToLower(have), strings.ToLower(want)
	if have == "" || want == "" {
		return false
	}
	return have == want || strings.HasSuffix(have, " "+want) || strings.HasSuffix(want, " "+have) ||
		strings.Contains(have, want)
}

func lastToken(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.LastIndexAny(s, " "); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// absorb adds a mention to an entity and fills what the entity lacks.
func (e *Entity) absorb(m *Mention) {
	e.Mentions = append(e.Mentions, m)
	if m.Name != "" {
		e.named = true
	}
	if e.Type == "" || e.Type == record.Other && m.Type != "" {
		e.Type = m.Type
	}
	if m.canonical != "" && (e.Name == "" || e.person != nil || m.Type != record.Person) {
		if e.Name == "" || m.person != nil {
			e.Name = m.canonical
		}
	}
	if e.Name == "" || m.person == nil && e.person == nil && len(m.Name) > len(e.Name) {
		switch {
		case m.Name != "":
			e.Name = m.Name
		case e.Name == "":
			e.Name = strings.TrimPrefix(strings.TrimPrefix(m.Text, "the "), "The ")
		}
	}
	if e.Code == "" && m.Code != "" {
		e.Code, e.Country, e.Sector = m.Code, m.Country, m.Sector
	}
	if m.Former {
		e.Former = true
	}
	if e.Role == "" && m.Role != "" {
		e.Role = m.Role
	}
	if e.Org == "" && m.Org != "" && !strings.EqualFold(m.Org, e.Name) && !strings.EqualFold(m.Org, m.Name) {
		e.Org = m.Org
	}
	if e.person == nil && m.person != nil {
		e.person = m.person
	}
}

// resolvePronoun finds the entity a personal pronoun refers to: a subject
// before it in its sentence, any compatible mention before it there, the
// first subject of the sentence before, then the most recent compatible
// mention of the two sentences before.
func resolvePronoun(res *Result, idx int) *Entity {
	p := res.Mentions[idx]
	ok := func(c *Mention) bool {
		if c.Entity == nil || c == p || c.Span.Contains(p.Span) || c.Pronoun && c.antecedent == nil && c.Entity == nil {
			return false
		}
		e := c.Entity
		if p.thing {
			// "it" mostly refers to things; only a country or organisation
			// that is itself a subject is taken ("Hungary said it would").
			return !c.Plural && c.nsubj && (e.Type == record.Org || e.Type == record.GPE || e.Type == record.Loc) && !c.Place
		}
		if p.Plural {
			return c.Plural || e.Type == record.Org && c.nsubj
		}
		if e.Type != record.Person || c.Plural {
			return false
		}
		// A pronoun object cannot be its own clause's subject ("Putin
		// expressed admiration for him").
		if c.Sent == p.Sent && c.nsubj && (c.clause == p.clause || p.ctrl >= 0 && c.clause == p.ctrl) && !p.subject && res.textOf(p) != "his" && res.textOf(p) != "her" {
			return false
		}
		return true
	}
	var firstAny *Entity
	for i := idx - 1; i >= 0; i-- {
		c := res.Mentions[i]
		if c.Sent != p.Sent {
			break
		}
		if !ok(c) {
			continue
		}
		if c.subject {
			return c.Entity
		}
		if firstAny == nil {
			firstAny = c.Entity
		}
	}
	if firstAny != nil {
		return firstAny
	}
	for i := idx - 1; i >= 0; i-- {
		c := res.Mentions[i]
		if c.Sent < p.Sent-1 {
			break
		}
		if c.Sent == p.Sent-1 && c.subject && ok(c) {
			// Earliest subject of the previous sentence.
			var first *Entity
			for j := i; j >= 0 && res.Mentions[j].Sent == p.Sent-1; j-- {
				if res.Mentions[j].subject && ok(res.Mentions[j]) {
					first = res.Mentions[j].Entity
				}
			}
			return first
		}
	}
	for i := idx - 1; i >= 0; i-- {
		c := res.Mentions[i]
		if c.Sent < p.Sent-3 {
			break
		}
		if ok(c) {
			return c.Entity
		}
	}
	return nil
}

func (r *Result) textOf(m *Mention) string { return strings.ToLower(m.Text) }

// fillGroup resolves "both leaders" to the last two persons in focus.
func fillGroup(res *Result, idx int) {
	g := res.Mentions[idx]
	var got []*Entity
	for i := idx - 1; i >= 0 && len(got) < len(g.Members); i-- {
		c := res.Mentions[i]
		if c.Sent < g.Sent-3 {
			break
		}
		e := c.Entity
		if e == nil || e.Type != record.Person || c.Plural || !e.leader() {
			continue
		}
		dup := false
		for _, x := range got {
			dup = dup || x == e
		}
		if !dup {
			got = append(got, e)
		}
	}
	if len(got) == len(g.Members) {
		slices.Reverse(got) // in order of mention
		copy(g.Members, got)
		return
	}
	g.Members = nil
}

// leader reports whether the entity heads a state or government, as "both
// leaders" needs.
func (e *Entity) leader() bool {
	r := strings.ToLower(e.Role)
	for _, w := range []string{"president", "prime minister", "chancellor", "king", "queen", "leader",
		"premier", "emir", "sultan", "head of state", "head of government", "supreme leader", "taoiseach"} {
		if strings.Contains(r, w) {
			return true
		}
	}
	return false
}

// contextCountries gives a country to actors the text names only by their
// role ("President Juvenal Habyarimana", "the rebels", "security forces"):
// the country named nearest to them in the same sentence, as a reader
// would assume. Bodies of international organisations are left alone.
func contextCountries(res *Result) {
	for i, m := range res.Mentions {
		if m.Country != "" || m.Sector == "" || m.Pronoun || m.Sector == "IGO" || m.Sector == "NGO" ||
			m.Entity != nil && m.Entity.Country != "" || len(m.Members) > 0 {
			continue
		}
		// A country or nationality word first; else a person or body whose
		// country is known.
		var best *Mention
		for _, places := range []bool{true, false} {
			dist := 1 << 30
			for k := i - 8; k <= i+8; k++ {
				if k < 0 || k >= len(res.Mentions) || k == i {
					continue
				}
				c := res.Mentions[k]
				if c.Sent != m.Sent || len(c.Country) != 3 || c.Pronoun {
					continue
				}
				if place := c.Type == record.GPE || c.Type == record.NORP; place != places || !place && c.Type != record.Person && c.Type != record.Org {
					continue
				}
				d := c.Span.Start - m.Span.Start
				if d < 0 {
					d = -d
				}
				if d < dist {
					best, dist = c, d
				}
			}
			if best != nil {
				break
			}
		}
		if best == nil {
			continue
		}
		m.Country = best.Country
		m.Code = join(m.Country, m.Sector)
		if e := m.Entity; e != nil && e.Country == "" {
			e.Country, e.Code = m.Country, join(m.Country, e.Sector)
		}
	}
}
