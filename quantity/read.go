package quantity

import (
	"strconv"
	"strings"

	"dyad/record"
)

// hedge classes
const (
	hNone = iota
	hLower
	hUpper
	hNearly
	hAbout
	hRange
)

type hedgeWord struct {
	words []string
	class int
	name  string
}

// hedges, longest first so "no fewer than" wins over "fewer than".
var hedges = []hedgeWord{
	{[]string{"no", "fewer", "than"}, hLower, "no fewer than"},
	{[]string{"no", "less", "than"}, hLower, "no less than"},
	{[]string{"not", "less", "than"}, hLower, "not less than"},
	{[]string{"no", "more", "than"}, hUpper, "no more than"},
	{[]string{"not", "more", "than"}, hUpper, "not more than"},
	{[]string{"as", "many", "as"}, hUpper, "as many as"},
	{[]string{"as", "much", "as"}, hUpper, "as much as"},
	{[]string{"just", "under"}, hNearly, "nearly"},
	{[]string{"just", "short", "of"}, hNearly, "nearly"},
	{[]string{"close", "to"}, hNearly, "nearly"},
	{[]string{"in", "excess", "of"}, hLower, "more than"},
	{[]string{"upwards", "of"}, hLower, "upwards of"},
	{[]string{"at", "least"}, hLower, "at least"},
	{[]string{"more", "than"}, hLower, "more than"},
	{[]string{"greater", "than"}, hLower, "more than"},
	{[]string{"at", "most"}, hUpper, "at most"},
	{[]string{"up", "to"}, hUpper, "up to"},
	{[]string{"fewer", "than"}, hUpper, "fewer than"},
	{[]string{"less", "than"}, hUpper, "less than"},
	{[]string{"an", "estimated"}, hAbout, "estimated"},
	{[]string{"over"}, hLower, "over"},
	{[]string{"under"}, hUpper, "under"},
	{[]string{"below"}, hUpper, "below"},
	{[]string{"nearly"}, hNearly, "nearly"},
	{[]string{"almost"}, hNearly, "almost"},
	{[]string{"about"}, hAbout, "about"},
	{[]string{"around"}, hAbout, "around"},
	{[]string{"approximately"}, hAbout, "approximately"},
	{[]string{"roughly"}, hAbout, "roughly"},
	{[]string{"some"}, hAbout, "some"},
	{[]string{"estimated"}, hAbout, "estimated"},
	{[]string{"circa"}, hAbout, "about"},
}

// readHedge reads a bound or approximation word at piece i.
func (f *finder) readHedge(i int) (class int, name string, next int) {
	for _, h := range hedges {
		ok := true
		for j, w := range h.words {
			if f.at(i+j) != w {
				ok = false
				break
			}
		}
		if ok {
			return h.class, h.name, i + len(h.words)
		}
	}
	return hNone, "", i
}

var reportCue = map[string]string{
	"estimated": "estimated", "estimate": "estimated", "estimates": "estimated",
	"reportedly": "reportedly", "reported": "reportedly",
	"allegedly": "allegedly", "alleged": "allegedly",
	"suggested": "suggested", "suggests": "suggested", "suggest": "suggested",
	"claimed": "claimed", "claims": "claimed", "claim": "claimed",
}

var asCue = map[string]string{
	"suggested": "suggested", "claimed": "claimed", "reported": "reportedly",
	"alleged": "allegedly", "estimated": "estimated", "feared": "feared",
	"stated": "claimed",
}

