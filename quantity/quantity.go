package quantity

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"dyad/doc"
	"dyad/record"
)

// Unbounded reports whether q has no upper bound ("at least 10"): such a
// quantity has High = 0 and Low > 0, because JSON cannot encode infinity.
func Unbounded(q record.Quantity) bool { return q.High < q.Low }

// Overlaps reports whether two quantities' ranges meet, so that both can be
// true.
func Overlaps(a, b record.Quantity) bool {
	ahi, bhi := a.High, b.High
	if Unbounded(a) {
		ahi = math.Inf(1)
	}
	if Unbounded(b) {
		bhi = math.Inf(1)
	}
	return a.Low <= bhi && b.Low <= ahi
}

// RangeText writes a quantity's range for people: "at least 10", "30",
// "200000 to 900000".
func RangeText(q record.Quantity) string {
	switch {
	case Unbounded(q):
		return fmt.Sprintf("at least %g", q.Low)
	case q.Low == q.High:
		return fmt.Sprintf("%g", q.Low)
	}
	return fmt.Sprintf("%g to %g", q.Low, q.High)
}

// piece is a word or a part of a word split at a hyphen, a leading currency
// sign or a trailing percent sign.
type piece struct {
	low        string // lower-case form
	form       string
	start, end int
	w          int // index into the sentence's words
	whole      bool
}

// rng is a low, central and high value.
type rng struct{ lo, v, hi float64 }

func exact(n float64) rng            { return rng{n, n, n} }
func (r rng) mul(s float64) rng      { return rng{r.lo * s, r.v * s, r.hi * s} }
func (r rng) add(o rng) rng          { return rng{r.lo + o.lo, r.v + o.v, r.hi + o.hi} }
func (r rng) addExact(n float64) rng { return r.add(exact(n)) }

// Find returns the quantities in sentence s of text, in text order. It never
// panics; words whose spans fall outside text are ignored.
func Find(text string, s doc.Sentence) []record.Quantity {
	f := finder{text: text, s: s}
	f.split()
	var out []record.Quantity
	for i := 0; i < len(f.p); {
		if q, end, ok := f.readAt(i); ok {
			out = append(out, q)
			i = end
			continue
		}
		i++
	}
	return out
}

type finder struct {
	text string
	s    doc.Sentence
	p    []piece

	lastUnit, lastKind string // of the last quantity found
}

var currencySign = map[string]string{
	"$": "dollar", "us$": "dollar", "usd": "dollar", "€": "euro", "eur": "euro",
	"£": "pound", "gbp": "pound", "¥": "yen", "₹": "rupee", "₽": "ruble",
}

func (f *finder) split() {
	for wi, w := range f.s.Words {
		a, b := w.Span.Start, w.Span.End
		if a < 0 || b > len(f.text) || a >= b {
			continue
		}
		form := f.text[a:b]
		f.p = append(f.p, splitWord(form, a, wi)...)
	}
}

// splitWord cuts a word at hyphens, a leading currency sign and a trailing
// percent sign, so "$50", "40%", "10-20" and "one-hour" read like their
// spaced forms.
func splitWord(form string, off, wi int) []piece {
	mk := func(a, b int) piece {
		return piece{low: strings.ToLower(form[a:b]), form: form[a:b], start: off + a, end: off + b, w: wi}
	}
	var out []piece
	a, b := 0, len(form)
	for _, sign := range []string{"US$", "$", "€", "£", "¥", "₹", "₽"} {
		if len(form) > len(sign) && strings.HasPrefix(form, sign) && isDigit(form[len(sign)]) {
			out = append(out, mk(0, len(sign)))
			a = len(sign)
			break
		}
	}
	var tail []piece
	if b-a > 1 && form[b-1] == '%' {
		tail = append(tail, mk(b-1, b))
		b--
	}
	mid := form[a:b]
	if strings.Contains(mid, "-") && mid != "-" && !strings.HasPrefix(mid, "-") && !strings.HasSuffix(mid, "-") {
		s := a
		for i := a; i < b; i++ {
			if form[i] == '-' {
				if i > s {
					out = append(out, mk(s, i))
				}
				out = append(out, mk(i, i+1))
				s = i + 1
			}
		}
		if s < b {
			out = append(out, mk(s, b))
		}
	} else if a < b {
		p := mk(a, b)
		p.whole = a == 0 && b == len(form)
		out = append(out, p)
	}
	return append(out, tail...)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (f *finder) at(i int) string {
	if i < 0 || i >= len(f.p) {
		return ""
	}
	return f.p[i].low
}

func (f *finder) word(i int) doc.Word {
	if i < 0 || i >= len(f.p) {
		return doc.Word{}
	}
	return f.s.Words[f.p[i].w]
}

func (f *finder) lemma(i int) string {
	if i < 0 || i >= len(f.p) {
		return ""
	}
	if w := f.word(i); f.p[i].whole && w.Lemma != "" {
		l := strings.ToLower(w.Lemma)
		if w.XPOS == "NNS" && l == f.p[i].low {
			return singular(l) // the lemmatiser left a plural
		}
		return l
	}
	return singular(f.p[i].low)
}

func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 4:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "ss"):
		return s
	case strings.HasSuffix(s, "s") && len(s) > 3:
		return s[:len(s)-1]
	}
	return s
}

