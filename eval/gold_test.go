package eval

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/internal/sharedtest"
	"dyad/record"
)

// goldDiagLines returns the lines of the diagnostics.
func goldDiagLines(ds []doc.Diagnostic) []int {
	var l []int
	for _, d := range ds {
		l = append(l, d.Line)
	}
	return l
}

const dyadGoldSample = `{"id":"a","date":"2025-02-12","text":"Trump called Putin.","events":[{"actor":["USAGOV"],"recipient":["RUSGOV"],"cameo":["041"],"plover":["CONSULT"]}]}

{"text":"Nothing happens here."}
not json
{"id":"c","text":"x","events":[{"actor":"usa","plover":"demand","either":true,"optional":true,"context":"diplomatic"}]}
{"id":"d","text":"y","events":[{"plover":["FLY"]}]}
{"id":"e","text":"z","events":[{"actor":["USA"]}]}
{"id":"f","text":"z","events":[{"cameo":["4"]}]}
{"id":7,"text":"w"}
{"text":"  "}
{"id":"g","date":"2025-13-01","text":"t"}
{"id":"h","text":"v","events":[{"cameo":"19","actor":["*"],"recipient":[]}]}
["an array"]
{"id":"i","text":"u","events":[{"cameo":["04"],"actor":[""]}]}
` + "{\"id\":\"j\",\"text\":\"\xff\"}"

