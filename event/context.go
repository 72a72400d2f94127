package event

import (
	"dyad/event/lexicon"
	"strings"
	"time"

	"dyad/record"
	"dyad/timex"
)

// negated reports whether word i is negated by its own dependents: "not",
// "n't", "never", or a "no" determiner on a noun.
func (s *sentence) negated(i int) bool {
	for _, c := range s.kids[i] {
		switch s.lower[c] {
		case "not", "n't", "never", "no", "neither", "nor":
			r := base(s.w[c].Deprel)
			if r == "advmod" || r == "det" || r == "neg" || r == "cc" && s.lower[c] == "nor" {
				return true
			}
		}
	}
	return false
}

// failVerbs negate the infinitive they govern when the lexicon does not
// code them: "failed to reach", "declined to meet".
var failVerbs = map[string]bool{"fail": true, "refuse": true, "decline": true, "refrain": true,
	"avoid": true, "deny": true, "stop": true, "cease": true, "halt": true}

// deniedAbove reports whether a verb the clause depends on is negated or
// denies it: "did not say that X attacked", "failed to sign", "refrained
// from confirming".
func (s *sentence) deniedAbove(i int) bool {
	for depth := 0; depth < 6; depth++ {
		h := s.head(i)
		if h < 0 {
			return false
		}
		switch base(s.w[i].Deprel) {
		case "xcomp", "ccomp", "advcl", "csubj":
		case "conj":
			i = h
			continue
		default:
			return false
		}
		if s.negated(h) || failVerbs[s.lemma(h)] {
			return true
		}
		i = h
	}
	return false
}

// intentVerbs make the clause they govern an intention.
var intentVerbs = map[string]bool{"plan": true, "intend": true, "want": true, "seek": true, "hope": true,
	"expect": true, "agree": true, "promise": true, "pledge": true, "vow": true,
	"threaten": true, "decide": true, "prepare": true, "propose": true,
	"offer": true, "wish": true, "mean": true, "schedule": true, "set": true, "push": true, "move": true,
	"invite": true, "urge": true, "ask": true, "call": true}

// modality says whether a match is asserted, intended or hypothetical,
// and whether an intention is a commitment ("will attack", "promised to
// provide aid": coded with CAMEO's intention codes) rather than a purpose
// ("began a hunger strike to protest": the protest is still coded as one).
func (s *sentence) modality(m match) (modality string, commit bool) {
	i := s.clause(m)
	for _, c := range s.kids[m.trigger] {
		if base(s.w[c].Deprel) == "amod" {
			switch s.lower[c] {
			case "potential", "possible", "proposed", "planned", "future", "prospective", "hypothetical":
				return record.Hypothetical, false
			}
		}
	}
	for depth := 0; i >= 0 && depth < 6; depth++ {
		for _, c := range s.kids[i] {
			r := base(s.w[c].Deprel)
			if r == "aux" {
				switch s.lower[c] {
				case "will", "'ll", "shall", "would", "wo", "going":
					return record.Intended, true
				case "could", "might", "may", "can", "should", "must", "ought", "ca":
					return record.Hypothetical, false
				}
			}
			if r == "mark" && (s.lower[c] == "if" || s.lower[c] == "unless" || s.lower[c] == "whether") {
				return record.Hypothetical, false
			}
		}
		h := s.head(i)
		if h < 0 {
			break
		}
		if requestVerbs[s.lemma(h)] && (base(s.w[i].Deprel) == "ccomp" || base(s.w[i].Deprel) == "xcomp") {
			return record.Hypothetical, false // asked for, not done: "demanded that Israel withdraw"
		}
		switch base(s.w[i].Deprel) {
		case "xcomp":
			if intentVerbs[s.lemma(h)] {
				return record.Intended, true
			}
			if s.lemma(h) == "aim" {
				return record.Intended, false
			}
		case "acl", "advcl":
			if intentVerbs[s.lemma(h)] {
				return record.Intended, true
			}
			if s.lemma(h) == "aim" {
				return record.Intended, false
			}
			if s.hasMark(i, "to") && base(s.w[i].Deprel) == "advcl" {
				return record.Intended, false // "to incentivize a peace agreement": a purpose
			}
			return record.Asserted, false // a participle clause: "with Mr. Putin inviting Mr. Trump"
		case "ccomp", "conj":
		default:
			return record.Asserted, false
		}
		i = h
	}
	return record.Asserted, false
}

