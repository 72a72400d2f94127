package dict

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// fieldCount is the number of fields of each record type.
var fieldCount = map[string]int{
	"country": 8,
	"region":  4,
	"org":     5,
	"person":  7,
	"role":    4,
}

// Parse reads one dictionary file; name is used in diagnostics. Every
// malformed line is reported as a Diagnostic and skipped; the other lines
// are kept. A read error ends the input and is reported as a Diagnostic on
// the line after the last one read. The returned Dict is indexed and never
// nil.
func Parse(name string, r io.Reader) (*Dict, []Diagnostic) {
	d := newDict()
	var diags []Diagnostic
	data, err := io.ReadAll(r)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	line := 0
	for len(data) > 0 {
		line++
		var text []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			text, data = data[:i], data[i+1:]
		} else {
			text, data = data, nil
		}
		pos := Pos{name, line}
		if msg := d.parseLine(string(bytes.TrimSuffix(text, []byte("\r"))), pos); msg != "" {
			diags = append(diags, Diagnostic{pos, msg})
		}
	}
	if err != nil {
		diags = append(diags, Diagnostic{Pos{name, line + 1}, "read: " + err.Error()})
	}
	d.index()
	return d, diags
}

func newDict() *Dict {
	return &Dict{people: map[string]int{}, roles: map[string]int{}}
}

// stripComment removes a "#" comment: at the start of the line or after a
// space or tab.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

