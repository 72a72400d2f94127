package geo

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"dyad/actor/dict"
)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLookupKnown(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		query    string
		name     string // main name of the place found
		country  string
		lat, lon float64 // checked to ±0.1 when not zero
		capital  bool
	}{
		{"Moscow", "Moscow", "RUS", 55.75, 37.62, true},
		{"moscow", "Moscow", "RUS", 55.75, 37.62, true},
		{"Kyiv", "Kyiv", "UKR", 50.45, 30.52, true},
		{"Kiev", "Kyiv", "UKR", 50.45, 30.52, true},
		{"KYIV", "Kyiv", "UKR", 50.45, 30.52, true},
		{"Washington", "Washington", "USA", 38.90, -77.04, true},
		{"Washington, D.C.", "Washington", "USA", 38.90, -77.04, true},
		{"Paris", "Paris", "FRA", 48.85, 2.35, true},
		{"Gaza", "Gaza", "PSE", 31.50, 34.47, false},
		{"Gaza City", "Gaza", "PSE", 31.50, 34.47, false},
		{"Aleppo", "Aleppo", "SYR", 36.20, 37.16, false},
		{"Mosul", "Mosul", "IRQ", 36.34, 43.12, false},
		{"Donetsk", "Donetsk", "UKR", 48.02, 37.80, false},
		{"Mumbai", "Mumbai", "IND", 19.07, 72.88, false},
		{"Bombay", "Mumbai", "IND", 19.07, 72.88, false},
		{"Beijing", "Beijing", "CHN", 39.91, 116.40, true},
		{"Peking", "Beijing", "CHN", 39.91, 116.40, true},
		{"São Paulo", "São Paulo", "BRA", -23.55, -46.64, false},
		{"Sao Paulo", "São Paulo", "BRA", -23.55, -46.64, false},
		{"SAO PAULO", "São Paulo", "BRA", -23.55, -46.64, false},
		{"Saigon", "Ho Chi Minh City", "VNM", 0, 0, false},
		{"Rangoon", "Yangon", "MMR", 0, 0, false},
		{"Calcutta", "Kolkata", "IND", 0, 0, false},
		{"Leningrad", "Saint Petersburg", "RUS", 0, 0, false},
		{"St. Petersburg", "Saint Petersburg", "RUS", 0, 0, false},
		{"Odessa", "Odesa", "UKR", 0, 0, false},
		{"Kharkov", "Kharkiv", "UKR", 0, 0, false},
		{"Constantinople", "Istanbul", "TUR", 0, 0, false},
		{"Sana'a", "Sanaa", "YEM", 0, 0, true},
		{"N'Djamena", "N'Djamena", "TCD", 0, 0, true},
		{"Ndjamena", "N'Djamena", "TCD", 0, 0, true},
		{"Nuku'alofa", "Nuku‘alofa", "TON", 0, 0, true},
		{"Jerusalem", "Jerusalem", "ISR", 31.77, 35.22, true},
		{"Ramallah", "Ramallah", "PSE", 0, 0, true},
		{"The Hague", "The Hague", "NLD", 0, 0, true},
		{"La Paz", "La Paz", "BOL", 0, 0, true},
		{"Geneva", "Genève", "CHE", 0, 0, false},
		{"Cologne", "Köln", "DEU", 0, 0, false},
		{"Tripoli", "Tripoli", "LBY", 0, 0, true},
		// A capital counts ten times its population: a far larger town
		// of the same name still wins.
		{"Hamilton", "Hamilton", "CAN", 0, 0, false},
		{"Plymouth", "Plymouth", "GBR", 0, 0, false},
		{"Kingston", "Kingston", "JAM", 0, 0, true},
	}
	for _, tt := range tests {
		p, ok := g.Lookup(tt.query)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.query)
			continue
		}
		if p.Name != tt.name || p.Country != tt.country || p.Capital != tt.capital {
			t.Errorf("Lookup(%q) = %s %s capital=%v, want %s %s capital=%v", tt.query, p.Name, p.Country, p.Capital, tt.name, tt.country, tt.capital)
		}
		if tt.lat != 0 && (math.Abs(p.Lat-tt.lat) > 0.1 || math.Abs(p.Lon-tt.lon) > 0.1) {
			t.Errorf("Lookup(%q) at %.4f %.4f, want %.2f %.2f ±0.1", tt.query, p.Lat, p.Lon, tt.lat, tt.lon)
		}
		if p.Population <= 0 && p.Name != "Palikir - National Government Center" {
			t.Errorf("Lookup(%q): population %d", tt.query, p.Population)
		}
	}
}