func (s *sentence) hasMark(i int, word string) bool {
	for _, c := range s.kids[i] {
		if base(s.w[c].Deprel) == "mark" && s.lower[c] == word {
			return true
		}
	}
	return false
}

// reporter finds who a clause is attributed to: the subject of a
// reporting verb it is the complement of ("Peskov reported that ..."), or
// an "according to X" phrase.
func (s *sentence) reporter(i int) *record.Actor {
	for depth := 0; i >= 0 && depth < 8; depth++ {
		if a := s.findPrep(i, "according_to"); a >= 0 {
			if as := s.phraseActors(a); len(as) > 0 {
				return as[0]
			}
		}
		if a := s.findPrep(i, "according"); a >= 0 {
			if as := s.phraseActors(a); len(as) > 0 {
				return as[0]
			}
		}
		h := s.head(i)
		if h < 0 {
			return nil
		}
		switch base(s.w[i].Deprel) {
		case "ccomp", "parataxis", "xcomp", "conj", "advcl":
		default:
			return nil
		}
		if r := base(s.w[i].Deprel); r == "ccomp" || r == "parataxis" {
			if _, ok := s.c.lex.Cue(s.lemma(h)); ok {
				ws, _ := s.subjects(h)
				if as := s.wordsActors(ws); len(as) > 0 {
					return as[0]
				}
				return nil
			}
		}
		// A quotation followed by "he said": the cue is the quote's parataxis child.
		i = h
	}
	return nil
}

// dateExpr is a time expression of the sentence, by words.
type dateExpr struct {
	x      timex.Expr
	attach int // the word the expression hangs from
}

// date resolves the event's date: a time expression attached to the
// event's clause (or a clause it is reported in), else the article's date.
func (s *sentence) date(m match, modality string) string {
	if s.in.Date == "" {
		return ""
	}
	if s.dates == nil {
		ref, err := time.Parse("2006-01-02", s.in.Date)
		if err != nil {
			return s.in.Date
		}
		text := s.in.Text[s.s.Span.Start:s.s.Span.End]
		s.dates = []dateExpr{}
		for _, x := range timex.Find(text, ref) {
			start, end := x.Start+s.s.Span.Start, x.End+s.s.Span.Start
			var in []int
			for k, w := range s.w {
				if w.Span.Start >= start && w.Span.End <= end {
					in = append(in, k)
				}
			}
			attach := -1
			for _, k := range in {
				h := s.head(k)
				if h < 0 || s.w[h].Span.Start < start || s.w[h].Span.End > end {
					attach = h
					break
				}
			}
			s.dates = append(s.dates, dateExpr{x: x, attach: attach})
		}
	}
	targets := map[int]bool{m.trigger: true}
	if m.light >= 0 {
		targets[m.light] = true
	}
	for i, depth := s.clause(m), 0; i >= 0 && depth < 6; depth++ {
		targets[i] = true
		r := base(s.w[i].Deprel)
		if r != "xcomp" && r != "conj" && r != "ccomp" {
			break
		}
		i = s.head(i)
	}
	for _, d := range s.dates {
		if d.attach >= 0 && targets[d.attach] {
			v := d.x.Past
			if modality == record.Intended && d.x.Future != "" {
				v = d.x.Future
			}
			if v != "" {
				return v
			}
		}
	}
	return s.in.Date
}

