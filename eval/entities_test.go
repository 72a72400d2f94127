package eval

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dyad/conllu"
	"dyad/doc"
	"dyad/internal/sharedtest"
	"dyad/ner"
)

// A document of our own: "Ömer" has a two-byte letter and "🙂" is one
// UTF-16 surrogate pair, so re3d's offsets differ from byte offsets.
const re3dDocs = `{ "_id" : "D1", "title" : "t", "text" : "Ömer 🙂 met Kurdish leaders in Erbil.", "sourceName" : "s" }
{ "_id" : "D2", "text" : "We left." }
`

const re3dEnts = `{ "_id" : "e1", "begin" : 0, "end" : 4, "type" : "Person", "value" : "Ömer", "documentId" : "D1", "confidence" : 1 }
{ "_id" : "e2", "begin" : 12, "end" : 19, "type" : "Nationality", "value" : "Kurdish", "documentId" : "D1", "confidence" : 0.9 }
{ "_id" : "e3", "begin" : 31, "end" : 36, "type" : "Location", "value" : "Erbil", "documentId" : "D1", "confidence" : 1 }
{ "_id" : "e4", "begin" : 31, "end" : 36, "type" : "Organisation", "value" : "Erbil", "documentId" : "D1", "confidence" : 0 }
{ "_id" : "e5", "begin" : 31, "end" : 36, "type" : "Location", "value" : "Erbil", "documentId" : "D1", "confidence" : 1 }

{ "_id" : "e6", "begin" : 0, "end" : 2, "type" : "Organisation", "value" : "We", "documentId" : "D2", "confidence" : 1 }
{ "_id" : "e7", "begin" : 3, "end" : 7, "type" : "Temporal", "value" : "left", "documentId" : "D2", "confidence" : 1 }
`

func TestReadRe3dSource(t *testing.T) {
	docs, err := ReadRe3dSource("src", strings.NewReader(re3dDocs), strings.NewReader(re3dEnts))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "D1" || docs[0].Source != "src" {
		t.Fatalf("got %+v", docs)
	}
	var got []string
	for _, d := range docs {
		for _, e := range d.Entities {
			got = append(got, e.Type+":"+d.Text[e.Start:e.End])
		}
	}
	// Low confidence, unscored types and duplicates are dropped.
	want := "[PERSON:Ömer NORP:Kurdish LOC:Erbil ORG:We]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestReadRe3dSourceErrors(t *testing.T) {
	for _, c := range []struct{ name, docs, ents string }{
		{"bad document line", `{ "_id" : "D1", "text" : `, ""},
		{"document without id", `{ "text" : "x" }`, ""},
		{"document twice", `{ "_id" : "D1", "text" : "x" }` + "\n" + `{ "_id" : "D1", "text" : "y" }`, ""},
		{"unknown document", re3dDocs, `{ "begin" : 0, "end" : 1, "type" : "Person", "documentId" : "D9", "confidence" : 1 }`},
		{"span past the end", re3dDocs, `{ "begin" : 0, "end" : 99, "type" : "Person", "documentId" : "D2", "confidence" : 1 }`},
		{"span backwards", re3dDocs, `{ "begin" : 3, "end" : 1, "type" : "Person", "documentId" : "D2", "confidence" : 1 }`},
		{"inside a surrogate pair", re3dDocs, `{ "begin" : 6, "end" : 8, "type" : "Person", "documentId" : "D1", "confidence" : 1 }`},
		{"no confidence", re3dDocs, `{ "begin" : 0, "end" : 2, "type" : "Person", "documentId" : "D2" }`},
		{"not an object", re3dDocs, `[1, 2]`},
	} {
		if _, err := ReadRe3dSource("src", strings.NewReader(c.docs), strings.NewReader(c.ents)); !errors.Is(err, ErrRe3d) {
			t.Errorf("%s: error %v, want ErrRe3d", c.name, err)
		}
	}
}

// FuzzReadRe3dSource reads arbitrary documents and entities: an error or
// documents whose gold spans lie inside their texts, never a panic.
func FuzzReadRe3dSource(f *testing.F) {
	f.Add(re3dDocs, re3dEnts)
	f.Add(`{"_id":"a","text":"\ud83d\ude42x"}`, `{"documentId":"a","begin":2,"end":3,"type":"Person","confidence":1}`)
	f.Add(`{"_id":"a","text":"x"}`, `{"documentId":"a","begin":-1,"end":1e30,"type":"Person","confidence":1}`)
	f.Add("", "")
	f.Fuzz(func(t *testing.T, docs, ents string) {
		out, err := ReadRe3dSource("fuzz", strings.NewReader(docs), strings.NewReader(ents))
		if err != nil {
			return
		}
		for _, d := range out {
			for _, e := range d.Entities {
				if e.Start < 0 || e.End > len(d.Text) || e.Start > e.End {
					t.Fatalf("span %+v outside text of %d bytes", e, len(d.Text))
				}
			}
		}
	})
}