// readAt reads one quantity starting at piece i.
func (f *finder) readAt(i int) (record.Quantity, int, bool) {
	var q record.Quantity
	class, hname, j := f.readHedge(i)
	rangeIntro := ""
	if class == hNone {
		switch f.at(i) {
		case "between", "from":
			rangeIntro = f.at(i)
			j = i + 1
		}
	}
	cur := ""
	if c, ok := currencySign[f.at(j)]; ok {
		cur = c
		j++
	}
	a, ok := f.readNumber(j)
	if !ok {
		return q, 0, false
	}
	numStart := j
	if cur != "" && (a.duration || a.vague && a.r.lo < 100) {
		return q, 0, false
	}
	r := a.r
	k := a.end
	isRange := false
	// Range: "10 to 20", "10-20", "between 10 and 20", "two or three".
	conn := f.at(k)
	if conn == "-" || conn == "–" || conn == "to" || conn == "or" || (conn == "and" && rangeIntro == "between") {
		k2 := k + 1
		if cur != "" {
			if _, ok := currencySign[f.at(k2)]; ok {
				k2++
			}
		}
		if b, ok := f.readNumber(k2); ok && !b.duration && !a.duration {
			lo, hi := a.r, b.r
			if a.scale == 1 && b.scale > 1 && lo.v*b.scale <= hi.v {
				lo = lo.mul(b.scale)
			}
			if lo.v < hi.v && !(a.year && b.year) {
				r = rng{lo.lo, (lo.v + hi.v) / 2, hi.hi}
				k = b.end
				isRange = true
				a.needUnit = a.needUnit && b.needUnit
				if rangeIntro != "" {
					class, hname = hRange, rangeIntro
					if rangeIntro == "from" {
						hname = ""
					}
				} else {
					class, hname = hRange, ""
				}
				a.year = false
			} else if conn == "-" || conn == "–" {
				return q, 0, false // a score or a code: "3-1"
			}
		}
	}
	if rangeIntro != "" && !isRange {
		return q, 0, false
	}
	// Postfix bounds.
	switch {
	case f.at(k) == "or" && f.at(k+1) == "more":
		if class == hNone {
			class, hname = hLower, "or more"
		}
		k += 2
	case f.at(k) == "or" && f.at(k+1) == "so":
		if class == hNone {
			class, hname = hAbout, "or so"
		}
		k += 2
	case f.at(k) == "+" || (f.at(k) == "-" && f.at(k+1) == "plus"):
		if class == hNone {
			class, hname = hLower, "more than"
		}
		if f.at(k) == "+" {
			k++
		} else {
			k += 2
		}
	}
	if cur == "" {
		if c, ok := currencySign[f.at(k)]; ok && len(f.at(k)) > 1 {
			cur = c
			k++
		}
	}
	// Exclusions around the number.
	prev := f.at(numStart - 1)
	if class != hNone || rangeIntro != "" {
		prev = ""
	}
	next := f.at(k)
	if months[prev] || months[next] || clockWord[next] || months[strings.TrimSuffix(next, ",")] {
		return q, 0, false
	}
	if prev == "aged" || prev == "age" || prev == "ages" {
		return q, 0, false
	}
	if (next == "year" || next == "years") && f.at(k+1) == "old" ||
		next == "-" && (f.at(k+1) == "year" || f.at(k+1) == "years") && f.at(k+2) == "-" && f.at(k+3) == "old" {
		return q, 0, false
	}
	if prev == "-" || prev == "–" {
		return q, 0, false // "COVID-19", "F-16", the second half of "3-1"
	}
	if prev == "(" && next == ")" {
		return q, 0, false
	}
	// Unit.
	unit, unitEnd, mods := a.unit, k, []int(nil)
	unitIdx := -1
	switch {
	case a.duration:
		unitIdx = a.end - 1
	case cur != "":
		unit = cur
	case next == "%" || next == "percent" || next == "pct":
		unit, unitEnd = "percent", k+1
	case next == "per" && f.at(k+1) == "cent":
		unit, unitEnd = "percent", k+2
	default:
		unit, unitIdx, mods = f.findUnit(k)
		if unitIdx >= 0 {
			unitEnd = unitIdx + 1
		}
	}
	if unit != "" && currencyWord[unit] != "" {
		unit = currencyWord[unit]
	}
	if unitIdx >= 0 && !a.duration && timeUnit[unit] && f.at(unitEnd) == "and" && f.at(unitEnd+1) == "a" && f.at(unitEnd+2) == "half" {
		r = r.addExact(0.5)
		unitEnd += 3
	} else if a.duration && f.at(a.end) == "and" && f.at(a.end+1) == "a" && f.at(a.end+2) == "half" {
		r = r.addExact(0.5)
		unitEnd = a.end + 3
		a.needUnit = false
	} else if a.duration {
		unitEnd = a.end
	}
	if a.duration && a.needUnit && class == hNone && r.v == 1 {
		return q, 0, false // "a year", "an hour": only with a hedge or "and a half"
	}
	if a.needUnit && !a.duration && unit == "" {
		return q, 0, false
	}
	if a.needUnit && !a.duration && f.at(k) == "of" && r.v == 1 {
		return q, 0, false // "one of the soldiers"
	}
	if r.v == 1 && !a.duration && (prev == "the" || prev == "no" || prev == "this" || prev == "that" || prev == "every" || prev == "any" || prev == "each") {
		return q, 0, false
	}
	if a.year && cur == "" && unit != "percent" {
		if !(unitIdx >= 0 && f.word(unitIdx).XPOS == "NNS" && unitIdx == k) || prev == "the" || prev == "'s" {
			return q, 0, false
		}
	}
	// A number inside a name: "Resolution 2231", "Flight 17", "G 7".
	if class == hNone && cur == "" && unitIdx < 0 && unit == "" && numStart > 0 {
		pw := f.word(numStart - 1)
		if (pw.UPOS == "PROPN" || pw.UPOS == "NOUN" && pw.Form != "" && pw.Form[0] >= 'A' && pw.Form[0] <= 'Z') && !months[prev] {
			return q, 0, false
		}
	}
	if w := f.word(numStart); w.UPOS == "PROPN" && f.word(a.end).UPOS == "PROPN" && unit != "" {
		if _, dig := parseDigits(f.at(numStart)); !dig {
			return q, 0, false
		}
	}
	end := unitEnd
	if end < k {
		end = k
	}
	if end > len(f.p) {
		end = len(f.p)
	}
	startByte, endByte := f.p[i].start, f.p[end-1].end
	if startByte < 0 || endByte > len(f.text) || startByte >= endByte {
		return q, 0, false
	}
	q.Text = f.text[startByte:endByte]
	q.Span = record.Span{startByte, endByte}
	q.Value = r.v
	switch class {
	case hLower:
		q.Low, q.High = r.lo, 0
	case hUpper:
		q.Low, q.High = 0, r.hi
	case hNearly:
		q.Low, q.High = 0.9*r.lo, r.hi
	case hAbout:
		q.Low, q.High = 0.9*r.lo, 1.1*r.hi
	default:
		q.Low, q.High = r.lo, r.hi
	}
	q.Unit = unit
	q.Hedge = hname
	if q.Hedge == "" {
		q.Hedge = f.reportHedge(i, end)
	}
	if unit == "" && (prev == "not" || prev == "but" || prev == "nor" || prev == "or") {
		unit, q.Unit = f.lastUnit, f.lastUnit // "several hundred thousand deaths, not millions"
		if q.Kind == "" {
			q.Kind = f.lastKind
		}
	}
	if !timeUnit[unit] && cur == "" && unit != "percent" && currencyWord[unit] == "" && q.Kind == "" {
		q.Kind = f.kind(numStart, unitIdx, mods, i, end)
	}
	q.Value, q.Low, q.High = round(q.Value), round(q.Low), round(q.High)
	if q.Unit != "" {
		f.lastUnit, f.lastKind = q.Unit, q.Kind
	}
	return q, end, true
}

