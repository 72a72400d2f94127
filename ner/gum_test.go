package ner

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"dyad/actor/dict"
	"dyad/conllu"
)

// testGazetteer is a small gazetteer of our own.
func testGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	const src = `
country | USA | US | USA | United States; America | American; Americans | Washington | NMR
country | SWE | SE | SWE | Sweden | Swedish; Swede; Swedes | Stockholm | EUR
country | FRA | FR | FRA | France | French | Paris | EUR
region | NMR | North America | North American
region | EUR | Europe | European
org | IGOUNO | IGO | - | United Nations; UN
person | Vladimir Putin | Putin | RUS | GOV | president | 2000..
role | president | GOV | head
role | troops | MIL | member
`
	d, diags := dict.Parse("test.txt", strings.NewReader(src))
	if len(diags) != 0 {
		t.Fatalf("test dictionary: %v", diags)
	}
	return NewGazetteer(d)
}

// sentence builds a CoNLL-U sentence from rows "FORM UPOS HEAD DEPREL
// [MISC]".
func sentence(t testing.TB, rows ...string) *conllu.Sentence {
	t.Helper()
	var b strings.Builder
	for i, r := range rows {
		f := strings.Fields(r)
		misc := "_"
		if len(f) > 4 {
			misc = f[4]
		}
		fmt.Fprintf(&b, "%d\t%s\t_\t%s\t_\t_\t%s\t%s\t_\t%s\n", i+1, f[0], f[1], f[2], f[3], misc)
	}
	b.WriteString("\n")
	s, err := conllu.ReadAll(strings.NewReader(b.String()), "test")
	if err != nil {
		t.Fatal(err)
	}
	return s[0]
}

