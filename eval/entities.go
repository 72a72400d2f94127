package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/conllu"
	"dyad/doc"
	"dyad/ner"
)

// EntitySpan is an entity mention in a text: bytes Start to End (end
// exclusive) and its type (PERSON, ORG, GPE, LOC, NORP, EVENT, as package
// dyad/ner names them). The GUM scorer uses word indexes instead of bytes.
type EntitySpan struct {
	Start, End int
	Type       string
}

// EntityDoc is a document with its gold entities.
type EntityDoc struct {
	ID       string
	Source   string // the collection it comes from (re3d: the sub-folder)
	Text     string
	Entities []EntitySpan // sorted by Start, then End
}

// EntityTask says which types an entity score counts and how predicted
// types map onto them.
type EntityTask struct {
	Types []string // the gold types, in report order
	// Map gives, for a predicted type, the gold types it may stand for.
	// With several, a prediction takes the first that a gold mention with
	// its span has, else the first that a gold mention it overlaps has,
	// else the first. Types not in Map are kept as they are.
	Map map[string][]string
}

// Re3dTask scores against re3d: its Person, Organisation, Location and
// Nationality annotations, read as PERSON, ORG, LOC and NORP. A GPE is a
// country, city or state both as a place and as a polity, which re3d
// tells apart: Location where it is a place, Organisation where it acts
// ("Syria accused Israel"); so a predicted GPE counts as LOC or ORG,
// whichever the gold has. Predicted EVENTs have no re3d counterpart and are
// ignored.
var Re3dTask = EntityTask{
	Types: []string{ner.Person, ner.Org, ner.Loc, ner.NORP},
	Map:   map[string][]string{ner.GPE: {ner.Loc, ner.Org}},
}

// Re3dStrictTask is Re3dTask with every predicted GPE counted as LOC.
var Re3dStrictTask = EntityTask{
	Types: Re3dTask.Types,
	Map:   map[string][]string{ner.GPE: {ner.Loc}},
}

// GUMTask scores every type dyad/ner finds, as they are.
var GUMTask = EntityTask{Types: ner.Types}

// re3dTypes maps the re3d entity types that are scored to dyad's.
var re3dTypes = map[string]string{
	"Person": ner.Person, "Organisation": ner.Org, "Location": ner.Loc, "Nationality": ner.NORP,
}

// Re3dMinConfidence is the confidence an re3d annotation needs to count as
// gold. re3d gives each annotation the probability that its type is right
// (from expert and crowd judgements); an alternative reading of the same
// or an overlapping span has a low one (0 for most).
const Re3dMinConfidence = 0.5

// ErrRe3d is returned (wrapped) for malformed re3d data.
var ErrRe3d = errors.New("re3d: malformed data")

// ReadRe3d reads the re3d corpus (github.com/dstl/re3d) from dir: every
// sub-folder holding documents.json and entities.json, in name order. See
// ReadRe3dSource for what is kept.
func ReadRe3d(dir string) ([]EntityDoc, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("re3d: %w", err)
	}
	var out []EntityDoc
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		docs, err := readRe3dDir(sub, e.Name())
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, docs...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("re3d: no documents under %s", dir)
	}
	return out, nil
}

func readRe3dDir(dir, source string) ([]EntityDoc, error) {
	df, err := os.Open(filepath.Join(dir, "documents.json"))
	if err != nil {
		return nil, err
	}
	defer df.Close()
	ef, err := os.Open(filepath.Join(dir, "entities.json"))
	if err != nil {
		return nil, err
	}
	defer ef.Close()
	return ReadRe3dSource(source, df, ef)
}

type re3dDocument struct {
	ID   string `json:"_id"`
	Text string `json:"text"`
}

type re3dEntity struct {
	DocumentID string   `json:"documentId"`
	Begin      *int     `json:"begin"`
	End        *int     `json:"end"`
	Type       string   `json:"type"`
	Confidence *float64 `json:"confidence"`
}

