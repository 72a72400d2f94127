package petrarch

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"dyad/actor/dict"
	"dyad/internal/sharedtest"
)

var (
	phoenixDir        = sharedtest.Path("reference", "phoenix")
	validateDir       = sharedtest.Path("data", "gold", "petrarch-unittest")
	phoenixActorFiles = []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"}
)

// readFile runs a reader on a file of ../shared, skipping the test when it
// is absent.
func readFile[T any](t testing.TB, path string, read func(string, *os.File) (T, []Diagnostic)) (T, []Diagnostic) {
	t.Helper()
	f, err := os.Open(sharedtest.Need(t, path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return read(filepath.Base(path), f)
}

func readActorsFile(name string, f *os.File) (*Actors, []Diagnostic) { return ReadActors(name, f) }
func readAgentsFile(name string, f *os.File) (*Agents, []Diagnostic) { return ReadAgents(name, f) }
func readDiscardsFile(name string, f *os.File) (*Discards, []Diagnostic) {
	return ReadDiscards(name, f)
}
func readVerbsFile(name string, f *os.File) (*Verbs, []Diagnostic) { return ReadVerbs(name, f) }

// TestValidateDictionaries reads PETRARCH's validation dictionaries, which
// must give no diagnostic.
func TestValidateDictionaries(t *testing.T) {
	a, ad := readFile(t, filepath.Join(validateDir, "PETR.Validate.actors.txt"), readActorsFile)
	g, gd := readFile(t, filepath.Join(validateDir, "PETR.Validate.agents.txt"), readAgentsFile)
	d, dd := readFile(t, filepath.Join(validateDir, "PETR.Validate.discards.txt"), readDiscardsFile)
	v, vd := readFile(t, filepath.Join(validateDir, "PETR.Validate.verbs.txt"), readVerbsFile)
	for _, ds := range [][]Diagnostic{ad, gd, dd, vd} {
		for _, x := range ds {
			t.Error(x)
		}
	}
	codes := 0
	for _, e := range a.Entries {
		codes += len(e.Codes)
	}
	verbs := 0
	for _, b := range v.Blocks {
		verbs += len(b.Verbs)
	}
	t.Logf("actors %d (codes %d), agents %d, discards %d, synsets %d, verb blocks %d, verbs %d, patterns %d",
		len(a.Entries), codes, len(g.Entries), len(d.Entries), len(v.Synsets), len(v.Blocks), verbs, v.Patterns())
	if len(a.Entries) < 100 || len(g.Entries) < 80 || len(d.Entries) < 5 || v.Patterns() < 400 {
		t.Errorf("too few entries read")
	}

	// The fictional actors resolve by date once merged into another
	// dictionary, as the actor resolver does with --actors FILE.
	base := &dict.Dict{}
	base.Merge(a.ToDict())
	base.Merge(g.ToDict())
	for _, tt := range []struct {
		phrase string
		date   dict.Date
		role   string
	}{
		{"Sam Gamgee", dict.Date{Y: 2007, M: 1, D: 1}, "HOBCIV"},
		{"Sam Gamgee", dict.Date{Y: 2010, M: 1, D: 10}, "ORCHOB"}, // the earlier restriction wins, as in PETRARCH
		{"Sam Gamgee", dict.Date{Y: 2011, M: 1, D: 1}, "HOBMIL"},
		{"Sam Gamgee", dict.Date{Y: 2013, M: 1, D: 1}, "HOBGOV"},
		{"Sam Gamgee", dict.Date{Y: 2014, M: 1, D: 1}, "HOBELI"},
		{"Smeagol", dict.Date{Y: 1997, M: 1, D: 1}, "HOBGOV"},
		{"USSR", dict.Date{Y: 1990, M: 1, D: 1}, "USR"},
	} {
		ms := base.LookupName(tt.phrase, tt.date)
		if len(ms) != 1 || ms[0].Person == nil || ms[0].Former || ms[0].Offices[0].Role != tt.role {
			t.Errorf("LookupName(%q, %v) = %+v, want %s", tt.phrase, tt.date, ms, tt.role)
		}
	}
	if r, ok := base.LookupRole("congressmen"); !ok || r.Sector != "LEG" {
		t.Errorf("LookupRole(congressmen) = %+v, %v", r, ok)
	}
	checkLexicon(t, v)
}

// checkLexicon converts v and checks every entry with the lexicon's own
// validation.
func checkLexicon(t *testing.T, v *Verbs) {
	t.Helper()
	es, _ := v.ToLexicon()
	for _, e := range es {
		if err := e.Validate(); err != nil {
			t.Errorf("%s:%d: %v", e.File, e.Line, err)
		}
	}
	sum := v.LexiconSummary()
	if p := sum.Patterns; p.Converted+p.Approximated+p.Skipped != p.Read {
		t.Errorf("pattern tally does not add up: %+v", p)
	}
	t.Logf("lexicon conversion:\n%s", sum)
}

// TestPhoenixDictionaries reads the Phoenix dictionaries. Their few
// genuinely malformed lines are listed here, one by one.
func TestPhoenixDictionaries(t *testing.T) {
	want := map[string][]string{
		"Phoenix.Countries.actors.txt": {
			`:2039: code ARMUNR: bad date "9008223"`,
			`:14190: code EGYGOV: bad date restriction "20121207-20120802": end before start`,
			`:15346: "]" without "["`,
			`:18010: code GBRGOV: bad date "201005011"`,
			`:22508: code IRQOCC: bad date "1920030320"`,
			`:22519: code IRQOCC: bad date "1920030320"`,
			`:31715: code MNEGOV: bad date restriction "20121204"`,
			`:43613: code SDNSSDAUT: bad date "1920050709"`,
			`:51384: code USAGOV: bad date restriction "19820101"`,
		},
		"Phoenix.International.actors.txt": {
			`:40: code KORGOVBUS: bad date "2004017"`,
			`:3696: text "Newspapers/Magazines`,
			`:3726: text "Other Consumer Services`,
			`:6605: text "Antilles`,
		},
		"Phoenix.MilNonState.actors.txt": nil,
		"Phoenix.agents.txt": {
			`:544: "[" without "]"`,
			`:1927: agent has no [code]`,
		},
		"Phoenix.discards.txt": nil,
		"CAMEO.2.0.txt": {
			`:1735: pattern "*SCEPTICAL": bad word`,
			`:2374: pattern "* VENTURE (WITH VISIT) VISIT)": unbalanced ")"`,
			`:7606: pattern "STRONGLY * ATTACK (ON ^) ^)": unbalanced ")"`,
			`:8443: pattern "* (IN &WEATHER)": undefined synset &WEATHER`,
			`:8444: pattern "* (IN &DEMONSTRATION)": undefined synset &DEMONSTRATION`,
		},
	}
	all := &dict.Dict{}
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		wantDiags := want[name]
		path := filepath.Join(phoenixDir, name)
		var diags []Diagnostic
		switch {
		case strings.HasSuffix(name, ".actors.txt"):
			a, ds := readFile(t, path, readActorsFile)
			diags = ds
			codes := 0
			for _, e := range a.Entries {
				codes += len(e.Codes)
			}
			all.Merge(a.ToDict())
			t.Logf("%s: %d actors, %d codes, %d diagnostics", name, len(a.Entries), codes, len(ds))
		case strings.HasSuffix(name, ".agents.txt"):
			g, ds := readFile(t, path, readAgentsFile)
			diags = ds
			all.Merge(g.ToDict())
			t.Logf("%s: %d agents, %d diagnostics", name, len(g.Entries), len(ds))
		case strings.HasSuffix(name, ".discards.txt"):
			d, ds := readFile(t, path, readDiscardsFile)
			diags = ds
			t.Logf("%s: %d discards, %d diagnostics", name, len(d.Entries), len(ds))
		default:
			v, ds := readFile(t, path, readVerbsFile)
			diags = ds
			verbs := 0
			for _, b := range v.Blocks {
				verbs += len(b.Verbs)
			}
			t.Logf("%s: %d synsets, %d blocks, %d verbs, %d patterns, %d transformations, %d diagnostics",
				name, len(v.Synsets), len(v.Blocks), verbs, v.Patterns(), len(v.Transformations), len(ds))
			checkLexicon(t, v)
		}
		if len(diags) != len(wantDiags) {
			t.Errorf("%s: %d diagnostics, want %d:\n%s", name, len(diags), len(wantDiags), strings.Join(diagStrings(diags), "\n"))
			continue
		}
		for i, d := range diags {
			if !strings.Contains(d.String(), name+wantDiags[i]) {
				t.Errorf("diagnostic %q, want %q", d, wantDiags[i])
			}
		}
	}
	t.Logf("merged: %d orgs, %d people, %d roles", len(all.Orgs), len(all.People), len(all.Roles))
	for _, tt := range []struct {
		phrase string
		date   dict.Date
		code   string // office Country+Sector, or org CAMEO
	}{
		{"Barack Obama", dict.Date{Y: 2010, M: 6, D: 1}, "USAGOV"},
		{"President Obama", dict.Date{Y: 2012, M: 1, D: 1}, "USAGOV"},
		{"Mikhail Gorbachev", dict.Date{Y: 1988, M: 1, D: 1}, "RUSGOV"},
		{"Ban Ki-moon", dict.Date{Y: 2010, M: 1, D: 1}, "IGOUNOIGO"},
		{"UNICEF", dict.Date{}, "IGOUNOKID"},
	} {
		got := ""
		for _, m := range all.LookupName(tt.phrase, tt.date) {
			switch {
			case m.Person != nil && !m.Former:
				got = m.Offices[0].Country + m.Offices[0].Sector
			case m.Org != nil:
				got = m.Org.CAMEO
			}
		}
		if got != tt.code {
			t.Errorf("LookupName(%q, %v) = %q, want %q", tt.phrase, tt.date, got, tt.code)
		}
	}
	if r, ok := all.LookupRole("foreign ministers"); !ok || r.Sector != "GOV" {
		t.Errorf("LookupRole(foreign ministers) = %+v, %v", r, ok)
	}
}