func TestScoreEntities(t *testing.T) {
	text := "Syria accused Israel of bombing the Mezzeh airport near Damascus."
	span := func(s, typ string) EntitySpan {
		i := strings.Index(text, s)
		return EntitySpan{Start: i, End: i + len(s), Type: typ}
	}
	docs := []EntityDoc{{Text: text, Entities: []EntitySpan{
		span("Syria", ner.Org), span("Israel", ner.Org), span("the Mezzeh airport", ner.Loc), span("Damascus", ner.Loc),
	}}}
	pred := func(string) []EntitySpan {
		return []EntitySpan{
			span("Syria", ner.GPE),                 // GPE as ORG: exact
			span("Israel", ner.Loc),                // wrong type
			span("Mezzeh", ner.GPE),                // GPE as LOC: overlap only
			span("Damascus", ner.GPE),              // GPE as LOC: exact
			span("bombing", ner.Event),             // not scored on re3d
			{Start: 5, End: 999, Type: ner.Person}, // outside the text: ignored
		}
	}
	s := ScoreEntities("t", docs, Re3dTask, pred)
	row := map[string]EntityTypeScores{}
	for _, r := range s.Types {
		row[r.Type] = r
	}
	for _, c := range []struct {
		name      string
		got, want Score
	}{
		{"ORG exact", row[ner.Org].Exact, Score{Gold: 2, System: 1, Correct: 1}},
		{"LOC exact", row[ner.Loc].Exact, Score{Gold: 2, System: 3, Correct: 1}},
		{"LOC overlap", row[ner.Loc].Overlap, Score{Gold: 2, System: 3, Correct: 2}},
		{"all exact", s.All.Exact, Score{Gold: 4, System: 4, Correct: 2}},
		{"all overlap", s.All.Overlap, Score{Gold: 4, System: 4, Correct: 3}},
		{"spans exact", s.Untyped.Exact, Score{Gold: 4, System: 4, Correct: 3}},
		{"spans overlap", s.Untyped.Overlap, Score{Gold: 4, System: 4, Correct: 4}},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, c.got, c.want)
		}
	}
	strict := ScoreEntities("t", docs, Re3dStrictTask, pred)
	if strict.All.Exact.Correct != 1 {
		t.Errorf("strict: %+v, want only Damascus right", strict.All.Exact)
	}
	var b bytes.Buffer
	WriteEntityScores(&b, s)
	if out := b.String(); !strings.Contains(out, "t: 1 texts") || strings.Count(out, "\n") != 8 || !strings.Contains(out, "SPAN") {
		t.Errorf("report:\n%s", out)
	}
}

func TestOverlapIsOneToOne(t *testing.T) {
	gold := []EntitySpan{{0, 10, "X"}}
	pred := []EntitySpan{{0, 4, "X"}, {5, 10, "X"}}
	_, ov := entMatch(gold, pred)
	if ov.Correct != 1 {
		t.Errorf("got %+v, want one match", ov)
	}
}

func TestNamedOnly(t *testing.T) {
	text := "We told the city that President Obama and the Coalition met in Raqqah."
	var ents []EntitySpan
	for _, s := range []string{"We", "the city", "President Obama", "the Coalition", "Raqqah"} {
		i := strings.Index(text, s)
		ents = append(ents, EntitySpan{Start: i, End: i + len(s), Type: ner.Org})
	}
	got := NamedOnly([]EntityDoc{{Text: text, Entities: ents}})[0]
	var kept []string
	for _, e := range got.Entities {
		kept = append(kept, text[e.Start:e.End])
	}
	if want := "[President Obama the Coalition Raqqah]"; fmt.Sprint(kept) != want {
		t.Errorf("kept %v, want %s", kept, want)
	}
	if len(ents) != 5 {
		t.Error("NamedOnly changed its input")
	}
}

// oracle "recognises" the gold mentions of the sentences it is given, in
// order.
type oracle struct {
	gold []*conllu.Sentence
	g    *ner.Gazetteer
	i    int
}

func (o *oracle) Tag(words []doc.Word) {}

func (o *oracle) Entities(words []doc.Word) []ner.Mention {
	ms, _ := ner.GoldMentions(o.gold[o.i], o.g)
	o.i++
	return ms
}

func TestScoreGUMEntities(t *testing.T) {
	gold, err := conllu.ReadAll(strings.NewReader(
		"1\tAnn\t_\tPROPN\t_\t_\t2\tnsubj\t_\tEntity=(1-person-new-nnnnn-cf1-1-sgl)\n"+
			"2\tvisited\t_\tVERB\t_\t_\t0\troot\t_\t_\n"+
			"3\tOslo\t_\tPROPN\t_\t_\t2\tobj\t_\tEntity=(2-place-new-nnnnn-cf2-1-sgl)\n\n"), "g")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ScoreGUMEntities("gum", &oracle{gold: gold}, gold, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.All.Exact != (Score{Gold: 2, System: 2, Correct: 2}) || s.Texts != 1 {
		t.Errorf("got %+v", s)
	}
}

type fakeAnnotator struct{}

func (fakeAnnotator) Annotate(text string) []doc.Sentence {
	// Two sentences: "Ann left." and "Bo came."
	w := func(s, e int) doc.Word { return doc.Word{Form: text[s:e], Span: doc.Span{Start: s, End: e}} }
	return []doc.Sentence{
		{Words: []doc.Word{w(0, 3), w(4, 8), w(8, 9)}},
		{Words: []doc.Word{w(10, 12), w(13, 17), w(17, 18)}},
	}
}

func (fakeAnnotator) Entities(words []doc.Word) []ner.Mention {
	return []ner.Mention{{Start: 0, End: 1, Type: ner.Person}, {Start: 2, End: 9, Type: ner.Person}}
}

func TestNERPredictor(t *testing.T) {
	text := "Ann left. Bo came."
	got := NERPredictor(fakeAnnotator{})(text)
	if want := "[{0 3 PERSON} {10 12 PERSON}]"; fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s (mentions past the words dropped)", got, want)
	}
}

// TestRe3dCorpus reads the whole re3d corpus when it is available.
func TestRe3dCorpus(t *testing.T) {
	dir := sharedtest.Need(t, sharedtest.Path("data", "gold", "re3d", "README.md"))
	docs, err := ReadRe3d(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range docs {
		n += len(d.Entities)
	}
	if len(docs) != 98 || n < 2000 {
		t.Errorf("%d documents, %d gold mentions; want 98 documents and over 2000 mentions", len(docs), n)
	}
}
