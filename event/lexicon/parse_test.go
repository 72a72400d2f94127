package lexicon

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		line string
		want *Entry // nil with err "" for a blank line
		err  string // substring of the error
	}{
		{name: "blank", line: "   "},
		{name: "comment", line: "# verb | x | 010 | -"},
		{name: "verb", line: "verb | call R:obj | 041 | -",
			want: &Entry{Kind: Verb, Head: "call", Recipient: "obj", CAMEO: "041", Conf: DefaultConf}},
		{name: "trailing comment", line: "verb | meet R:with | 040 | recip # reciprocal",
			want: &Entry{Kind: Verb, Head: "meet", Recipient: "with", CAMEO: "040", Recip: true, Conf: DefaultConf}},
		{name: "hash inside a word is not a comment", line: "verb | meet#x | 040 | -", err: "not a lower-case lemma"},
		{name: "all constraints", line: "verb | impose prt:up obj:sanction/embargo mod:arms xcomp:lift=ban prep:for=ceasefire/truce prep:against R:on | 163 | recip; neg; event=SANCTION; mode=restrict; context=economic/military; conf=0.5",
			want: &Entry{Kind: Verb, Head: "impose", Prt: "up", Obj: []string{"sanction", "embargo"}, Mod: []string{"arms"},
				Xcomp: []string{"lift"}, XcompObj: []string{"ban"}, Preps: []string{"for", "against"},
				PrepLemmas: [][]string{{"ceasefire", "truce"}, nil}, Recipient: "on", CAMEO: "163", Recip: true, Neg: true,
				Event: "SANCTION", Mode: "restrict", Context: []string{"economic", "military"}, Conf: 0.5}},
		{name: "prep lemmas after a bare prep", line: "verb | call prep:on prep:for=talk | 026 | -",
			want: &Entry{Kind: Verb, Head: "call", Preps: []string{"on", "for"}, PrepLemmas: [][]string{nil, {"talk"}}, CAMEO: "026", Conf: DefaultConf}},
		{name: "noun", line: "noun | visit R:to A:by | 042 | -",
			want: &Entry{Kind: Noun, Head: "visit", Recipient: "to", ActorPrep: "by", CAMEO: "042", Conf: DefaultConf}},
		{name: "noun mod compound item", line: "noun | call mod:phone/telephone R:between | 041 | mode=phone; recip",
			want: &Entry{Kind: Noun, Head: "call", Mod: []string{"phone", "telephone"}, Recipient: "between", CAMEO: "041", Mode: "phone", Recip: true, Conf: DefaultConf}},
		{name: "compound lemma item", line: "verb | declare obj:martial+law | 1724 | -",
			want: &Entry{Kind: Verb, Head: "declare", Obj: []string{"martial+law"}, CAMEO: "1724", Conf: DefaultConf}},
		{name: "xcomp star", line: "verb | refuse xcomp:* | 120 | -",
			want: &Entry{Kind: Verb, Head: "refuse", Xcomp: []string{"*"}, CAMEO: "120", Conf: DefaultConf}},
		{name: "prep lemmas with the recipient preposition", line: "noun | release prep:of=prisoner R:of | 0841 | -",
			want: &Entry{Kind: Noun, Head: "release", Preps: []string{"of"}, PrepLemmas: [][]string{{"prisoner"}}, Recipient: "of", CAMEO: "0841", Conf: DefaultConf}},
		{name: "blocker", line: "verb | release obj:report | - | -",
			want: &Entry{Kind: Verb, Head: "release", Obj: []string{"report"}, Conf: DefaultConf}},
		{name: "cue", line: "cue | say | 010 | -", want: &Entry{Kind: Cue, Head: "say", CAMEO: "010", Conf: DefaultConf}},
		{name: "cue without code", line: "cue | report | - | conf=0.5", want: &Entry{Kind: Cue, Head: "report", Conf: 0.5}},
		{name: "multi-word cue", line: "cue | accord_to | - | -", want: &Entry{Kind: Cue, Head: "accord_to", Conf: DefaultConf}},
		{name: "light", line: "light | carry prt:out | - | -", want: &Entry{Kind: Light, Head: "carry", Prt: "out", Conf: DefaultConf}},
		{name: "tabs and spaces", line: "\tverb|attack   R:obj|190|-  ", want: &Entry{Kind: Verb, Head: "attack", Recipient: "obj", CAMEO: "190", Conf: DefaultConf}},

		{name: "bad UTF-8", line: "verb | \xff | 010 | -", err: "invalid UTF-8"},
		{name: "too few fields", line: "verb | call | 041", err: "3 fields, want 4"},
		{name: "too many fields", line: "verb | call | 041 | - | x", err: "5 fields, want 4"},
		{name: "unknown kind", line: "adverb | call | 041 | -", err: `unknown kind "adverb"`},
		{name: "empty pattern", line: "verb |  | 041 | -", err: "empty pattern"},
		{name: "pattern starts with a constraint", line: "verb | obj:x | 041 | -", err: "starts with constraint"},
		{name: "upper-case head", line: "verb | Call | 041 | -", err: `head "Call" is not a lower-case lemma`},
		{name: "not a constraint", line: "verb | call putin | 041 | -", err: `"putin" is not a constraint`},
		{name: "empty value", line: "verb | call obj: | 041 | -", err: "obj: has no value"},
		{name: "unknown constraint", line: "verb | call subj:x | 041 | -", err: `unknown constraint "subj:"`},
		{name: "= on obj", line: "verb | call obj:a=b | 041 | -", err: "cannot take =LEMMAS"},
		{name: "prt twice", line: "verb | call prt:up prt:off | 041 | -", err: "prt: given twice"},
		{name: "obj twice", line: "verb | call obj:a obj:b | 041 | -", err: "obj: given twice"},
		{name: "mod twice", line: "noun | call mod:a mod:b | 041 | -", err: "mod: given twice"},
		{name: "xcomp twice", line: "verb | call xcomp:a xcomp:b | 041 | -", err: "xcomp: given twice"},
		{name: "R twice", line: "verb | call R:obj R:to | 041 | -", err: "R: given twice"},
		{name: "A twice", line: "noun | visit A:by A:of | 042 | -", err: "A: given twice"},
		{name: "bad particle", line: "verb | call prt:Off | 041 | -", err: "prt:Off is not a lower-case lemma"},
		{name: "empty lemma", line: "verb | call obj:a//b | 041 | -", err: "empty lemma"},
		{name: "bad lemma", line: "verb | call obj:a/B | 041 | -", err: `"B" is not a lower-case lemma`},
		{name: "bad compound item", line: "verb | call obj:a+ | 041 | -", err: `"a+" is not a lower-case lemma`},
		{name: "repeated lemma", line: "verb | call obj:a/b/a | 041 | -", err: `"a" listed twice`},
		{name: "star outside xcomp", line: "verb | call obj:* | 041 | -", err: "obj: * is only for xcomp"},
		{name: "star in prep lemmas", line: "verb | call prep:for=* | 041 | -", err: "prep:for: * is only for xcomp"},
		{name: "star mixed", line: "verb | call xcomp:*/meet | 041 | -", err: "cannot be mixed"},
		{name: "empty xcomp object", line: "verb | call xcomp:meet= | 041 | -", err: "empty lemma"},
		{name: "bad preposition", line: "verb | call prep:for_ | 041 | -", err: "prep:for_ is not a lower-case preposition"},
		{name: "empty preposition", line: "verb | call prep:=x | 041 | -", err: "prep: is not a lower-case preposition"},
		{name: "prep twice", line: "verb | call prep:for prep:for | 041 | -", err: "prep:for given twice"},
		{name: "prep repeats R", line: "verb | call prep:with R:with | 041 | -", err: "repeats the R: or A: preposition"},
		{name: "bad recipient", line: "verb | call R:Obj | 041 | -", err: "R:Obj is not obj, iobj, between or a preposition"},
		{name: "bad actor preposition", line: "noun | visit A:b-y | 042 | -", err: "A:b-y is not a preposition"},
		{name: "actor and recipient the same", line: "noun | visit A:by R:by | 042 | -", err: "are the same preposition"},
		{name: "verb with A", line: "verb | call A:by | 041 | -", err: "a verb entry cannot have A:"},
		{name: "verb mod without obj", line: "verb | call mod:phone | 041 | -", err: "mod: without obj:"},
		{name: "noun with obj", line: "noun | call obj:x | 041 | -", err: "a noun entry cannot have obj:"},
		{name: "noun with prt and xcomp", line: "noun | call prt:up xcomp:x | 041 | -", err: "a noun entry cannot have prt:, xcomp:"},
		{name: "light with constraints", line: "light | hold obj:talk R:with | - | -", err: "a light entry cannot have obj:, R:"},
		{name: "cue with prep", line: "cue | say prep:to | 010 | -", err: "a cue entry cannot have prep:"},
		{name: "multi-word cue with prt", line: "cue | accord_to prt:up | - | -", err: "cannot take a particle"},
		{name: "bad multi-word cue", line: "cue | accord__to | - | -", err: "not a lower-case multi-word preposition"},
		{name: "underscore verb head", line: "verb | accord_to | 010 | -", err: "not a lower-case lemma"},
		{name: "empty code", line: "verb | call |  | -", err: "empty CAMEO field"},
		{name: "light with code", line: "light | hold | 040 | -", err: "light verb has CAMEO 040"},
		{name: "code with letters", line: "verb | call | 04a | -", err: "want digits only"},
		{name: "code too short", line: "verb | call | 4 | -", err: "want 2 to 4 digits"},
		{name: "code too long", line: "verb | call | 04111 | -", err: "want 2 to 4 digits"},
		{name: "code root 00", line: "verb | call | 001 | -", err: "root 00 is not 01 to 20"},
		{name: "code root 21", line: "verb | call | 210 | -", err: "root 21 is not 01 to 20"},
		{name: "empty options", line: "verb | call | 041 |  ", err: "empty OPTIONS field"},
		{name: "empty option", line: "verb | call | 041 | recip;;neg", err: "empty option"},
		{name: "unknown option", line: "verb | call | 041 | loud", err: `unknown option "loud"`},
		{name: "option twice", line: "verb | call | 041 | recip; recip", err: "option recip given twice"},
		{name: "flag with value", line: "verb | call | 041 | recip=yes", err: "option recip takes no value"},
		{name: "option without value", line: "verb | call | 041 | conf", err: "option conf needs a value"},
		{name: "conf not a number", line: "verb | call | 041 | conf=high", err: "conf=high is not a number"},
		{name: "conf zero", line: "verb | call | 041 | conf=0", err: "want a number above 0"},
		{name: "conf above one", line: "verb | call | 041 | conf=1.5", err: "want a number above 0"},
		{name: "conf NaN", line: "verb | call | 041 | conf=NaN", err: "want a number above 0"},
		{name: "unknown PLOVER type", line: "verb | call | 041 | event=CHAT", err: "event=CHAT is not a PLOVER event type"},
		{name: "bad mode", line: "verb | call | 041 | mode=Phone", err: "mode=Phone"},
		{name: "bad context", line: "verb | call | 041 | context=a//b", err: "context=a//b"},
		{name: "cue with recip", line: "cue | say | 010 | recip", err: "a cue entry cannot have option recip"},
		{name: "light with neg", line: "light | hold | - | neg", err: "a light entry cannot have option neg"},
		{name: "blocker with recip", line: "verb | release obj:report | - | recip", err: "without CAMEO code cannot have option recip"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseLine(tc.line)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("parseLine(%q) error = %v, want %q", tc.line, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseLine(%q): %v", tc.line, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("parseLine(%q)\n got %#v\nwant %#v", tc.line, got, tc.want)
			}
		})
	}
}

