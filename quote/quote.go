package quote

import (
	"sort"
	"strings"
	"unicode/utf8"

	"dyad/actor"
	"dyad/doc"
	"dyad/record"
)

// Cues is the set of reporting-verb lemmas that introduce a quotation.
var Cues = map[string]bool{
	"say": true, "state": true, "tell": true, "add": true, "note": true, "report": true,
	"announce": true, "confirm": true, "indicate": true, "write": true, "emphasize": true,
	"emphasise": true, "insist": true, "describe": true, "call": true, "warn": true,
	"claim": true, "declare": true, "explain": true, "argue": true, "assert": true,
	"stress": true, "remark": true, "comment": true, "reply": true, "respond": true,
	"answer": true, "ask": true, "acknowledge": true, "admit": true, "deny": true,
	"concede": true, "concur": true, "agree": true, "suggest": true, "predict": true,
	"promise": true, "vow": true, "pledge": true, "threaten": true, "urge": true,
	"recall": true, "observe": true, "reiterate": true, "tweet": true, "conclude": true,
	"complain": true, "mention": true, "maintain": true, "contend": true, "allege": true,
	"disclose": true, "reveal": true, "assure": true, "caution": true, "demand": true,
	"affirm": true, "proclaim": true, "testify": true, "quip": true,
	"joke": true, "charge": true, "point": true, "chant": true, "shout": true, "yell": true,
	"scream": true, "exclaim": true, "whisper": true, "laugh": true, "sigh": true,
	"retort": true, "counter": true, "interject": true, "muse": true, "boast": true,
	"lament": true, "post": true, "continue": true, "begin": true,
	"recount": true, "recommend": true, "advise": true, "plead": true, "beg": true,
	"scoff": true, "snap": true, "offer": true, "opine": true,
	"wonder": true, "cry": true, "thunder": true,
}

// pos is a word of a sentence.
type pos struct{ s, w int }

// direct is a direct quotation's place: the content span and whether it
// continues the previous one (a new paragraph of the same quotation).
type direct struct {
	start, end int
	cont       bool
}

// Find returns the quotations of a document, in text order: text is the
// document's text, sents its parsed sentences (spans into text) and actors
// its resolved actors (may be nil: speakers are then given by their words).
// Every Span is a byte range of text and Text is text[Span[0]:Span[1]].
func Find(text string, sents []doc.Sentence, actors *actor.Result) []record.Quote {
	f := finder{text: text, sents: sents, actors: actors}
	var out []record.Quote
	ds := scanDirect(text)
	for _, d := range ds {
		out = append(out, f.attributeDirect(d.start, d.end))
	}
	// The paragraphs of one quotation share the speaker of the paragraph
	// that has a cue: forward, then backward (the cue often comes last).
	for i := 1; i < len(out); i++ {
		if ds[i].cont && out[i].Speaker == nil && out[i].Cue == "" {
			out[i].Cue, out[i].Speaker, out[i].ReportedBy = out[i-1].Cue, out[i-1].Speaker, out[i-1].ReportedBy
		}
	}
	for i := len(out) - 2; i >= 0; i-- {
		if ds[i+1].cont && out[i].Speaker == nil && out[i].Cue == "" {
			out[i].Cue, out[i].Speaker, out[i].ReportedBy = out[i+1].Cue, out[i+1].Speaker, out[i+1].ReportedBy
		}
	}
	// A quotation with no cue of its own in a paragraph where another one
	// has a speaker ("“You know, it happens, right?” Trump went on. “But
	// you gotta get over it.”"): the nearest such one's, the one before
	// first.
	paragraph := func(a, b int) bool { // no blank line between bytes a and b
		return !strings.Contains(text[min(a, b):max(a, b)], "\n\n")
	}
	for i := range out {
		if out[i].Speaker != nil || out[i].Cue != "" {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(out) || out[j].Speaker == nil || out[j].Cue == "" {
				continue
			}
			if !paragraph(out[i].Span[0], out[j].Span[0]) {
				continue
			}
			out[i].Cue, out[i].Speaker, out[i].ReportedBy = out[j].Cue, out[j].Speaker, out[j].ReportedBy
			break
		}
	}
	ndirect := len(out)
	var ind []record.Quote
	for si := range sents {
		ind = append(ind, f.indirect(si)...)
		ind = append(ind, f.accordingClause(si)...)
	}
	for _, q := range ind {
		if containsOther(q, out[:ndirect], ind) {
			continue
		}
		out = append(out, q)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span[0] < out[j].Span[0] })
	return out
}

