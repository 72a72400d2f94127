package eval

import (
	"bytes"
	"math"
	"os"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
	"dyad/record"
)

// ev builds a predicted event.
func ev(typ, cameo, actor, recipient string) record.Event {
	a := func(code string) *record.Actor {
		if code == "" {
			return nil
		}
		return &record.Actor{CAMEO: code}
	}
	return record.Event{Event: typ, CAMEO: cameo, Actor: a(actor), Recipient: a(recipient)}
}

func gev(plover, actor, recipient string) GoldEvent {
	l := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "|")
	}
	return GoldEvent{PLOVER: l(plover), Actor: l(actor), Recipient: l(recipient)}
}

func TestEvMatches(t *testing.T) {
	either := gev("AGREE", "HUN", "ROU")
	either.Either = true
	cameo := GoldEvent{CAMEO: []string{"04", "190"}, Actor: []string{"*"}, Recipient: []string{"IGO*"}}
	for _, tc := range []struct {
		name string
		g    GoldEvent
		p    record.Event
		want EventLevel // the strictest level matched; -1 none
	}{
		{"all", gev("CONSULT", "USAGOV", "RUSGOV"), ev("CONSULT", "041", "USAGOV", "RUSGOV"), LevelCodes},
		{"0.5 label predicted", gev("REQUEST", "USA", ""), ev("demand", "", "USA", ""), LevelCodes},
		{"other type", gev("CONSULT", "USAGOV", "RUSGOV"), ev("AGREE", "041", "USAGOV", "RUSGOV"), -1},
		{"sector differs", gev("ASSAULT", "RUSMIL", "UKR"), ev("ASSAULT", "", "RUSGOV", "UKRMIL"), LevelCountries},
		{"country differs", gev("ASSAULT", "RUSMIL", "UKR"), ev("ASSAULT", "", "BLRMIL", "UKR"), LevelType},
		{"recipient where gold has none", gev("RETREAT", "MNEGOV", ""), ev("RETREAT", "", "MNEGOV", "SRB"), LevelType},
		{"no recipient where gold has one", gev("ASSAULT", "RUS", "UKR"), ev("ASSAULT", "", "RUS", ""), LevelType},
		{"actor without code is none", gev("RETREAT", "MNEGOV", ""), record.Event{Event: "RETREAT", Actor: &record.Actor{CAMEO: "MNEGOV"}, Recipient: &record.Actor{Text: "crowds"}}, LevelCodes},
		{"country field", gev("ASSAULT", "RUSMIL", "UKR"), record.Event{Event: "ASSAULT", Actor: &record.Actor{Country: "RUS"}, Recipient: &record.Actor{Country: "UKR"}}, LevelCountries},
		{"either swapped", either, ev("AGREE", "", "ROU", "HUN"), LevelCodes},
		{"not either", gev("AGREE", "HUN", "ROU"), ev("AGREE", "", "ROU", "HUN"), LevelType},
		{"alternatives", gev("SUPPORT|AGREE", "PSEGOV", "IRQ|LBY"), ev("AGREE", "", "psegov", "LBY"), LevelCodes},
		{"cameo root", cameo, ev("", "043", "", "IGOUNO"), LevelCodes},
		{"cameo exact", cameo, ev("", "190", "USA", "IGOWSTNAT"), LevelCodes},
		{"cameo exact only", cameo, ev("", "1901", "USA", "IGOUNO"), -1},
		{"cameo root no match", cameo, ev("ASSAULT", "05", "USA", "IGOUNO"), -1},
		{"prefix pattern country", GoldEvent{PLOVER: []string{"ASSAULT"}, Actor: []string{"ISR*"}}, ev("ASSAULT", "", "ISRMIL", ""), LevelCodes},
		{"prefix pattern other country", GoldEvent{PLOVER: []string{"ASSAULT"}, Actor: []string{"ISR*"}}, ev("ASSAULT", "", "IRNMIL", ""), LevelType},
	} {
		got := EventLevel(-1)
		for l := range EventLevel(EventLevels) {
			if evMatches(&tc.g, &tc.p, l) {
				got = l
			} else {
				break
			}
		}
		if got != tc.want {
			t.Errorf("%s: matched up to level %d, want %d", tc.name, got, tc.want)
		}
	}
}

