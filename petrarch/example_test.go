package petrarch_test

import (
	"fmt"
	"strings"

	"dyad/actor/dict"
	"dyad/petrarch"
)

func ExampleReadActors() {
	src := `# a fictional actor, in the PETRARCH format
SAM_GAMGEE [HOB]
+SAMWISE
	[HOBMIL 20080120-20121109]
	[HOBGOV >20121110]
HAMAS [PSEREBHMS]
`
	a, diags := petrarch.ReadActors("fictional.actors.txt", strings.NewReader(src))
	fmt.Println(len(a.Entries), "actors,", len(diags), "diagnostics")

	d := &dict.Dict{} // or a copy of the built-in dictionary
	d.Merge(a.ToDict())
	for _, date := range []dict.Date{{Y: 2005}, {Y: 2010}, {Y: 2015}} {
		m := d.LookupName("Samwise", date)[0]
		o := m.Offices[0]
		fmt.Println(date, m.Person.Name, o.Country, o.Sector, o.Role)
	}
	fmt.Println(d.LookupName("Hamas", dict.Date{})[0].Org.CAMEO)
	// Output:
	// 2 actors, 0 diagnostics
	// 2005 SAM GAMGEE HOB  HOB
	// 2010 SAM GAMGEE HOB MIL HOBMIL
	// 2015 SAM GAMGEE HOB GOV HOBGOV
	// PSEREBHMS
}

func ExampleVerbs_ToLexicon() {
	src := `&CURRENCY
+DOLLARS
+EUROS

--- GRANT [070] ---
GRANT
GIVE {GAVE GIVEN GIVING}
- * &CURRENCY (TO +) [071]
- &MILITARY * [072]
`
	v, diags := petrarch.ReadVerbs("grant.verbs.txt", strings.NewReader(src))
	for _, d := range diags {
		fmt.Println(d)
	}
	entries, _ := v.ToLexicon()
	for _, e := range entries {
		fmt.Printf("%s obj=%v R=%q %s\n", e.Head, e.Obj, e.Recipient, e.CAMEO)
	}
	s := v.LexiconSummary()
	fmt.Println(s.Patterns.Read, "patterns:", s.Patterns.Converted, "converted,", s.Patterns.Skipped, "skipped")
	// Output:
	// grant.verbs.txt:9: pattern "&MILITARY *": undefined synset &MILITARY
	// grant obj=[] R="" 070
	// give obj=[] R="" 070
	// grant obj=[dollars dollar euros euro] R="to" 071
	// give obj=[dollars dollar euros euro] R="to" 071
	// 1 patterns: 1 converted, 0 skipped
}
