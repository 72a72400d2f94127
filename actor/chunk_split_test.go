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
