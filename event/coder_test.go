package event_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"dyad/actor"
	"dyad/actor/dict"
	"dyad/event"
	"dyad/event/lexicon"
	"dyad/geo"
	"dyad/pipeline"
	"dyad/record"
)

// testLexicon is a small lexicon written for these tests, so that they
// check the matcher, not the contents of the built-in lexicon.
const testLexicon = `
verb  | call R:obj                     | 041  | mode=phone
verb  | meet R:with                    | 040  | recip
verb  | meet                           | 040  | recip
verb  | agree xcomp:meet/talk R:with   | 036  | recip
verb  | invite R:obj                   | 039  | -
verb  | visit R:obj                    | 042  | -
verb  | attack R:obj                   | 190  | -
verb  | beat R:obj                     | 182  | -
verb  | demand                         | 100  | -
verb  | support R:obj                  | 051  | -
verb  | impose obj:sanction R:on       | 163  | -
verb  | release R:obj                  | 0841 | -
verb  | welcome R:obj                  | 051  | -
noun  | call mod:phone R:with          | 041  | mode=phone; recip
noun  | conversation R:with            | 040  | recip
noun  | invasion R:of                  | 192  | -
cue   | say                            | 010  | -
cue   | report                         | 010  | -
cue   | note                           | 010  | -
cue   | confirm                        | 010  | -
light | have                           | -    | -
light | hold                           | -    | -
`

var (
	once  sync.Once
	pipe  *pipeline.Pipeline
	res   *actor.Resolver
	coder *event.Coder
	err0  error
)

func setup(t testing.TB) {
	t.Helper()
	once.Do(func() {
		if pipe, err0 = pipeline.Default(); err0 != nil {
			return
		}
		d, err := dict.Default()
		if err != nil {
			err0 = err
			return
		}
		res = actor.New(d)
		lex, diags := lexicon.Parse("test.txt", strings.NewReader(testLexicon))
		if len(diags) > 0 {
			err0 = fmt.Errorf("%s", diags[0])
			return
		}
		gaz, err := geo.Default()
		if err != nil {
			err0 = err
			return
		}
		coder = event.New(lex, gaz)
	})
	if err0 != nil {
		t.Fatal(err0)
	}
}

func code(t testing.TB, text, date string) []record.Event {
	setup(t)
	sents := pipe.Annotate(text)
	d, _ := dict.ParseDate(date)
	acts := res.Resolve(text, sents, d)
	return coder.Code(event.Input{DocID: "t", Text: text, Date: date, Sentences: sents, Actors: acts})
}

// brief writes an event as "ACTOR CAMEO RECIPIENT [flags]".
func brief(e record.Event) string {
	code := func(a *record.Actor) string {
		if a == nil {
			return "-"
		}
		return a.CAMEO
	}
	s := code(e.Actor) + " " + e.CAMEO + " " + code(e.Recipient)
	if e.Negated {
		s += " negated"
	}
	if e.Modality != record.Asserted {
		s += " " + e.Modality
	}
	if e.ReportedBy != nil {
		s += " by " + e.ReportedBy.CAMEO
	}
	if e.Date != "" {
		s += " " + e.Date
	}
	if e.Location != nil {
		s += " @" + e.Location.Name
	}
	return s
}

func TestCode(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"President Trump announced on Wednesday that he had a lengthy phone call with President Vladimir V. Putin of Russia.",
			[]string{"USAGOV 041 RUSGOV 2025-02-12", "RUSGOV 041 USAGOV 2025-02-12"}},
		{"Mr. Putin invited Mr. Trump to Moscow.", []string{"RUSGOV 039 USAGOV 2025-02-12"}},
		{"Mr. Witkoff visited Moscow on Monday.", []string{"USAGOV 042 RUS 2025-02-10 @Moscow"}},
		{"Kremlin spokesman Dmitri S. Peskov reported that both leaders agreed to meet.",
			[]string{"USAGOV 036 RUSGOV by RUSGOV 2025-02-12", "RUSGOV 036 USAGOV by RUSGOV 2025-02-12"}},
		{"The U.S. does not support Ukraine.", []string{"USA 051 UKR negated 2025-02-12"}},
		{"Russia will attack Ukraine.", []string{"RUS 138 UKR intended 2025-02-12"}},
		{"Russia could attack Ukraine.", []string{"RUS 190 UKR hypothetical 2025-02-12"}},
		{"Ukraine was attacked by Russia yesterday.", []string{"RUS 190 UKR 2025-02-11"}},
		{"The European Union imposed sanctions on Russia.", []string{"IGOEUREEC 163 RUS 2025-02-12"}},
		{"Russia and Ukraine met in Geneva.", []string{"RUS 040 UKR 2025-02-12 @Geneva", "UKR 040 RUS 2025-02-12 @Geneva"}},
		// The subject of what is demanded stands for the actor naming it.
		{"Greece demanded that its European partners refuse to recognize Macedonia.", []string{"GRC 100 EUR 2025-02-12"}},
		// Politicians fight with words; armies and governments do not.
		{"Bernie Sanders attacked Hillary Clinton.", []string{"USALEG 111 USAELI 2025-02-12"}},
		{"Ted Cruz beat Hillary Clinton in Nevada.", nil},
		{"Russian troops attacked Ukrainian soldiers.", []string{"RUSMIL 190 UKRMIL 2025-02-12"}},
	}
	for _, tc := range tests {
		text := "Mr. Trump called Mr. Putin. " + tc.text
		var got []string
		for _, e := range code(t, text, "2025-02-12") {
			if e.Sentence == 1 {
				got = append(got, brief(e))
			}
		}
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%q\n got: %s\nwant: %s", tc.text, strings.Join(got, "; "), strings.Join(tc.want, "; "))
		}
	}
}
