package timex

import (
	"strings"
	"sync"
	"time"
)

// Granularities of a resolved value (Expr.Gran).
const (
	GranDay   = "day"   // YYYY-MM-DD
	GranWeek  = "week"  // YYYY-MM-DD of the week's Monday
	GranMonth = "month" // YYYY-MM
	GranYear  = "year"  // YYYY
)

// Expr is a time expression found in a text.
type Expr struct {
	Start, End int    // byte offsets into the text, End exclusive
	Text       string // text[Start:End]

	// Past is the date the expression names when the text speaks of the
	// past, Future when it speaks of the future; they differ only for
	// expressions such as "Wednesday" or "in November" that leave the
	// direction open. Each is "" when it cannot be resolved: the reference
	// date was the zero Time and the expression is relative to it, or the
	// date falls outside the years 1 to 9999.
	Past, Future string

	Gran   string // GranDay, GranWeek, GranMonth or GranYear
	Approx bool   // the text hedges the value ("nearly three years ago")
}

// Find returns the time expressions of text in order, resolved against ref,
// the article's date (only its year, month and day count). When ref is the
// zero Time the expressions are still found, but only those that carry
// their own date are resolved. Find never fails; text that is not UTF-8 is
// read byte by byte where it is invalid.
func Find(text string, ref time.Time) []Expr {
	buf := tokenPool.Get().(*[]token)
	defer func() {
		if cap(*buf) <= maxPooled {
			tokenPool.Put(buf)
		}
	}()
	*buf = tokenize(text, (*buf)[:0])
	f := finder{text: text, toks: *buf}
	if !ref.IsZero() {
		y, m, d := ref.Date()
		f.ref = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		f.hasRef = true
	}
	var out []Expr
	for i := 0; i < len(f.toks); {
		r, ok := f.match(i)
		if !ok {
			i++
			continue
		}
		start, end := f.toks[r.i].start, f.toks[r.j-1].end
		out = append(out, Expr{
			Start: start, End: end, Text: text[start:end],
			Past: r.past.format(r.gran), Future: r.future.format(r.gran),
			Gran: r.gran, Approx: r.approx,
		})
		i = r.j
	}
	return out
}

// tokenPool keeps token buffers between calls of Find; buffers larger than
// maxPooled tokens (a few megabytes of text) are left to the collector.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

const maxPooled = 1 << 20

// val is a resolved date: a day, the Monday of a week, the first of a
// month or the first of January of a year.
type val struct {
	t  time.Time
	ok bool
}

func (v val) format(gran string) string {
	if !v.ok {
		return ""
	}
	y, m, d := v.t.Date()
	if y < 1 || y > 9999 {
		return ""
	}
	var b [10]byte
	put := func(at, n, width int) {
		for k := at + width - 1; k >= at; k-- {
			b[k] = byte('0' + n%10)
			n /= 10
		}
	}
	put(0, y, 4)
	switch gran {
	case GranYear:
		return string(b[:4])
	case GranMonth:
		b[4] = '-'
		put(5, int(m), 2)
		return string(b[:7])
	default:
		b[4], b[7] = '-', '-'
		put(5, int(m), 2)
		put(8, d, 2)
		return string(b[:10])
	}
}

// res is a match: tokens i to j (exclusive) and their readings.
type res struct {
	i, j         int
	past, future val
	gran         string
	approx       bool
}

type finder struct {
	text   string
	toks   []token
	ref    time.Time // the article date, midnight UTC
	hasRef bool
}

// Token tests. Each is false for an index past the end.

func (f *finder) word(i, id int) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].cat == catWord && int(f.toks[i].val) == id
}

func (f *finder) is(i int, cat uint8) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].cat == cat
}

func (f *finder) punct(i int, p string) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].kind == kPunct && f.text[f.toks[i].start:f.toks[i].end] == p
}

func (f *finder) dash(i int) bool {
	return f.punct(i, "-") || f.punct(i, "–")
}

