package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"dyad/record"
)

// QuoteDoc is one PolNeAR article with its annotated attributions.
type QuoteDoc struct {
	ID           string
	Text         string
	Attributions []GoldAttribution
}

// GoldAttribution is one annotated attribution: who (Source, absent for
// "Attribution-no-source") said what (Content) with which cue, as byte
// spans into the text. A discontinuous content is spanned from its first
// to its last fragment. Direct is set when the content is a direct
// quotation: it begins right after an opening quote mark, or itself begins
// with one.
type GoldAttribution struct {
	Source, Cue, Content record.Span
	Fragments            []record.Span // the content's fragments (one unless discontinuous)
	HasSource            bool
	Direct               bool
}

// ReadPolNeAR reads the PolNeAR split in dir: dir/text/NAME.txt and
// dir/attributions/NAME_XXXX.ann (brat standoff, character offsets).
// Malformed annotation lines are skipped and counted in the returned
// number of problems.
func ReadPolNeAR(dir string) ([]QuoteDoc, int, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, 0, err
	}
	if len(anns) == 0 {
		return nil, 0, fmt.Errorf("polnear: no attributions/*.ann under %s", dir)
	}
	sort.Strings(anns)
	var docs []QuoteDoc
	bad := 0
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		if i := strings.LastIndexByte(base, '_'); i > 0 {
			base = base[:i]
		}
		text, err := os.ReadFile(filepath.Join(dir, "text", base+".txt"))
		if err != nil {
			return nil, bad, fmt.Errorf("polnear: %w", err)
		}
		f, err := os.Open(a)
		if err != nil {
			return nil, bad, err
		}
		d, n := readBrat(base, string(text), f)
		f.Close()
		bad += n
		docs = append(docs, d)
	}
	return docs, bad, nil
}

// readBrat reads one brat annotation file of PolNeAR for text.
func readBrat(id, text string, r io.Reader) (QuoteDoc, int) {
	// Character offsets to byte offsets.
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	frags := map[string][]record.Span{}
	var cur []record.Span
	span := func(s string) (record.Span, bool) {
		lo, hi := -1, -1
		cur = cur[:0]
		for _, frag := range strings.Split(s, ";") {
			f := strings.Fields(frag)
			if len(f) != 2 {
				return record.Span{}, false
			}
			a, err1 := strconv.Atoi(f[0])
			b, err2 := strconv.Atoi(f[1])
			if err1 != nil || err2 != nil || a < 0 || b < a || b >= len(offs) {
				return record.Span{}, false
			}
			if lo < 0 || a < lo {
				lo = a
			}
			hi = max(hi, b)
			cur = append(cur, record.Span{offs[a], offs[b]})
		}
		return record.Span{offs[lo], offs[hi]}, lo >= 0
	}
	spans := map[string]record.Span{}
	d := QuoteDoc{ID: id, Text: text}
	bad := 0
	var events [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		switch {
		case len(f) >= 2 && strings.HasPrefix(f[0], "T"):
			_, rest, ok := strings.Cut(f[1], " ")
			if !ok {
				bad++
				continue
			}
			sp, ok := span(rest)
			if !ok {
				bad++
				continue
			}
			spans[f[0]] = sp
			frags[f[0]] = append([]record.Span(nil), cur...)
		case len(f) >= 2 && strings.HasPrefix(f[0], "E"):
			events = append(events, strings.Fields(f[1]))
		}
	}
	for _, ev := range events {
		var g GoldAttribution
		var content bool
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			sp, ok := spans[id]
			if !ok {
				continue
			}
			switch role {
			case "Content":
				g.Content, g.Fragments, content = sp, frags[id], true
			case "Source":
				g.Source, g.HasSource = sp, true
			case "Cue":
				g.Cue = sp
			}
		}
		if !content {
			bad++
			continue
		}
		g.Direct = directQuote(text, g.Content)
		d.Attributions = append(d.Attributions, g)
	}
	return d, bad
}

