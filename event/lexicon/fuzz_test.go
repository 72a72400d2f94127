package lexicon

import (
	"reflect"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"verb | call R:obj | 041 | -\n",
		"verb | impose prt:up obj:sanction/embargo mod:arms xcomp:lift=ban prep:for=ceasefire prep:against R:on | 163 | recip; neg; event=SANCTION; mode=restrict; context=economic; conf=0.5\n",
		"noun | visit R:to A:by | 042 | -\nnoun | visit R:to A:by | 042 | -\n",
		"cue | accord_to | - | -\r\nlight | carry prt:out | - | -",
		"\ufeff# comment\n\nverb | x | 99 | -\nverb |  | | \n|||\n",
		"verb | declare obj:martial+law | 1724 | conf=1\n",
		"verb | a xcomp:* | 120 | neg\nverb | \xff | 010 | -\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		l, diags := Parse("fuzz.txt", strings.NewReader(src))
		lines := strings.Count(src, "\n") + 1
		for _, d := range diags {
			if d.Line < 1 || d.Line > lines || d.File != "fuzz.txt" || d.Msg == "" {
				t.Fatalf("bad diagnostic %+v for %d lines", d, lines)
			}
		}
		seen := map[string]bool{}
		for _, e := range l.Entries() {
			if err := e.Validate(); err != nil {
				t.Fatalf("entry %s does not validate: %v", e, err)
			}
			if e.Line < 1 || e.Line > lines {
				t.Fatalf("entry on line %d of %d", e.Line, lines)
			}
			k := e.patternKey()
			if seen[k] {
				t.Fatalf("two entries with pattern %s", k)
			}
			seen[k] = true
			back, err := parseLine(e.String())
			if err != nil {
				t.Fatalf("%q does not parse back: %v", e.String(), err)
			}
			c := *e
			c.File, c.Line = "", 0
			if !reflect.DeepEqual(back, &c) {
				t.Fatalf("round trip of %q\n got %#v\nwant %#v", e.String(), back, &c)
			}
			_ = e.Rule()
			_ = e.Constraints()
			if got := l.Lookup(e.Kind, e.Head); len(got) == 0 {
				t.Fatalf("Lookup(%v, %q) misses %s", e.Kind, e.Head, e)
			}
		}
	})
}
