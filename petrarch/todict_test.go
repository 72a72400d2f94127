package petrarch

import (
	"fmt"
	"strings"
	"testing"

	"dyad/actor/dict"
)

func TestSplitCode(t *testing.T) {
	tests := []struct {
		code, country, sector string
		intl, ok              bool
	}{
		{"USAGOV", "USA", "GOV", false, true},
		{"AFG", "AFG", "", false, true},
		{"PSEREBHMS", "PSE", "REB", false, true},
		{"PSEHMSGOV", "PSE", "GOV", false, true},
		{"IGOUNO", "IGOUNO", "IGO", true, true},
		{"IGOUNOHLHWHO", "IGOUNOHLHWHO", "IGO", true, true},
		{"MNCUSA", "MNCUSA", "BUS", true, true},
		{"NGMHRI", "NGMHRI", "NGO", true, true},
		{"IMGMOSALQ", "IMGMOSALQ", "", true, true},
		{"ELI", "", "ELI", false, true},
		{"hobgov", "HOB", "GOV", false, true},
		{"---", "", "", false, false},
		{"###", "", "", false, false},
		{"AB", "", "", false, false},
		{"A-B", "", "", false, false},
	}
	for _, tt := range tests {
		country, sector, intl, ok := splitCode(tt.code)
		if country != tt.country || sector != tt.sector || intl != tt.intl || ok != tt.ok {
			t.Errorf("splitCode(%q) = %q %q %v %v; want %q %q %v %v", tt.code, country, sector, intl, ok, tt.country, tt.sector, tt.intl, tt.ok)
		}
	}
}

func TestGaps(t *testing.T) {
	d := func(y, m, dd int) dict.Date { return dict.Date{Y: y, M: m, D: dd} }
	tests := []struct {
		ranges []dict.Range
		want   string
	}{
		{[]dict.Range{{From: d(2012, 11, 9), To: d(2013, 1, 19)}}, "[..2012-11-08 2013-01-20..]"},
		{[]dict.Range{{To: d(2008, 1, 20)}, {From: d(2008, 1, 20), To: d(2012, 11, 9)}, {From: d(2013, 1, 19)}}, "[2012-11-10..2013-01-18]"},
		{[]dict.Range{{To: d(2000, 1, 1)}, {From: d(2000, 1, 2)}}, "[]"},
		{[]dict.Range{{From: d(2000, 1, 1)}, {From: d(1990, 1, 1), To: d(1995, 12, 31)}}, "[..1989-12-31 1996-01-01..1999-12-31]"},
		{[]dict.Range{{From: d(2000, 2, 28), To: d(2000, 2, 28)}}, "[..2000-02-27 2000-02-29..]"},
	}
	for _, tt := range tests {
		var codes []Code
		for _, r := range tt.ranges {
			codes = append(codes, Code{Code: "X", When: r})
		}
		var got []string
		for _, g := range gaps(codes) {
			got = append(got, g.String())
		}
		if s := fmt.Sprint(got); s != tt.want {
			t.Errorf("gaps(%v) = %s, want %s", tt.ranges, s, tt.want)
		}
	}
}

// fictional is a small actor dictionary in the style of the PETRARCH
// validation suite (fictional names and codes).
const fictional = `SAM_GAMGEE [HOB]
	[HOBCIV <20080120]
	[ORCHOB 20100109-20100112] ; wins over the next one
	[HOBMIL 20080120-20121109]
	[HOBGOV 20121109-20130119]
	[HOBELI >20130119]
HAMFAST GAMGEE [HOB]
	[HOBGOV 20121109-20130119]
GOLLUM
+SMEAGOL
	[HOB < 950601]
	[HOBREB > 990816]
ONODOHER
	[ONO <911226]
	[###]
THE_SHIRE  [FRO/BIL]
UNITED_NATIONS [IGOUNO]
+U.N.
HAMAS [PSEREBHMS]
NASGUL [###]
`