// eventGold and eventPred are a small gold set and predictions, scored by
// hand in TestScoreEvents.
func eventGold() []GoldSentence {
	mutual := gev("AGREE", "HUN", "ROU")
	mutual.Either = true
	mutualOpt := mutual
	mutualOpt.Optional = true
	support := GoldEvent{PLOVER: []string{"SUPPORT"}, CAMEO: []string{"05"}, Actor: []string{"*"}, Recipient: []string{"IGO*"}}
	return []GoldSentence{
		{ID: "s1", Text: "Trump called Putin; Russian troops shelled Ukraine.", Events: []GoldEvent{
			gev("CONSULT", "USAGOV", "RUSGOV"), gev("ASSAULT", "RUSMIL", "UKR")}},
		{ID: "s2", Text: "Hungary and Romania agreed.", Events: []GoldEvent{mutual, mutualOpt}},
		{ID: "s3", Text: "Someone asked.", Events: []GoldEvent{gev("REQUEST", "*", "")}},
		{ID: "s4", Text: "Nothing happened."},
		{ID: "s5", Text: "It backed the UN.", Events: []GoldEvent{support}},
	}
}

func eventPred(s GoldSentence) []record.Event {
	switch s.ID {
	case "s1":
		return []record.Event{
			ev("CONSULT", "041", "USAGOV", "RUSGOV"), // P1: right
			ev("ASSAULT", "195", "RUSGOV", "UKRMIL"), // P2: countries right, codes wrong
			ev("PROTEST", "141", "UKR", "RUS"),       // P3: false alarm
		}
	case "s2":
		return []record.Event{
			ev("AGREE", "030", "ROU", "HUN"), // P4: the required event, swapped
			ev("AGREE", "030", "HUN", "ROU"), // P5: the optional event
			ev("AGREE", "030", "HUN", "ROU"), // P6: false alarm
		}
	case "s4":
		neg := ev("COERCE", "173", "USA", "IRN")
		neg.Negated = true
		return []record.Event{neg, ev("AID", "073", "USA", "")} // left out; P8 false alarm
	case "s5":
		return []record.Event{ev("SUPPORT", "051", "", "IGOUNO")} // P9: right
	}
	return nil
}

func TestScoreEvents(t *testing.T) {
	s := ScoreEvents(eventGold(), eventPred)
	// Required gold events: CONSULT, ASSAULT, AGREE, REQUEST, SUPPORT = 5;
	// one optional. Predictions: 8 (the negated one left out), of which
	// P5 matches the optional event at every level: System 7.
	// Type: CONSULT, ASSAULT, AGREE, SUPPORT hit (4); REQUEST missed.
	// Countries: the same 4. Codes: ASSAULT lost (RUSGOV is not RUSMIL): 3.
	if s.Sentences != 5 || s.Gold != 5 || s.Optional != 1 || s.Predicted != 8 {
		t.Errorf("counts: %+v", s)
	}
	want := [EventLevels]Score{{Gold: 5, System: 7, Correct: 4}, {Gold: 5, System: 7, Correct: 4}, {Gold: 5, System: 7, Correct: 3}}
	if s.Levels != want {
		t.Errorf("levels %+v, want %+v", s.Levels, want)
	}
	// P = 4/7, R = 4/5, F1 = 2/3; at codes 3/7, 3/5, F1 = 1/2.
	for _, c := range []struct{ got, want float64 }{
		{s.Levels[LevelType].F1(), 2.0 / 3}, {s.Levels[LevelCodes].F1(), 0.5},
		{s.Levels[LevelCodes].P(), 3.0 / 7}, {s.Levels[LevelCodes].R(), 0.6},
	} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("got %v, want %v", c.got, c.want)
		}
	}
	types := map[string][EventLevels]Score{}
	var order []string
	for _, ty := range s.Types {
		types[ty.Type] = ty.Levels
		order = append(order, ty.Type)
	}
	if got := strings.Join(order, " "); got != "AGREE CONSULT SUPPORT AID REQUEST PROTEST ASSAULT" {
		t.Errorf("type order %q", got)
	}
	one := Score{Gold: 1, System: 1, Correct: 1}
	for _, c := range []struct {
		typ  string
		want [EventLevels]Score
	}{
		{"CONSULT", [EventLevels]Score{one, one, one}},
		{"SUPPORT", [EventLevels]Score{one, one, one}},
		{"ASSAULT", [EventLevels]Score{one, one, {Gold: 1, System: 1}}}, // at codes P2 is a false alarm and the gold a miss
		{"AGREE", [EventLevels]Score{{1, 2, 1}, {1, 2, 1}, {1, 2, 1}}},  // P6 a false alarm
		{"PROTEST", [EventLevels]Score{{0, 1, 0}, {0, 1, 0}, {0, 1, 0}}},
		{"AID", [EventLevels]Score{{0, 1, 0}, {0, 1, 0}, {0, 1, 0}}},
		{"REQUEST", [EventLevels]Score{{1, 0, 0}, {1, 0, 0}, {1, 0, 0}}},
	} {
		if types[c.typ] != c.want {
			t.Errorf("%s: %+v, want %+v", c.typ, types[c.typ], c.want)
		}
	}
	var errIDs []string
	for _, r := range s.Errors {
		errIDs = append(errIDs, r.ID)
	}
	if got := strings.Join(errIDs, " "); got != "s1 s2 s3 s4" {
		t.Errorf("error sentences %q, want s1 s2 s3 s4", got)
	}
	r := s.Errors[0]
	if r.GoldMatch[1] != [EventLevels]int{1, 1, -1} || r.PredMatch[2] != [EventLevels]int{-1, -1, -1} {
		t.Errorf("s1 matches: gold %v pred %v", r.GoldMatch, r.PredMatch)
	}

	var b bytes.Buffer
	WriteEventScores(&b, s, true)
	out := b.String()
	for _, want := range []string{
		"5 sentences: 5 gold events (and 1 optional), 8 predicted",
		"type                   57.14   80.00   66.67        4      5       7",
		"type + actor codes     42.86   60.00   50.00        3      5       7",
		"ASSAULT            1  100.00  100.00  100.00    100.00      0.00",
		"gold  ASSAULT RUSMIL -> UKR                    found, actor codes differ",
		"pred  PROTEST/141 UKR -> RUS                   FALSE ALARM",
		"gold  AGREE HUN <-> ROU (optional)             found",
		"pred  AGREE/030 ROU -> HUN                     ok (optional event)",
		"gold  REQUEST * -> -                           MISSED",
		"pred  none",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	WriteEventScores(&b, s, false)
	if strings.Contains(b.String(), "MISSED") {
		t.Error("errors printed without being asked for")
	}
}