// adj reports whether token i follows token i-1 with no space between.
func (f *finder) adj(i int) bool {
	return i > 0 && i < len(f.toks) && !f.toks[i].space
}

func (f *finder) kind(i int) uint8 {
	if i < 0 || i >= len(f.toks) {
		return 0
	}
	return f.toks[i].kind
}

func (f *finder) str(i int) string {
	return f.text[f.toks[i].start:f.toks[i].end]
}

// words reports whether the tokens from i are the words ids.
func (f *finder) words(i int, ids []int8) bool {
	for k, id := range ids {
		if !f.word(i+k, int(id)) {
			return false
		}
	}
	return true
}

// unit returns the unit of token i when it is one, and whether it is the
// singular form.
func (f *finder) unit(i int) (unit int, singular bool) {
	if !f.is(i, catUnit) {
		return 0, false
	}
	s := f.str(i)
	return int(f.toks[i].val), s[len(s)-1]|0x20 != 's'
}

// match tries every pattern at token i.
func (f *finder) match(i int) (res, bool) {
	if f.word(i, wSince) {
		if r, ok := f.core(i + 1); ok {
			r.i = i
			return r, true
		}
		return res{}, false
	}
	return f.core(i)
}

// core tries the patterns that can follow "since".
func (f *finder) core(i int) (res, bool) {
	if i >= len(f.toks) {
		return res{}, false
	}
	switch t := f.toks[i]; t.kind {
	case kNum:
		if r, ok := f.ago(i); ok {
			return r, true
		}
		if r, ok := f.date(i); ok {
			return r, true
		}
		return f.year(i)
	case kWord:
		switch t.cat {
		case catMonth:
			return f.date(i)
		case catWeekday:
			return f.weekday(i)
		case catRelDay:
			return f.relDay(i)
		case catNumber:
			return f.ago(i)
		case catWord:
			switch int(t.val) {
			case wLast, wNext, wThis, wEarlier, wLater:
				if r, ok := f.relative(i); ok {
					return r, true
				}
			case wEarly, wLate, wMid:
				if r, ok := f.earlyLate(i); ok {
					return r, true
				}
			case wThe:
				if r, ok := f.the(i); ok {
					return r, true
				}
			}
			if countStart[t.val] {
				return f.ago(i) // hedges and "a", "several"
			}
		}
	}
	return res{}, false
}

// Resolution helpers.

func (f *finder) days(n int) val {
	return val{f.ref.AddDate(0, 0, n), f.hasRef}
}

func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func (f *finder) weeks(n int) val {
	return val{monday(f.ref).AddDate(0, 0, 7*n), f.hasRef}
}

func (f *finder) months(n int) val {
	return val{time.Date(f.ref.Year(), f.ref.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC), f.hasRef}
}

func (f *finder) years(n int) val {
	return val{time.Date(f.ref.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), f.hasRef}
}

func fixed(y, m, d int) val {
	return val{time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true}
}

func one(i, j int, v val, gran string) res {
	return res{i: i, j: j, past: v, future: v, gran: gran}
}

// daysIn returns the number of days of month m in year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// maxDays is the most days month m can have.
var maxDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// weekdayRes resolves a weekday: dir 0 for a bare weekday (on or before
// the reference day for Past, on or after for Future), -1 for "last", +1
// for "next".
func (f *finder) weekdayRes(i, j int, wd time.Weekday, dir int) res {
	cur := int(f.ref.Weekday())
	back := (cur - int(wd) + 7) % 7
	fwd := (int(wd) - cur + 7) % 7
	switch dir {
	case -1:
		if back == 0 {
			back = 7
		}
		return one(i, j, f.days(-back), GranDay)
	case 1:
		if fwd == 0 {
			fwd = 7
		}
		return one(i, j, f.days(fwd), GranDay)
	}
	return res{i: i, j: j, past: f.days(-back), future: f.days(fwd), gran: GranDay}
}