// ReadRe3dSource reads one re3d source: documents and entities are its
// documents.json and entities.json (JSON lines, as mongoexport writes
// them); source names it in the documents and in errors. It keeps the
// Person, Organisation, Location and Nationality annotations whose
// confidence is at least Re3dMinConfidence, typed as Re3dTask says, and
// turns re3d's offsets (UTF-16 code units, as Java counts characters) into
// byte offsets. A line that is not a JSON object, an entity of an unknown
// document or with offsets outside its text is an error naming the file and
// line.
func ReadRe3dSource(source string, documents, entities io.Reader) ([]EntityDoc, error) {
	var docs []EntityDoc
	index := map[string]int{}
	offsets := map[string][]int{} // document id → byte offset of each UTF-16 unit, and the end
	err := re3dLines(documents, func(line int, data []byte) error {
		var d re3dDocument
		if err := json.Unmarshal(data, &d); err != nil {
			return fmt.Errorf("%w: %s/documents.json:%d: %w", ErrRe3d, source, line, err)
		}
		if d.ID == "" {
			return fmt.Errorf("%w: %s/documents.json:%d: document without _id", ErrRe3d, source, line)
		}
		if _, dup := index[d.ID]; dup {
			return fmt.Errorf("%w: %s/documents.json:%d: document %s twice", ErrRe3d, source, line, d.ID)
		}
		index[d.ID] = len(docs)
		docs = append(docs, EntityDoc{ID: d.ID, Source: source, Text: d.Text})
		return nil
	})
	if err != nil {
		return nil, err
	}
	seen := map[string]map[EntitySpan]bool{}
	err = re3dLines(entities, func(line int, data []byte) error {
		var e re3dEntity
		if err := json.Unmarshal(data, &e); err != nil {
			return fmt.Errorf("%w: %s/entities.json:%d: %w", ErrRe3d, source, line, err)
		}
		if e.Begin == nil || e.End == nil || e.Confidence == nil {
			return fmt.Errorf("%w: %s/entities.json:%d: entity without begin, end or confidence", ErrRe3d, source, line)
		}
		i, ok := index[e.DocumentID]
		if !ok {
			return fmt.Errorf("%w: %s/entities.json:%d: unknown document %q", ErrRe3d, source, line, e.DocumentID)
		}
		d := &docs[i]
		off, ok := offsets[d.ID]
		if !ok {
			off = re3dOffsets(d.Text)
			offsets[d.ID] = off
		}
		b, en := *e.Begin, *e.End
		if b < 0 || en < b || en >= len(off) || off[b] < 0 || off[en] < 0 {
			return fmt.Errorf("%w: %s/entities.json:%d: span %d-%d outside the text or inside a character", ErrRe3d, source, line, b, en)
		}
		t, ok := re3dTypes[e.Type]
		if !ok || *e.Confidence < Re3dMinConfidence {
			return nil
		}
		s := EntitySpan{Start: off[b], End: off[en], Type: t}
		if seen[d.ID] == nil {
			seen[d.ID] = map[EntitySpan]bool{}
		}
		if !seen[d.ID][s] {
			seen[d.ID][s] = true
			d.Entities = append(d.Entities, s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range docs {
		entSortSpans(docs[i].Entities)
	}
	return docs, nil
}

// notNames are capitalised words that do not make a mention named.
var notNames = map[string]bool{
	"i": true, "we": true, "he": true, "she": true, "it": true, "they": true,
	"you": true, "me": true, "us": true, "him": true, "her": true, "them": true,
	"my": true, "our": true, "his": true, "its": true, "their": true,
	"your": true, "the": true, "a": true, "an": true, "this": true,
	"that": true, "these": true, "those": true, "here": true, "there": true,
}

// NamedOnly returns copies of docs that keep only the gold mentions with a
// name in them: a word that starts with an upper-case letter and is not a
// pronoun, determiner or "here"/"there". re3d marks pronouns and common
// noun phrases too ("we", "the city", "militants"), which a recogniser of
// names does not look for; this is the part of the gold it does.
func NamedOnly(docs []EntityDoc) []EntityDoc {
	out := make([]EntityDoc, len(docs))
	for i, d := range docs {
		out[i] = d
		out[i].Entities = nil
		for _, e := range d.Entities {
			if hasName(d.Text[e.Start:e.End]) {
				out[i].Entities = append(out[i].Entities, e)
			}
		}
	}
	return out
}

func hasName(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !notNames[strings.ToLower(strings.Trim(w, ".,;:!?'\"()’‘“”"))] {
			return true
		}
	}
	return false
}

// re3dLines calls f with every non-blank line of r and its 1-based number.
func re3dLines(r io.Reader, f func(line int, data []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		data := bytes.TrimSpace(sc.Bytes())
		if len(data) == 0 {
			continue
		}
		if err := f(n, data); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%w: line %d: %w", ErrRe3d, n+1, err)
	}
	return nil
}

// re3dOffsets returns, for each UTF-16 code unit of s and for its end, the
// byte offset in s; the second unit of a surrogate pair gets -1.
func re3dOffsets(s string) []int {
	off := make([]int, 0, len(s)+1)
	for i, r := range s {
		off = append(off, i)
		if r >= 0x10000 && r <= utf8.MaxRune {
			off = append(off, -1)
		}
	}
	return append(off, len(s))
}

func entSortSpans(s []EntitySpan) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Start != s[j].Start {
			return s[i].Start < s[j].Start
		}
		if s[i].End != s[j].End {
			return s[i].End < s[j].End
		}
		return s[i].Type < s[j].Type
	})
}