func TestScoreEventsCAMEO(t *testing.T) {
	gold := []GoldSentence{{ID: "p", Events: []GoldEvent{
		{CAMEO: []string{"064"}, Actor: []string{"ARN"}, Recipient: []string{"GON"}},
		{CAMEO: []string{"023"}, Actor: []string{"ARN"}},
	}}}
	s := ScoreEvents(gold, func(GoldSentence) []record.Event {
		return []record.Event{ev("COOPERATE", "064", "ARN", "GON"), ev("REQUEST", "0234", "ARN", ""), ev("ASSAULT", "190", "ARN", "GON")}
	})
	// 064 right; 0234 is not 023 (only 2-digit codes take a root); 190 a false alarm.
	if s.Levels[LevelCodes] != (Score{Gold: 2, System: 3, Correct: 1}) {
		t.Errorf("levels %+v", s.Levels)
	}
	var order []string
	for _, ty := range s.Types {
		order = append(order, ty.Type)
	}
	if got := strings.Join(order, " "); got != "CAMEO 02 CAMEO 06 CAMEO 19" {
		t.Errorf("types %q: with no PLOVER gold, rows are CAMEO roots", got)
	}
}

func TestCAMEOClass(t *testing.T) {
	for code, want := range map[string]int{
		"010": 0, "02": 0, "0231": 0, "036": 1, "05": 1, "06": 2, "0874": 2, "09": 3, "138": 3, "160": 3,
		"14": 4, "150": 4, "17": 4, "204": 4, "": -1, "21": -1, "00": -1, "x1": -1, "7": -1,
	} {
		if got := CAMEOClass(code); got != want {
			t.Errorf("CAMEOClass(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestScoreClass(t *testing.T) {
	gold := []ClassSentence{
		{Text: "a", Class: 4}, {Text: "b", Class: 0}, {Text: "c", Class: 3},
		{Text: "d", Class: 1}, {Text: "e", Class: 2}, {Text: "f", Class: 3},
	}
	neg := record.Event{CAMEO: "057", Negated: true}
	pred := map[string][]record.Event{
		"a": {{CAMEO: "190"}},                  // 4, right
		"b": {{CAMEO: ""}, {CAMEO: "020"}},     // the first with a code: 0, right
		"c": {{CAMEO: "160"}, {CAMEO: "040"}},  // 16 is class 3, right
		"e": {neg, {CAMEO: "150"}},             // the negated one skipped: 4, wrong
		"f": {{CAMEO: "0231"}, {CAMEO: "111"}}, // 0, wrong
	}
	s := ScoreClass(gold, func(text string) []record.Event { return pred[text] })
	if s.Sentences != 6 || s.Predicted != 5 || s.Correct != 3 {
		t.Errorf("got %+v, want 6 sentences, 5 predicted, 3 right", s)
	}
	if s.Accuracy() != 0.5 || s.PredictedAccuracy() != 0.6 || math.Abs(s.Coverage()-5.0/6) > 1e-12 {
		t.Errorf("accuracy %v, over predicted %v, coverage %v", s.Accuracy(), s.PredictedAccuracy(), s.Coverage())
	}
	var want [ClassCount][ClassCount + 1]int
	want[4][4], want[0][0], want[3][3], want[1][ClassCount], want[2][4], want[3][0] = 1, 1, 1, 1, 1, 1
	if s.Confusion != want {
		t.Errorf("confusion %v, want %v", s.Confusion, want)
	}
	var b bytes.Buffer
	WriteClassScores(&b, s)
	for _, w := range []string{"accuracy 50.00%", "60.00% over sentences with a prediction", "coverage 83.33%",
		"3 verbal conflict (09-13, 16)            1     0     0     1     0     0      2"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, b.String())
		}
	}
}

func TestPetrarchAgreement(t *testing.T) {
	gold, _, err := ReadPetrarch("u.xml", strings.NewReader(petrarchAgreeSample))
	if err != nil {
		t.Fatal(err)
	}
	pred := map[string][]record.Event{
		"R1": {ev("", "064", "ARN", "GON")},
		"R2": {ev("", "064", "ARN", "GON")},
		"R4": {ev("", "041", "ARN", "GON")},
		"R5": {ev("", "023", "arn", "")},
		"R6": {ev("", "023", "ARN", "")},
		"R7": {ev("", "191", "USA", "ETH")},
	}
	s := PetrarchAgreement(gold, func(g GoldSentence) []record.Event { return pred[g.ID] })
	// R1, R3 (no events either way) and R5 agree; R7 agrees on codes
	// only; R2 and R4 disagree; R6 is skipped.
	if s.Records != 7 || s.Skipped != 1 || s.Run != 6 || s.Agree != 3 || s.CodesAgree != 4 ||
		s.NoEvents != 2 || s.NoEventsAgree != 1 || len(s.Disagree) != 3 {
		t.Errorf("got %+v", s)
	}
	var b bytes.Buffer
	WritePetrarchAgreement(&b, s, true)
	for _, w := range []string{"agree (source, target, code)     3   50.00%", "agree on event codes only        4   66.67%",
		"R7 [DEMO] (codes agree)", "expected: ARN GON 064\n            ARN GONGOV 064\n  coded:    ARN GON 064", "expected: none"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, b.String())
		}
	}
}

