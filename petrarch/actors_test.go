package petrarch

import (
	"fmt"
	"strings"
	"testing"

	"dyad/actor/dict"
)

// actorString formats an actor compactly for comparisons: phrases joined
// by "|", then each code with its restriction.
func actorString(a Actor) string {
	var ps []string
	for _, p := range a.Phrases {
		ps = append(ps, p.Text)
	}
	var cs []string
	for _, c := range a.Codes {
		if c.Restricted() {
			cs = append(cs, c.Code+"@"+c.When.String())
		} else {
			cs = append(cs, c.Code)
		}
	}
	return strings.Join(ps, "|") + " " + strings.Join(cs, ",")
}

func diagStrings(ds []Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

func TestReadActors(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		want  []string // actorString of each entry
		diags []string // substrings of the diagnostics, in order
	}{
		{"primary with code", "AFGHANISTAN_  [AFG]\n", []string{"AFGHANISTAN AFG"}, nil},
		{"synonyms", "UNITED_STATES [USA]\n+USA\n+U.S.  ;JW 9/12/91\n", []string{"UNITED_STATES|USA|U.S. USA"}, nil},
		{"gapped phrase", "RADAGAST THE_BROWN  [RAD] ; pas\n", []string{"RADAGAST THE_BROWN RAD"}, nil},
		{"date restrictions", "SAM_GAMGEE [HOB]\n\t[HOBCIV <20080120]\n\t[HOBMIL 20080120-20121109] ; note\n\t[HOBELI >20130119]\n",
			[]string{"SAM_GAMGEE HOB,HOBCIV@..2008-01-20,HOBMIL@2008-01-20..2012-11-09,HOBELI@2013-01-19.."}, nil},
		{"six-digit dates and spaces", "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 300101]\n",
			[]string{"GOLLUM|SMEAGOL HOB@..1995-06-01,HOBGOV@1995-06-01..1999-08-15,HOBREB@2030-01-01.."}, nil},
		{"codes on the primary line", "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n",
			[]string{"JAVIER_DE_CUELLAR IGOUNO@1982-01-01..1991-12-31,ELI"}, nil},
		{"default after restriction", "ZIMBABWE\n\t[RHO <790606]\n\t[ZBW];jw 9/30/91\n", []string{"ZIMBABWE RHO@..1979-06-06,ZBW"}, nil},
		{"special codes", "NASGUL  [###]\nBOROMIR [---]\nISILDUR [+++]\nARNOR_  [ ARN ]\nPALESTINIAN [pse]\n",
			[]string{"NASGUL ###", "BOROMIR ---", "ISILDUR +++", "ARNOR ARN", "PALESTINIAN pse"}, nil},
		{"codeless primaries join the next actor", "LEONID_BREZHNEV_  # CountryInfo.txt\nLEONID_ILYICH_BREZHNEV\n\t[RUSGOV 641014-821110]\nYURY_ANDROPOV [RUS]\n",
			[]string{"LEONID_BREZHNEV|LEONID_ILYICH_BREZHNEV RUSGOV@1964-10-14..1982-11-10", "YURY_ANDROPOV RUS"}, nil},
		{"comments", "<!-- header -->\n<!--\n# inside\nNOT_AN_ACTOR [XXX]\n# -->\n<! -- skipped line -->\n# comment\nA_B [ABC] <!-- inline --> \nC <!-- x --> [CDE]\n",
			[]string{"A_B ABC", "C CDE"}, nil},
		{"stop", "A [AAA]\n---STOP---\nB [BBB]\n", []string{"A AAA"}, nil},
		{"BOM and CRLF", "\ufeffA_ [AAA]\r\n+B\r\n", []string{"A|B AAA"}, nil},
		{"codeless actor at the end", "A [AAA]\nB_\n+C\n", []string{"A AAA"}, []string{`t.txt:2: actor "B" has no code; skipped`}},
		{"synonym first", "+A\nB [BBB]\n", []string{"B BBB"}, []string{"t.txt:1: synonym before the first actor"}},
		{"code line first", "\t[AAA]\nB [BBB]\n", []string{"B BBB"}, []string{"t.txt:1: code line before the first actor"}},
		{"bad date", "A\n\t[AAA 9008223-910101]\n\t[BBB]\n", []string{"A BBB"}, []string{`t.txt:2: code AAA: bad date "9008223"`}},
		{"impossible date", "A\n\t[AAA 20100230-20110101]\n\t[BBB]\n", []string{"A BBB"}, []string{`t.txt:2: code AAA: bad date "20100230"`}},
		{"end before start", "A\n\t[AAA 20121207-20120802]\n\t[BBB]\n", []string{"A BBB"}, []string{"t.txt:2: code AAA: bad date restriction \"20121207-20120802\": end before start"}},
		{"no operator", "A\n\t[AAA 20121204]\n\t[BBB]\n", []string{"A BBB"}, []string{"want <DATE, >DATE or DATE-DATE"}},
		{"empty code", "A []\nB [BBB]\n", []string{"A|B BBB"}, []string{"t.txt:1: empty code"}},
		{"unbalanced brackets", "+FAEROYENE]_\nA [AAA\nB [BBB]\n", []string{"B BBB"}, []string{`t.txt:1: "]" without "["`, `t.txt:2: "[" without "]"`}},
		{"text after codes", "A_\t[MNCMED]\tNewspapers\t$137,000,000\n", []string{"A MNCMED"}, []string{`t.txt:1: text "Newspapers`}},
		{"text on a code line", "A\n\t[AAA] junk\n\t[BBB]\n", []string{"A BBB"}, []string{`t.txt:2: text "junk" after the codes`}},
		{"empty", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, diags := ReadActors("t.txt", strings.NewReader(tt.src))
			var got []string
			for _, e := range a.Entries {
				got = append(got, actorString(e))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("entries:\n got %q\nwant %q", got, tt.want)
			}
			ds := diagStrings(diags)
			if len(ds) != len(tt.diags) {
				t.Fatalf("diagnostics %q, want %d matching %q", ds, len(tt.diags), tt.diags)
			}
			for i := range ds {
				if !strings.Contains(ds[i], tt.diags[i]) {
					t.Errorf("diagnostic %q does not contain %q", ds[i], tt.diags[i])
				}
			}
		})
	}
}

