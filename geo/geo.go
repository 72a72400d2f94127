package geo

import (
	"cmp"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/places.tsv
var placesTSV string

// Place is one populated place of the gazetteer.
type Place struct {
	Name       string  // main name, as GeoNames writes it: "Kyiv", "São Paulo"
	Country    string  // ISO 3166-1 alpha-3 code: "UKR"
	Lat, Lon   float64 // WGS84 degrees, rounded to 4 decimals
	Population int     // inhabitants as GeoNames counts them; 0 when unknown
	Capital    bool    // the country's capital or its seat of government
}

// Gazetteer answers look-ups from place names to places. It is safe for
// concurrent use.
type Gazetteer struct {
	places []Place
	// index maps the Fold of every name of a place to the places that
	// bear it, in the order Lookup prefers them (see compare).
	index map[string][]int32
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer built from the data embedded in the
// package (data/places.tsv), loaded on first use and shared afterwards.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = parse("data/places.tsv", placesTSV)
	})
	return defaultGaz, defaultErr
}

// Read builds a Gazetteer from a file in the format of data/places.tsv:
// lines of tab-separated fields name, country (ISO 3166-1 alpha-3),
// latitude, longitude, population, kind (C capital, G seat of government,
// - other) and other names separated by ';'; blank lines and lines that
// start with '#' are skipped. The first malformed line stops the reading
// with an error that gives its number.
func Read(r io.Reader) (*Gazetteer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("geo: read: %w", err)
	}
	return parse("input", string(b))
}

// ParseError reports a malformed line of a gazetteer file.
type ParseError struct {
	File string
	Line int
	Msg  string
}

// Error formats e as file:line: message.
func (e *ParseError) Error() string {
	return fmt.Sprintf("geo: %s:%d: %s", e.File, e.Line, e.Msg)
}

func parse(file, data string) (*Gazetteer, error) {
	g := &Gazetteer{
		places: make([]Place, 0, strings.Count(data, "\n")+1),
		index:  make(map[string][]int32, 4*strings.Count(data, "\n")+16),
	}
	bad := func(n int, format string, args ...any) error {
		return &ParseError{File: file, Line: n, Msg: fmt.Sprintf(format, args...)}
	}
	n := 0
	for len(data) > 0 {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		n++
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		var f [7]string
		rest := line
		for i := range f {
			var ok bool
			f[i], rest, ok = strings.Cut(rest, "\t")
			if !ok && i < len(f)-2 {
				return nil, bad(n, "%d fields, want 6 or 7", i+1)
			}
			if !ok {
				break
			}
		}
		if rest != "" {
			return nil, bad(n, "more than 7 fields")
		}
		p := Place{Name: strings.TrimSpace(f[0]), Country: f[1]}
		if p.Name == "" {
			return nil, bad(n, "empty name")
		}
		if !isISO3(p.Country) {
			return nil, bad(n, "country %q is not an ISO 3166-1 alpha-3 code", p.Country)
		}
		var err error
		if p.Lat, err = strconv.ParseFloat(f[2], 64); err != nil || !(p.Lat >= -90 && p.Lat <= 90) {
			return nil, bad(n, "bad latitude %q", f[2])
		}
		if p.Lon, err = strconv.ParseFloat(f[3], 64); err != nil || !(p.Lon >= -180 && p.Lon <= 180) {
			return nil, bad(n, "bad longitude %q", f[3])
		}
		if p.Population, err = strconv.Atoi(f[4]); err != nil || p.Population < 0 {
			return nil, bad(n, "bad population %q", f[4])
		}
		switch f[5] {
		case "C", "G":
			p.Capital = true
		case "-":
		default:
			return nil, bad(n, "kind %q, want C, G or -", f[5])
		}
		id := int32(len(g.places))
		g.places = append(g.places, p)
		g.add(Fold(p.Name), id)
		for alt := range strings.SplitSeq(f[6], ";") {
			g.add(Fold(alt), id)
		}
	}
	if len(g.places) == 0 {
		return nil, &ParseError{File: file, Line: n, Msg: "no places"}
	}
	for k, ids := range g.index {
		if len(ids) > 1 && !g.ordered(ids) {
			slices.SortStableFunc(ids, g.compare)
			g.index[k] = ids
		}
	}
	return g, nil
}

// add files place id under key once.
func (g *Gazetteer) add(key string, id int32) {
	if key == "" {
		return
	}
	ids := g.index[key]
	if len(ids) > 0 && ids[len(ids)-1] == id {
		return
	}
	g.index[key] = append(ids, id)
}

// compare orders places the way a look-up prefers them: by population,
// a capital counting ten times its own, so that a capital comes first
// unless another place of the name is more than ten times as large
// (Paris, France before Paris, Texas; Hamilton, Ontario before Hamilton,
// Bermuda); on a tie, a capital first.
func (g *Gazetteer) compare(a, b int32) int {
	pa, pb := &g.places[a], &g.places[b]
	if c := cmp.Compare(weight(pb), weight(pa)); c != 0 {
		return c
	}
	switch {
	case pa.Capital == pb.Capital:
		return 0
	case pa.Capital:
		return -1
	}
	return 1
}

// weight is the population a look-up ranks p by.
func weight(p *Place) int64 {
	if p.Capital {
		return 10 * int64(p.Population)
	}
	return int64(p.Population)
}

func (g *Gazetteer) ordered(ids []int32) bool {
	for i := 1; i < len(ids); i++ {
		if g.compare(ids[i-1], ids[i]) > 0 {
			return false
		}
	}
	return true
}

func isISO3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Lookup returns the place a name denotes: its main name or one of its
// other names ("Kiev" for Kyiv, "Bombay" for Mumbai), compared by Fold, so
// case, diacritics and punctuation do not matter. When several places bear
// the name it prefers the most populous, a capital counting ten times its
// population: a capital first unless another place of the name is more
// than ten times as large. ok is false when no place bears the name.
func (g *Gazetteer) Lookup(name string) (p Place, ok bool) {
	if g == nil {
		return Place{}, false
	}
	ids := g.index[Fold(name)]
	if len(ids) == 0 {
		return Place{}, false
	}
	return g.places[ids[0]], true
}

// LookupIn is Lookup restricted to the places of one country, given by
// its ISO 3166-1 alpha-3 code in either case.
func (g *Gazetteer) LookupIn(name, iso3 string) (p Place, ok bool) {
	if g == nil {
		return Place{}, false
	}
	for _, id := range g.index[Fold(name)] {
		if strings.EqualFold(g.places[id].Country, iso3) {
			return g.places[id], true
		}
	}
	return Place{}, false
}

// All returns every place bearing name, in the order Lookup prefers them. The slice is new; callers may keep or change it.
func (g *Gazetteer) All(name string) []Place {
	if g == nil {
		return nil
	}
	ids := g.index[Fold(name)]
	out := make([]Place, len(ids))
	for i, id := range ids {
		out[i] = g.places[id]
	}
	return out
}

// Capitals returns the capitals and seats of government of a country,
// given by its ISO 3166-1 alpha-3 code in either case, most populous
// first.
func (g *Gazetteer) Capitals(iso3 string) []Place {
	if g == nil {
		return nil
	}
	var out []Place
	for _, p := range g.places {
		if p.Capital && strings.EqualFold(p.Country, iso3) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Place) int { return cmp.Compare(b.Population, a.Population) })
	return out
}

// Len returns the number of places.
func (g *Gazetteer) Len() int {
	if g == nil {
		return 0
	}
	return len(g.places)
}
