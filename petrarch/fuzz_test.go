package petrarch

import (
	"strings"
	"testing"
)

// The fuzz targets feed arbitrary bytes to each reader and to the
// conversions of what it read: none may panic, every diagnostic must name
// a line of the input, and every entry must come from a line of it.

func lines(src string) int { return strings.Count(src, "\n") + 1 }

func checkDiags(t *testing.T, src string, diags []Diagnostic) {
	for _, d := range diags {
		if d.File != "f" || d.Line < 1 || d.Line > lines(src) || d.Msg == "" {
			t.Fatalf("bad diagnostic %+v for %d lines", d, lines(src))
		}
	}
}

func FuzzReadActors(f *testing.F) {
	f.Add(fictional)
	f.Add("A_ [AAA]\n+B\n\t[AAA <20090120]\n\t[BBB 090120-100101]\n\t[CCC >1990101]\n")
	f.Add("<!-- x\n-->\nA [AAA] [BBB 20100101-20090101] junk\n---STOP---\n")
	f.Add("A\nB\n\t[X/Y <000101]\n[Z]\n+\n")
	f.Fuzz(func(t *testing.T, src string) {
		a, diags := ReadActors("f", strings.NewReader(src))
		checkDiags(t, src, diags)
		for _, e := range a.Entries {
			if len(e.Phrases) == 0 || len(e.Codes) == 0 || e.Line < 1 || e.Line > lines(src) {
				t.Fatalf("bad actor %+v", e)
			}
		}
		a.ToDict()
	})
}

func FuzzReadAgents(f *testing.F) {
	f.Add("!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nRIGHTS_GROUP [NGO~]\n")
	f.Add("!A! = !A!\n!A!!A! [~X]\nY {Z [~Q]\n")
	f.Fuzz(func(t *testing.T, src string) {
		g, diags := ReadAgents("f", strings.NewReader(src))
		checkDiags(t, src, diags)
		for _, e := range g.Entries {
			if e.Phrase == "" || e.Code == "" || len(e.Forms()) == 0 {
				t.Fatalf("bad agent %+v", e)
			}
		}
		g.ToDict()
	})
}

func FuzzReadDiscards(f *testing.F) {
	f.Add("MONTHS LATER\n+World Golf Championships   # pas\nBASEBALL_ ;x\n+\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, diags := ReadDiscards("f", strings.NewReader(src))
		checkDiags(t, src, diags)
		for _, e := range d.Entries {
			if e.Phrase == "" {
				t.Fatalf("bad discard %+v", e)
			}
		}
	})
}

func FuzzReadVerbs(f *testing.F) {
	f.Add(verbSample)
	f.Add("&A\n+&A\n+B_\n--- X [010:010] ---\nX\n- * &A_B (TO {C D}) + [020]\n- % NOT * WITH % [030]\n~ a (b) = c\n")
	f.Add("--- X ---\n+Y_Z {+YS_Z}\n- $ * ^ (FOR) + [1]\n- * (/ X) [0111]\n- ** TO X [02]\n")
	f.Fuzz(func(t *testing.T, src string) {
		v, diags := ReadVerbs("f", strings.NewReader(src))
		checkDiags(t, src, diags)
		for _, b := range v.Blocks {
			for _, p := range b.Patterns {
				if p.Verb() < 0 || p.Code == "" {
					t.Fatalf("bad pattern %+v", p)
				}
			}
			for _, vb := range b.Verbs {
				if vb.Head < 0 || vb.Head >= len(vb.Words) {
					t.Fatalf("bad verb %+v", vb)
				}
			}
		}
		es, _ := v.ToLexicon()
		for _, e := range es {
			if err := e.Validate(); err != nil {
				t.Fatalf("invalid entry %+v: %v", e, err)
			}
		}
	})
}