// monthRes resolves a month name without a year, dir as for weekdayRes.
func (f *finder) monthRes(i, j, m, dir int) res {
	cur := int(f.ref.Month())
	y := f.ref.Year()
	at := func(y int) val { return val{time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), f.hasRef} }
	past, fut := y, y
	if m > cur || dir == -1 && m == cur {
		past--
	}
	if m < cur || dir == 1 && m == cur {
		fut++
	}
	switch dir {
	case -1:
		return one(i, j, at(past), GranMonth)
	case 1:
		return one(i, j, at(fut), GranMonth)
	}
	return res{i: i, j: j, past: at(past), future: at(fut), gran: GranMonth}
}

// monthDayRes resolves a month and day without a year: the most recent
// such day on or before the reference day for Past, the first on or after
// it for Future (skipping years in which the day does not exist, for
// February 29).
func (f *finder) monthDayRes(i, j, m, d int) res {
	y := f.ref.Year()
	cm, cd := int(f.ref.Month()), f.ref.Day()
	past, fut := y, y
	if m > cm || m == cm && d > cd {
		past--
	}
	if m < cm || m == cm && d < cd {
		fut++
	}
	for k := 0; k < 8 && d > daysIn(past, m); k++ {
		past--
	}
	for k := 0; k < 8 && d > daysIn(fut, m); k++ {
		fut++
	}
	return res{i: i, j: j, past: val{time.Date(past, time.Month(m), d, 0, 0, 0, 0, time.UTC), f.hasRef},
		future: val{time.Date(fut, time.Month(m), d, 0, 0, 0, 0, time.UTC), f.hasRef}, gran: GranDay}
}

// weekendRes resolves "the weekend" (dir 0), "last weekend" (-1) and "next
// weekend" (+1) to the Monday of the weekend's week. For a bare weekend the
// Past reading is the latest weekend that has begun.
func (f *finder) weekendRes(i, j, dir int) res {
	if dir != 0 {
		return one(i, j, f.weeks(dir), GranWeek)
	}
	r := res{i: i, j: j, past: f.weeks(-1), future: f.weeks(0), gran: GranWeek}
	if wd := f.ref.Weekday(); wd == time.Saturday || wd == time.Sunday {
		r.past = r.future
	}
	return r
}

// Patterns.

// count reads a count at token i: digits, number words ("twenty-five"),
// "a"/"an", "a few", "a couple (of)", "a dozen", "several". It returns the
// number, whether it is vague, and the token after it.
func (f *finder) count(i int) (n int, vague bool, next int, ok bool) {
	if i >= len(f.toks) {
		return 0, false, 0, false
	}
	t := f.toks[i]
	switch {
	case t.kind == kNum:
		n, next, ok = f.integer(i)
		return n, false, next, ok
	case t.cat == catNumber:
		n = int(t.val)
		next = i + 1
		if n >= 20 && n%10 == 0 {
			// "twenty-five", "twenty five"
			if f.dash(next) && f.adj(next) && f.adj(next+1) && f.is(next+1, catNumber) && f.toks[next+1].val < 10 {
				n += int(f.toks[next+1].val)
				next += 2
			} else if f.is(next, catNumber) && f.toks[next].val < 10 {
				n += int(f.toks[next].val)
				next++
			}
		}
		return n, false, next, true
	case f.word(i, wA):
		switch {
		case f.word(i+1, wFew):
			return 3, true, i + 2, true
		case f.word(i+1, wCouple):
			if f.word(i+2, wOf) {
				return 2, true, i + 3, true
			}
			return 2, true, i + 2, true
		case f.word(i+1, wDozen):
			return 12, true, i + 2, true
		}
		return 1, false, i + 1, true
	case f.word(i, wSeveral):
		return 3, true, i + 1, true
	}
	return 0, false, 0, false
}

