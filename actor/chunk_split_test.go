package actor

import (
	"testing"

	"dyad/actor/dict"
	"dyad/pipeline"
)

// TestChunkSplitByParse: a title and a dictionary name that the parser
// hangs on the verb separately ("spoke with President Putin by phone" read
// as two obliques) are still one mention.
func TestChunkSplitByParse(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	date, _ := dict.ParseDate("2025-03-18")
	for _, text := range []string{
		"President Trump spoke with President Putin by phone on Tuesday.",
		"Trump called President Putin on Tuesday.",
	} {
		res := New(d).ResolveHinted(text, p.Annotate(text), date, nil)
		found := false
		for _, m := range res.Mentions {
			if m.Text == "President" {
				t.Errorf("%q: a mention of the bare title", text)
			}
			found = found || m.Text == "President Putin" && m.Code == "RUSGOV"
		}
		if !found {
			t.Errorf("%q: no mention \"President Putin\" coded RUSGOV", text)
		}
	}
}

// TestCapitalAsAgentOfNoun: a capital in "by X" after a noun acts, so it is
// its government, as it is when subject ("an admission by Moscow").
func TestCapitalAsAgentOfNoun(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	date, _ := dict.ParseDate("1995-03-18")
	text := "Poland's parliament has demanded an immediate admission by Moscow that Soviet forces murdered Polish officers."
	res := New(d).ResolveHinted(text, p.Annotate(text), date, nil)
	for _, m := range res.Mentions {
		if m.Text == "Moscow" {
			if m.Code != "RUSGOV" {
				t.Errorf("%q: Moscow coded %q, want RUSGOV", text, m.Code)
			}
			return
		}
	}
	t.Errorf("%q: no mention of Moscow", text)
}

// TestSentenceFirstSurname: a known surname that the tagger takes for a
// plural noun at the start of a sentence ("Sanders criticized ...") is
// still the person.
func TestSentenceFirstSurname(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	date, _ := dict.ParseDate("2016-03-18")
	text := "Sanders criticized Clinton on Tuesday. Officials said protesters gathered."
	res := New(d).ResolveHinted(text, p.Annotate(text), date, nil)
	var got []string
	for _, m := range res.Mentions {
		got = append(got, m.Text+"="+m.Code)
	}
	if len(got) == 0 || got[0] != "Sanders=USALEG" {
		t.Errorf("%q: mentions %v, want Sanders=USALEG first", text, got)
	}
}