// containsOther reports whether quote q's span overlaps a direct quotation
// or strictly contains another indirect one.
func containsOther(q record.Quote, directs, ind []record.Quote) bool {
	for _, d := range directs {
		if d.Span[0] < q.Span[1] && q.Span[0] < d.Span[1] {
			return true
		}
	}
	for _, o := range ind {
		if o.Span != q.Span && q.Span[0] <= o.Span[0] && o.Span[1] <= q.Span[1] {
			return true
		}
	}
	return false
}

// opener and closer mark kinds: 0 none, 1 straight, 2 curly, 3 guillemet.
func markKind(r rune) (kind int, open, close bool) {
	switch r {
	case '"':
		return 1, true, true
	case '“':
		return 2, true, false
	case '”':
		return 2, false, true
	case '«':
		return 3, true, false
	case '»':
		return 3, false, true
	}
	return 0, false, false
}

// scanDirect pairs the double quote marks of text and returns the trimmed
// contents of the pairs.
func scanDirect(text string) []direct {
	var out []direct
	open, kind := -1, 0 // byte offset just after the open mark
	cont := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' && open >= 0 {
			// A paragraph ends inside a quotation: if the next paragraph
			// opens a quote again, this paragraph's part is a quote of its
			// own; otherwise the open mark was stray.
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			nr, _ := utf8.DecodeRuneInString(text[j:])
			if k, o, _ := markKind(nr); o && k == kind {
				if d, ok := trim(text, open, i); ok {
					d.cont = cont
					out = append(out, d)
				}
				cont = true
			} else {
				cont = false
			}
			open = -1
			i += n
			continue
		}
		k, o, c := markKind(r)
		switch {
		case k == 0:
		case open >= 0 && c && k == kind:
			if d, ok := trim(text, open, i); ok {
				d.cont = cont
				out = append(out, d)
			}
			open, cont = -1, false
		case o && (open < 0 || k == kind):
			open, kind = i+n, k
		}
		i += n
	}
	return out
}

// trim narrows text[start:end] to the quoted words.
func trim(text string, start, end int) (direct, bool) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) && r != ',' {
			break
		}
		end -= n
	}
	return direct{start: start, end: end}, end > start
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0'
}

type finder struct {
	text   string
	sents  []doc.Sentence
	actors *actor.Result
}

func (f *finder) word(p pos) *doc.Word { return &f.sents[p.s].Words[p.w] }

// head returns the head of word p, ok false at the root or on a bad index.
func (f *finder) head(p pos) (pos, bool) {
	h := f.sents[p.s].Words[p.w].Head
	if h <= 0 || h > len(f.sents[p.s].Words) {
		return p, false
	}
	return pos{p.s, h - 1}, true
}

func (f *finder) isCue(p pos) bool {
	w := f.word(p)
	return Cues[strings.ToLower(w.Lemma)] && (w.UPOS == "VERB" || strings.HasPrefix(w.XPOS, "VB"))
}