// integer reads a number written in digits at token i, with thousands
// separators ("1,000"), up to 999,999. It fails on decimals.
func (f *finder) integer(i int) (n, next int, ok bool) {
	s := f.str(i)
	if len(s) > 6 || f.adj(i) && (f.punct(i-1, ".") || f.punct(i-1, ",")) && f.kind(i-2) == kNum {
		return 0, 0, false
	}
	for k := 0; k < len(s); k++ {
		n = n*10 + int(s[k]-'0')
	}
	next = i + 1
	for f.punct(next, ",") && f.adj(next) && f.adj(next+1) && f.kind(next+1) == kNum && len(f.str(next+1)) == 3 && n < 1000 {
		s := f.str(next + 1)
		n = n*1000 + int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0')
		next += 2
	}
	if f.punct(next, ".") && f.adj(next) && f.adj(next+1) && f.kind(next+1) == kNum {
		return 0, 0, false // a decimal
	}
	if f.adj(next) && f.kind(next) == kWord {
		return 0, 0, false // "3km", "2nd"
	}
	return n, next, true
}

// ago matches "[hedge] COUNT UNIT ago" and "[hedge] COUNT UNIT from now",
// with "and a half" after the count or the unit.
func (f *finder) ago(i int) (res, bool) {
	j := i
	approx := false
	for _, h := range hedges {
		if f.words(j, h.words) {
			j += len(h.words)
			approx = h.approx
			break
		}
	}
	n, vague, j, ok := f.count(j)
	if !ok {
		return res{}, false
	}
	half := false
	if f.word(j, wAnd) && f.word(j+1, wA) && f.word(j+2, wHalf) {
		half = true
		j += 3
	}
	u, _ := f.unit(j)
	if u == 0 {
		return res{}, false
	}
	j++
	if !half && f.word(j, wAnd) && f.word(j+1, wA) && f.word(j+2, wHalf) {
		half = true
		j += 3
	}
	sign := -1
	switch {
	case f.word(j, wAgo):
		j++
	case f.word(j, wFrom) && f.word(j+1, wNow):
		sign = 1
		j += 2
	default:
		return res{}, false
	}
	r := res{i: i, j: j, approx: approx || vague || half}
	var v val
	switch u {
	case unitDay:
		v, r.gran = f.days(sign*n), GranDay
	case unitWeek:
		if half {
			v, r.gran = f.days(sign*(7*n+3)), GranDay
		} else {
			v, r.gran = f.weeks(sign*n), GranWeek
		}
	case unitMonth:
		if half {
			v, r.gran = val{monday(f.ref.AddDate(0, 0, sign*(30*n+15))), f.hasRef}, GranWeek
		} else {
			v, r.gran = f.months(sign*n), GranMonth
		}
	case unitYear:
		if half {
			v, r.gran = f.months(sign*(12*n+6)), GranMonth
		} else {
			v, r.gran = f.years(sign*n), GranYear
		}
	case unitDecade:
		k := 10 * n
		if half {
			k += 5
		}
		v, r.gran, r.approx = f.years(sign*k), GranYear, true
	}
	r.past, r.future = v, v
	return r, true
}

// relDay matches today, tonight, yesterday and tomorrow, with a part of
// the day after them ("yesterday morning").
func (f *finder) relDay(i int) (res, bool) {
	t := f.toks[i]
	if f.word(i-1, wUSA) { // USA Today
		return res{}, false
	}
	off := int(t.val)
	if off == relTonight {
		off = 0
	}
	j := i + 1
	if t.val != relTonight && f.is(j, catPart) {
		j++
	}
	return one(i, j, f.days(off), GranDay), true
}