func TestParseFile(t *testing.T) {
	in := "\ufeff# a lexicon\r\n" +
		"verb | call R:obj | 041 | -\r\n" +
		"verb | call R:obj | 010 | -\n" + // same pattern as line 2
		"\n" +
		"noun | talk R:with | 040 | recip\n" +
		"verb | oops\n" +
		"verb | meet R:with | 040 | recip\n" +
		"noun | talk R:with | 046 | recip" // same pattern, no final newline
	l, diags := Parse("x.txt", strings.NewReader(in))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		"x.txt:3: same pattern as line 2",
		"x.txt:6: 2 fields, want 4 (KIND | PATTERN | CAMEO | OPTIONS)",
		"x.txt:8: same pattern as line 5",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n got %q\nwant %q", got, want)
	}
	var lines []string
	for _, e := range l.Entries() {
		lines = append(lines, e.File+":"+itoa(e.Line)+" "+e.String())
	}
	wantLines := []string{
		"x.txt:2 verb | call R:obj | 041 | -",
		"x.txt:5 noun | talk R:with | 040 | recip",
		"x.txt:7 verb | meet R:with | 040 | recip",
	}
	if !reflect.DeepEqual(lines, wantLines) {
		t.Errorf("entries:\n got %q\nwant %q", lines, wantLines)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// failReader returns its data, then an error.
type failReader struct{ data string }

func (r *failReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, errors.New("disk on fire")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestParseReadError(t *testing.T) {
	l, diags := Parse("f.txt", &failReader{"verb | call R:obj | 041 | -\ncue | say | 010 | -\n"})
	if len(l.Entries()) != 2 {
		t.Errorf("%d entries before the error, want 2", len(l.Entries()))
	}
	if len(diags) != 1 || diags[0].String() != "f.txt:3: read: disk on fire" {
		t.Errorf("diagnostics = %v, want one at f.txt:3", diags)
	}
}

func TestPatternKeyIgnoresListOrder(t *testing.T) {
	_, diags := Parse("x", strings.NewReader(
		"verb | call obj:a/b prep:for=x/y prep:on | 020 | -\n"+
			"verb | call prep:on obj:b/a prep:for=y/x | 021 | -\n"+
			"verb | call prep:on obj:b/a prep:for=y/x | 021 | neg\n"))
	if len(diags) != 1 || diags[0].Line != 2 {
		t.Errorf("diagnostics = %v, want line 2 only (line 3 differs by neg)", diags)
	}
}

func TestEntryStringRoundTrip(t *testing.T) {
	l := mustDefault(t)
	for _, e := range l.Entries() {
		back, err := parseLine(e.String())
		if err != nil {
			t.Fatalf("%s:%d: %s does not parse back: %v", e.File, e.Line, e, err)
		}
		c := *e
		c.File, c.Line = "", 0
		if !reflect.DeepEqual(back, &c) {
			t.Fatalf("%s:%d: round trip of %s\n got %#v\nwant %#v", e.File, e.Line, e, back, &c)
		}
	}
}

func TestValidateCAMEO(t *testing.T) {
	for _, tc := range []struct {
		code string
		ok   bool
	}{
		{"01", true}, {"20", true}, {"041", true}, {"1121", true}, {"2042", true}, {"010", true},
		{"", false}, {"1", false}, {"00", false}, {"21", false}, {"99", false}, {"12345", false},
		{"04a", false}, {"-1", false}, {"٠٤١", false},
	} {
		if err := ValidateCAMEO(tc.code); (err == nil) != tc.ok {
			t.Errorf("ValidateCAMEO(%q) = %v, want ok=%v", tc.code, err, tc.ok)
		}
	}
}

func TestValidateBuiltEntries(t *testing.T) {
	for _, tc := range []struct {
		name string
		e    *Entry
		err  string
	}{
		{"nil", nil, "nil entry"},
		{"zero conf", &Entry{Kind: Verb, Head: "call", CAMEO: "041"}, "conf=0"},
		{"unknown kind", &Entry{Kind: Kind(9), Head: "call", CAMEO: "041", Conf: 1}, "unknown kind Kind(9)"},
		{"empty lemma list", &Entry{Kind: Verb, Head: "call", Obj: []string{}, CAMEO: "041", Conf: 1}, "empty lemma list"},
		{"lemma lists out of step", &Entry{Kind: Verb, Head: "call", Preps: []string{"for"}, PrepLemmas: [][]string{nil, nil}, CAMEO: "041", Conf: 1}, "2 preposition lemma lists for 1 prepositions"},
		{"xcomp object without xcomp", &Entry{Kind: Verb, Head: "call", XcompObj: []string{"x"}, CAMEO: "041", Conf: 1}, "without xcomp"},
		{"ok", &Entry{Kind: Verb, Head: "call", CAMEO: "041", Conf: 1}, ""},
	} {
		err := tc.e.Validate()
		if (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: Validate() = %v, want %q", tc.name, err, tc.err)
		}
	}
}

func TestKind(t *testing.T) {
	for _, k := range []Kind{Verb, Noun, Cue, Light} {
		back, ok := ParseKind(k.String())
		if !ok || back != k {
			t.Errorf("ParseKind(%q) = %v, %v", k.String(), back, ok)
		}
	}
	if s := Kind(-1).String(); s != "Kind(-1)" {
		t.Errorf("Kind(-1).String() = %q", s)
	}
	if _, ok := ParseKind("Verb"); ok {
		t.Error(`ParseKind("Verb") accepted`)
	}
}