// attributeDirect finds the cue and speaker of the quotation text[start:end].
func (f *finder) attributeDirect(start, end int) record.Quote {
	q := record.Quote{Text: f.text[start:end], Span: record.Span{start, end}, Direct: true}
	inside := func(sp doc.Span) bool { return sp.Start >= start && sp.End <= end }
	var touched []int
	for si := range f.sents {
		sp := f.sents[si].Span
		if sp.End > start && sp.Start < end {
			touched = append(touched, si)
		}
	}
	// The nearest reporting verb that governs a quoted word.
	best, bestDist := pos{-1, -1}, 1<<30
	for _, si := range touched {
		for wi := range f.sents[si].Words {
			if !inside(f.sents[si].Words[wi].Span) {
				continue
			}
			p, d := pos{si, wi}, 0
			for steps := 0; steps < 64; steps++ {
				h, ok := f.head(p)
				if !ok {
					break
				}
				p, d = h, d+1
				if !inside(f.word(p).Span) && f.isCue(p) {
					if d < bestDist {
						best, bestDist = p, d
					}
					break
				}
			}
		}
	}
	if best.s < 0 {
		// The nearest reporting verb outside the quotation.
		for _, si := range touched {
			for wi, w := range f.sents[si].Words {
				if w.Span.End > start-1 && w.Span.Start < end+1 {
					continue
				}
				p := pos{si, wi}
				if !f.isCue(p) {
					continue
				}
				d := start - w.Span.End
				if w.Span.Start >= end {
					d = w.Span.Start - end
				}
				if d < bestDist {
					best, bestDist = p, d
				}
			}
		}
	}
	if best.s < 0 {
		// "X said as follows:" and the quotation in the next sentence or
		// paragraph: the cue of the sentence that ends with the colon.
		prev := -1
		for si := range f.sents {
			if f.sents[si].Span.End <= start {
				prev = si
			}
		}
		if prev >= 0 {
			ws := f.sents[prev].Words
			gap := strings.TrimSpace(f.text[f.sents[prev].Span.End:start])
			if len(ws) > 0 && ws[len(ws)-1].Form == ":" && (gap == "" || gap == "“" || gap == "\"") {
				for wi := len(ws) - 1; wi >= 0; wi-- {
					if p := (pos{prev, wi}); f.isCue(p) {
						best = p
						break
					}
				}
			}
		}
	}
	if best.s >= 0 {
		q.Cue = f.word(best).Form
		q.Speaker = f.subject(best)
		q.ReportedBy = f.reporter(best)
		return q
	}
	for _, si := range touched {
		if cue, sp := f.according(si, start, end); sp != nil {
			q.Cue, q.Speaker = cue, sp
			return q
		}
	}
	return q
}

// according finds "according to X" in sentence si outside text[start:end].
func (f *finder) according(si, start, end int) (string, *record.Speaker) {
	ws := f.sents[si].Words
	for wi, w := range ws {
		if !strings.EqualFold(w.Form, "according") || wi+1 >= len(ws) || !strings.EqualFold(ws[wi+1].Form, "to") {
			continue
		}
		if w.Span.End > start && w.Span.Start < end {
			continue
		}
		cue := f.text[w.Span.Start:ws[wi+1].Span.End]
		x := pos{si, wi + 2}
		if h, ok := f.head(pos{si, wi}); ok && h.w > wi+1 {
			x = h
		}
		if x.w >= len(ws) {
			return cue, nil
		}
		return cue, f.speaker(x)
	}
	return "", nil
}

// subject returns the speaker of cue verb v: its subject, or that of the
// verb it is coordinated with or subordinate to.
func (f *finder) subject(v pos) *record.Speaker {
	for steps := 0; steps < 4; steps++ {
		for wi, w := range f.sents[v.s].Words {
			if w.Head == v.w+1 && (w.Deprel == "nsubj" || w.Deprel == "nsubj:outer") {
				p := pos{v.s, wi}
				if (w.XPOS == "WP" || w.XPOS == "WDT") && f.actorAt(p) == nil {
					if f.word(v).Deprel == "acl:relcl" {
						if h, ok := f.head(v); ok {
							p = h
						}
					}
				}
				return f.speaker(p)
			}
		}
		switch f.word(v).Deprel {
		case "conj", "xcomp", "advcl":
			h, ok := f.head(v)
			if !ok {
				return nil
			}
			v = h
		default:
			return nil
		}
	}
	return nil
}

// reporter returns the speaker of the reporting verb whose complement
// holds cue verb v, or nil.
func (f *finder) reporter(v pos) *record.Speaker {
	p := v
	for steps := 0; steps < 64; steps++ {
		h, ok := f.head(p)
		if !ok {
			return nil
		}
		if f.isCue(h) {
			switch f.word(p).Deprel {
			case "ccomp", "parataxis":
				return f.subject(h)
			}
			return nil
		}
		p = h
	}
	return nil
}

func (f *finder) actorAt(p pos) *actor.Mention {
	if f.actors == nil {
		return nil
	}
	if m := f.actors.Head(p.s, p.w); m != nil {
		return m
	}
	return f.actors.Covering(p.s, p.w)
}

// speaker makes a speaker of word p: its actor mention when it has one,
// else the words of its phrase.
func (f *finder) speaker(p pos) *record.Speaker {
	if m := f.actorAt(p); m != nil {
		name, code, _, _ := m.Resolved()
		if name == "" {
			name = m.Text
		}
		s := &record.Speaker{Name: name, CAMEO: code, Span: record.Span{m.Span.Start, m.Span.End}}
		if m.Entity != nil {
			s.Entity = m.Entity.ID
		}
		return s
	}
	ws := f.sents[p.s].Words
	lo, hi := f.phrase(p, map[string]bool{"punct": true, "acl:relcl": true, "acl": true, "appos": true, "parataxis": true})
	if lo < 0 || lo >= hi {
		return nil
	}
	sp := record.Span{ws[lo].Span.Start, ws[hi-1].Span.End}
	if sp[0] < 0 || sp[1] > len(f.text) || sp[0] >= sp[1] {
		return nil
	}
	return &record.Speaker{Name: f.text[sp[0]:sp[1]], Span: sp}
}