// relative matches what starts with last, next, this, earlier or later:
// "last week", "next Monday", "this past Friday", "last November",
// "earlier this month", "later in the week", "earlier today", "last
// night", "this morning".
func (f *finder) relative(i int) (res, bool) {
	id := int(f.toks[i].val)
	if id == wEarlier || id == wLater {
		k := i + 1
		switch {
		case f.is(k, catRelDay) && f.toks[k].val == 0: // earlier today
			return one(i, k+1, f.days(0), GranDay), true
		case f.word(k, wThis):
			k++
		case f.word(k, wIn) && f.word(k+1, wThe):
			k += 2
		default:
			return res{}, false
		}
		switch u, sg := f.unit(k); {
		case !sg:
			return res{}, false
		case u == unitWeek:
			return one(i, k+1, f.weeks(0), GranWeek), true
		case u == unitMonth:
			return one(i, k+1, f.months(0), GranMonth), true
		case u == unitYear:
			return one(i, k+1, f.years(0), GranYear), true
		}
		return res{}, false
	}
	dir := 0
	switch id {
	case wLast:
		dir = -1
	case wNext:
		dir = 1
	}
	if dir != 0 && f.word(i-1, wThe) {
		return res{}, false // "the last week": a span of time, not a date
	}
	k := i + 1
	if id == wThis {
		switch {
		case f.word(k, wPast):
			dir, k = -1, k+1
		case f.word(k, wComing):
			dir, k = 1, k+1
		}
	}
	if k >= len(f.toks) {
		return res{}, false
	}
	t := f.toks[k]
	switch t.cat {
	case catPart:
		s := f.str(k)
		switch {
		case id == wLast && strings.EqualFold(s, "night"):
			return one(i, k+1, f.days(-1), GranDay), true
		case id == wThis && !strings.EqualFold(s, "night") && !(t.cap && f.kind(i-1) == kWord && f.toks[i-1].cap):
			// not a title such as "CBS This Morning"
			return one(i, k+1, f.days(0), GranDay), true
		}
	case catUnit:
		u, sg := f.unit(k)
		if !sg {
			return res{}, false
		}
		switch u {
		case unitWeek:
			return one(i, k+1, f.weeks(dir), GranWeek), true
		case unitMonth:
			return one(i, k+1, f.months(dir), GranMonth), true
		case unitYear:
			return one(i, k+1, f.years(dir), GranYear), true
		}
	case catWord:
		if int(t.val) == wWeekend {
			return f.weekendRes(i, k+1, dir), true
		}
	case catWeekday:
		j := k + 1
		if f.is(j, catPart) {
			j++
		}
		return f.weekdayRes(i, j, time.Weekday(t.val), dir), true
	case catMonth:
		if t.cap && !t.abbr {
			if dir == 0 { // this November: the reference year's
				v := val{time.Date(f.ref.Year(), time.Month(t.val), 1, 0, 0, 0, 0, time.UTC), f.hasRef}
				return one(i, k+1, v, GranMonth), true
			}
			return f.monthRes(i, k+1, int(t.val), dir), true
		}
	}
	return res{}, false
}

// earlyLate matches early, mid and late before a month, year or other
// expression: "early February", "mid-2024", "late last year".
func (f *finder) earlyLate(i int) (res, bool) {
	k := i + 1
	if f.dash(k) && f.adj(k) && f.adj(k+1) {
		k++
	}
	if k >= len(f.toks) || f.toks[k].kind == kPunct {
		return res{}, false
	}
	if t := f.toks[k]; t.cat == catWord && (t.val == wA || t.val == wSeveral) || t.cat == catNumber {
		return res{}, false // "early three years ago"
	}
	r, ok := f.core(k)
	if !ok {
		return res{}, false
	}
	r.i = i
	return r, true
}

// the matches what starts with "the": "the day before yesterday", "the day
// after tomorrow", "the weekend", "the 12th of February".
func (f *finder) the(i int) (res, bool) {
	if u, sg := f.unit(i + 1); u == unitDay && sg && f.is(i+3, catRelDay) {
		switch {
		case f.word(i+2, wBefore) && f.toks[i+3].val == -1:
			return one(i, i+4, f.days(-2), GranDay), true
		case f.word(i+2, wAfter) && f.toks[i+3].val == 1:
			return one(i, i+4, f.days(2), GranDay), true
		}
		return res{}, false
	}
	if f.word(i+1, wWeekend) {
		return f.weekendRes(i, i+2, 0), true
	}
	if f.kind(i+1) == kNum {
		if r, ok := f.dayMonth(i + 1); ok && r.ordinalOf {
			r.i = i
			return r.res, true
		}
	}
	return res{}, false
}

