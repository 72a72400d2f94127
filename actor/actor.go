package actor

import (
	"strings"

	"dyad/actor/dict"
	"dyad/doc"
	"dyad/record"
)

// Mention is one phrase that names or refers to an actor.
type Mention struct {
	Sent       int      // index of the sentence in the document
	Head       int      // index of the phrase's head word in the sentence (0-based)
	Start, End int      // the phrase's words, [Start, End)
	Span       doc.Span // byte span of the phrase in the text
	Text       string   // the phrase as written

	Type    string // record.Person, record.Org, ...
	Name    string // the name as written ("Dmitri S. Peskov"), "" when the phrase has none
	Role    string // the role or title ("spokesman", "Secretary of State"), "" for none
	Org     string // the organisation or country the role belongs to, as written ("Kremlin")
	Code    string // CAMEO actor code ("RUSGOV"), "" when unknown
	Country string // ISO3 country, CAMEO region or IGO code
	Sector  string // CAMEO sector code
	Former  bool   // a person who held no office of theirs on the article's date

	Pronoun bool      // a personal pronoun (resolved through Entity)
	thing   bool      // "it", "its": refers to an organisation or country
	Plural  bool      // a group: "protesters", "Russian troops"
	Place   bool      // a place that does not stand for its government ("visited Moscow")
	Members []*Entity // for "both leaders": the entities it stands for

	Entity *Entity // the entity the mention belongs to, nil when unresolved

	person    *dict.Person
	canonical string // canonical name from the dictionary
	rule      dict.Rule
	subject   bool // the head is a subject or possessor
	nsubj     bool // the head is a subject
	ctrl      int  // for a subjectless participle or infinitive: the clause its subject comes from, else -1
	clause    int  // the word the phrase depends on (for pronoun binding), -1 for root

	qualifier    *Mention // whose role it is ("Kremlin" in "Kremlin spokesman")
	antecedent   *Mention // for relative pronouns: the noun the clause modifies
	nameA, nameB int      // the words of the name, [nameA, nameB); equal when none
	appositive   *Mention // for an apposition ("Marc Fogel, an American teacher"): the phrase it renames
}

// Entity is one actor of the document with all its mentions.
type Entity struct {
	ID       string
	Name     string
	Type     string
	Code     string
	Country  string
	Sector   string
	Role     string
	Org      string
	Former   bool
	Mentions []*Mention

	person *dict.Person
	key    string
	named  bool // some mention gives a name
}

// Result is the actors of one document.
type Result struct {
	Entities []*Entity
	Mentions []*Mention // in document order

	text  string
	heads [][]*Mention // per sentence and word: the mention headed by the word
	cover [][]*Mention // per sentence and word: the smallest mention containing it
	outer [][]*Mention // per sentence and word: the largest mention containing it
}

// Outer returns the largest mention that contains word w of sentence s,
// or nil.
func (r *Result) Outer(s, w int) *Mention {
	if s < 0 || s >= len(r.outer) || w < 0 || w >= len(r.outer[s]) {
		return nil
	}
	return r.outer[s][w]
}

// Head returns the mention whose head is word w of sentence s, or nil.
func (r *Result) Head(s, w int) *Mention {
	if s < 0 || s >= len(r.heads) || w < 0 || w >= len(r.heads[s]) {
		return nil
	}
	return r.heads[s][w]
}

// Covering returns the smallest mention that contains word w of sentence
// s, or nil.
func (r *Result) Covering(s, w int) *Mention {
	if s < 0 || s >= len(r.cover) || w < 0 || w >= len(r.cover[s]) {
		return nil
	}
	return r.cover[s][w]
}

// Resolved returns what a mention stands for: its own fields, completed by
// its entity when the mention itself says less (a pronoun, "Mr. Peskov").
func (m *Mention) Resolved() (name, code, country, sector string) {
	name, code, country, sector = m.Name, m.Code, m.Country, m.Sector
	if e := m.Entity; e != nil {
		name = e.Name
		if e.Code != "" {
			code, country, sector = e.Code, e.Country, e.Sector
		}
	}
	return name, code, country, sector
}

// Actor returns the mention as an actor object of an event record.
func (m *Mention) Actor() *record.Actor {
	name, code, country, sector := m.Resolved()
	a := &record.Actor{Text: m.Text, Name: name, CAMEO: code, Country: country, Sector: sector,
		Span: record.Span{m.Span.Start, m.Span.End}}
	if m.Entity != nil {
		a.Entity = m.Entity.ID
	}
	return a
}

// Records returns the entities as document-record entities.
func (r *Result) Records() []record.Entity {
	out := make([]record.Entity, 0, len(r.Entities))
	for _, e := range r.Entities {
		re := record.Entity{ID: e.ID, Name: e.Name, Type: e.Type, CAMEO: e.Code, Country: e.Country,
			Sector: e.Sector, Role: e.Role, Org: e.Org, Former: e.Former, Mentions: []record.Mention{}}
		for _, m := range e.Mentions {
			re.Mentions = append(re.Mentions, record.Mention{Text: m.Text, Span: record.Span{m.Span.Start, m.Span.End}})
		}
		out = append(out, re)
	}
	return out
}

// join makes a CAMEO actor code from a country (or IGO/region code) and a
// sector: "USA"+"GOV" → "USAGOV", "IGOUNO"+"IGO" → "IGOUNO", ""+"CVL" →
// "CVL".
func join(country, sector string) string {
	switch {
	case country == "":
		return sector
	case sector == "" || strings.HasSuffix(country, sector) || (sector == "IGO" && strings.HasPrefix(country, "IGO")):
		return country
	}
	return country + sector
}

// normRole writes a title as a role: lower case except acronyms
// ("Secretary of State" → "secretary of state", "CIA Director" → "CIA
// director").
func normRole(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if strings.ToUpper(w) != w || len(w) == 1 {
			f[i] = strings.ToLower(w)
		}
	}
	return strings.Join(f, " ")
}