// phrase returns the words [lo, hi) of the subtree of p, leaving out the
// subtrees of children with the relations in skip.
func (f *finder) phrase(p pos, skip map[string]bool) (lo, hi int) {
	ws := f.sents[p.s].Words
	in := make([]bool, len(ws))
	in[p.w] = true
	// Words are added when their head is in and the relation is kept;
	// repeat until nothing changes (heads may follow their dependents).
	for changed := true; changed; {
		changed = false
		for i, w := range ws {
			if in[i] || w.Head <= 0 || w.Head > len(ws) || !in[w.Head-1] || skip[w.Deprel] {
				continue
			}
			in[i], changed = true, true
		}
	}
	lo, hi = -1, -1
	for i := range ws {
		if in[i] {
			if lo < 0 {
				lo = i
			}
			hi = i + 1
		}
	}
	return lo, hi
}

// indirect returns the clausal complements of reporting verbs in sentence si.
func (f *finder) indirect(si int) []record.Quote {
	var out []record.Quote
	ws := f.sents[si].Words
	for ci, c := range ws {
		if c.Deprel != "ccomp" || c.Head <= 0 || c.Head > len(ws) {
			continue
		}
		v := pos{si, c.Head - 1}
		if !f.isCue(v) {
			continue
		}
		lo, hi := f.phrase(pos{si, ci}, nil)
		if lo < 0 {
			continue
		}
		// Leave out the complementizer and the final punctuation.
		for lo < hi && (ws[lo].Deprel == "mark" && ws[lo].Head == ci+1 || ws[lo].Deprel == "punct") {
			lo++
		}
		for hi > lo && ws[hi-1].Deprel == "punct" {
			hi--
		}
		if lo >= hi || (v.w >= lo && v.w < hi) {
			continue
		}
		sp := record.Span{ws[lo].Span.Start, ws[hi-1].Span.End}
		if sp[0] < 0 || sp[1] > len(f.text) || sp[0] >= sp[1] {
			continue
		}
		out = append(out, record.Quote{Text: f.text[sp[0]:sp[1]], Span: sp, Cue: ws[v.w].Form,
			Speaker: f.subject(v), ReportedBy: f.reporter(v)})
	}
	return out
}

// accordingClause returns the clause reported by "according to X" in
// sentence si: the words of the clause X attaches to, less the "according
// to X" phrase and the punctuation at its edges.
func (f *finder) accordingClause(si int) []record.Quote {
	var out []record.Quote
	ws := f.sents[si].Words
	for wi, w := range ws {
		if !strings.EqualFold(w.Form, "according") || wi+1 >= len(ws) || !strings.EqualFold(ws[wi+1].Form, "to") {
			continue
		}
		x, ok := f.head(pos{si, wi})
		if !ok || x.w <= wi+1 {
			continue
		}
		v, ok := f.head(x)
		if !ok {
			continue
		}
		clo, chi := f.phrase(v, nil)
		xlo, xhi := f.phrase(x, nil)
		if clo < 0 || xlo < 0 {
			continue
		}
		xlo = min(xlo, wi)
		// The longer side of the clause outside the attribution.
		lo, hi := clo, xlo
		if chi-xhi > xlo-clo {
			lo, hi = xhi, chi
		}
		for lo < hi && ws[lo].Deprel == "punct" {
			lo++
		}
		for hi > lo && ws[hi-1].Deprel == "punct" {
			hi--
		}
		if lo >= hi {
			continue
		}
		sp := record.Span{ws[lo].Span.Start, ws[hi-1].Span.End}
		if sp[0] < 0 || sp[1] > len(f.text) || sp[0] >= sp[1] {
			continue
		}
		out = append(out, record.Quote{Text: f.text[sp[0]:sp[1]], Span: sp,
			Cue: f.text[w.Span.Start:ws[wi+1].Span.End], Speaker: f.speaker(x)})
	}
	return out
}