// EntityTypeScores are the counts of one type (or of all): Exact counts a
// predicted mention correct when its span and type equal a gold one's;
// Overlap when its span overlaps a gold mention of its type, each gold
// mention matching at most one prediction.
type EntityTypeScores struct {
	Type           string
	Exact, Overlap Score
}

// EntityScores are the results of an entity evaluation.
type EntityScores struct {
	Name  string // what was scored, for the report
	Texts int    // documents or sentences scored
	// Types has one row per type of the task, in its order.
	Types []EntityTypeScores
	// All sums the rows of Types; Untyped matches spans whatever their
	// types.
	All, Untyped EntityTypeScores
}

// ScoreEntities runs predict on every document's text and scores its
// mentions against the gold ones. Predicted types are mapped by task.Map;
// mentions of types outside task.Types are ignored, and so are spans
// outside the text or empty.
func ScoreEntities(name string, docs []EntityDoc, task EntityTask, predict func(text string) []EntitySpan) EntityScores {
	s := newEntityScores(name, task)
	for _, d := range docs {
		var pred []EntitySpan
		for _, p := range predict(d.Text) {
			if p.Start >= 0 && p.End <= len(d.Text) && p.Start < p.End {
				pred = append(pred, p)
			}
		}
		s.add(task, d.Entities, pred)
	}
	return s
}

func newEntityScores(name string, task EntityTask) EntityScores {
	s := EntityScores{Name: name, All: EntityTypeScores{Type: "ALL"}, Untyped: EntityTypeScores{Type: "SPAN"}}
	for _, t := range task.Types {
		s.Types = append(s.Types, EntityTypeScores{Type: t})
	}
	return s
}

// add scores one text's predictions.
func (s *EntityScores) add(task EntityTask, gold, pred []EntitySpan) {
	s.Texts++
	mapped := make([]EntitySpan, 0, len(pred))
	for _, p := range pred {
		p.Type = mapType(task, p, gold)
		mapped = append(mapped, p)
	}
	var allG, allP []EntitySpan
	for i := range s.Types {
		t := s.Types[i].Type
		g, p := entOfType(gold, t), entOfType(mapped, t)
		allG, allP = append(allG, g...), append(allP, p...)
		ex, ov := entMatch(g, p)
		s.Types[i].Exact = s.Types[i].Exact.Add(ex)
		s.Types[i].Overlap = s.Types[i].Overlap.Add(ov)
		s.All.Exact = s.All.Exact.Add(ex)
		s.All.Overlap = s.All.Overlap.Add(ov)
	}
	// Untyped: the spans of the scored types, types erased.
	ex, ov := entMatch(entUntyped(allG), entUntyped(allP))
	s.Untyped.Exact = s.Untyped.Exact.Add(ex)
	s.Untyped.Overlap = s.Untyped.Overlap.Add(ov)
}

// mapType returns the gold type prediction p counts as (see EntityTask.Map).
func mapType(task EntityTask, p EntitySpan, gold []EntitySpan) string {
	ts, ok := task.Map[p.Type]
	if !ok || len(ts) == 0 {
		return p.Type
	}
	for _, exact := range []bool{true, false} {
		for _, t := range ts {
			for _, g := range gold {
				if g.Type != t {
					continue
				}
				if exact && g.Start == p.Start && g.End == p.End || !exact && g.Start < p.End && p.Start < g.End {
					return t
				}
			}
		}
	}
	return ts[0]
}

