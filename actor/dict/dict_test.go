package dict

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"dyad/actor/data"
)

func TestParseRecords(t *testing.T) {
	const src = `# a comment line

country | RUS | RU | RUS | Russia; Russian Federation; Soviet Union @..1991-12-25 | Russian; Russians | Moscow; Kremlin | EUR # trailing comment
region | WST | the West; Western powers | Western
org | IGOUNO | IGO | - | United Nations; UN; U.N.
person | Vladimir Putin | Putin | RUS | GOV | president | 2000-05-07..2008-05-07
person | Vladimir Putin | Putin; Vladimir V. Putin | RUS | GOV | prime minister | 2008-05-08..2012-05-07
role | spokesman; spokeswoman | GOV | speaks-for
role | protesters | CVL | -
`
	d, diags := Parse("t.txt", strings.NewReader(src))
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if len(d.Countries) != 1 || len(d.Regions) != 1 || len(d.Orgs) != 1 || len(d.People) != 1 || len(d.Roles) != 2 {
		t.Fatalf("got %d countries, %d regions, %d orgs, %d people, %d roles",
			len(d.Countries), len(d.Regions), len(d.Orgs), len(d.People), len(d.Roles))
	}
	c := d.Countries[0]
	if c.ISO3 != "RUS" || c.ISO2 != "RU" || c.Pos.Line != 3 || len(c.Names) != 3 || len(c.Regions) != 1 || c.Regions[0] != "EUR" {
		t.Errorf("country = %+v", c)
	}
	if n := c.Names[2]; n.Text != "Soviet Union" || !n.When.From.IsZero() || n.When.To != (Date{1991, 12, 25}) {
		t.Errorf("historic name = %+v", n)
	}
	if o := d.Orgs[0]; o.Country != "" || o.Kind != "IGO" || len(o.Names) != 3 {
		t.Errorf("org = %+v", o)
	}
	p := d.People[0]
	if len(p.Offices) != 2 || len(p.Aliases) != 2 || p.Offices[1].Role != "prime minister" {
		t.Errorf("person = %+v", p)
	}
	if r := d.Roles[0]; r.Rule != RuleSpeaksFor || r.Sector != "GOV" || len(r.Phrases) != 2 {
		t.Errorf("role = %+v", r)
	}
	if d.Roles[1].Rule != RuleNone {
		t.Errorf("rule = %v, want -", d.Roles[1].Rule)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		line string
		want string // substring of the message; "" for no diagnostic
	}{
		{"country | RUS | RU | RUS | Russia | - | - | EUR", ""},
		{"  # indented comment", ""},
		{"region | WST | the West|Western", ""},
		{"role | soldiers; troops | MIL | member  ", ""},
		{"person | A B | - | RUS | GOV | president | 2012..", ""},
		{"person | A B | - | RUS | GOV | president | -", ""},
		{"countries | RUS | RU | RUS | Russia | - | - | EUR", "unknown record type"},
		{"country | RUS | RU | RUS | Russia | - | -", "has 7 fields, want 8"},
		{"country | RU | RU | RUS | Russia | - | - | EUR", "ISO3"},
		{"country | RUS | RUS | RUS | Russia | - | - | EUR", "ISO2"},
		{"country | rus | RU | RUS | Russia | - | - | EUR", "ISO3"},
		{"country | RUS | RU | RUS | - | - | - | EUR", "no names"},
		{"country | RUS | RU | RUS | Russia | - | - | Europe", "region code"},
		{"country | RUS | RU | RUS | USSR @1991-12-25 | - | - | EUR", "want FROM..TO"},
		{"country | RUS | RU | RUS | USSR @..1991-13-25 | - | - | EUR", "month out of range"},
		{"country | RUS | RU | RUS | @..1991 | - | - | EUR", "empty text"},
		{"person | A B | - | RUS | GOV | president | 2012-02-30..", "day out of range"},
		{"person | A B | - | RUS | GOV | president | 2012-5-1..", "bad date"},
		{"person | A B | - | RUS | GOV | president | 2014..2012", "starts after it ends"},
		{"person | A B | - | RUS | XYZ | president | 2012..", "unknown sector"},
		{"person | A B | - | RUS | GOV | - | 2012..", "no role"},
		{"org | IGOUNO | FOO | - | United Nations", "unknown kind"},
		{"org | IGOUNO | IGO | Russia | United Nations", "country"},
		{"role | troops | MIL | members", "unknown rule"},
		{"role | troops; Troops | MIL | member", "listed twice"},
		{"role | - | MIL | member", "no phrases"},
		{"region | WS | the West | Western", "code"},
		{"bad \xff line", "invalid UTF-8"},
	}
	for _, tt := range tests {
		_, diags := Parse("x.txt", strings.NewReader("# header\n"+tt.line+"\n"))
		switch {
		case tt.want == "" && len(diags) != 0:
			t.Errorf("%q: unexpected %v", tt.line, diags)
		case tt.want != "" && len(diags) != 1:
			t.Errorf("%q: got %v, want one diagnostic %q", tt.line, diags, tt.want)
		case tt.want != "" && (!strings.Contains(diags[0].Msg, tt.want) || diags[0].Line != 2 || diags[0].File != "x.txt"):
			t.Errorf("%q: got %v, want x.txt:2: ...%s...", tt.line, diags[0], tt.want)
		}
	}
}