// directQuote reports whether the content span is a quotation in quote
// marks: an opening mark right before it (spaces skipped) or at its start.
func directQuote(text string, sp record.Span) bool {
	open := func(r rune) bool { return r == '"' || r == '“' || r == '«' }
	if sp[0] < sp[1] {
		if r, _ := utf8.DecodeRuneInString(text[sp[0]:]); open(r) {
			return true
		}
	}
	before := strings.TrimRight(text[:sp[0]], " ")
	r, _ := utf8.DecodeLastRuneInString(before)
	return open(r)
}

// QuoteCounts are the figures of one group of attributions.
type QuoteCounts struct {
	Gold, Found, WithSource, SpeakerRight int
}

// Recall is the share of gold contents found.
func (c QuoteCounts) Recall() float64 { return ratio(c.Found, c.Gold) }

// SpeakerAccuracy is the share of found contents, among those with an
// annotated source, whose speaker is right.
func (c QuoteCounts) SpeakerAccuracy() float64 { return ratio(c.SpeakerRight, c.WithSource) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// QuoteScores are quotation scores on PolNeAR: direct quotations and all
// attributions.
type QuoteScores struct {
	Docs        int
	Direct, All QuoteCounts
}

// ScoreQuotes scores predicted quotations against PolNeAR attributions. A
// gold content is found when the predicted quotes cover at least half of
// its bytes (of its fragments, when it is discontinuous: a quote split by
// "he said"); the speaker — of the quote covering most of it — is right when the predicted speaker's span, or
// any mention of the speaker's entity, overlaps the annotated source.
func ScoreQuotes(docs []QuoteDoc, predict func(QuoteDoc) ([]record.Quote, []record.Entity)) QuoteScores {
	var s QuoteScores
	s.Docs = len(docs)
	for _, d := range docs {
		quotes, ents := predict(d)
		mentions := map[string][]record.Span{}
		for _, e := range ents {
			for _, m := range e.Mentions {
				mentions[e.ID] = append(mentions[e.ID], m.Span)
			}
		}
		for _, g := range d.Attributions {
			counts := []*QuoteCounts{&s.All}
			if g.Direct {
				counts = append(counts, &s.Direct)
			}
			// Found when the predicted quotes cover at least half of the
			// content's fragments; the speaker is the one of the quote that
			// covers most of it.
			var best *record.Quote
			bestOv, covered, size := 0, 0, 0
			frs := g.Fragments
			if len(frs) == 0 {
				frs = []record.Span{g.Content}
			}
			for _, f := range frs {
				size += f[1] - f[0]
			}
			for k := range quotes {
				q := &quotes[k]
				ov := 0
				for _, f := range frs {
					ov += overlap(q.Span, f)
				}
				covered += ov
				if ov > bestOv {
					best, bestOv = q, ov
				}
			}
			found := best != nil && 2*min(covered, size) >= size
			right := false
			if found && g.HasSource && best.Speaker != nil {
				right = overlap(best.Speaker.Span, g.Source) > 0
				for _, m := range mentions[best.Speaker.Entity] {
					right = right || overlap(m, g.Source) > 0
				}
			}
			for _, c := range counts {
				c.Gold++
				if found {
					c.Found++
					if g.HasSource {
						c.WithSource++
						if right {
							c.SpeakerRight++
						}
					}
				}
			}
		}
	}
	return s
}

func overlap(a, b record.Span) int {
	lo, hi := max(a[0], b[0]), min(a[1], b[1])
	if hi > lo {
		return hi - lo
	}
	return 0
}

// WriteQuoteScores prints quotation scores.
func WriteQuoteScores(w io.Writer, s QuoteScores) {
	fmt.Fprintf(w, "%d documents\n\n", s.Docs)
	fmt.Fprintf(w, "attributions     gold   found  recall   with source  speaker right  accuracy\n")
	for _, r := range []struct {
		name string
		c    QuoteCounts
	}{{"direct quotes", s.Direct}, {"all", s.All}} {
		fmt.Fprintf(w, "%-14s %6d  %6d  %6.2f   %11d  %13d  %8.2f\n", r.name, r.c.Gold, r.c.Found, 100*r.c.Recall(),
			r.c.WithSource, r.c.SpeakerRight, 100*r.c.SpeakerAccuracy())
	}
}