// round drops float noise: 220.00000000000003 becomes 220.
func round(x float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	if err != nil {
		return x
	}
	return v
}

var currencyWord = map[string]string{
	"dollar": "dollar", "usd": "dollar", "euro": "euro", "eur": "euro",
	"pound": "pound", "gbp": "pound", "sterling": "pound", "yen": "yen",
	"yuan": "yuan", "rupee": "rupee", "ruble": "ruble", "rouble": "ruble",
}

// findUnit finds the counted noun from piece k: "of" and its noun, or the
// noun after at most three modifiers. It returns the lemma, the piece of the
// noun (-1 when none) and the modifier pieces it skipped.
func (f *finder) findUnit(k int) (string, int, []int) {
	var mods []int
	if f.at(k) == "-" {
		if w := f.word(k + 1); k+1 < len(f.p) && (!f.p[k+1].whole || w.UPOS == "NOUN") {
			u := singular(f.at(k + 1))
			if u != "" && u[0] >= 'a' && u[0] <= 'z' {
				return u, k + 1, nil
			}
		}
		return "", -1, nil
	}
	if f.at(k) == "of" {
		k++
		for f.at(k) == "the" || f.at(k) == "these" || f.at(k) == "those" || f.at(k) == "its" || f.at(k) == "their" {
			k++
		}
	}
	for n := 0; n < 4 && k < len(f.p); n++ {
		w := f.word(k)
		switch {
		case w.UPOS == "NOUN" || w.XPOS == "NNS" || w.XPOS == "NN":
			for k+1 < len(f.p) && f.word(k+1).UPOS == "NOUN" && f.p[k+1].whole && f.at(k+1) != "%" {
				k++
			}
			if !f.p[k].whole {
				return "", -1, mods
			}
			return f.lemma(k), k, mods
		case w.UPOS == "ADJ" || w.UPOS == "PROPN" || w.XPOS == "VBN" || w.XPOS == "VBG" || f.at(k) == "more" || f.at(k) == "other":
			if kindOf(f.at(k)) != "" && (f.word(k+1).UPOS != "NOUN" && f.word(k+1).UPOS != "ADJ" && f.word(k+1).UPOS != "PROPN") {
				mods = append(mods, k)
				return "", -1, mods
			}
			mods = append(mods, k)
			k++
		default:
			return "", -1, mods
		}
	}
	return "", -1, mods
}

// reportHedge finds a report cue for the quantity in pieces [i, end).
func (f *finder) reportHedge(i, end int) string {
	for k := end; k < end+4 && k < len(f.p); k++ {
		if f.at(k) == "as" {
			if c, ok := asCue[f.at(k+1)]; ok {
				return c
			}
		}
		if f.at(k) == "." || f.at(k) == ";" {
			break
		}
	}
	for k := i - 1; k >= 0; k-- {
		if c, ok := reportCue[f.at(k)]; ok {
			return c
		}
	}
	return ""
}
