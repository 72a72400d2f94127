package dict

import "fmt"

// Pos is where a record was read: a file name and a 1-based line number.
type Pos struct {
	File string
	Line int
}

// String formats p as file:line.
func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Diagnostic reports one malformed line; the line was skipped.
type Diagnostic struct {
	Pos
	Msg string
}

// String formats d as file:line: message.
func (d Diagnostic) String() string { return d.Pos.String() + ": " + d.Msg }

// Error makes a Diagnostic usable as an error.
func (d Diagnostic) Error() string { return d.String() }

// Name is a name, demonym or metonym, with the period it applies to (the
// zero Range when it always applies).
type Name struct {
	Text string
	When Range
}

// Country is a country record: an ISO 3166-1 country or territory.
type Country struct {
	ISO3, ISO2 string // ISO 3166-1 alpha-3 and alpha-2 codes
	CAMEO      string // CAMEO country code, usually ISO3
	Names      []Name // official, short, common and historic names
	Demonyms   []Name // nouns and adjectives: "Russian", "Russians"
	Metonyms   []Name // capitals and seats of government: "Kremlin"
	Regions    []string
	Pos        Pos
}

// Region is a CAMEO region or grouping of countries (AFR, WST, ...).
type Region struct {
	Code     string
	Names    []Name
	Demonyms []Name
	Pos      Pos
}

// Org is an organisation: an IGO, NGO, company, party, armed group, ...
type Org struct {
	CAMEO   string // CAMEO actor code, e.g. "IGOUNO"
	Kind    string // IGO, NGO, MNC, REB, PTY, GOV, MIL, MED, ...
	Country string // ISO3 or region code; "" for international
	Names   []Name
	Pos     Pos
}

// Person is one person with every office the dictionary knows they held.
// Person lines with the same canonical name are one Person.
type Person struct {
	Name    string // canonical full name
	Aliases []Name
	Offices []Office
}

// Office is one office a person held.
type Office struct {
	Country string // ISO3, or an org's CAMEO code for IGO officials
	Sector  string // CAMEO sector code: GOV, MIL, ...
	Role    string // the office in plain words: "president"
	When    Range  // when it was held; open To if still held
	Pos     Pos
}

// Rule says how a role word relates the person or group it describes to
// the country or organisation named with it.
type Rule int

// The rules of a role record.
const (
	RuleNone      Rule = iota // "-": no relation
	RuleSpeaksFor             // "speaks-for": speaks for it ("Kremlin spokesman")
	RuleMember                // "member": is a member of it ("Russian troops")
	RuleHead                  // "head": heads it ("Ukrainian president")
)

var ruleNames = [...]string{"-", "speaks-for", "member", "head"}

// String returns the rule as written in the dictionary.
func (r Rule) String() string {
	if r < 0 || int(r) >= len(ruleNames) {
		return fmt.Sprintf("Rule(%d)", int(r))
	}
	return ruleNames[r]
}

// Role is a group of role words and phrases that share a sector and rule.
type Role struct {
	Phrases []string
	Sector  string // CAMEO sector code
	Rule    Rule
	Pos     Pos
}

// Sectors lists the CAMEO sector codes a person or role record may use,
// with what each means.
var Sectors = map[string]string{
	"GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition",
	"PTY": "party", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
	"SPY": "intelligence", "BUS": "business", "MED": "media", "EDU": "education",
	"HLH": "health", "CVL": "civilians", "REF": "refugees", "LAB": "labor",
	"AGR": "agriculture", "ELI": "elites", "CRM": "criminals", "ENV": "environment",
	"HRI": "human rights", "IGO": "intergovernmental organisation",
	"NGO": "non-governmental organisation", "INS": "insurgents", "RAD": "radicals",
	"SEP": "separatists", "UAF": "unaffiliated armed forces", "MOD": "moderate",
	"REL": "religious",
}

// Dict is a set of dictionary records with indexes for look-up.
type Dict struct {
	Countries []Country
	Regions   []Region
	Orgs      []Org
	People    []Person
	Roles     []Role

	names  map[string][]ref // normalized phrase → records
	roles  map[string]int   // normalized phrase → index in Roles
	people map[string]int   // canonical name → index in People
}