func TestReadDyadGold(t *testing.T) {
	got, diags, err := ReadDyadGold("g.jsonl", strings.NewReader(dyadGoldSample))
	if err != nil {
		t.Fatal(err)
	}
	want := []GoldSentence{
		{ID: "a", Date: "2025-02-12", Text: "Trump called Putin.", Origin: "g.jsonl:1", Events: []GoldEvent{
			{Actor: []string{"USAGOV"}, Recipient: []string{"RUSGOV"}, CAMEO: []string{"041"}, PLOVER: []string{"CONSULT"}}}},
		{ID: "g.jsonl:3", Text: "Nothing happens here.", Origin: "g.jsonl:3"},
		{ID: "c", Text: "x", Origin: "g.jsonl:5", Events: []GoldEvent{
			{Actor: []string{"USA"}, PLOVER: []string{"REQUEST"}, Either: true, Optional: true, Context: []string{"diplomatic"}}}},
		{ID: "7", Text: "w", Origin: "g.jsonl:9"},
		{ID: "h", Text: "v", Origin: "g.jsonl:12", Events: []GoldEvent{{Actor: []string{"*"}, Recipient: []string{}, CAMEO: []string{"19"}}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences:\n got %+v\nwant %+v", got, want)
	}
	// 4 not JSON, 6 unknown PLOVER type, 7 no type, 8 bad cameo, 10 no
	// text, 11 bad date, 13 not an object, 14 empty actor code, 15 not UTF-8.
	if l, w := goldDiagLines(diags), []int{4, 6, 7, 8, 10, 11, 13, 14, 15}; !reflect.DeepEqual(l, w) {
		t.Errorf("diagnostics at lines %v, want %v: %v", l, w, diags)
	}
	for _, d := range diags {
		if d.Origin != "g.jsonl" || !strings.Contains(d.Message, "skipped") {
			t.Errorf("diagnostic %v: want origin g.jsonl and 'skipped'", d)
		}
	}
}

const ploverSample = `[
 {"id": "X-AGREE-1", "date": "2000-01-01", "event": "AGREE",
  "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
             {"actorText": "Romanian", "code": "ROU"}],
  "target": "diplomatic", "eventText": "agreed", "context": "refugees, economic", "mode": null,
  "text": "Senior Hungarian and Romanian officials agreed on Wednesday."},
 {"id": "X-FIGHT-2", "event": "FIGHT",
  "target": [{"actorText": "Iraqi civilians", "code": "IRQ", "sector": "CIV"}],
  "text": "Three Iraqi civilians were killed."},
 {"id": "X-DEMAND-3", "event": "DEMAND",
  "source": [{"actorText": "Red Cross", "code": "IGO", "sector": "MED"}],
  "target": [{"actorText": "US forces", "code": "USA", "sector": "MIL"},
             {"actorText": "British forces", "code": "GBR", "sector": "MIL"}],
  "text": "The Red Cross said US and British forces must ensure security."},
 {"id": "X-SANCTION-4", "event": "FIGHT", "source": [{"actorText": "Japan", "code": "JAP", "sector": "***"}],
  "target": [{"actorText": "Bosnian Serbs", "code": "BIH", "sector": "CIVsrp"}],
  "text": "Japan closed its border to Bosnian Serbs."},
 {"id": "X-AGREE-5", "event": "AGREE", "text": ""},
 {"id": "X-AGREE-6", "event": "DANCE", "text": "They danced."},
 {"id": "X-AGREE-7", "event": "AGREE", "source": [{"actorText": "Chile"}], "text": "Chile agreed."},
 "not a record",
 {"id": 8, "event": "protest", "source": {"actorText": "Students", "code": "ZWE", "sector": "EDU"},
  "text": "Students marched."}
]`

func TestReadPloverGold(t *testing.T) {
	got, diags, err := ReadPloverGold("p.json", strings.NewReader(ploverSample))
	if err != nil {
		t.Fatal(err)
	}
	const text1 = "Senior Hungarian and Romanian officials agreed on Wednesday."
	agree := GoldEvent{Actor: []string{"HUNGOV"}, Recipient: []string{"ROU"}, PLOVER: []string{"AGREE"},
		Either: true, Trigger: "agreed", Context: []string{"refugees", "economic"}}
	agreeOpt := agree
	agreeOpt.Optional = true
	demand := GoldEvent{Actor: []string{"IGO*"}, Recipient: []string{"USAMIL", "GBRMIL"}, PLOVER: []string{"REQUEST"}}
	demandOpt := demand
	demandOpt.Optional = true
	want := []GoldSentence{
		{ID: "X-AGREE-1", Date: "2000-01-01", Text: text1, Origin: "p.json:2",
			Events: []GoldEvent{agree, agreeOpt},
			Actors: []GoldActor{
				{Role: "source", Text: "Hungarian", Code: "HUN", Sector: "GOV", Codes: []string{"HUNGOV"}, Spans: []record.Span{{7, 16}}},
				{Role: "source", Text: "Romanian", Code: "ROU", Codes: []string{"ROU"}, Spans: []record.Span{{21, 29}}},
			}},
		{ID: "X-FIGHT-2", Text: "Three Iraqi civilians were killed.", Origin: "p.json:7",
			Events: []GoldEvent{{Recipient: []string{"IRQCVL"}, PLOVER: []string{"ASSAULT"}}},
			Actors: []GoldActor{{Role: "target", Text: "Iraqi civilians", Code: "IRQ", Sector: "CIV", Codes: []string{"IRQCVL"}, Spans: []record.Span{{6, 21}}}}},
		{ID: "X-DEMAND-3", Text: "The Red Cross said US and British forces must ensure security.", Origin: "p.json:10",
			Events: []GoldEvent{demand, demandOpt},
			Actors: []GoldActor{
				{Role: "source", Text: "Red Cross", Code: "IGO", Sector: "MED", Codes: []string{"IGO*"}, Spans: []record.Span{{4, 13}}},
				{Role: "target", Text: "US forces", Code: "USA", Sector: "MIL", Codes: []string{"USAMIL"}, Spans: []record.Span{{19, 21}}},
				{Role: "target", Text: "British forces", Code: "GBR", Sector: "MIL", Codes: []string{"GBRMIL"}, Spans: []record.Span{{26, 40}}},
			}},
		{ID: "X-SANCTION-4", Text: "Japan closed its border to Bosnian Serbs.", Origin: "p.json:15",
			Events: []GoldEvent{{Actor: []string{"JPN*"}, Recipient: []string{"BIHCVLSRP", "BIHCVL"}, PLOVER: []string{"ASSAULT"}}},
			Actors: []GoldActor{
				{Role: "source", Text: "Japan", Code: "JAP", Sector: "***", Codes: []string{"JPN*"}, Spans: []record.Span{{0, 5}}},
				{Role: "target", Text: "Bosnian Serbs", Code: "BIH", Sector: "CIVsrp", Codes: []string{"BIHCVLSRP", "BIHCVL"}, Spans: []record.Span{{27, 40}}},
			}},
		{ID: "8", Text: "Students marched.", Origin: "p.json:22",
			Events: []GoldEvent{{Actor: []string{"ZWEEDU"}, PLOVER: []string{"PROTEST"}}},
			Actors: []GoldActor{{Role: "source", Text: "Students", Code: "ZWE", Sector: "EDU", Codes: []string{"ZWEEDU"}, Spans: []record.Span{{0, 8}}}}},
	}
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got), len(want)) {
			if i >= len(got) || i >= len(want) || !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("record %d:\n got %+v\nwant %+v", i, got[min(i, len(got)-1)], want[min(i, len(want)-1)])
			}
		}
	}
	wantDiags := []string{
		"p.json:2: X-AGREE-1: target is \"diplomatic\"",
		"p.json:15: X-SANCTION-4: id names SANCTION but the event is FIGHT",
		"p.json:15: X-SANCTION-4: source code JAP read as JPN",
		"p.json:18: X-AGREE-5: no text; skipped",
		"p.json:19: X-AGREE-6: event \"DANCE\" is not a PLOVER type; skipped",
		"p.json:20: X-AGREE-7: source actor 1 has no code; skipped",
		"p.json:21: record: not a JSON object; skipped",
	}
	if len(diags) != len(wantDiags) {
		t.Fatalf("got %d diagnostics, want %d: %v", len(diags), len(wantDiags), diags)
	}
	for i, d := range diags {
		if !strings.HasPrefix(d.String(), wantDiags[i]) {
			t.Errorf("diagnostic %d: got %q, want it to start %q", i, d, wantDiags[i])
		}
	}
}