const petrarchAgreeSample = `<Validation><Sentences>
<Sentence date="19950101" id="R1" category="DEMO" valid="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding><Text>a</Text></Sentence>
<Sentence date="19950101" id="R2" category="DEMO" valid="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="ARN" targetcode="GONGOV" eventcode="064"></EventCoding><Text>b</Text></Sentence>
<Sentence date="19950101" id="R3" category="DEMO" valid="true">
<EventCoding noevents="True"></EventCoding><Text>c</Text></Sentence>
<Sentence date="19950101" id="R4" category="ERROR" valid="true">
<EventCoding error="dateline"></EventCoding><Text>d</Text></Sentence>
<Sentence date="19950101" id="R5" category="DEMO" valid="true">
<EventCoding sourcecode="ARN" targetcode="---" eventcode="023"></EventCoding><Text>e</Text></Sentence>
<Sentence date="19950101" id="R6" category="DEMO" valid="true"><Skip></Skip>
<EventCoding sourcecode="ARN" targetcode="---" eventcode="023"></EventCoding><Text>f</Text></Sentence>
<Sentence date="19950101" id="R7" category="DEMO" valid="true">
<EventCoding sourcecode="FRA" targetcode="ETH" eventcode="191"></EventCoding><Text>g</Text></Sentence>
</Sentences></Validation>`