// location finds where the event happened: a place phrase ("in Moscow")
// on its clause, or the place visited.
func (s *sentence) location(m match) *record.Location {
	if s.c.gaz == nil {
		return nil
	}
	cands := []int{}
	for _, h := range []int{m.trigger, m.light} {
		if h < 0 {
			continue
		}
		for _, c := range s.kids[h] {
			switch s.prep(c) {
			case "in", "at", "near", "outside", "inside", "to":
				if r := base(s.w[c].Deprel); r == "obl" || r == "nmod" {
					cands = append(cands, c)
				}
			}
		}
	}
	cands = append(cands, m.recip...)
	if o := s.object(m.trigger); o >= 0 && m.e.Head == "visit" {
		cands = append(cands, o)
	}
	for _, c := range cands {
		var name, country string
		var sp record.Span
		switch mm := s.in.Actors.Head(s.si, c); {
		case mm != nil && (mm.Place || mm.Type == record.Other):
			name, country, sp = mm.Text, mm.Country, record.Span{mm.Span.Start, mm.Span.End}
		case mm == nil && s.w[c].UPOS == "PROPN":
			lo, hi := c, c
			for _, k := range s.kids[c] {
				if base(s.w[k].Deprel) == "flat" || base(s.w[k].Deprel) == "compound" && s.w[k].UPOS == "PROPN" {
					lo, hi = min(lo, k), max(hi, k)
				}
			}
			sp = record.Span{s.w[lo].Span.Start, s.w[hi].Span.End}
			name = s.in.Text[sp[0]:sp[1]]
		default:
			continue
		}
		name = strings.TrimPrefix(name, "the ")
		p, ok := s.c.gaz.LookupIn(name, country)
		if !ok {
			p, ok = s.c.gaz.Lookup(name)
		}
		if !ok {
			continue
		}
		return &record.Location{Name: name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Span: sp}
	}
	return nil
}

// allegationWords govern clauses that are alleged, not asserted:
// "suspected of blowing up", "accused of killing", "charged with".
var allegationWords = map[string]bool{"suspect": true, "accuse": true, "charge": true, "allege": true,
	"blame": true, "convict": true, "arrest": true, "try": true, "indict": true, "suspicion": true,
	"accusation": true, "charge_n": true, "allegation": true, "deny": true}

// prominence weighs how central an event is to its sentence, for its
// confidence: an event in the main clause (or in what a reporting verb
// reports) counts fully; one in a participle ("..., killing 20 people"),
// a purpose clause ("to protest"), a clause modifying a noun, or a bare
// noun not carried by a verb counts less. alleged is set for a clause
// that an accusation governs.
func (s *sentence) prominence(m match) (weight float64, alleged bool) {
	weight = 1
	i := s.clause(m)
	if m.e.Kind == lexicon.Noun && m.light < 0 {
		weight *= 0.7
		if h := s.head(i); h >= 0 {
			if r := base(s.w[i].Deprel); r == "nmod" || r == "compound" || r == "obl" {
				weight *= 0.8
			}
		}
	}
	for depth := 0; i >= 0 && depth < 6; depth++ {
		h := s.head(i)
		if h < 0 {
			break
		}
		switch base(s.w[i].Deprel) {
		case "ccomp", "parataxis":
			if _, ok := s.c.lex.Cue(s.lemma(h)); ok {
				return weight, alleged // what a source says happened
			}
			weight *= 0.8
		case "conj":
		case "xcomp":
			weight *= 0.9
		case "advcl":
			if s.hasMark(i, "to") {
				weight *= 0.6
			} else {
				weight *= 0.7
			}
		case "acl", "nmod", "obl", "csubj", "amod":
			if allegationWords[s.lemma(h)] || s.prep(i) == "of" && allegationWords[s.lemma(h)] {
				alleged = true
			}
			weight *= 0.6
		default:
			weight *= 0.8
		}
		if allegationWords[s.lemma(h)] && base(s.w[i].Deprel) != "conj" {
			alleged = true
		}
		i = h
	}
	return weight, alleged
}

// requestVerbs govern a clause that is asked for, not asserted.
var requestVerbs = map[string]bool{"demand": true, "urge": true, "ask": true, "request": true, "call": true,
	"insist": true, "want": true, "propose": true, "suggest": true, "recommend": true, "appeal": true,
	"press": true, "plead": true, "beg": true, "order": true, "instruct": true, "require": true}