func TestReadPloverGoldBroken(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"id": "x"}`, "p.json:1: not a JSON array"},
		{"[\n {\"id\": \"a\", \"event\": \"AGREE\", \"text\": \"A agreed.\"},\n {\"id\": \"b\",,}\n]", "p.json:3: not JSON"},
		{"[\n {\"id\": \"a\", \"event\": \"AGREE\", \"text\": \"A agreed.\"}", "p.json:2: not JSON: unexpected end"},
		{"", "p.json:1: not JSON"},
	} {
		got, diags, err := ReadPloverGold("p.json", strings.NewReader(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), tc.want) {
			t.Errorf("%q: diagnostics %v, want one starting %q", tc.in, diags, tc.want)
		}
		if strings.Contains(tc.in, `"a"`) && len(got) != 1 {
			t.Errorf("%q: got %d records, want the one before the error", tc.in, len(got))
		}
	}
}

func TestGoldLocate(t *testing.T) {
	for _, tc := range []struct {
		text, actor string
		want        []string
	}{
		{"Senior Hungarian officials", "Hungarian", []string{"Hungarian"}},
		{"The Homeland Union (Conservatives) began", "Homeland Union  (Conservatives)", []string{"Homeland Union (Conservatives)"}},
		{"A member of the parliament", " A member of the parliament", []string{"A member of the parliament"}},
		{"tortured Sierra Leonean and Liberian refugees", "Sierra Leonean ... refugees", []string{"Sierra Leonean", "refugees"}},
		{"Hundreds of people blocked streets in Hong Kong", "Hundreds of people .. in Hong Kong", []string{"Hundreds of people", "in Hong Kong"}},
		{"The pro-Iranian Hizbollah group declared", "pro-Iranian Hizbollah  (Party of God)", []string{"pro-Iranian Hizbollah"}},
		{"The Turkish and Greek sides", "Greek-Cypriot", []string{"Greek"}},
		{"he told us that US and British forces", "US forces", []string{"US"}},
		{"refusing admittance to Ghanaians", "Ghanians", nil},
		{"the UNITED NATIONS said", "United Nations", []string{"UNITED NATIONS"}},
		{"Iran and Iraq; Iraq said", "Iraq", []string{"Iraq"}},
		{"Iranian officials", "Iran", nil},
		{"", "Iran", nil},
		{"Iran", "", nil},
	} {
		var got []string
		for _, sp := range goldLocate(tc.text, tc.actor, nil) {
			got = append(got, tc.text[sp[0]:sp[1]])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("goldLocate(%q, %q) = %q, want %q", tc.text, tc.actor, got, tc.want)
		}
	}
}

func TestPloverCodes(t *testing.T) {
	for _, tc := range []struct {
		code, sector string
		want         []string
	}{
		{"HUN", "GOV", []string{"HUNGOV"}},
		{"usa", "", []string{"USA"}},
		{"ISR", "***", []string{"ISR*"}},
		{"IRQ", "CVLkur", []string{"IRQCVLKUR", "IRQCVL"}},
		{"LBY", "CIV", []string{"LBYCVL"}},
		{"PHL", "REBMOS", []string{"PHLREBMOS"}},
		{"IGO", "GOV", []string{"IGO*"}},
		{"NGO", "", []string{"NGO*"}},
		{"ITL", "", []string{"ITA"}},
	} {
		if got, _ := ploverCodes(tc.code, tc.sector); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ploverCodes(%q, %q) = %q, want %q", tc.code, tc.sector, got, tc.want)
		}
	}
}

func TestPloverEventsCompound(t *testing.T) {
	a := func(code string) GoldActor { return GoldActor{Codes: []string{code}} }
	base := GoldEvent{PLOVER: []string{"CONSULT"}}
	// Three compound actors: any ordered pair, one required and five optional.
	ev := ploverEvents(base, []GoldActor{a("A"), a("B"), a("C")}, nil)
	if len(ev) != 6 || ev[0].Optional || !ev[1].Optional || !ev[0].Either ||
		!reflect.DeepEqual(ev[0].Actor, []string{"A", "B", "C"}) || !reflect.DeepEqual(ev[0].Recipient, ev[0].Actor) {
		t.Errorf("three compound actors: %+v", ev)
	}
	// Two sources and two targets: one required event and three optional.
	ev = ploverEvents(base, []GoldActor{a("A"), a("B")}, []GoldActor{a("C"), a("D")})
	if len(ev) != 4 || ev[0].Optional || !ev[3].Optional || ev[0].Either ||
		!reflect.DeepEqual(ev[0].Recipient, []string{"C", "D"}) {
		t.Errorf("two by two: %+v", ev)
	}
	// No actors at all: one event.
	if ev = ploverEvents(base, nil, nil); len(ev) != 1 || ev[0].Actor != nil {
		t.Errorf("no actors: %+v", ev)
	}
}

const petrarchSample = `<Validation>
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Include>valid DEMO COMPOUND</Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<!-- <Sentence id="COMMENTED"> -->
<Sentence date="19950101" id="DEMO-01" category="DEMO" valid="true">
<!-- two events -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="ARN" targetcode='"GONDOR TOWN"' eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor
almost five years after crowds trashed its embassy.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "19950102" id ="DEMO-02" category="DEMO"  valid="true">
<EventCoding noevents = "True"> </EventCoding>
<Text>Nothing.</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="19950103" id="DEMO-03" category="DEMO" valid="true">
<EventCoding error="dateline"></EventCoding>
<Text>ARNOR, Jan 3 - Gondor.</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="19950104" id="DEMO-04" category="DEMO" valid="false">
<EventCoding sourcecode="ARN" targetcode="---" eventcode="023"></EventCoding>
<Text>Arnor appealed.</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="19950105" id="COMPOUND-05" category="COMPOUND" valid="true">
<Skip></Skip>
<EventCoding sourcecode="ARN" targetcode="---" eventcode="023"></EventCoding>
<Text>Arnor appealed.</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="19950106" id="AGENTS-06" category="AGENTS" valid="true">
<EventCoding sourcecode="ARN" targetcode="" eventcode="023"></EventCoding>
<Text>Arnor appealed.</Text>
</Sentence>
<Sentence date="1995" category="DEMO" valid="true">
<Text>No id.</Text>
</Sentence>
<Sentence date="1995" id="DEMO-08" category="DEMO" valid="true">
<EventCoding sourcecode="ARN" targetcode="---"></EventCoding>
<Text>Arnor appealed.</Text>
</Sentence>
</Sentences>
</Validation>
`

func TestReadPetrarch(t *testing.T) {
	got, diags, err := ReadPetrarch("u.xml", strings.NewReader(petrarchSample))
	if err != nil {
		t.Fatal(err)
	}
	var ids, skipped []string
	for _, s := range got {
		ids = append(ids, s.ID)
		skipped = append(skipped, s.Petrarch.Skipped)
	}
	if w := []string{"DEMO-01", "DEMO-02", "DEMO-03", "DEMO-04", "COMPOUND-05", "AGENTS-06", "DEMO-08"}; !reflect.DeepEqual(ids, w) {
		t.Fatalf("ids %q, want %q", ids, w)
	}
	if w := []string{"", "", "", "invalid", "skip", "category", ""}; !reflect.DeepEqual(skipped, w) {
		t.Errorf("skipped %q, want %q", skipped, w)
	}
	if run := PetrarchRun(got); len(run) != 4 {
		t.Errorf("PetrarchRun kept %d records, want 4", len(run))
	}
	d := got[0]
	if d.Text != "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy." ||
		d.Date != "1995-01-01" || d.Origin != "u.xml:9" || d.Petrarch.Parse != "(ROOT (S (NP (NNP Arnor))))" {
		t.Errorf("DEMO-01: %+v %+v", d, d.Petrarch)
	}
	wantEv := []GoldEvent{
		{Actor: []string{"ARN"}, Recipient: []string{"GON"}, CAMEO: []string{"064"}},
		{Actor: []string{"ARN"}, Recipient: []string{`"GONDOR TOWN"`}, CAMEO: []string{"064"}},
	}
	if !reflect.DeepEqual(d.Events, wantEv) {
		t.Errorf("DEMO-01 events %+v, want %+v", d.Events, wantEv)
	}
	if d.Petrarch.Options["require_dyad"] != "" || got[1].Petrarch.Options["require_dyad"] != "false" ||
		got[1].Petrarch.Options["stop_on_error"] != "True" {
		t.Errorf("options: %v then %v", d.Petrarch.Options, got[1].Petrarch.Options)
	}
	if p := got[1].Petrarch; !p.NoEvents || len(p.Expected) != 0 || len(got[1].Events) != 0 {
		t.Errorf("DEMO-02: %+v", p)
	}
	if p := got[2].Petrarch; p.Error != "dateline" || len(p.Expected) != 0 {
		t.Errorf("DEMO-03: %+v", p)
	}
	if e := got[5].Events; len(e) != 1 || e[0].Recipient != nil {
		t.Errorf("AGENTS-06: empty target must be no recipient: %+v", e)
	}
	// The record without an id (line 45) is skipped; DEMO-08's date and
	// incomplete coding are reported.
	want := []string{
		"u.xml:45: record: no id; skipped",
		"u.xml:48: DEMO-08: date \"1995\" is not YYYYMMDD",
		"u.xml:48: DEMO-08: an <EventCoding> without",
	}
	if len(diags) != len(want) {
		t.Fatalf("diagnostics %v, want %d", diags, len(want))
	}
	for i, d := range diags {
		if !strings.HasPrefix(d.String(), want[i]) {
			t.Errorf("diagnostic %q, want it to start %q", d, want[i])
		}
	}
}

func TestReadPetrarchBroken(t *testing.T) {
	in := "<Validation><Sentences>\n<Sentence id=\"A\" category=\"DEMO\" valid=\"true\"><Text>A.</Text></Sentence>\n<Sentence id=\"B\"><Text>B.</Sentence>\n</Sentences></Validation>"
	got, diags, err := ReadPetrarch("u.xml", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "A" || len(diags) != 2 || diags[0].Line != 2 || diags[1].Line != 3 {
		t.Errorf("got %d records, diagnostics %v; want record A, a diagnostic for its missing <EventCoding> (line 2) and one at line 3", len(got), diags)
	}
}

func TestReadClass(t *testing.T) {
	in := "Russia attacked Ukraine.\t4\r\n\r\nno tab here\r\nBad class.\t7\r\n\t2\r\nPutin met Xi.\t1\nTabs\tinside.\t0"
	got, diags, err := ReadClass("c.tsv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []ClassSentence{
		{ID: "c.tsv:1", Text: "Russia attacked Ukraine.", Class: 4},
		{ID: "c.tsv:6", Text: "Putin met Xi.", Class: 1},
		{ID: "c.tsv:7", Text: "Tabs\tinside.", Class: 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if l := goldDiagLines(diags); !reflect.DeepEqual(l, []int{3, 4, 5}) {
		t.Errorf("diagnostics %v, want lines 3, 4, 5", diags)
	}
}

func TestReadBIO(t *testing.T) {
	in := "-DOCSTART- O\n\nThe B-S\nUS B-T\nPresident I-S\nsaid O\nBaghdad I-T\n’ I-T\ns I-T\nforces O\n.\tO\n\n\n" +
		"bad\n\nx B-S\ny X-S\n\nIran B-R\n( O\nTehran B-S\n) O"
	got, diags, err := ReadBIO("n.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d sentences, want 2: %+v", len(got), got)
	}
	s := got[0]
	if s.ID != "n.txt:3" || s.Text != "The US President said Baghdad’s forces." {
		t.Errorf("sentence 1: id %q text %q", s.ID, s.Text)
	}
	var spans []string
	for _, sp := range s.Spans {
		spans = append(spans, fmt.Sprintf("%s:%d-%d:%s", sp.Label, sp.First, sp.End, s.Text[sp.Span[0]:sp.Span[1]]))
	}
	// I-S after B-T and I-T after O start spans, as conlleval does.
	want := []string{"S:0-1:The", "T:1-2:US", "S:2-3:President", "T:4-7:Baghdad’s"}
	if !reflect.DeepEqual(spans, want) {
		t.Errorf("spans %q, want %q", spans, want)
	}
	if s := got[1]; s.Text != "Iran (Tehran)" || len(s.Spans) != 2 || s.Spans[1].Span != (record.Span{6, 12}) {
		t.Errorf("sentence 2: %+v", s)
	}
	if l := goldDiagLines(diags); !reflect.DeepEqual(l, []int{14, 17}) {
		t.Errorf("diagnostics %v, want lines 14 and 17", diags)
	}
}

func TestCbDetokenize(t *testing.T) {
	for _, tc := range []struct{ toks, want string }{
		{"Mr . Sisi met Pe ñ a Nieto , he said .", "Mr. Sisi met Peña Nieto, he said."},
		{"the much - vaunted wall , Syria - related", "the much-vaunted wall, Syria-related"},
		{"calling it “ dangerous ” and ( NAF ) $ 120 billion , 7 . 5 %", "calling it “dangerous” and (NAF) $120 billion, 7.5%"},
		{"the Kurds ' role and Israel ’ s capital and Russia 's", "the Kurds ' role and Israel’s capital and Russia's"},
		{"do n't stop it 's", "don't stop it's"},
	} {
		s := BIOSentence{Tokens: strings.Fields(tc.toks)}
		s.Tags = make([]string, len(s.Tokens))
		for i := range s.Tags {
			s.Tags[i] = "O"
		}
		cbFinish(&s)
		if s.Text != tc.want {
			t.Errorf("%q: got %q, want %q", tc.toks, s.Text, tc.want)
		}
		for i, sp := range s.TokenSpans {
			if s.Text[sp[0]:sp[1]] != s.Tokens[i] {
				t.Errorf("%q: token %d at %v is %q", tc.toks, i, sp, s.Text[sp[0]:sp[1]])
			}
		}
	}
}

func TestReadEventGoldSniff(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"\ufeff  [{\"id\":\"p\",\"event\":\"AGREE\",\"text\":\"A agreed.\"}]", "p"},
		{"\n<Validation><Sentences><Sentence id=\"x\" valid=\"true\"><EventCoding noevents=\"True\"/><Text>X.</Text></Sentence></Sentences></Validation>", "x"},
		{`{"id":"d","text":"D."}`, "d"},
	} {
		got, diags, err := ReadEventGold("in", strings.NewReader(tc.in))
		if err != nil || len(diags) != 0 || len(got) != 1 || got[0].ID != tc.want {
			t.Errorf("%q: got %+v %v %v, want one record %q", tc.in, got, diags, err, tc.want)
		}
	}
	if _, _, err := ReadEventGoldFile("/nonexistent/gold.json"); err == nil {
		t.Error("ReadEventGoldFile: no error for a missing file")
	}
}

// The real gold files: their counts, and what the readers report.
func TestGoldFilesShared(t *testing.T) {
	t.Run("plover", func(t *testing.T) {
		g, diags, err := ReadEventGoldFile(sharedtest.Need(t, sharedtest.Path("data", "gold", "plover-gsr-dev.json")))
		if err != nil {
			t.Fatal(err)
		}
		var required, optional, actors, located int
		types := map[string]int{}
		for _, s := range g {
			for _, e := range s.Events {
				if e.Optional {
					optional++
				} else {
					required++
					types[e.PLOVER[0]]++
				}
			}
			for _, a := range s.Actors {
				actors++
				if len(a.Spans) > 0 {
					located++
				}
			}
		}
		// 164 records, one required event each; 11 with two compound
		// sources and 10 with two targets give 21 optional events; 330
		// actors, all found in the text but "Ghanians" (the text says
		// Ghanaians). Reported: the "diplomatic" target, JAP, ITL and the
		// SANCTION record coded FIGHT.
		if len(g) != 164 || required != 164 || optional != 21 || actors != 330 || located != 329 || len(diags) != 4 {
			t.Errorf("%d records, %d events + %d optional, %d actors (%d located), %d diagnostics %v; want 164, 164 + 21, 330 (329), 4",
				len(g), required, optional, actors, located, len(diags), diags)
		}
		if types["REQUEST"] != 17 || types["ACCUSE"] != 13 || types["ASSAULT"] != 17 {
			t.Errorf("types %v: want REQUEST 17 (DEMAND), ACCUSE 13 (DISAPPROVE 8 + INVESTIGATE 5), ASSAULT 17 (FIGHT 9 + ASSAULT 8)", types)
		}
	})
	t.Run("petrarch", func(t *testing.T) {
		g, diags, err := ReadEventGoldFile(sharedtest.Need(t, sharedtest.Path("data", "gold", "petrarch-unittest", "PETR.UnitTest.records.xml")))
		if err != nil {
			t.Fatal(err)
		}
		skipped := map[string]int{}
		var expected, noEvents, errs int
		for _, s := range g {
			skipped[s.Petrarch.Skipped]++
			expected += len(s.Petrarch.Expected)
			if s.Petrarch.NoEvents {
				noEvents++
			}
			if s.Petrarch.Error != "" {
				errs++
			}
		}
		// 281 records (not 284): 5 valid="false", 2 with <Skip>, 1 in
		// category COMPOUNDx, which the <Include> list leaves out; 356
		// expected triples; 19 noevents and 7 error records; PATTERN-06 has no
		// <EventCoding> at all (reported; read as expecting none).
		want := map[string]int{"": 273, "invalid": 5, "skip": 2, "category": 1}
		if len(g) != 281 || !reflect.DeepEqual(skipped, want) || expected != 356 || noEvents != 19 || errs != 7 || len(diags) != 1 {
			t.Errorf("%d records, skipped %v, %d triples, %d noevents, %d errors, diagnostics %v", len(g), skipped, expected, noEvents, errs, diags)
		}
	})
	t.Run("class", func(t *testing.T) {
		f, err := os.Open(sharedtest.Need(t, sharedtest.Path("data", "gold", "conflibert", "cameo_class_train.tsv")))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		g, diags, err := ReadClass("cameo_class_train.tsv", f)
		if err != nil {
			t.Fatal(err)
		}
		var n [ClassCount]int
		for _, s := range g {
			n[s.Class]++
		}
		if len(g) != 1349 || n != [ClassCount]int{240, 248, 303, 337, 221} || len(diags) != 0 {
			t.Errorf("%d sentences by class %v, diagnostics %v; want 1349: 240 248 303 337 221", len(g), n, diags)
		}
	})
	t.Run("bio", func(t *testing.T) {
		f, err := os.Open(sharedtest.Need(t, sharedtest.Path("data", "gold", "conflibert", "cameo_ner_train.txt")))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		g, diags, err := ReadBIO("cameo_ner_train.txt", f)
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		tokens := 0
		for _, s := range g {
			tokens += len(s.Tokens)
			for _, sp := range s.Spans {
				n[sp.Label]++
			}
		}
		// 1094 B-S plus 3 I-S that follow a B-T.
		if len(g) != 1153 || tokens != 28815 || !reflect.DeepEqual(n, map[string]int{"S": 1097, "T": 963, "R": 102}) || len(diags) != 0 {
			t.Errorf("%d sentences, %d tokens, spans %v, diagnostics %v; want 1153, 28815, S 1097 T 963 R 102", len(g), tokens, n, diags)
		}
	})
}

func FuzzReadDyadGold(f *testing.F) {
	f.Add(dyadGoldSample)
	f.Add(`{"text":"a","events":[{"cameo":"04","actor":"*"}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		g, _, err := ReadDyadGold("f", strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range g {
			if s.Text == "" || s.ID == "" {
				t.Errorf("sentence without text or id: %+v", s)
			}
			for _, e := range s.Events {
				if len(e.CAMEO) == 0 && len(e.PLOVER) == 0 {
					t.Errorf("event without a type: %+v", e)
				}
			}
		}
	})
}