func TestParseContinuesAfterErrors(t *testing.T) {
	src := "country | RUS | RU | RUS | Russia | - | - | EUR\r\n" +
		"country | RUS | RX | RUS | Russia again | - | - | EUR\n" +
		"country | UKR | RU | UKR | Ukraine | - | - | EUR\n" +
		"nonsense\n" +
		"role | troops | MIL | member\n" +
		"role | Troops | MIL | member\n" +
		"country | UKR | UA | UKR | Ukraine | - | - | EUR"
	d, diags := Parse("f.txt", strings.NewReader(src))
	var got []string
	for _, dg := range diags {
		got = append(got, dg.String())
	}
	want := []string{
		"f.txt:2: duplicate country RUS (first at line 1)",
		"f.txt:3: country UKR: duplicate ISO2 code RU (country RUS, line 1)",
		`f.txt:4: unknown record type "nonsense" (want country, region, org, person or role)`,
		`f.txt:6: role "Troops": phrase already defined at line 5`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(d.Countries) != 2 || d.Countries[1].ISO3 != "UKR" || len(d.Roles) != 1 {
		t.Errorf("kept %+v", d)
	}
}

func TestRangeContains(t *testing.T) {
	r := func(s string) Range {
		x, err := ParseRange(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	tests := []struct {
		r    Range
		d    Date
		want bool
	}{
		{r(".."), Date{1900, 1, 1}, true},
		{r("2012-05-07.."), Date{2012, 5, 7}, true},
		{r("2012-05-07.."), Date{2012, 5, 6}, false},
		{r("..1991-12-25"), Date{1991, 12, 25}, true},
		{r("..1991-12-25"), Date{1991, 12, 26}, false},
		{r("2008..2012"), Date{2012, 12, 31}, true},
		{r("2008..2012"), Date{2013, 1, 1}, false},
		{r("2008-02..2008-02"), Date{2008, 2, 29}, true},
		{r("2008-02..2008-02"), Date{2008, 3, 1}, false},
		{r("2008..2012"), Date{}, true},
		{r("2008..2012"), Date{2010, 0, 0}, true},
	}
	for _, tt := range tests {
		if got := tt.r.Contains(tt.d); got != tt.want {
			t.Errorf("%v.Contains(%v) = %v, want %v", tt.r, tt.d, got, tt.want)
		}
	}
}

const peopleSrc = `
person | Vladimir Putin | Putin; Vladimir V. Putin | RUS | GOV | president | 2000-05-07..2008-05-07
person | Vladimir Putin | Putin | RUS | GOV | prime minister | 2008-05-08..2012-05-07
person | Vladimir Putin | Putin | RUS | GOV | president | 2012-05-07..
person | Dmitry Medvedev | Medvedev; Dmitri Medvedev | RUS | GOV | president | 2008-05-07..2012-05-07
person | Dmitry Medvedev | Medvedev | RUS | GOV | prime minister | 2012-05-08..2020-01-16
`

func TestLookupName(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("country | RUS | RU | RUS | Russia; Soviet Union @..1991-12-25 | Russian; Russians | Moscow; Kremlin | EUR\n" +
			"region | WST | the West | Western\norg | IGOUNO | IGO | - | United Nations; UN\n")},
		"b.txt": {Data: []byte(peopleSrc)},
	}
	d, diags, err := Load(fsys, "*.txt")
	if err != nil || len(diags) != 0 {
		t.Fatal(err, diags)
	}
	one := func(phrase string, date Date) Match {
		t.Helper()
		ms := d.LookupName(phrase, date)
		if len(ms) != 1 {
			t.Fatalf("LookupName(%q) = %d matches, want 1", phrase, len(ms))
		}
		return ms[0]
	}
	y2025 := Date{2025, 6, 1}
	m := one("Putin", y2025)
	if m.Kind != KindPerson || m.Via != ViaAlias || m.Former || len(m.Offices) != 1 ||
		m.Offices[0].Country != "RUS" || m.Offices[0].Sector != "GOV" || m.Offices[0].Role != "president" {
		t.Errorf("Putin 2025 = %+v", m)
	}
	if m = one("putin", Date{2010, 0, 0}); m.Former || m.Offices[0].Role != "prime minister" {
		t.Errorf("Putin 2010 = %+v", m)
	}
	m = one("Medvedev", Date{2010, 1, 1})
	if m.Former || len(m.Offices) != 1 || m.Offices[0].Role != "president" || m.Offices[0].Country != "RUS" {
		t.Errorf("Medvedev 2010 = %+v", m)
	}
	m = one("Dmitry  Medvedev", y2025)
	if !m.Former || len(m.Offices) != 2 || m.Via != ViaName {
		t.Errorf("Medvedev 2025 = %+v", m)
	}
	if m = one("KREMLIN", y2025); m.Kind != KindCountry || m.Via != ViaMetonym || m.Country.CAMEO != "RUS" {
		t.Errorf("Kremlin = %+v", m)
	}
	if m = one("Russians", y2025); m.Via != ViaDemonym {
		t.Errorf("Russians = %+v", m)
	}
	if m = one("Soviet Union", Date{1985, 1, 1}); m.Former {
		t.Errorf("Soviet Union 1985 = %+v", m)
	}
	if m = one("the Soviet Union", y2025); !m.Former {
		t.Errorf("Soviet Union 2025 = %+v", m)
	}
	if m = one("West", y2025); m.Kind != KindRegion || m.Region.Code != "WST" {
		t.Errorf("West = %+v", m)
	}
	if m = one("UN", y2025); m.Kind != KindOrg || m.Org.CAMEO != "IGOUNO" {
		t.Errorf("UN = %+v", m)
	}
	if ms := d.LookupName("Atlantis", y2025); ms != nil {
		t.Errorf("Atlantis = %+v", ms)
	}
}

func TestMergeAndRoles(t *testing.T) {
	a, _ := Parse("a", strings.NewReader("role | foreign minister; foreign secretary | GOV | head\n"))
	b, _ := Parse("b", strings.NewReader(peopleSrc+"role | troops | MIL | member\n"))
	a.Merge(b)
	if r, ok := a.LookupRole("Foreign  Secretary"); !ok || r.Sector != "GOV" || r.Rule != RuleHead {
		t.Errorf("foreign secretary = %+v, %v", r, ok)
	}
	if r, ok := a.LookupRole("troops"); !ok || r.Rule != RuleMember {
		t.Errorf("troops = %+v, %v", r, ok)
	}
	if _, ok := a.LookupRole("troop"); ok {
		t.Error("troop found")
	}
	if len(a.LookupName("Putin", Date{2025, 1, 1})) != 1 {
		t.Error("Putin not merged")
	}
	if len(b.Roles) != 1 {
		t.Error("Merge modified its argument")
	}
}

func TestLoadErrors(t *testing.T) {
	if _, _, err := Load(fstest.MapFS{}, "*.txt"); err == nil {
		t.Error("no files: want error")
	}
	if _, _, err := Load(fstest.MapFS{}, "[x"); err == nil {
		t.Error("bad pattern: want error")
	}
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("country | RUS | RU | RUS | Russia | - | - | EUR\n")},
		"b.txt": {Data: []byte("country | RUS | RU | RUS | Russia | - | - | EUR\n")},
	}
	_, diags, err := Load(fsys, "*.txt")
	if err != nil || len(diags) != 1 || diags[0].File != "b.txt" || !strings.Contains(diags[0].Msg, "also at a.txt:1") {
		t.Errorf("got %v, %v", diags, err)
	}
}