// parseLine adds the record on one line to d, or returns why it cannot.
func (d *Dict) parseLine(s string, pos Pos) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	s = strings.TrimSpace(stripComment(s))
	if s == "" {
		return ""
	}
	f := strings.Split(s, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	want, ok := fieldCount[f[0]]
	if !ok {
		return fmt.Sprintf("unknown record type %q (want country, region, org, person or role)", f[0])
	}
	if len(f) != want {
		return fmt.Sprintf("%s record has %d fields, want %d", f[0], len(f), want)
	}
	var err error
	switch f[0] {
	case "country":
		err = d.parseCountry(f, pos)
	case "region":
		err = d.parseRegion(f, pos)
	case "org":
		err = d.parseOrg(f, pos)
	case "person":
		err = d.parsePerson(f, pos)
	case "role":
		err = d.parseRole(f, pos)
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// none reports whether a field means "none".
func none(s string) bool { return s == "" || s == "-" }

// values splits a field into its "; "-separated values, dropping empty
// ones; "-" alone means no values.
func values(s string) []string {
	if none(s) {
		return nil
	}
	var out []string
	for _, v := range strings.Split(s, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// names parses a field of values that may carry "@range".
func names(field, what string) ([]Name, error) {
	var out []Name
	for _, v := range values(field) {
		n := Name{Text: v}
		if i := strings.LastIndexByte(v, '@'); i >= 0 {
			r, err := ParseRange(strings.TrimSpace(v[i+1:]))
			if err != nil {
				return nil, fmt.Errorf("%s %q: %w", what, v, err)
			}
			n = Name{Text: strings.TrimSpace(v[:i]), When: r}
		}
		if n.Text == "" {
			return nil, fmt.Errorf("%s %q: empty text before @", what, v)
		}
		out = append(out, n)
	}
	return out, nil
}

// isCode reports whether s has n upper-case ASCII letters.
func isCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isActorCode reports whether s looks like a CAMEO actor code: 3 to 15
// upper-case ASCII letters or digits, starting with a letter.
func isActorCode(s string) bool {
	if len(s) < 3 || len(s) > 15 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

func (d *Dict) parseCountry(f []string, pos Pos) error {
	c := Country{ISO3: f[1], ISO2: f[2], CAMEO: f[3], Pos: pos}
	if !isCode(c.ISO3, 3) {
		return fmt.Errorf("country: ISO3 code %q is not 3 upper-case letters", c.ISO3)
	}
	if !isCode(c.ISO2, 2) {
		return fmt.Errorf("country %s: ISO2 code %q is not 2 upper-case letters", c.ISO3, c.ISO2)
	}
	if !isCode(c.CAMEO, 3) {
		return fmt.Errorf("country %s: CAMEO code %q is not 3 upper-case letters", c.ISO3, c.CAMEO)
	}
	var err error
	if c.Names, err = names(f[4], "name"); err != nil {
		return fmt.Errorf("country %s: %w", c.ISO3, err)
	}
	if len(c.Names) == 0 {
		return fmt.Errorf("country %s: no names", c.ISO3)
	}
	if c.Demonyms, err = names(f[5], "demonym"); err != nil {
		return fmt.Errorf("country %s: %w", c.ISO3, err)
	}
	if c.Metonyms, err = names(f[6], "metonym"); err != nil {
		return fmt.Errorf("country %s: %w", c.ISO3, err)
	}
	c.Regions = values(f[7])
	for _, r := range c.Regions {
		if !isCode(r, 3) {
			return fmt.Errorf("country %s: region code %q is not 3 upper-case letters", c.ISO3, r)
		}
	}
	for _, o := range d.Countries {
		if o.ISO3 == c.ISO3 {
			return fmt.Errorf("duplicate country %s (first at line %d)", c.ISO3, o.Pos.Line)
		}
		if o.ISO2 == c.ISO2 {
			return fmt.Errorf("country %s: duplicate ISO2 code %s (country %s, line %d)", c.ISO3, c.ISO2, o.ISO3, o.Pos.Line)
		}
	}
	d.Countries = append(d.Countries, c)
	return nil
}

func (d *Dict) parseRegion(f []string, pos Pos) error {
	r := Region{Code: f[1], Pos: pos}
	if !isCode(r.Code, 3) {
		return fmt.Errorf("region: code %q is not 3 upper-case letters", r.Code)
	}
	var err error
	if r.Names, err = names(f[2], "name"); err != nil {
		return fmt.Errorf("region %s: %w", r.Code, err)
	}
	if len(r.Names) == 0 {
		return fmt.Errorf("region %s: no names", r.Code)
	}
	if r.Demonyms, err = names(f[3], "demonym"); err != nil {
		return fmt.Errorf("region %s: %w", r.Code, err)
	}
	for _, o := range d.Regions {
		if o.Code == r.Code {
			return fmt.Errorf("duplicate region %s (first at line %d)", r.Code, o.Pos.Line)
		}
	}
	d.Regions = append(d.Regions, r)
	return nil
}

// orgKinds are the kinds an org record may have: the sector codes and MNC.
func knownKind(k string) bool {
	_, ok := Sectors[k]
	return ok || k == "MNC"
}

func (d *Dict) parseOrg(f []string, pos Pos) error {
	o := Org{CAMEO: f[1], Kind: f[2], Pos: pos}
	if !isActorCode(o.CAMEO) {
		return fmt.Errorf("org: CAMEO code %q is not 3 to 15 upper-case letters or digits", o.CAMEO)
	}
	if !knownKind(o.Kind) {
		return fmt.Errorf("org %s: unknown kind %q (want MNC or a CAMEO sector code)", o.CAMEO, o.Kind)
	}
	if !none(f[3]) {
		if !isCode(f[3], 3) {
			return fmt.Errorf("org %s: country %q is not an ISO3 or region code or -", o.CAMEO, f[3])
		}
		o.Country = f[3]
	}
	var err error
	if o.Names, err = names(f[4], "name"); err != nil {
		return fmt.Errorf("org %s: %w", o.CAMEO, err)
	}
	if len(o.Names) == 0 {
		return fmt.Errorf("org %s: no names", o.CAMEO)
	}
	d.Orgs = append(d.Orgs, o)
	return nil
}

func (d *Dict) parsePerson(f []string, pos Pos) error {
	name := f[1]
	if none(name) {
		return fmt.Errorf("person: no name")
	}
	if strings.Contains(name, "@") {
		return fmt.Errorf("person %q: a canonical name cannot carry @range", name)
	}
	aliases, err := names(f[2], "alias")
	if err != nil {
		return fmt.Errorf("person %q: %w", name, err)
	}
	o := Office{Country: f[3], Sector: f[4], Role: f[5], Pos: pos}
	if !isActorCode(o.Country) {
		return fmt.Errorf("person %q: country %q is not an ISO3 or org code", name, o.Country)
	}
	if _, ok := Sectors[o.Sector]; !ok {
		return fmt.Errorf("person %q: unknown sector %q", name, o.Sector)
	}
	if none(o.Role) {
		return fmt.Errorf("person %q: no role", name)
	}
	if !none(f[6]) {
		if o.When, err = ParseRange(f[6]); err != nil {
			return fmt.Errorf("person %q: %w", name, err)
		}
	}
	d.addPerson(Person{Name: name, Aliases: aliases, Offices: []Office{o}})
	return nil
}

// addPerson adds p, or its aliases and offices to the person of the same
// name.
func (d *Dict) addPerson(p Person) {
	i, ok := d.people[p.Name]
	if !ok {
		d.people[p.Name] = len(d.People)
		d.People = append(d.People, Person{
			Name:    p.Name,
			Aliases: append([]Name(nil), p.Aliases...),
			Offices: append([]Office(nil), p.Offices...),
		})
		return
	}
	q := &d.People[i]
	for _, a := range p.Aliases {
		if !hasName(q.Aliases, a) {
			q.Aliases = append(q.Aliases, a)
		}
	}
	q.Offices = append(q.Offices, p.Offices...)
}

func hasName(ns []Name, n Name) bool {
	for _, m := range ns {
		if m == n {
			return true
		}
	}
	return false
}

func parseRule(s string) (Rule, bool) {
	for i, n := range ruleNames {
		if s == n {
			return Rule(i), true
		}
	}
	return 0, s == ""
}

func (d *Dict) parseRole(f []string, pos Pos) error {
	r := Role{Phrases: values(f[1]), Sector: f[2], Pos: pos}
	if len(r.Phrases) == 0 {
		return fmt.Errorf("role: no phrases")
	}
	if _, ok := Sectors[r.Sector]; !ok {
		return fmt.Errorf("role %q: unknown sector %q", r.Phrases[0], r.Sector)
	}
	var ok bool
	if r.Rule, ok = parseRule(f[3]); !ok {
		return fmt.Errorf("role %q: unknown rule %q (want -, speaks-for, member or head)", r.Phrases[0], f[3])
	}
	seen := map[string]bool{}
	for _, p := range r.Phrases {
		if strings.Contains(p, "@") {
			return fmt.Errorf("role %q: phrases cannot carry @range", p)
		}
		k := normalize(p)
		if seen[k] {
			return fmt.Errorf("role %q: phrase listed twice", p)
		}
		seen[k] = true
		if i, ok := d.roles[k]; ok {
			return fmt.Errorf("role %q: phrase already defined at line %d", p, d.Roles[i].Pos.Line)
		}
	}
	for k := range seen {
		d.roles[k] = len(d.Roles)
	}
	d.Roles = append(d.Roles, r)
	return nil
}