func FuzzReadPloverGold(f *testing.F) {
	f.Add(ploverSample)
	f.Add(`[{"id":"a","event":"AGREE","text":"A .. B","source":[{"actorText":"A .. B (c)","code":"X"}]}]`)
	f.Fuzz(func(t *testing.T, in string) {
		g, _, err := ReadPloverGold("f", strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range g {
			if len(s.Events) == 0 || s.Events[0].Optional {
				t.Errorf("record without a required event: %+v", s)
			}
			for _, a := range s.Actors {
				for _, sp := range a.Spans {
					if sp[0] < 0 || sp[0] > sp[1] || sp[1] > len(s.Text) {
						t.Errorf("span %v out of text %q", sp, s.Text)
					}
				}
			}
		}
	})
}

func FuzzReadPetrarch(f *testing.F) {
	f.Add(petrarchSample)
	f.Add(`<Sentences><Stop/><Sentence id="a"><Text>a</Text></Sentence></Sentences>`)
	f.Fuzz(func(t *testing.T, in string) {
		g, _, err := ReadPetrarch("f", strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range g {
			if s.Petrarch == nil || s.ID == "" || s.Text == "" || len(s.Events) != len(s.Petrarch.Expected) {
				t.Errorf("bad record %+v", s)
			}
		}
	})
}

func FuzzReadClass(f *testing.F) {
	f.Add("Russia attacked Ukraine.\t4\r\nno tab\n\tx\n")
	f.Fuzz(func(t *testing.T, in string) {
		g, _, err := ReadClass("f", strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range g {
			if s.Class < 0 || s.Class >= ClassCount || s.Text == "" {
				t.Errorf("bad sentence %+v", s)
			}
		}
	})
}

func FuzzReadBIO(f *testing.F) {
	f.Add("The B-S\nUS B-T\nPresident I-S\nPe O\nñ O\na O\n’ O\ns O\n\nx B-R\n")
	f.Fuzz(func(t *testing.T, in string) {
		g, _, err := ReadBIO("f", strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range g {
			if len(s.Tokens) != len(s.Tags) || len(s.TokenSpans) != len(s.Tokens) {
				t.Fatalf("bad sentence %+v", s)
			}
			for i, sp := range s.TokenSpans {
				if s.Text[sp[0]:sp[1]] != s.Tokens[i] {
					t.Errorf("token %d at %v is not %q in %q", i, sp, s.Tokens[i], s.Text)
				}
			}
			for _, sp := range s.Spans {
				if sp.First < 0 || sp.First >= sp.End || sp.End > len(s.Tokens) {
					t.Errorf("bad span %+v", sp)
				}
			}
		}
	})
}

func BenchmarkReadPloverGold(b *testing.B) {
	in := "[" + strings.Repeat(strings.TrimSuffix(strings.TrimPrefix(ploverSample, "["), "]")+",", 20) + `{"id":"z","event":"AGREE","text":"z"}]`
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, _, err := ReadPloverGold("b", strings.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadPetrarch(b *testing.B) {
	b.SetBytes(int64(len(petrarchSample)))
	for b.Loop() {
		if _, _, err := ReadPetrarch("b", strings.NewReader(petrarchSample)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadBIO(b *testing.B) {
	in := strings.Repeat("The B-S\nUS B-T\nPresident I-S\nsaid O\nBaghdad B-T\n’ I-T\ns I-T\nforces O\n. O\n\n", 100)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, _, err := ReadBIO("b", strings.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGoldLocateTaken(t *testing.T) {
	const text = "The radical Palestinian Islamic Jihad rejected a meeting of Palestinian factions."
	first := goldLocate(text, "Palestinian Islamic Jihad", nil)
	second := goldLocate(text, "Palestinian", first)
	if len(second) != 1 || second[0] != (record.Span{60, 71}) {
		t.Errorf("second actor at %v, want the second Palestinian at 60-71", second)
	}
	// When every place is taken, the taken place is used.
	if again := goldLocate(text, "Islamic Jihad", first); len(again) != 1 || again[0] != (record.Span{24, 37}) {
		t.Errorf("taken actor at %v, want 24-37", again)
	}
}
