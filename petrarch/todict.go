package petrarch

import (
	"sort"
	"strings"
	"time"

	"dyad/actor/dict"
)

// intlPrefixes are the CAMEO code prefixes of actors that belong to no
// country: their whole code stands where a person's country would.
var intlPrefixes = map[string]string{
	"IGO": "IGO", // intergovernmental organisation
	"NGO": "NGO", // non-governmental organisation
	"NGM": "NGO", // non-governmental movement
	"MNC": "BUS", // multinational corporation
	"IMG": "",    // international militarised group
	"UIS": "",    // unidentified state actor
}

// splitCode reads a CAMEO actor code into the parts dyad's dictionary
// uses: country is the first three letters (the whole code for
// international actors such as IGOUNO, "" for a code that starts with a
// sector, such as ELI); sector is the first three-letter group that is a
// CAMEO sector of dict.Sectors ("PSEREBHMS" → REB, "IGOUNO" → IGO), "" if
// none. intl is set for international codes. ok is false for codes that
// are no actor: the null code "---", the TABARI "###", anything but
// letters and digits, or fewer than three characters.
func splitCode(code string) (country, sector string, intl, ok bool) {
	code = strings.ToUpper(code)
	if len(code) < 3 {
		return "", "", false, false
	}
	for _, c := range code {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return "", "", false, false
		}
	}
	first := code[:3]
	if s, isIntl := intlPrefixes[first]; isIntl {
		if s == "" {
			s = findSector(code[3:])
		}
		return code, s, true, true
	}
	if _, isSector := dict.Sectors[first]; isSector {
		return "", first, false, true
	}
	return first, findSector(code[3:]), false, true
}

// findSector returns the first three-letter group of s that is a CAMEO
// sector.
func findSector(s string) string {
	for i := 0; i+3 <= len(s); i += 3 {
		if _, ok := dict.Sectors[s[i:i+3]]; ok {
			return s[i : i+3]
		}
	}
	return ""
}

// codeParts splits "FRO/BIL" (TABARI: several actors) into its codes, upper
// case, dropping those that are no actor.
func codeParts(code string) []string {
	var out []string
	for _, c := range strings.Split(code, "/") {
		c = strings.ToUpper(strings.TrimSpace(c))
		if _, _, _, ok := splitCode(c); ok {
			out = append(out, c)
		}
	}
	return out
}

// ToDict converts the actors to dyad dictionary records, indexed and ready
// for LookupName or for (*dict.Dict).Merge into another dictionary:
//
//   - An actor with date-restricted codes is a Person: the canonical name
//     is the primary phrase, the aliases the other phrases, and each
//     restricted code an Office with Country = the code's first three
//     letters (the whole code for IGO, NGO, MNC... codes), Sector = its
//     first CAMEO sector group (see dict.Sectors; usually letters 4-6),
//     Role = the PETRARCH code in upper case (dyad's office has no field
//     for the code's further letters), When = the restriction. Offices
//     keep the file's order, which is PETRARCH's priority where
//     restrictions overlap (the first that holds wins). The default code
//     (the last unrestricted one) becomes one Office for each period that
//     no restriction covers, which is when PETRARCH uses it.
//   - An actor with only unrestricted codes is an Org whose CAMEO field
//     keeps the default code whole ("PSEREBHMS", "IGOUNO", "AFG"), Kind =
//     the code's sector as for an office (MNC for MNC codes, "" when the
//     code has none, as for a bare country code), Country = its first
//     three letters ("" for international codes).
//
// Names are the phrases with "_" read as a space, in the dictionary's case
// (look-ups fold case). Like dict records, persons with the same canonical
// name become one person. A code "A/B" gives one office or org per code.
// Null codes ("---", "###") and codes that are not letters and digits
// produce nothing (an actor with only those is left out), but a null
// restriction still keeps the default code out of its period.
func (a *Actors) ToDict() *dict.Dict {
	raw := &dict.Dict{}
	for i := range a.Entries {
		e := &a.Entries[i]
		names := actorNames(e)
		if len(names) == 0 {
			continue
		}
		var restricted []Code
		for _, c := range e.Codes {
			if c.Restricted() {
				restricted = append(restricted, c)
			}
		}
		def, hasDef := e.Default()
		pos := dict.Pos{File: e.File, Line: e.Line}
		if len(restricted) == 0 {
			for _, code := range codeParts(def.Code) {
				country, sector, intl, _ := splitCode(code)
				o := dict.Org{CAMEO: code, Kind: sector, Names: names, Pos: pos}
				if !intl {
					o.Country = country
				} else if code[:3] == "MNC" {
					o.Kind = "MNC"
				}
				raw.Orgs = append(raw.Orgs, o)
			}
			continue
		}
		p := dict.Person{Name: names[0].Text, Aliases: names[1:]}
		for _, c := range restricted {
			p.Offices = append(p.Offices, offices(c.Code, c.When, dict.Pos{File: e.File, Line: c.Line})...)
		}
		if hasDef {
			for _, gap := range gaps(restricted) {
				p.Offices = append(p.Offices, offices(def.Code, gap, dict.Pos{File: e.File, Line: def.Line})...)
			}
		}
		if len(p.Offices) > 0 {
			raw.People = append(raw.People, p)
		}
	}
	d := &dict.Dict{}
	d.Merge(raw) // indexes d
	return d
}

