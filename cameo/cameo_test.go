package cameo

import (
	"bufio"
	"encoding/csv"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
)

func TestTableLoads(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	all := All()
	if len(all) != 311 {
		t.Errorf("table has %d codes, want 311", len(all))
	}
	for i, c := range all {
		if c.Name == "" {
			t.Errorf("%s: no name", c.Code)
		}
		if i > 0 && all[i-1].Code >= c.Code {
			t.Errorf("codes out of order: %s before %s", all[i-1].Code, c.Code)
		}
		if r := Root(c.Code); r != "01" && r != "02" && c.Event == "" {
			t.Errorf("%s: no PLOVER event", c.Code)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		in        string
		ok        bool
		code      string
		event     string
		mode      string
		context   []string
		goldstein float64
		quad      int
	}{
		{"041", true, "041", "CONSULT", "phone", nil, 1.0, 1},
		{" 041 ", true, "041", "CONSULT", "phone", nil, 1.0, 1},
		{"04", true, "04", "CONSULT", "", nil, 1.0, 1},
		{"0311", true, "0311", "AGREE", "", []string{"economic"}, 5.2, 1},
		{"094", true, "094", "ACCUSE", "investigate", []string{"military", "legal"}, -2, 3},
		{"175", true, "175", "ASSAULT", "", []string{"pro_autocracy", "military"}, -9, 4},
		{"163", true, "163", "COERCE", "restrict", []string{"diplomatic"}, -8, 4},
		{"085", true, "085", "RETREAT", "", []string{"economic"}, 7, 2},
		{"08", true, "08", "CONCEDE", "", nil, 5, 2},
		{"0874", true, "0874", "RETREAT", "disarm", []string{"military"}, 10, 2},
		{"010", true, "010", "", "", nil, 0, 1},
		{"0214", true, "0214", "", "", nil, 3.4, 1},
		{"190", true, "190", "ASSAULT", "", []string{"military"}, -10, 4},
		{"2042", true, "2042", "ASSAULT", "unconventional", []string{"cbrn"}, -10, 4},
		// Fallbacks to the nearest ancestor.
		{"1213", true, "121", "REJECT", "assist", nil, -4, 3},
		{"0415", true, "041", "CONSULT", "phone", nil, 1.0, 1},
		{"209", true, "20", "ASSAULT", "", nil, -10, 4},
		{"2099", true, "20", "ASSAULT", "", nil, -10, 4},
		// Not codes.
		{"", false, "", "", "", nil, 0, 0},
		{"0", false, "", "", "", nil, 0, 0},
		{"00", false, "", "", "", nil, 0, 0},
		{"21", false, "", "", "", nil, 0, 0},
		{"99", false, "", "", "", nil, 0, 0},
		{"04a", false, "", "", "", nil, 0, 0},
		{"04111", false, "", "", "", nil, 0, 0},
		{"０４", false, "", "", "", nil, 0, 0},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.in)
		if ok != tt.ok {
			t.Errorf("Lookup(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if c.Code != tt.code || c.Event != tt.event || c.Mode != tt.mode ||
			!slices.Equal(c.Context, tt.context) || c.Goldstein != tt.goldstein || c.Quad != tt.quad {
			t.Errorf("Lookup(%q) = %+v, want code %s %s/%s/%v goldstein %v quad %d",
				tt.in, c, tt.code, tt.event, tt.mode, tt.context, tt.goldstein, tt.quad)
		}
	}
}

func TestLookupCopies(t *testing.T) {
	c, _ := Lookup("094")
	c.Context[0] = "changed"
	a := All()
	a[0].Name = "changed"
	if d, _ := Lookup("094"); d.Context[0] != "military" {
		t.Error("Lookup shares its Context with the table")
	}
	if d, _ := Lookup("01"); d.Name == "changed" {
		t.Error("All shares the table")
	}
}

func TestClasses(t *testing.T) {
	tests := []struct {
		code  string
		root  string
		quad  int
		penta int
	}{
		{"01", "01", 1, 0}, {"0214", "02", 1, 0}, {"03", "03", 1, 1}, {"046", "04", 1, 1},
		{"057", "05", 1, 1}, {"06", "06", 2, 2}, {"0874", "08", 2, 2}, {"09", "09", 3, 3},
		{"1056", "10", 3, 3}, {"13", "13", 3, 3}, {"14", "14", 4, 4}, {"154", "15", 4, 4},
		{"16", "16", 4, 3}, {"1663", "16", 4, 3}, {"17", "17", 4, 4}, {"190", "19", 4, 4},
		{"2042", "20", 4, 4}, {"21", "", 0, -1}, {"x", "", 0, -1}, {"", "", 0, -1},
		{"0", "", 0, -1}, {"00", "", 0, -1},
	}
	for _, tt := range tests {
		if got := Root(tt.code); got != tt.root {
			t.Errorf("Root(%q) = %q, want %q", tt.code, got, tt.root)
		}
		if got := QuadClass(tt.code); got != tt.quad {
			t.Errorf("QuadClass(%q) = %d, want %d", tt.code, got, tt.quad)
		}
		if got := PentaClass(tt.code); got != tt.penta {
			t.Errorf("PentaClass(%q) = %d, want %d", tt.code, got, tt.penta)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{
		"04 | 1.0 | CONSULT | - | -",                     // too few fields
		"4 | 1.0 | CONSULT | - | - | Consult",            // bad code
		"04 | one | CONSULT | - | - | Consult",           // bad goldstein
		"04 | 11 | CONSULT | - | - | Consult",            // out of range
		"04 | 1 | X | - | - | a\n04 | 1 | X | - | - | b", // duplicate
	} {
		if _, err := parse(src); err == nil {
			t.Errorf("parse(%q): no error", src)
		}
	}
	codes, err := parse("# comment\n\n041 | 1.0 | CONSULT | phone | a; b | Call\n")
	if err != nil || len(codes) != 1 || !slices.Equal(codes[0].Context, []string{"a", "b"}) || codes[0].Quad != 1 {
		t.Errorf("parse: %+v, %v", codes, err)
	}
}

// readTSV reads a two-column reference file with a header line.
func readTSV(t *testing.T, path string) (keys []string, vals map[string]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vals = map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("%s: bad line %q", path, sc.Text())
		}
		keys = append(keys, k)
		vals[k] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return keys, vals
}

type plover struct {
	event, mode string
	context     []string
}

// readConversion reads the CAMEO2PLOVER table the way codes.txt documents:
// "CODE: EVENT, mode, context; context # comment"; the first line for a
// code wins; a word in the mode slot that is a PLOVER context and no PLOVER
// mode is a context; "ease" is no longer a mode.
func readConversion(t *testing.T, path string, contexts, modes map[string]bool) map[string]plover {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]plover{}
	for _, line := range strings.Split(string(b), "\n") {
		line, _, _ = strings.Cut(line, "#")
		code, rest, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		code = strings.TrimSpace(code)
		if _, err := strconv.Atoi(code); err != nil {
			continue
		}
		f := strings.Split(rest, ",")
		for len(f) < 3 {
			f = append(f, "")
		}
		p := plover{event: strings.TrimSpace(f[0]), mode: strings.TrimSpace(f[1])}
		for _, c := range strings.Split(f[2], ";") {
			if c = strings.TrimSpace(c); c != "" {
				p.context = append(p.context, c)
			}
		}
		if contexts[p.mode] && !modes[p.mode] {
			p.context = append([]string{p.mode}, p.context...)
			p.mode = ""
		}
		if p.mode == "ease" {
			p.mode = ""
		}
		if _, dup := out[code]; !dup {
			out[code] = p
		}
	}
	return out
}

// manualContexts reads the context names from the PLOVER manual's table of
// general contexts: the first cell of each row between the table's START
// and END markers.
func manualContexts(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.Contains(line, "START CONTEXTS TABLE"):
			in = true
			continue
		case strings.Contains(line, "END CONTEXTS TABLE"):
			in = false
		}
		cell, _, ok := strings.Cut(line, " & ")
		if !in || !ok || strings.HasPrefix(cell, "Name") || strings.HasPrefix(cell, `\`) && !strings.HasPrefix(cell, `\hyperref`) {
			continue
		}
		if _, name, ok := strings.Cut(cell, "]{"); ok {
			cell, _, _ = strings.Cut(name, "}")
		}
		out[strings.TrimSpace(strings.ReplaceAll(cell, `\_`, "_"))] = true
	}
	if len(out) < 30 {
		t.Fatalf("%s: found only %d contexts", path, len(out))
	}
	return out
}

// ploverModes reads the event/mode pairs of the structured PLOVER codebook
// and adds the one the manual lists that the codebook lacks; it also
// returns the set of all mode words.
func ploverModes(t *testing.T) (pairs, words map[string]bool) {
	t.Helper()
	path := sharedtest.Need(t, sharedtest.Path("reference", "PLOVER_structured_codebook_updated.csv"))
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	pairs = map[string]bool{"COERCE/martial-law": true} // in the manual's COERCE mode table
	words = map[string]bool{"martial-law": true}
	for _, r := range recs[1:] {
		pairs[r[0]+"/"+r[1]] = true
		if r[1] != "" {
			words[r[1]] = true
		}
	}
	return pairs, words
}

func TestAgainstReference(t *testing.T) {
	codesPath := sharedtest.Need(t, sharedtest.Path("reference", "cameo-eventcodes.tsv"))
	goldPath := sharedtest.Need(t, sharedtest.Path("reference", "cameo-goldstein.tsv"))
	convPath := sharedtest.Need(t, sharedtest.Path("reference", "CAMEO2PLOVER-2021.txt"))
	manPath := sharedtest.Need(t, sharedtest.Path("reference", "PLOVER_MANUAL.tex"))

	codes, _ := readTSV(t, codesPath)
	_, gold := readTSV(t, goldPath)
	contexts := manualContexts(t, manPath)
	pairs, modes := ploverModes(t)
	conv := readConversion(t, convPath, contexts, modes)

	table := map[string]Code{}
	for _, c := range All() {
		table[c.Code] = c
	}
	if len(table) != len(codes) {
		t.Errorf("table has %d codes, the codebook %d", len(table), len(codes))
	}
	offContext := map[string]bool{}
	var offMode []string
	for _, code := range codes {
		c, ok := table[code]
		if !ok {
			t.Errorf("%s: missing", code)
			continue
		}
		want, err := strconv.ParseFloat(gold[code], 64)
		if err != nil {
			t.Errorf("%s: goldstein reference %q: %v", code, gold[code], err)
		} else if c.Goldstein != want {
			t.Errorf("%s: goldstein %v, reference %v", code, c.Goldstein, want)
		}
		p, mapped := conv[code]
		if !mapped {
			// Only the roots PLOVER dropped are missing from the table.
			if r := Root(code); r != "01" && r != "02" {
				t.Errorf("%s: not in the conversion table", code)
			}
		}
		if c.Event != p.event || c.Mode != p.mode || !slices.Equal(c.Context, p.context) {
			t.Errorf("%s: %s/%s/%v, conversion table %s/%s/%v", code, c.Event, c.Mode, c.Context, p.event, p.mode, p.context)
		}
		for _, x := range c.Context {
			if !contexts[x] {
				offContext[x] = true
			}
		}
		if c.Mode != "" && !pairs[c.Event+"/"+c.Mode] {
			offMode = append(offMode, c.Code+" "+c.Event+"/"+c.Mode)
		}
	}
	// codes.txt documents these as outside the PLOVER vocabularies.
	if want := []string{"1321 THREATEN/political", "1712 ASSAULT/seize"}; !slices.Equal(offMode, want) {
		t.Errorf("modes outside the PLOVER vocabulary: %v, want %v", offMode, want)
	}
	if got, want := slices.Sorted(maps.Keys(offContext)), []string{"democracy", "humanitarian"}; !slices.Equal(got, want) {
		t.Errorf("contexts outside the manual's list: %v, want %v", got, want)
	}
	// Codes the conversion table has and the codebook lacks fall back.
	for code := range conv {
		if _, ok := table[code]; ok {
			continue
		}
		c, ok := Lookup(code)
		if !ok || len(c.Code) >= len(code) || !strings.HasPrefix(code, c.Code) {
			t.Errorf("Lookup(%s) = %s, %v; want a fallback to an ancestor", code, c.Code, ok)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(codesTxt)
	f.Add("041 | 1.0 | CONSULT | phone | a;b | Call\n")
	f.Add("04 | x | | | |")
	f.Fuzz(func(t *testing.T, src string) {
		codes, err := parse(src)
		if err != nil {
			return
		}
		for _, c := range codes {
			if !validCode(c.Code) || c.Quad < 1 || c.Quad > 4 {
				t.Errorf("parse accepted %+v", c)
			}
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	b.SetBytes(int64(len(codesTxt)))
	for b.Loop() {
		if tb := newTable(codesTxt); tb.err != nil || len(tb.codes) == 0 {
			b.Fatal(tb.err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	load()
	for b.Loop() {
		if _, ok := Lookup("1044"); !ok {
			b.Fatal("not found")
		}
	}
}