func TestLookupMissing(t *testing.T) {
	g := mustDefault(t)
	for _, q := range []string{"", " ", "Xyzzy", "Narnia", "MOW", "mwskw", "the", ",,,"} {
		if p, ok := g.Lookup(q); ok {
			t.Errorf("Lookup(%q) = %+v, want none", q, p)
		}
	}
	var nilG *Gazetteer
	if _, ok := nilG.Lookup("Paris"); ok || nilG.Len() != 0 {
		t.Error("nil Gazetteer found a place")
	}
}

func TestLookupIn(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		query, iso3 string
		want        string // country of the place found; "" for none
	}{
		{"Paris", "FRA", "FRA"},
		{"Paris", "fra", "FRA"},
		{"Tripoli", "LBN", "LBN"},
		{"Hyderabad", "PAK", "PAK"},
		{"Hyderabad", "IND", "IND"},
		{"Kingston", "CAN", "CAN"},
		{"Victoria", "SYC", "SYC"},
		{"Washington", "GBR", "GBR"},
		{"Moscow", "USA", ""},
		{"Kiev", "RUS", ""},
	}
	for _, tt := range tests {
		p, ok := g.LookupIn(tt.query, tt.iso3)
		if got := map[bool]string{true: p.Country}[ok]; got != tt.want {
			t.Errorf("LookupIn(%q, %q) = %q %v, want %q", tt.query, tt.iso3, p.Country, ok, tt.want)
		}
	}
}

func TestAll(t *testing.T) {
	g := mustDefault(t)
	all := g.All("Paris")
	if len(all) == 0 || all[0].Country != "FRA" {
		t.Fatalf("All(Paris) = %v", all)
	}
	for _, q := range []string{"Paris", "Hamilton", "Victoria", "Kingston", "San Jose", "Santiago"} {
		ps := g.All(q)
		p, _ := g.Lookup(q)
		if len(ps) == 0 || ps[0] != p {
			t.Errorf("All(%q)[0] differs from Lookup: %v vs %v", q, ps, p)
		}
	}
}

func TestCount(t *testing.T) {
	g := mustDefault(t)
	if g.Len() < 5000 {
		t.Fatalf("Len() = %d, want at least 5000", g.Len())
	}
	caps := 0
	for _, p := range g.places {
		if p.Capital {
			caps++
		}
	}
	t.Logf("%d places, %d capitals or seats of government", g.Len(), caps)
}

// noCapital lists the dictionary's countries for which the gazetteer has
// no capital: territories without towns in GeoNames' extract and a
// country that no longer exists.
var noCapital = []string{"ATA", "BVT", "DDR", "HMD", "IOT", "TKL", "UMI"}

func TestEveryCapital(t *testing.T) {
	g := mustDefault(t)
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	var missing, unnamed []string
	for _, c := range d.Countries {
		caps := g.Capitals(c.ISO3)
		if len(caps) == 0 {
			missing = append(missing, c.ISO3)
			continue
		}
		// The dictionary's first current metonym of a country names its
		// capital (or seat of government); it must find a place there.
		for _, m := range c.Metonyms {
			if !m.When.To.IsZero() {
				continue
			}
			if _, ok := g.LookupIn(m.Text, c.ISO3); !ok {
				unnamed = append(unnamed, c.ISO3+" "+m.Text)
			}
			break
		}
	}
	slices.Sort(missing)
	if !slices.Equal(missing, noCapital) {
		t.Errorf("countries without a capital: %v, want %v", missing, noCapital)
	}
	t.Logf("%d countries, no capital for %v", len(d.Countries), missing)
	if len(unnamed) > 0 {
		t.Errorf("capitals named in the dictionary but not found: %s", strings.Join(unnamed, "; "))
	}
}