func TestActorDefault(t *testing.T) {
	a, _ := ReadActors("t.txt", strings.NewReader("M_ [HTIOPPMED <061231] [IGOUNOMED]\t[---]\nN [NNN <20000101]\n"))
	if c, ok := a.Entries[0].Default(); !ok || c.Code != "---" {
		t.Errorf("default = %v %v, want --- (the last unrestricted code)", c, ok)
	}
	if _, ok := a.Entries[1].Default(); ok {
		t.Errorf("N has a default")
	}
	if got := a.Entries[0].Phrases[0].Name(); got != "M" {
		t.Errorf("name = %q", got)
	}
	if got := (Phrase{Text: "RADAGAST THE_BROWN"}).Words(); fmt.Sprint(got) != "[RADAGAST THE BROWN]" {
		t.Errorf("words = %q", got)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want dict.Date
		err  bool
	}{
		{"20090120", dict.Date{Y: 2009, M: 1, D: 20}, false},
		{"090120", dict.Date{Y: 2009, M: 1, D: 20}, false},
		{"300101", dict.Date{Y: 2030, M: 1, D: 1}, false},
		{"310101", dict.Date{Y: 1931, M: 1, D: 1}, false},
		{"18970101", dict.Date{Y: 1897, M: 1, D: 1}, false},
		{"20120229", dict.Date{Y: 2012, M: 2, D: 29}, false},
		{"20110229", dict.Date{}, true},
		{"2004017", dict.Date{}, true},
		{"2009012a", dict.Date{}, true},
		{"", dict.Date{}, true},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("parseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestLongLine(t *testing.T) {
	src := "A [AAA]\n" + strings.Repeat("x", maxLine+10) + "\nB [BBB]\n"
	a, diags := ReadActors("t.txt", strings.NewReader(src))
	if len(a.Entries) != 2 || len(diags) != 1 || !strings.Contains(diags[0].String(), "t.txt:2: line longer") {
		t.Errorf("entries %d, diagnostics %q", len(a.Entries), diagStrings(diags))
	}
	a, diags = ReadActors("t.txt", strings.NewReader("A [AAA]\n\xff\xfe [BAD]\nB [BBB]"))
	if len(a.Entries) != 2 || len(diags) != 1 || !strings.Contains(diags[0].String(), "t.txt:2: line is not valid UTF-8") {
		t.Errorf("entries %d, diagnostics %q", len(a.Entries), diagStrings(diags))
	}
}