// parseDigits reads "1,000", "3.5" or "40".
func parseDigits(s string) (float64, bool) {
	if s == "" || !isDigit(s[0]) {
		return 0, false
	}
	clean := s
	if strings.Contains(s, ",") {
		parts := strings.Split(s, ".")
		if len(parts) > 2 {
			return 0, false
		}
		groups := strings.Split(parts[0], ",")
		if len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		clean = strings.ReplaceAll(s, ",", "")
	}
	for i := 0; i < len(clean); i++ {
		if !isDigit(clean[i]) && clean[i] != '.' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

var small = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var scale = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mn": 1e6, "bn": 1e9,
}

// vaguePlural is the range a plural scale word counts: at least one, about
// two, fewer than the next scale.
var vaguePlural = map[string]rng{
	"tens":      {10, 20, 100},
	"dozens":    {12, 24, 144},
	"scores":    {20, 40, 100},
	"hundreds":  {100, 200, 1000},
	"thousands": {1e3, 2e3, 1e6},
	"millions":  {1e6, 2e6, 1e9},
	"billions":  {1e9, 2e9, 1e12},
}

var timeUnit = map[string]bool{
	"second": true, "minute": true, "hour": true, "day": true, "week": true,
	"month": true, "year": true, "decade": true, "century": true, "night": true,
}

var months = map[string]bool{
	"jan": true, "jan.": true, "january": true, "feb": true, "feb.": true, "february": true,
	"mar": true, "mar.": true, "march": true, "apr": true, "apr.": true, "april": true,
	"may": true, "jun": true, "june": true, "jul": true, "july": true, "aug": true,
	"aug.": true, "august": true, "sep": true, "sep.": true, "sept": true, "sept.": true,
	"september": true, "oct": true, "oct.": true, "october": true, "nov": true,
	"nov.": true, "november": true, "dec": true, "dec.": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

var clockWord = map[string]bool{
	"a.m.": true, "p.m.": true, "am": true, "pm": true, "gmt": true, "utc": true,
	"o'clock": true, "hrs": true, "a.m": true, "p.m": true,
}

// number is a number phrase read from the pieces.
type number struct {
	r        rng
	end      int     // first piece after the phrase
	scale    float64 // last scale applied, 1 if none
	year     bool    // a bare four-digit number that could be a year
	vague    bool    // several, a few, dozens...
	needUnit bool    // only a quantity with a counted noun ("one", "a few")
	duration bool    // "an hour": the unit is already read
	unit     string
}

// readNumber reads a number phrase starting at piece i.
func (f *finder) readNumber(i int) (number, bool) {
	n := number{scale: 1}
	total, cur := exact(0), exact(0)
	have, lastWasScale, lastWasNum := false, false, false
	k := i
	// Leading article or vague word.
	switch f.at(k) {
	case "a", "an":
		nx := f.at(k + 1)
		switch {
		case nx == "hundred" || nx == "dozen" || scale[nx] > 0:
			cur, have = exact(1), true
			k++
		case nx == "few":
			cur, have, n.vague, n.needUnit = rng{2, 3, 5}, true, true, true
			k += 2
			lastWasNum = true
		case nx == "couple" && f.at(k+2) == "of":
			cur, have, n.needUnit = exact(2), true, true
			k += 2
			lastWasNum = true
		case timeUnit[singular(nx)]:
			n.r, n.end, n.duration, n.unit, n.needUnit = exact(1), k+2, true, singular(nx), true
			return n, true
		default:
			return n, false
		}
	case "half":
		if a := f.at(k + 1); a == "a" || a == "an" {
			nx := f.at(k + 2)
			if timeUnit[singular(nx)] {
				n.r, n.end, n.duration, n.unit = exact(0.5), k+3, true, singular(nx)
				return n, true
			}
			if scale[nx] > 0 || nx == "dozen" || nx == "hundred" {
				cur, have = exact(0.5), true
				k += 2
			}
		}
	case "several":
		nx := f.at(k + 1)
		if nx != "hundred" && scale[nx] == 0 {
			return n, false
		}
		cur, have, n.vague = rng{2, 3, 9}, true, true
		k++
		lastWasNum = true
	}
	for ; k < len(f.p); k++ {
		t := f.at(k)
		if v, ok := parseDigits(t); ok {
			if lastWasNum || lastWasScale {
				break
			}
			cur, have, lastWasNum = exact(v), true, true
			if len(t) == 4 && !strings.ContainsAny(t, ",.") && v >= 1000 && v <= 2100 {
				n.year = true
			}
			continue
		}
		if v, ok := tens[t]; ok {
			if lastWasNum {
				break
			}
			cur, have, lastWasNum = cur.addExact(v), true, true
			if f.at(k+1) == "-" {
				if u, ok := small[f.at(k+2)]; ok && u > 0 && u < 10 {
					cur = cur.addExact(u)
					k += 2
				}
			} else if u, ok := small[f.at(k+1)]; ok && u > 0 && u < 10 {
				cur = cur.addExact(u)
				k++
			}
			lastWasScale = false
			continue
		}
		if v, ok := small[t]; ok {
			if lastWasNum {
				break
			}
			cur, have, lastWasNum, lastWasScale = cur.addExact(v), true, true, false
			if t == "one" && k == i {
				n.needUnit = true
			}
			continue
		}
		if vp, ok := vaguePlural[t]; ok {
			if have {
				break
			}
			cur, have, n.vague, lastWasScale = vp, true, true, true
			n.needUnit = false
			// "hundreds of thousands", "tens of millions"
			if f.at(k+1) == "of" {
				if s2, ok := vaguePlural[f.at(k+2)]; ok && s2.lo > vp.lo {
					cur = cur.mul(s2.lo)
					n.scale = s2.lo
					k += 2
				}
			}
			n.scale = cur.lo
			continue
		}
		if t == "hundred" || t == "dozen" {
			m := 100.0
			if t == "dozen" {
				m = 12
			}
			if !have {
				cur, have = exact(1), true
			}
			cur = cur.mul(m)
			n.scale, lastWasScale, lastWasNum = m, true, false
			n.needUnit = false
			continue
		}
		if s, ok := scale[t]; ok && have {
			if (t == "mn" || t == "bn") && !lastWasNum {
				break
			}
			total = total.add(cur.mul(s))
			cur = exact(0)
			n.scale, lastWasScale, lastWasNum = s, true, false
			n.needUnit = false
			continue
		}
		if t == "and" && have {
			if f.at(k+1) == "a" && f.at(k+2) == "half" && !timeUnit[singular(f.at(k+3))] {
				if lastWasScale {
					total = total.addExact(0.5 * n.scale)
				} else {
					cur = cur.addExact(0.5)
				}
				k += 2
				lastWasNum = true
				continue
			}
			if lastWasScale {
				if _, ok := small[f.at(k+1)]; ok {
					lastWasNum = false
					continue
				}
				if _, ok := tens[f.at(k+1)]; ok {
					lastWasNum = false
					continue
				}
			}
		}
		break
	}
	if !have {
		return n, false
	}
	n.r = total.add(cur)
	n.end = k
	if k != i+1 {
		n.year = false
	}
	return n, true
}
