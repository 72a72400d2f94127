package dict

import (
	"fmt"
	"strings"
	"unicode"
)

// normalize folds a phrase for look-up: lower case, curly quotes made
// straight, runs of spaces collapsed, and a leading "the " dropped.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '\u2019' || r == '\u2018':
			r = '\''
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// Kind is the kind of record a Match refers to.
type Kind int

// The kinds of Match.
const (
	KindCountry Kind = iota
	KindRegion
	KindOrg
	KindPerson
)

var kindNames = [...]string{"country", "region", "org", "person"}

// String returns the record type as written in the dictionary.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Via says which field of a record a phrase matched.
type Via int

// The fields a phrase can match.
const (
	ViaName    Via = iota // a name of a country, region or org; a person's canonical name
	ViaDemonym            // a demonym of a country or region
	ViaMetonym            // a metonym of a country
	ViaAlias              // a person's alias
)

var viaNames = [...]string{"name", "demonym", "metonym", "alias"}

// String returns the field name.
func (v Via) String() string {
	if v < 0 || int(v) >= len(viaNames) {
		return fmt.Sprintf("Via(%d)", int(v))
	}
	return viaNames[v]
}

// ref is one index entry: a record and the field and period of the name.
type ref struct {
	kind Kind
	i    int
	via  Via
	when Range
}

// Match is one record a phrase can name. Exactly one of Country, Region,
// Org and Person is set, according to Kind; it points into the Dict and
// must not be modified.
type Match struct {
	Kind    Kind
	Via     Via
	Country *Country
	Region  *Region
	Org     *Org
	Person  *Person
	// Offices holds, for a person, the offices held on the date asked
	// about, or every office when Former is set.
	Offices []Office
	// Former is set when the match does not hold on the date asked about:
	// a person who held none of their offices then (a former holder), or a
	// name whose @range does not contain the date (a historic name).
	Former bool
}

// index rebuilds the look-up indexes from the records.
func (d *Dict) index() {
	d.names = make(map[string][]ref, 4*len(d.Countries)+2*len(d.Orgs)+2*len(d.People))
	add := func(ns []Name, kind Kind, i int, via Via) {
		for _, n := range ns {
			k := normalize(n.Text)
			if k == "" {
				continue
			}
			d.names[k] = append(d.names[k], ref{kind, i, via, n.When})
		}
	}
	for i, c := range d.Countries {
		add(c.Names, KindCountry, i, ViaName)
		add(c.Demonyms, KindCountry, i, ViaDemonym)
		add(c.Metonyms, KindCountry, i, ViaMetonym)
	}
	for i, r := range d.Regions {
		add(r.Names, KindRegion, i, ViaName)
		add(r.Demonyms, KindRegion, i, ViaDemonym)
	}
	for i, o := range d.Orgs {
		add(o.Names, KindOrg, i, ViaName)
	}
	d.people = make(map[string]int, len(d.People))
	for i, p := range d.People {
		d.people[p.Name] = i
		add([]Name{{Text: p.Name}}, KindPerson, i, ViaName)
		for _, a := range p.Aliases {
			if normalize(a.Text) != normalize(p.Name) {
				add([]Name{a}, KindPerson, i, ViaAlias)
			}
		}
	}
	d.roles = make(map[string]int, 2*len(d.Roles))
	for i, r := range d.Roles {
		for _, p := range r.Phrases {
			d.roles[normalize(p)] = i
		}
	}
}

// LookupName returns every country, region, org and person that phrase
// names (case-insensitively; a leading "the" is ignored), in that order
// and in dictionary order within each kind. A country or region matches by
// name, demonym or metonym, an org by name, a person by canonical name or
// alias. For a person, Offices holds the offices whose range contains
// date; if there is none, the person is returned with every office and
// Former set. The zero date means "any time": nothing is former.
func (d *Dict) LookupName(phrase string, date Date) []Match {
	refs := d.names[normalize(phrase)]
	if len(refs) == 0 {
		return nil
	}
	out := make([]Match, 0, len(refs))
	seen := make(map[[2]int]bool, len(refs))
	for _, r := range refs {
		// One match per record: the first field that matches wins.
		key := [2]int{int(r.kind), r.i}
		if seen[key] {
			continue
		}
		seen[key] = true
		m := Match{Kind: r.kind, Via: r.via, Former: !r.when.Contains(date)}
		switch r.kind {
		case KindCountry:
			m.Country = &d.Countries[r.i]
		case KindRegion:
			m.Region = &d.Regions[r.i]
		case KindOrg:
			m.Org = &d.Orgs[r.i]
		case KindPerson:
			p := &d.People[r.i]
			m.Person = p
			for _, o := range p.Offices {
				if o.When.Contains(date) {
					m.Offices = append(m.Offices, o)
				}
			}
			if len(m.Offices) == 0 {
				m.Offices = p.Offices
				m.Former = true
			}
		}
		out = append(out, m)
	}
	return out
}

// LookupRole returns the role a word or phrase denotes ("foreign
// minister", "troops"), case-insensitively.
func (d *Dict) LookupRole(phrase string) (Role, bool) {
	i, ok := d.roles[normalize(phrase)]
	if !ok {
		return Role{}, false
	}
	return d.Roles[i], true
}

// Country returns the country with ISO3 or CAMEO code code.
func (d *Dict) Country(code string) (*Country, bool) {
	for i := range d.Countries {
		if d.Countries[i].ISO3 == code || d.Countries[i].CAMEO == code {
			return &d.Countries[i], true
		}
	}
	return nil, false
}

// Merge adds o's records to d and re-indexes d; o is not modified. A
// country or region whose code d already has replaces d's, a role phrase
// d already has is taken from o, and person records with the same
// canonical name are one person. Load reports such clashes between files
// as diagnostics.
func (d *Dict) Merge(o *Dict) { d.merge(o) }

// merge is Merge, returning the clashes.
func (d *Dict) merge(o *Dict) []Diagnostic {
	var diags []Diagnostic
	if d.people == nil {
		d.people = map[string]int{}
	}
	for _, c := range o.Countries {
		if old, ok := d.countryIndex(c.ISO3); ok {
			diags = append(diags, Diagnostic{c.Pos, fmt.Sprintf("duplicate country %s (also at %s)", c.ISO3, d.Countries[old].Pos)})
			d.Countries[old] = c
			continue
		}
		d.Countries = append(d.Countries, c)
	}
	for _, r := range o.Regions {
		dup := false
		for i := range d.Regions {
			if d.Regions[i].Code == r.Code {
				diags = append(diags, Diagnostic{r.Pos, fmt.Sprintf("duplicate region %s (also at %s)", r.Code, d.Regions[i].Pos)})
				d.Regions[i], dup = r, true
				break
			}
		}
		if !dup {
			d.Regions = append(d.Regions, r)
		}
	}
	d.Orgs = append(d.Orgs, o.Orgs...)
	for _, p := range o.People {
		d.addPerson(p)
	}
	if d.roles == nil {
		d.index()
	}
	for _, r := range o.Roles {
		for _, p := range r.Phrases {
			if i, ok := d.roles[normalize(p)]; ok {
				diags = append(diags, Diagnostic{r.Pos, fmt.Sprintf("role %q: phrase also defined at %s", p, d.Roles[i].Pos)})
			}
		}
		d.Roles = append(d.Roles, r)
	}
	d.index()
	return diags
}

func (d *Dict) countryIndex(iso3 string) (int, bool) {
	for i := range d.Countries {
		if d.Countries[i].ISO3 == iso3 {
			return i, true
		}
	}
	return 0, false
}