// TestBuiltin loads every built-in file strictly: any diagnostic fails.
func TestBuiltin(t *testing.T) {
	d, diags, err := Load(data.Files, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, dg := range diags {
		t.Error(dg)
	}
	if _, err := Default(); err != nil && len(diags) == 0 {
		t.Error(err)
	}
	names, _ := fs.Glob(data.Files, "*.txt")
	t.Logf("files %v: %d countries, %d regions, %d orgs, %d people, %d roles",
		names, len(d.Countries), len(d.Regions), len(d.Orgs), len(d.People), len(d.Roles))
	for _, tt := range []struct {
		phrase string
		date   Date
		code   string
		former bool
	}{
		{"Kiev", Date{2025, 1, 1}, "UKR", false},
		{"Burma", Date{2025, 1, 1}, "MMR", true},
		{"Burma", Date{1980, 1, 1}, "MMR", false},
		{"Élysée", Date{2025, 1, 1}, "FRA", false},
		{"Downing Street", Date{2025, 1, 1}, "GBR", false},
		{"Macedonia", Date{2025, 1, 1}, "MKD", true},
		{"Kosovo", Date{2025, 1, 1}, "KSV", false},
		{"Western", Date{2025, 1, 1}, "WST", false},
	} {
		ms := d.LookupName(tt.phrase, tt.date)
		var got []string
		for _, m := range ms {
			if m.Kind == KindCountry && m.Country.CAMEO == tt.code || m.Kind == KindRegion && m.Region.Code == tt.code {
				if m.Former != tt.former {
					t.Errorf("%s on %v: former = %v", tt.phrase, tt.date, m.Former)
				}
				got = nil
				break
			}
			got = append(got, m.Kind.String())
		}
		if len(ms) == 0 || got != nil {
			t.Errorf("%s on %v: no %s among %v", tt.phrase, tt.date, tt.code, got)
		}
	}
	if r, ok := d.LookupRole("defence minister"); !ok || r.Sector != "GOV" {
		t.Errorf("defence minister = %+v, %v", r, ok)
	}
	// Every region a country names is defined.
	regions := map[string]bool{}
	for _, r := range d.Regions {
		regions[r.Code] = true
	}
	for _, c := range d.Countries {
		for _, r := range c.Regions {
			if !regions[r] {
				t.Errorf("%s: country %s: undefined region %s", c.Pos, c.ISO3, r)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(peopleSrc))
	f.Add([]byte("country | RUS | RU | RUS | Russia; USSR @..1991-12-25 | Russian | Kremlin | EUR # c\n"))
	f.Add([]byte("role | a; b | GOV | head\nregion | WST | West | Western\norg | NATO | IGO | WST | NATO\n"))
	f.Add([]byte("person | x | y @2000..1999 | R | GOV | r | ..\n\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, _ := Parse("fuzz", strings.NewReader(string(b)))
		for _, s := range strings.Fields(string(b)) {
			d.LookupName(s, Date{2020, 1, 1})
			d.LookupRole(s)
		}
	})
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, _, err := Load(data.Files, "*.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