func TestActorsToDict(t *testing.T) {
	a, diags := ReadActors("f.txt", strings.NewReader(fictional))
	if len(diags) != 0 {
		t.Fatal(diagStrings(diags))
	}
	d := a.ToDict()
	if len(d.People) != 4 || len(d.Orgs) != 4 {
		t.Fatalf("%d people, %d orgs; want 4, 4", len(d.People), len(d.Orgs))
	}
	day := func(y, m, dd int) dict.Date { return dict.Date{Y: y, M: m, D: dd} }
	tests := []struct {
		phrase string
		date   dict.Date
		want   string // kind:code(s), "former" when no office holds
	}{
		{"Sam Gamgee", day(2007, 5, 1), "person SAM GAMGEE: HOBCIV(HOB )"},
		{"sam gamgee", day(2009, 6, 1), "person SAM GAMGEE: HOBMIL(HOB MIL)"},
		{"SAM GAMGEE", day(2010, 1, 10), "person SAM GAMGEE: ORCHOB(ORC ) HOBMIL(HOB MIL)"},
		{"Sam Gamgee", day(2012, 12, 1), "person SAM GAMGEE: HOBGOV(HOB GOV)"},
		{"Sam Gamgee", day(2020, 1, 1), "person SAM GAMGEE: HOBELI(HOB ELI)"},
		{"Hamfast Gamgee", day(2012, 12, 1), "person HAMFAST GAMGEE: HOBGOV(HOB GOV)"},
		{"Hamfast Gamgee", day(2000, 1, 1), "person HAMFAST GAMGEE: HOB(HOB )"},
		{"Hamfast Gamgee", day(2013, 1, 20), "person HAMFAST GAMGEE: HOB(HOB )"},
		{"Smeagol", day(1990, 1, 1), "person GOLLUM: HOB(HOB )"},
		{"Smeagol", day(1997, 1, 1), "person GOLLUM: former HOB(HOB ) HOBREB(HOB REB)"},
		{"Onodoher", day(1995, 1, 1), "person ONODOHER: former ONO(ONO )"},
		{"the Shire", day(2000, 1, 1), "org FRO/ org BIL/"},
		{"U.N.", dict.Date{}, "org IGOUNO/IGO"},
		{"Hamas", dict.Date{}, "org PSEREBHMS/REB"},
		{"Nasgul", dict.Date{}, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range d.LookupName(tt.phrase, tt.date) {
			switch m.Kind {
			case dict.KindPerson:
				s := "person " + m.Person.Name + ":"
				if m.Former {
					s += " former"
				}
				for _, o := range m.Offices {
					s += fmt.Sprintf(" %s(%s %s)", o.Role, o.Country, o.Sector)
				}
				got = append(got, s)
			case dict.KindOrg:
				got = append(got, "org "+m.Org.CAMEO+"/"+m.Org.Kind)
			}
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("LookupName(%q, %v) = %q, want %q", tt.phrase, tt.date, s, tt.want)
		}
	}
}

func TestAgentsToDict(t *testing.T) {
	g, diags := ReadAgents("g.txt", strings.NewReader("!PERSON! = MAN, WOMAN\nFOREIGN_MINISTER [~GOVFRM]\nPOLICE {} [~COP]\nCONGRESS!PERSON! [~LEG]\nRIGHTS_GROUP [NGO~]\nODD [~X]\n"))
	if len(diags) != 0 {
		t.Fatal(diagStrings(diags))
	}
	d := g.ToDict()
	tests := []struct {
		phrase, sector string
	}{
		{"foreign minister", "GOV"},
		{"Foreign Ministers", "GOV"},
		{"police", "COP"},
		{"polices", ""},
		{"congresswoman", "LEG"},
		{"congresswomen", ""},
		{"rights groups", "NGO"},
		{"odd", ""},
	}
	for _, tt := range tests {
		r, ok := d.LookupRole(tt.phrase)
		if ok != (tt.sector != "") || r.Sector != tt.sector || (ok && r.Rule != dict.RuleMember) {
			t.Errorf("LookupRole(%q) = %+v, %v; want sector %q", tt.phrase, r, ok, tt.sector)
		}
	}
}

func TestMergeIntoDefault(t *testing.T) {
	base, err := dict.Default()
	if err != nil {
		t.Skip("built-in dictionary:", err)
	}
	a, _ := ReadActors("f.txt", strings.NewReader(fictional))
	d := &dict.Dict{}
	d.Merge(base)
	d.Merge(a.ToDict())
	ms := d.LookupName("Sam Gamgee", dict.Date{Y: 2012, M: 12, D: 1})
	if len(ms) != 1 || ms[0].Person == nil || len(ms[0].Offices) != 1 || ms[0].Offices[0].Role != "HOBGOV" {
		t.Errorf("after Merge: %+v", ms)
	}
	if len(d.Countries) != len(base.Countries) {
		t.Errorf("countries %d, want %d: PETRARCH actors must not replace country records", len(d.Countries), len(base.Countries))
	}
}