func TestParseGUMEntities(t *testing.T) {
	s := sentence(t,
		"The DET 2 det Entity=(1-organization-new-nnnnn-cf1-2-sgl-Leiden_University_Library",
		"Leiden PROPN 4 compound Entity=(2-organization-new-nnnnn-cf2-1-coref(3-place-new-nnnnn-cf3-1-sgl-Leiden)",
		"University PROPN 4 compound Entity=2)",
		"Library PROPN 0 root Entity=1)",
	)
	got, err := ParseGUMEntities(s)
	if err != nil {
		t.Fatal(err)
	}
	want := []GUMMention{
		{0, 4, "organization", "Leiden_University_Library"},
		{1, 3, "organization", ""},
		{1, 2, "place", "Leiden"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestParseGUMEntitiesErrors(t *testing.T) {
	for _, misc := range []string{
		"Entity=(1-person-new-nnnnn-cf1-1-sgl", // never closed
		"Entity=7)",                            // never opened
		"Entity=(-person)",                     // no id
		"Entity=1(",                            // unbalanced
	} {
		s := sentence(t, "Putin PROPN 0 root "+misc)
		if _, err := ParseGUMEntities(s); !errors.Is(err, ErrEntity) {
			t.Errorf("%s: error %v, want ErrEntity", misc, err)
		}
	}
}

func TestGoldMentions(t *testing.T) {
	g := testGazetteer(t)
	for _, c := range []struct {
		name string
		rows []string
		want string
	}{
		{"determiner trimmed", []string{
			"the DET 2 det Entity=(1-place-new-nnnnn-cf1-2-sgl-Netherlands",
			"Netherlands PROPN 0 root Entity=1)",
		}, "[{1 2 GPE}]"},
		{"common noun mention is not named", []string{
			"the DET 2 det Entity=(1-person-new-nnnnn-cf1-2-sgl-Ann_Lee",
			"teacher NOUN 0 root Entity=1)",
		}, "[]"},
		{"name inside a common mention", []string{
			"the DET 2 det Entity=(1-person-new-nnnnn-cf1-2-sgl",
			"president NOUN 0 root",
			"of ADP 4 case",
			"France PROPN 2 nmod Entity=(2-place-new-nnnnn-cf2-1-sgl-France)1)",
		}, "[{3 4 GPE}]"},
		{"outermost name", []string{
			"Leiden PROPN 3 compound Entity=(1-organization-new-nnnnn-cf1-3-sgl(2-organization-new-nnnnn-cf2-1-sgl(3-place-new-nnnnn-cf3-1-sgl)",
			"University PROPN 3 compound Entity=2)",
			"Library PROPN 0 root Entity=1)",
		}, "[{0 3 ORG}]"},
		{"apposition cut at the comma", []string{
			"University PROPN 0 root Entity=(1-organization-new-nnnnn-cf1-1-sgl",
			"of ADP 3 case",
			"Portsmouth PROPN 1 nmod Entity=(2-place-new-nnnnn-cf2-1-sgl",
			", PUNCT 6 punct",
			"United PROPN 6 compound Entity=(3-place-new-nnnnn-cf3-2-sgl",
			"Kingdom PROPN 3 appos Entity=3)2)1)",
		}, "[{0 3 ORG} {4 6 GPE}]"},
		{"coordinated names are two", []string{
			"Mexico PROPN 0 root Entity=(1-place-new-nnnnn-cf1-1-sgl(2-place-new-nnnnn-cf2-1-sgl)",
			"and CCONJ 3 cc",
			"Canada PROPN 1 conj Entity=(3-place-new-nnnnn-cf3-1-sgl)1)",
		}, "[{0 1 GPE} {2 3 GPE}]"},
		{"demonym adjective", []string{
			"American ADJ 2 amod Entity=(1-person-new-nnnnn-cf1-2-sgl",
			"troops NOUN 0 root Entity=1)",
		}, "[{0 1 NORP}]"},
		{"demonym noun mention", []string{
			"Americans PROPN 0 root Entity=(1-person-new-nnnnn-cf1-1-sgl)",
		}, "[{0 1 NORP}]"},
		{"title alone", []string{
			"as ADP 2 case",
			"President PROPN 0 root Entity=(1-person-new-nnnnn-cf1-1-sgl)",
		}, "[]"},
		{"title and name", []string{
			"President PROPN 2 compound Entity=(1-person-new-nnnnn-cf1-2-sgl",
			"Putin PROPN 0 root Entity=1)",
			"'s PART 2 case",
		}, "[{0 2 PERSON}]"},
		{"a person's of starts a place", []string{
			"Vladimir PROPN 2 compound Entity=(1-person-new-nnnnn-cf1-2-sgl",
			"Putin PROPN 0 root",
			"of ADP 4 case",
			"Russia PROPN 2 nmod Entity=(2-place-new-nnnnn-cf2-1-sgl)1)",
		}, "[{0 2 PERSON} {3 4 GPE}]"},
		{"name particle", []string{
			"Charles PROPN 0 root Entity=(1-person-new-nnnnn-cf1-1-sgl",
			"de PROPN 1 flat",
			"Gaulle PROPN 1 flat Entity=1)",
		}, "[{0 3 PERSON}]"},
		{"country acting", []string{
			"Sweden PROPN 2 nsubj Entity=(1-organization-new-nnnnn-cf1-1-sgl)",
			"voted VERB 0 root",
		}, "[{0 1 GPE}]"},
		{"feature word makes LOC", []string{
			"the DET 3 det Entity=(1-place-new-nnnnn-cf1-3-sgl",
			"Hudson PROPN 3 compound",
			"River PROPN 0 root Entity=1)",
		}, "[{1 3 LOC}]"},
		{"region makes LOC", []string{
			"North PROPN 2 compound Entity=(1-place-new-nnnnn-cf1-2-sgl",
			"America PROPN 0 root Entity=1)",
		}, "[{0 2 LOC}]"},
		{"possessive trimmed", []string{
			"Zurbarán PROPN 3 nmod:poss Entity=(1-person-new-nnnnn-cf1-1-sgl",
			"’s PART 1 case Entity=1)",
			"paintings NOUN 0 root",
		}, "[{0 1 PERSON}]"},
		{"event with number", []string{
			"World PROPN 2 compound Entity=(1-event-new-nnnnn-cf1-3-sgl",
			"War PROPN 0 root",
			"II NUM 2 nummod Entity=1)",
		}, "[{0 3 EVENT}]"},
		{"other types dropped", []string{
			"Wax PROPN 0 root Entity=(1-substance-new-nnnnn-cf1-1-sgl)",
		}, "[]"},
		{"language is not NORP", []string{
			"French PROPN 0 root Entity=(1-abstract-new-nnnnn-cf1-1-sgl-French_language)",
		}, "[]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := GoldMentions(sentence(t, c.rows...), g)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != c.want && !(len(got) == 0 && c.want == "[]") {
				t.Errorf("got %v, want %s", got, c.want)
			}
		})
	}
}

// FuzzParseGUMEntities feeds arbitrary Entity values: no panic, mentions
// inside the sentence, and GoldMentions' names inside it too and apart.
func FuzzParseGUMEntities(f *testing.F) {
	for _, s := range []string{
		"(1-person-new-nnnnn-cf1-1-sgl-Ann)", "(1-place(2-place)", "2)1)", "((", "))", "(1-a-b-c-d-e-f-g-h-i", "",
		"(1)", "1)", "(-)", "(1-person-giv:act-sssss-cf1*-1,2-coref-A_(b)",
	} {
		f.Add(s, "2)")
	}
	g := testGazetteer(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		if strings.ContainsAny(a+b, "\t\n\r|") {
			return
		}
		s := &conllu.Sentence{ID: "fuzz", Words: []conllu.Word{
			{ID: 1, Form: "Ann", UPOS: "PROPN", Head: 2, Misc: "Entity=" + a},
			{ID: 2, Form: "American", UPOS: "ADJ", Head: 0, Misc: "Entity=" + b},
		}}
		ms, _ := ParseGUMEntities(s)
		for _, m := range ms {
			if m.Start < 0 || m.End > 2 || m.Start >= m.End {
				t.Fatalf("mention %+v out of the sentence", m)
			}
		}
		gm, _ := GoldMentions(s, g)
		last := 0
		for _, m := range gm {
			if m.Start < last || m.End > 2 || m.Start >= m.End || typeIndex(m.Type) < 0 {
				t.Fatalf("bad gold mentions %+v", gm)
			}
			last = m.End
		}
	})
}