func TestEmbeddedData(t *testing.T) {
	g := mustDefault(t)
	for i, p := range g.places {
		if p.Name == "" || !isISO3(p.Country) || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 || p.Population < 0 {
			t.Fatalf("place %d: %+v", i, p)
		}
	}
	for k, ids := range g.index {
		if k != Fold(k) {
			t.Fatalf("key %q is not folded", k)
		}
		if !g.ordered(ids) {
			t.Fatalf("key %q: places out of order", k)
		}
	}
	if !strings.Contains(placesTSV, "GeoNames") || !strings.Contains(placesTSV, "creativecommons.org/licenses/by/4.0") {
		t.Error("data/places.tsv lacks the GeoNames attribution")
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, in string
		line     int // line of the error; 0 for success
		wantLen  int
	}{
		{"ok", "# c\n\nParis\tFRA\t48.85\t2.35\t2000000\tC\tLutetia\nParis\tUSA\t33.66\t-95.55\t25000\t-\n", 0, 2},
		{"crlf", "Paris\tFRA\t48.85\t2.35\t2000000\tC\t\r\n", 0, 1},
		{"empty", "# only a comment\n", 1, 0},
		{"few fields", "Paris\tFRA\t48.85\n", 1, 0},
		{"many fields", "Paris\tFRA\t48.85\t2.35\t1\tC\ta\tb\n", 1, 0},
		{"empty name", " \tFRA\t48.85\t2.35\t1\tC\n", 1, 0},
		{"country", "Paris\tFR\t48.85\t2.35\t1\tC\n", 1, 0},
		{"latitude", "x\tFRA\t91\t2.35\t1\tC\n", 1, 0},
		{"longitude", "x\tFRA\t1\tNaN\t1\tC\n", 1, 0},
		{"population", "x\tFRA\t1\t1\t-5\tC\n", 1, 0},
		{"kind", "x\tFRA\t1\t1\t5\tX\n", 1, 0},
		{"second line", "x\tFRA\t1\t1\t5\tC\nbad\n", 2, 0},
	}
	for _, tt := range tests {
		g, err := Read(strings.NewReader(tt.in))
		if tt.line == 0 {
			if err != nil || g.Len() != tt.wantLen {
				t.Errorf("%s: Read = %v, %v; want %d places", tt.name, g.Len(), err, tt.wantLen)
			}
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != tt.line {
			t.Errorf("%s: Read error = %v, want a ParseError on line %d", tt.name, err, tt.line)
		}
	}
	g, err := Read(strings.NewReader("Paris\tUSA\t33.66\t-95.55\t25000\t-\nParis\tFRA\t48.85\t2.35\t2000000\tC\tLutetia\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := g.Lookup("paris"); p.Country != "FRA" {
		t.Errorf("Read out of order: Lookup(paris) = %+v", p)
	}
	if p, _ := g.Lookup("Lutetia"); p.Country != "FRA" {
		t.Errorf("Lookup(Lutetia) = %+v", p)
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errors.New("boom") }

func TestReadError(t *testing.T) {
	if _, err := Read(failReader{}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("Read(failing reader) error = %v", err)
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"Moscow", "Kiev", "São Paulo", "Washington, D.C.", "N'Djamena", "Nuku‘alofa", "", " ", "\xff", "Łódź", "İstanbul", "Москва", "ǅ"} {
		f.Add(s, "RUS")
	}
	g := mustDefault(f)
	f.Fuzz(func(t *testing.T, name, iso3 string) {
		k := Fold(name)
		if Fold(k) != k {
			t.Errorf("Fold not idempotent: %q → %q → %q", name, k, Fold(k))
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Errorf("Fold(%q) = %q: stray spaces", name, k)
		}
		p, ok := g.Lookup(name)
		all := g.All(name)
		if ok != (len(all) > 0) || ok && all[0] != p {
			t.Errorf("Lookup(%q) = %+v %v, All = %v", name, p, ok, all)
		}
		if q, ok := g.LookupIn(name, iso3); ok && !strings.EqualFold(q.Country, iso3) {
			t.Errorf("LookupIn(%q, %q) = %+v", name, iso3, q)
		}
	})
}

func FuzzRead(f *testing.F) {
	f.Add("Paris\tFRA\t48.85\t2.35\t2000000\tC\tLutetia\n")
	f.Add("# x\nx\tFRA\t1\t1\t5\t-\t;;\n")
	f.Add("x\tFRA\t1\t1\t5\tX\n")
	f.Fuzz(func(t *testing.T, in string) {
		g, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		if g.Len() == 0 {
			t.Fatal("no error and no places")
		}
		for _, p := range g.places {
			g.Lookup(p.Name)
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	b.SetBytes(int64(len(placesTSV)))
	for b.Loop() {
		if _, err := parse("data/places.tsv", placesTSV); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g := mustDefault(b)
	names := []string{"Moscow", "Kiev", "São Paulo", "Washington, D.C.", "Xyzzy", "Gaza"}
	for i := 0; b.Loop(); i++ {
		g.Lookup(names[i%len(names)])
	}
}