func BenchmarkScoreEvents(b *testing.B) {
	gold := eventGold()
	for range 6 {
		gold = append(gold, gold...)
	}
	b.ReportAllocs()
	for b.Loop() {
		ScoreEvents(gold, eventPred)
	}
}

// Scoring the real gold files against themselves must give full marks:
// this checks that what the readers make of the gold can be matched.
func TestOracleShared(t *testing.T) {
	first := func(l []string) string {
		if len(l) == 0 {
			return ""
		}
		return strings.TrimSuffix(l[0], "*")
	}
	oracle := func(s GoldSentence) []record.Event {
		var out []record.Event
		for _, g := range s.Events {
			if g.Optional {
				continue
			}
			out = append(out, ev(first(g.PLOVER), first(g.CAMEO), first(g.Actor), first(g.Recipient)))
		}
		return out
	}
	t.Run("plover", func(t *testing.T) {
		gold, _, err := ReadEventGoldFile(sharedtest.Need(t, sharedtest.Path("data", "gold", "plover-gsr-dev.json")))
		if err != nil {
			t.Fatal(err)
		}
		s := ScoreEvents(gold, oracle)
		for l, sc := range s.Levels {
			if sc != (Score{Gold: 164, System: 164, Correct: 164}) {
				t.Errorf("level %v: %+v", EventLevel(l), sc)
			}
		}
		a := ScoreActors(gold, func(s GoldSentence) []record.Entity {
			var out []record.Entity
			for _, a := range s.Actors {
				// The country and sector as corrected (CIV is CVL).
				e := record.Entity{Country: actGoldCountry(a.Code), Sector: strings.Replace(goldNormCode(a.Sector), "CIV", "CVL", 1)}
				for _, sp := range a.Spans {
					e.Mentions = append(e.Mentions, record.Mention{Span: sp})
				}
				out = append(out, e)
			}
			return out
		})
		if all := a.All(); all != (ActorCounts{Actors: 330, Located: 329, Found: 329, Country: 329, Sector: 329}) {
			t.Errorf("actors %+v; misses %+v", all, a.Misses)
		}
	})
	t.Run("petrarch", func(t *testing.T) {
		gold, _, err := ReadEventGoldFile(sharedtest.Need(t, sharedtest.Path("data", "gold", "petrarch-unittest", "PETR.UnitTest.records.xml")))
		if err != nil {
			t.Fatal(err)
		}
		s := PetrarchAgreement(gold, oracle)
		if s.Run != 273 || s.Agree != 273 || s.CodesAgree != 273 || s.NoEvents != 27 || s.NoEventsAgree != 27 {
			t.Errorf("%+v", s)
		}
		e := ScoreEvents(PetrarchRun(gold), oracle)
		if e.Levels[LevelCodes].F1() != 1 || e.Levels[LevelType].Gold != e.Levels[LevelType].Correct {
			t.Errorf("levels %+v", e.Levels)
		}
	})
	t.Run("conflibert", func(t *testing.T) {
		f, err := os.Open(sharedtest.Need(t, sharedtest.Path("data", "gold", "conflibert", "cameo_class_train.tsv")))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		gold, _, err := ReadClass("c", f)
		if err != nil {
			t.Fatal(err)
		}
		byText := map[string]int{}
		for _, s := range gold {
			byText[s.Text] = s.Class
		}
		root := [ClassCount]string{"010", "040", "070", "120", "190"}
		s := ScoreClass(gold, func(text string) []record.Event {
			return []record.Event{{CAMEO: root[byText[text]]}}
		})
		if s.Sentences != 1349 || s.Correct != 1349 {
			t.Errorf("%+v", s)
		}
		g, err := os.Open(sharedtest.Need(t, sharedtest.Path("data", "gold", "conflibert", "cameo_ner_train.txt")))
		if err != nil {
			t.Fatal(err)
		}
		defer g.Close()
		bio, _, err := ReadBIO("n", g)
		if err != nil {
			t.Fatal(err)
		}
		spans := map[string][]record.Entity{}
		for _, s := range bio {
			for _, sp := range s.Spans {
				spans[s.Text] = append(spans[s.Text], record.Entity{Mentions: []record.Mention{{Span: sp.Span}}})
			}
		}
		if a := ScoreActorSpans(bio, func(text string) []record.Entity { return spans[text] }); a.All != (SpanCounts{"all", 2162, 2162}) {
			t.Errorf("spans %+v", a)
		}
	})
}