// entOfType returns the distinct spans of type t, sorted.
func entOfType(spans []EntitySpan, t string) []EntitySpan {
	var out []EntitySpan
	seen := map[EntitySpan]bool{}
	for _, s := range spans {
		if s.Type == t && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	entSortSpans(out)
	return out
}

func entUntyped(spans []EntitySpan) []EntitySpan {
	out := make([]EntitySpan, 0, len(spans))
	seen := map[EntitySpan]bool{}
	for _, s := range spans {
		s.Type = ""
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	entSortSpans(out)
	return out
}

// entMatch counts exact and overlap matches between distinct sorted gold
// and predicted spans of one type. Overlap matching is one-to-one, greedy
// on the size of the overlap (ties in text order).
func entMatch(gold, pred []EntitySpan) (exact, overlap Score) {
	exact = Score{Gold: len(gold), System: len(pred)}
	overlap = exact
	in := make(map[EntitySpan]bool, len(gold))
	for _, g := range gold {
		in[g] = true
	}
	for _, p := range pred {
		if in[p] {
			exact.Correct++
		}
	}
	type pair struct{ g, p, size int }
	var pairs []pair
	for i, g := range gold {
		for j, p := range pred {
			if o := min(g.End, p.End) - max(g.Start, p.Start); o > 0 {
				pairs = append(pairs, pair{i, j, o})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].size > pairs[b].size })
	usedG := make([]bool, len(gold))
	usedP := make([]bool, len(pred))
	for _, x := range pairs {
		if !usedG[x.g] && !usedP[x.p] {
			usedG[x.g], usedP[x.p] = true, true
			overlap.Correct++
		}
	}
	return exact, overlap
}

// EntityRecognizer is what the GUM scorer runs: a tagger and a named-entity
// recogniser over a sentence's words (dyad's Pipeline is one).
type EntityRecognizer interface {
	Tag(words []doc.Word)
	Entities(words []doc.Word) []ner.Mention
}

// ScoreGUMEntities scores r on the named mentions of GUM sentences (as
// ner.GoldMentions derives them, with gazetteer g), on gold tokens: r tags
// each sentence's words and finds their mentions. Spans are word indexes.
// The error is the first malformed Entity annotation met; the sentence is
// still scored with the mentions that could be read.
func ScoreGUMEntities(name string, r EntityRecognizer, gold []*conllu.Sentence, g *ner.Gazetteer) (EntityScores, error) {
	s := newEntityScores(name, GUMTask)
	var first error
	for _, sent := range gold {
		gm, err := ner.GoldMentions(sent, g)
		if err != nil && first == nil {
			first = err
		}
		words := make([]doc.Word, len(sent.Words))
		for i, w := range sent.Words {
			words[i].Form = w.Form
		}
		r.Tag(words)
		s.add(GUMTask, entMentionSpans(gm), entMentionSpans(r.Entities(words)))
	}
	return s, first
}

func entMentionSpans(ms []ner.Mention) []EntitySpan {
	out := make([]EntitySpan, len(ms))
	for i, m := range ms {
		out[i] = EntitySpan{Start: m.Start, End: m.End, Type: m.Type}
	}
	return out
}

// EntityAnnotator annotates text and finds the named mentions of its
// sentences (dyad's Pipeline is one).
type EntityAnnotator interface {
	Annotate(text string) []doc.Sentence
	Entities(words []doc.Word) []ner.Mention
}

// NERPredictor returns the predictor ScoreEntities takes that runs a's
// language pipeline and named-entity recogniser over a text, with mentions
// as byte spans.
func NERPredictor(a EntityAnnotator) func(text string) []EntitySpan {
	return func(text string) []EntitySpan {
		var out []EntitySpan
		for _, s := range a.Annotate(text) {
			for _, m := range a.Entities(s.Words) {
				if m.Start < 0 || m.End > len(s.Words) || m.Start >= m.End {
					continue
				}
				out = append(out, EntitySpan{Start: s.Words[m.Start].Span.Start, End: s.Words[m.End-1].Span.End, Type: m.Type})
			}
		}
		return out
	}
}

// WriteEntityScores writes s as a table: per type, then all typed, then
// spans alone, the gold and predicted counts and precision, recall and F1
// (percent) with exact and with overlap matching.
func WriteEntityScores(w io.Writer, s EntityScores) {
	fmt.Fprintf(w, "%s: %d texts\n", s.Name, s.Texts)
	fmt.Fprintf(w, "%-7s %6s %6s   %6s %6s %6s   %6s %6s %6s\n", "type", "gold", "pred", "P", "R", "F1", "ovl P", "ovl R", "ovl F1")
	row := func(r EntityTypeScores) {
		e, o := r.Exact, r.Overlap
		fmt.Fprintf(w, "%-7s %6d %6d   %6.2f %6.2f %6.2f   %6.2f %6.2f %6.2f\n", r.Type, e.Gold, e.System,
			100*e.P(), 100*e.R(), 100*e.F1(), 100*o.P(), 100*o.R(), 100*o.F1())
	}
	for _, r := range s.Types {
		row(r)
	}
	row(s.All)
	row(s.Untyped)
}