// weekday matches a weekday name, with a part of the day ("Wednesday
// night") or a date after it ("Wednesday, Feb. 12").
func (f *finder) weekday(i int) (res, bool) {
	if i > 0 && f.kind(i-1) == kWord && f.toks[i-1].cap && oneOf(f.str(i-1), dayNamePrefixes) {
		return res{}, false
	}
	if i+1 < len(f.toks) && f.kind(i+1) == kWord && f.toks[i+1].cap && oneOf(f.str(i+1), newspaperSuffixes) {
		return res{}, false
	}
	j := i + 1
	if f.is(j, catPart) && f.toks[j].cap && f.kind(j+1) == kWord && f.toks[j+1].cap {
		return res{}, false // a title: "Saturday Night Live", "Sunday Morning Futures"
	}
	if f.is(j, catPart) {
		j++
	} else {
		k := j
		if f.punct(k, ",") {
			k++
		}
		if d, ok := f.date(k); ok && d.gran == GranDay {
			d.i = i
			return d, true
		}
	}
	return f.weekdayRes(i, j, time.Weekday(f.toks[i].val), 0), true
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// dayNum reads a day of the month at token i: one or two digits, 1 to 31,
// with an optional ordinal suffix ("12th"). It refuses numbers that go on
// as a decimal, a thousands group, a time or a unit.
func (f *finder) dayNum(i int) (d, next int, ordinal, ok bool) {
	if f.kind(i) != kNum {
		return 0, 0, false, false
	}
	s := f.str(i)
	if len(s) > 2 {
		return 0, 0, false, false
	}
	for k := 0; k < len(s); k++ {
		d = d*10 + int(s[k]-'0')
	}
	if d < 1 || d > 31 {
		return 0, 0, false, false
	}
	next = i + 1
	if f.adj(next) {
		switch f.kind(next) {
		case kWord:
			if !f.word(next, wSt) && !f.word(next, wNd) && !f.word(next, wRd) && !f.word(next, wTh) {
				return 0, 0, false, false
			}
			ordinal = true
			next++
		case kPunct:
			if (f.punct(next, ",") || f.punct(next, ".") || f.punct(next, ":")) && f.adj(next+1) && f.kind(next+1) == kNum {
				return 0, 0, false, false
			}
			if f.punct(next, "%") {
				return 0, 0, false, false
			}
		}
	}
	return d, next, ordinal, true
}

// year4 reads a year written with four digits at token i, within
// [lo, hi], that does not go on as a larger number, a decimal or a decade
// ("1990s").
func (f *finder) year4(i, lo, hi int) (int, bool) {
	if f.kind(i) != kNum {
		return 0, false
	}
	s := f.str(i)
	if len(s) != 4 {
		return 0, false
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	if y < lo || y > hi {
		return 0, false
	}
	next := i + 1
	if f.adj(next) {
		switch {
		case f.kind(next) == kWord:
			return 0, false
		case (f.punct(next, ",") || f.punct(next, ".")) && f.adj(next+1) && f.kind(next+1) == kNum:
			return 0, false
		case f.punct(next, "%"):
			return 0, false
		}
	}
	// Part of a larger number ("1,2022") or an amount ("$2022").
	if f.adj(i) {
		p := i - 1
		if f.punct(p, "$") || f.punct(p, "£") || f.punct(p, "€") || f.punct(p, "#") {
			return 0, false
		}
		if (f.punct(p, ",") || f.punct(p, ".")) && f.adj(p) && f.kind(p-1) == kNum {
			return 0, false
		}
	}
	return y, true
}

// Year ranges: a year after a month or day may be any plausible year; a
// year with a strong cue before it ("in", "since") may reach back two
// centuries; other years must be in 1900-2099.
const (
	yearLo, yearHi         = 1000, 2999
	cuedYearLo, cuedYearHi = 1800, 2199
	bareYearLo, bareYearHi = 1900, 2099
)

// yearAfter reads an optional year after a date ("Feb. 12, 2025", "12
// February 2025", "March of 2023") starting at token i.
func (f *finder) yearAfter(i int, allowOf bool) (y, next int, ok bool) {
	k := i
	if f.punct(k, ",") {
		k++
	} else if allowOf && f.word(k, wOf) {
		k++
	}
	if k > i || f.toks[min(k, len(f.toks)-1)].space {
		if y, ok := f.year4(k, yearLo, yearHi); ok {
			return y, k + 1, true
		}
	}
	return 0, i, false
}

// dmRes is a day-first date match; ordinalOf marks "12th of February".
type dmRes struct {
	res
	ordinalOf bool
}

// dayMonth matches a day before a month: "12 February", "12 Feb. 2025",
// "12th of February".
func (f *finder) dayMonth(i int) (dmRes, bool) {
	d, k, ordinal, ok := f.dayNum(i)
	if !ok {
		return dmRes{}, false
	}
	if f.adj(i) && (f.punct(i-1, ",") || f.punct(i-1, ".")) && f.kind(i-2) == kNum {
		return dmRes{}, false
	}
	of := false
	if ordinal && f.word(k, wOf) {
		of = true
		k++
	}
	if !f.is(k, catMonth) || !f.toks[k].cap || !f.toks[k].space {
		return dmRes{}, false
	}
	m := int(f.toks[k].val)
	if d > maxDays[m] {
		return dmRes{}, false
	}
	k++
	if f.toks[k-1].abbr && f.punct(k, ".") && f.adj(k) {
		k++
	}
	if y, next, ok := f.yearAfter(k, false); ok {
		if d > daysIn(y, m) {
			return dmRes{}, false
		}
		return dmRes{one(i, next, fixed(y, m, d), GranDay), of}, true
	}
	return dmRes{f.monthDayRes(i, k, m, d), of}, true
}

// date matches dates that start with a month or a number: "Feb. 12",
// "February 12, 2025", "12 February 2025", "2025-02-12", "November 2024",
// "March of 2023", "November".
func (f *finder) date(i int) (res, bool) {
	if i >= len(f.toks) {
		return res{}, false
	}
	t := f.toks[i]
	if t.kind == kNum {
		if r, ok := f.iso(i); ok {
			return r, true
		}
		r, ok := f.dayMonth(i)
		return r.res, ok
	}
	if t.cat != catMonth || !t.cap {
		return res{}, false
	}
	m := int(t.val)
	k := i + 1
	if t.abbr && f.punct(k, ".") && f.adj(k) {
		k++
	}
	if k < len(f.toks) && f.toks[k].space {
		if d, next, _, ok := f.dayNum(k); ok {
			if d > maxDays[m] {
				return res{}, false // "February 30" is no date
			}
			if y, next2, ok := f.yearAfter(next, false); ok {
				if d > daysIn(y, m) {
					return res{}, false
				}
				return one(i, next2, fixed(y, m, d), GranDay), true
			}
			return f.monthDayRes(i, next, m, d), true
		}
	}
	if y, next, ok := f.yearAfter(k, true); ok {
		return one(i, next, fixed(y, m, 1), GranMonth), true
	}
	if t.abbr || !f.bareMonthOK(i) {
		return res{}, false
	}
	return f.monthRes(i, i+1, m, 0), true
}

// bareMonthOK decides whether a month name with no day or year after it
// is a date. "May" and "March" need a preposition or modifier before them;
// the other months are dates unless a capitalised word follows ("April
// Ryan") or a name precedes them ("Jill June").
func (f *finder) bareMonthOK(i int) bool {
	cue := false
	p := i - 1
	if f.dash(p) && f.adj(i) && f.adj(p) {
		p-- // mid-November
	}
	if f.kind(p) == kWord && f.toks[p].cat == catWord {
		switch int(f.toks[p].val) {
		case wIn, wSince, wUntil, wTill, wBy, wBefore, wAfter, wDuring, wFrom, wThrough,
			wTo, wOf, wBetween, wEarly, wLate, wMid, wLast, wNext, wThis:
			cue = true
		case wAnd, wOr:
			cue = f.is(p-1, catMonth)
		}
	} else if f.punct(p, ",") && f.is(p-1, catMonth) {
		cue = true
	}
	if cue {
		return true
	}
	if m := f.toks[i].val; m == 3 || m == 5 {
		return false
	}
	if f.kind(p) == kWord && f.toks[p].cap && f.toks[p].cat == catNone {
		return false // a name: "Jill June"
	}
	n := i + 1
	return !(f.kind(n) == kWord && f.toks[n].cap)
}

// iso matches YYYY-MM-DD.
func (f *finder) iso(i int) (res, bool) {
	if len(f.str(i)) != 4 || !f.punct(i+1, "-") || !f.adj(i+1) || !f.adj(i+2) || f.kind(i+2) != kNum ||
		len(f.str(i+2)) != 2 || !f.punct(i+3, "-") || !f.adj(i+3) || !f.adj(i+4) || f.kind(i+4) != kNum || len(f.str(i+4)) != 2 {
		return res{}, false
	}
	num := func(s string) int {
		n := 0
		for k := 0; k < len(s); k++ {
			n = n*10 + int(s[k]-'0')
		}
		return n
	}
	y, m, d := num(f.str(i)), num(f.str(i+2)), num(f.str(i+4))
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return res{}, false
	}
	if f.adj(i+5) && (f.kind(i+5) == kNum || f.dash(i+5)) {
		return res{}, false
	}
	return one(i, i+5, fixed(y, m, d), GranDay), true
}

// year matches a year standing alone, when its context makes it a date:
// a preposition or modifier before it ("in 2022", "pre-2014", "the 2022
// invasion"), a year range ("2014-2022"), parentheses, or a verb after it
// ("2022 was").
func (f *finder) year(i int) (res, bool) {
	strong, weak := false, false
	p := i - 1
	if f.dash(p) && f.adj(i) {
		switch {
		case f.adj(p) && (f.word(p-1, wPre) || f.word(p-1, wPost) || f.word(p-1, wMid)):
			strong = true
		case f.kind(p-1) == kNum && len(f.str(p-1)) == 4:
			strong = true // 2014-2022
		}
	} else if f.kind(p) == kWord {
		t := f.toks[p]
		switch {
		case t.cat == catWord:
			switch int(t.val) {
			case wIn, wSince, wUntil, wTill, wBy, wBefore, wAfter, wDuring, wFrom, wThrough,
				wEarly, wLate, wMid, wPre, wPost, wBetween:
				strong = true
			case wThe, wA, wOf, wTo, wAnd, wOr:
				weak = true
			}
		case t.cat == catUnit && t.val == unitYear:
			strong = true // the year 2022
		}
	} else if f.punct(p, "(") && f.punct(i+1, ")") {
		weak = true
	}
	lo, hi := bareYearLo, bareYearHi
	if strong {
		lo, hi = cuedYearLo, cuedYearHi
	}
	y, ok := f.year4(i, lo, hi)
	if !ok {
		return res{}, false
	}
	if !strong && !weak {
		n := i + 1
		if f.kind(n) != kWord || !oneOfFold(f.str(n), yearVerbs) {
			return res{}, false
		}
	}
	return one(i, i+1, fixed(y, 1, 1), GranYear), true
}

// yearVerbs may follow a year that opens a clause ("2022 was a year of
// war").
var yearVerbs = []string{"began", "brought", "ended", "had", "has", "is", "marked", "saw", "was", "will"}

func oneOfFold(s string, list []string) bool {
	for _, x := range list {
		if strings.EqualFold(s, x) {
			return true
		}
	}
	return false
}
