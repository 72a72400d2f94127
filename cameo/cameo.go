package cameo

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed codes.txt
var codesTxt string

// Code is one CAMEO event code and what it translates to.
type Code struct {
	Code string // the CAMEO code: "04", "041", "0411"
	Name string // short English name: "Discuss by telephone"

	// Event is the PLOVER 0.8 event type ("CONSULT"), or "" for the codes
	// of roots 01 and 02, which PLOVER dropped.
	Event string
	// Mode is the PLOVER mode ("phone"), or "" for none.
	Mode string
	// Context holds the PLOVER contexts ("diplomatic"), nil for none.
	Context []string

	Goldstein float64 // Goldstein value, -10 to +10
	Quad      int     // quad class 1-4, from the root
}

type table struct {
	codes []Code
	index map[string]int
	err   error
}

var load = sync.OnceValue(func() *table { return newTable(codesTxt) })

// newTable parses a table in the codes.txt format and indexes it by code.
func newTable(src string) *table {
	codes, err := parse(src)
	t := &table{codes: codes, index: make(map[string]int, len(codes)), err: err}
	for i, c := range codes {
		t.index[c.Code] = i
	}
	return t
}

// parse reads the codes.txt format: "CODE | goldstein | event | mode |
// contexts | name" lines, "-" for an empty field, "#" comments.
func parse(src string) ([]Code, error) {
	var codes []Code
	seen := map[string]bool{}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 6 {
			return codes, fmt.Errorf("cameo: line %d: %d fields, want 6", n+1, len(f))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
			if f[i] == "-" {
				f[i] = ""
			}
		}
		c := Code{Code: f[0], Event: f[2], Mode: f[3], Name: f[5]}
		if !validCode(c.Code) {
			return codes, fmt.Errorf("cameo: line %d: bad code %q", n+1, c.Code)
		}
		if seen[c.Code] {
			return codes, fmt.Errorf("cameo: line %d: code %s given twice", n+1, c.Code)
		}
		seen[c.Code] = true
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil || g < -10 || g > 10 {
			return codes, fmt.Errorf("cameo: line %d: bad goldstein value %q", n+1, f[1])
		}
		c.Goldstein = g
		if f[4] != "" {
			for _, x := range strings.Split(f[4], ";") {
				if x = strings.TrimSpace(x); x != "" {
					c.Context = append(c.Context, x)
				}
			}
		}
		c.Quad = QuadClass(c.Code)
		codes = append(codes, c)
	}
	return codes, nil
}

// validCode reports whether s has the shape of a CAMEO event code: two to
// four ASCII digits whose first two are a root from 01 to 20.
func validCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	r := int(s[0]-'0')*10 + int(s[1]-'0')
	return r >= 1 && r <= 20
}

func (c Code) clone() Code {
	c.Context = slices.Clone(c.Context)
	return c
}

// Lookup returns the table entry for a CAMEO code ("041"; surrounding
// spaces are ignored). A well-formed code that is not in the table falls
// back to its nearest ancestor that is: "0415" to "041", "209" to "20".
// The entry returned is then the ancestor's, with the ancestor's Code, so
// c.Code != code tells a fallback from an exact match. Lookup returns false
// for anything that is not two to four digits under a root from 01 to 20.
func Lookup(code string) (Code, bool) {
	code = strings.TrimSpace(code)
	if !validCode(code) {
		return Code{}, false
	}
	t := load()
	for n := len(code); n >= 2; n-- {
		if i, ok := t.index[code[:n]]; ok {
			return t.codes[i].clone(), true
		}
	}
	return Code{}, false
}

// All returns every code in the table, in code order (each root followed
// by its 3- and 4-digit codes). The slice is the caller's to keep.
func All() []Code {
	t := load()
	out := make([]Code, len(t.codes))
	for i, c := range t.codes {
		out[i] = c.clone()
	}
	return out
}

// Root returns the 2-digit root of a CAMEO code ("04" for "0411"), or ""
// when code is not a well-formed code.
func Root(code string) string {
	code = strings.TrimSpace(code)
	if !validCode(code) {
		return ""
	}
	return code[:2]
}

func rootNum(code string) int {
	r := Root(code)
	if r == "" {
		return 0
	}
	return int(r[0]-'0')*10 + int(r[1]-'0')
}

// QuadClass returns the quad class of a CAMEO code: 1 verbal cooperation
// (roots 01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
// 4 material conflict (14-20); 0 when code is not a well-formed code.
func QuadClass(code string) int {
	switch r := rootNum(code); {
	case r == 0:
		return 0
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	default:
		return 4
	}
}

// PentaClass returns the 5-way class the ConfliBERT CAMEO data uses: 0 for
// roots 01-02, 1 for 03-05, 2 for 06-08, 3 for 09-13 and 16, 4 for 14-15
// and 17-20; -1 when code is not a well-formed code.
func PentaClass(code string) int {
	switch r := rootNum(code); {
	case r == 0:
		return -1
	case r <= 2:
		return 0
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13 || r == 16:
		return 3
	default:
		return 4
	}
}

// Err reports a problem with the embedded table, nil when it loaded
// cleanly. It exists so that a damaged build can be detected; a released
// binary's table is checked by the package tests.
func Err() error {
	return load().err
}

// WellFormed reports whether code has the form of a CAMEO event code: two
// to four digits. It says nothing of whether the codebook has the code
// (Lookup does).
func WellFormed(code string) bool {
	if len(code) < 2 || len(code) > 4 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}