// actorNames returns the distinct names of e's phrases, primary first.
func actorNames(e *Actor) []dict.Name {
	var out []dict.Name
	seen := map[string]bool{}
	for _, p := range e.Phrases {
		n := p.Name()
		k := strings.ToLower(n)
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, dict.Name{Text: n})
	}
	return out
}

// offices returns an office for each actor code of code.
func offices(code string, when dict.Range, pos dict.Pos) []dict.Office {
	var out []dict.Office
	for _, c := range codeParts(code) {
		country, sector, _, _ := splitCode(c)
		out = append(out, dict.Office{Country: country, Sector: sector, Role: c, When: when, Pos: pos})
	}
	return out
}

// day numbers for range arithmetic; open ends are ±infinity.
const (
	minDay = -1 << 40
	maxDay = 1 << 40
)

func dayOf(d dict.Date) int64 {
	return time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func dateOf(day int64) dict.Date {
	t := time.Unix(day*86400, 0).UTC()
	return dict.Date{Y: t.Year(), M: int(t.Month()), D: t.Day()}
}

// gaps returns the periods, as ranges, that none of the codes' date
// restrictions covers. The restrictions hold full dates.
func gaps(codes []Code) []dict.Range {
	type span struct{ from, to int64 }
	spans := make([]span, 0, len(codes))
	for _, c := range codes {
		s := span{minDay, maxDay}
		if !c.When.From.IsZero() {
			s.from = dayOf(c.When.From)
		}
		if !c.When.To.IsZero() {
			s.to = dayOf(c.When.To)
		}
		spans = append(spans, s)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	var out []dict.Range
	next := int64(minDay) // first day not yet covered
	for _, s := range spans {
		if s.from > next {
			r := dict.Range{To: dateOf(s.from - 1)}
			if next != minDay {
				r.From = dateOf(next)
			}
			out = append(out, r)
		}
		if s.to == maxDay {
			return out
		}
		if s.to+1 > next {
			next = s.to + 1
		}
	}
	r := dict.Range{}
	if next != minDay {
		r.From = dateOf(next)
	}
	return append(out, r)
}

// ToDict converts the agents to dyad role records: one Role per agent
// with every form of its phrase (see Agent.Forms; "_" read as a space),
// Sector = the first three letters of the agent code ("GOVFRM" → GOV,
// also for prefix codes such as "NGO~"), Rule = member. Agents whose code
// has fewer than three letters or anything but letters and digits are left
// out. The result is indexed and ready for LookupRole or Merge.
func (a *Agents) ToDict() *dict.Dict {
	raw := &dict.Dict{}
	for _, g := range a.Entries {
		code := strings.ToUpper(g.Code)
		if _, _, _, ok := splitCode(code); !ok {
			continue
		}
		r := dict.Role{Sector: code[:3], Rule: dict.RuleMember, Pos: dict.Pos{File: g.File, Line: g.Line}}
		seen := map[string]bool{}
		for _, f := range g.Forms() {
			n := strings.Join(words(f), " ")
			if k := strings.ToLower(n); n != "" && !seen[k] {
				seen[k] = true
				r.Phrases = append(r.Phrases, n)
			}
		}
		if len(r.Phrases) > 0 {
			raw.Roles = append(raw.Roles, r)
		}
	}
	d := &dict.Dict{}
	d.Merge(raw)
	return d
}
