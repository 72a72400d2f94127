package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"dyad/cameo"
)

// GDELTRow is one line of a GDELT table read by ReadGDELT or
// ReadGDELTMentions.
type GDELTRow struct {
	Line   int      // 1-based line number
	Fields []string // one value per column, in the table's column order
	cols   map[string]int
}

// Get returns the value of the named column ("" when the table has no such
// column).
func (r GDELTRow) Get(column string) string {
	if i, ok := r.cols[column]; ok {
		return r.Fields[i]
	}
	return ""
}

// GDELTError is a line of a GDELT table that breaks the format.
type GDELTError struct {
	Line   int
	Column string // "" when the whole line is at fault
	Msg    string
}

// Error formats e as "line N, column C: message".
func (e *GDELTError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("export: gdelt: line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("export: gdelt: line %d, column %s: %s", e.Line, e.Column, e.Msg)
}

// check is the rule for one column: its kind, whether it may be empty and
// the range of a number.
type check struct {
	kind     byte // 's' string, 'i' integer, 'f' float, 't' YYYYMMDDHHMMSS
	required bool
	lo, hi   float64
}

var (
	anyInt   = check{kind: 'i', lo: math.MinInt64, hi: math.MaxInt64}
	count    = check{kind: 'i', required: true, hi: math.MaxInt32}
	geoType  = check{kind: 'i', required: true, hi: 5}
	timeCol  = check{kind: 't'}
	eventIDs = check{kind: 'i', required: true, hi: math.MaxInt64}

	eventChecks = map[string]check{
		"GLOBALEVENTID": eventIDs, "SQLDATE": anyInt, "MonthYear": anyInt, "Year": anyInt,
		"FractionDate": {kind: 'f', lo: 0, hi: 10000}, "IsRootEvent": {kind: 'i', required: true, hi: 1},
		"QuadClass": {kind: 'i', lo: 1, hi: 4}, "GoldsteinScale": {kind: 'f', lo: -10, hi: 10},
		"NumMentions": count, "NumSources": count, "NumArticles": count,
		"AvgTone":        {kind: 'f', lo: -100, hi: 100},
		"Actor1Geo_Type": geoType, "Actor2Geo_Type": geoType, "ActionGeo_Type": geoType,
		"Actor1Geo_Lat": {kind: 'f', lo: -90, hi: 90}, "Actor1Geo_Long": {kind: 'f', lo: -180, hi: 180},
		"Actor2Geo_Lat": {kind: 'f', lo: -90, hi: 90}, "Actor2Geo_Long": {kind: 'f', lo: -180, hi: 180},
		"ActionGeo_Lat": {kind: 'f', lo: -90, hi: 90}, "ActionGeo_Long": {kind: 'f', lo: -180, hi: 180},
		"DATEADDED": timeCol,
	}
	mentionChecks = map[string]check{
		"GLOBALEVENTID": eventIDs, "EventTimeDate": timeCol, "MentionTimeDate": timeCol,
		"MentionType": {kind: 'i', required: true, lo: 1, hi: 6}, "SentenceID": {kind: 'i', lo: 1, hi: math.MaxInt32},
		"Actor1CharOffset": {kind: 'i', lo: -1, hi: math.MaxInt64}, "Actor2CharOffset": {kind: 'i', lo: -1, hi: math.MaxInt64},
		"ActionCharOffset": {kind: 'i', lo: -1, hi: math.MaxInt64}, "InRawText": {kind: 'i', hi: 1},
		"Confidence": {kind: 'i', hi: 100}, "MentionDocLen": {kind: 'i', hi: math.MaxInt64},
		"MentionDocTone": {kind: 'f', lo: -100, hi: 100},
	}
)

// ReadGDELT reads a GDELT 2.0 event table strictly and calls fn for each
// line: every line has the 61 columns of EventColumns; integer columns
// hold integers and float columns floats within their ranges (empty only
// where GDELT leaves them empty: all but GLOBALEVENTID, IsRootEvent, the
// three counters and the three Geo_Type columns may be empty); SQLDATE is
// a real date that MonthYear and Year agree with and FractionDate comes
// within a week of (year + day of year/365); the three
// event codes are digits, each a prefix of the next; a Geo_Type of 0 has
// no other geo fields. The first fault stops the reading with a
// *GDELTError that names the line and column; an error from fn stops it
// and is returned as is.
func ReadGDELT(r io.Reader, fn func(GDELTRow) error) error {
	return eventTable.read(r, fn)
}

// ReadGDELTMentions reads a GDELT 2.0 mentions table as strictly as
// ReadGDELT: 16 columns (MentionColumns), GLOBALEVENTID and MentionType
// present, times YYYYMMDDHHMMSS, SentenceID from 1, character offsets from
// -1, InRawText 0 or 1, Confidence 0 to 100.
func ReadGDELTMentions(r io.Reader, fn func(GDELTRow) error) error {
	return mentionTable.read(r, fn)
}

// table is what a reader checks in one kind of GDELT table.
type table struct {
	cols     []string
	idx      map[string]int
	checks   []check // by column
	rowCheck func(GDELTRow) *GDELTError
}

func newTable(cols []string, checks map[string]check, rowCheck func(GDELTRow) *GDELTError) *table {
	t := &table{cols: cols, idx: make(map[string]int, len(cols)), checks: make([]check, len(cols)), rowCheck: rowCheck}
	for i, c := range cols {
		t.idx[c], t.checks[i] = i, checks[c]
	}
	return t
}

var (
	eventTable   = newTable(EventColumns, eventChecks, checkEvent)
	mentionTable = newTable(MentionColumns, mentionChecks, nil)
)

func (t *table) read(r io.Reader, fn func(GDELTRow) error) error {
	cols := t.cols
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimSuffix(sc.Text(), "\r")
		f := strings.Split(text, "\t")
		if len(f) != len(cols) {
			return &GDELTError{Line: n, Msg: fmt.Sprintf("%d fields, want %d", len(f), len(cols))}
		}
		for i, v := range f {
			if err := checkValue(v, t.checks[i]); err != "" {
				return &GDELTError{Line: n, Column: cols[i], Msg: fmt.Sprintf("%q: %s", v, err)}
			}
		}
		row := GDELTRow{Line: n, Fields: f, cols: t.idx}
		if t.rowCheck != nil {
			if err := t.rowCheck(row); err != nil {
				return err
			}
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("export: gdelt: after line %d: %w", n, err)
	}
	return nil
}

func checkValue(v string, c check) string {
	if v == "" {
		if c.required {
			return "empty"
		}
		return ""
	}
	switch c.kind {
	case 'i':
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return "not an integer"
		}
		if float64(n) < c.lo || float64(n) > c.hi {
			return fmt.Sprintf("out of range %g..%g", c.lo, c.hi)
		}
	case 'f':
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return "not a number"
		}
		if x < c.lo || x > c.hi {
			return fmt.Sprintf("out of range %g..%g", c.lo, c.hi)
		}
	case 't':
		if _, err := time.Parse("20060102150405", v); err != nil || len(v) != 14 {
			return "not a YYYYMMDDHHMMSS time"
		}
	}
	return ""
}

// checkEvent checks what one column alone cannot: dates and codes that
// must agree.
func checkEvent(r GDELTRow) *GDELTError {
	bad := func(col, msg string) *GDELTError { return &GDELTError{Line: r.Line, Column: col, Msg: msg} }
	date, month, year, frac := r.Get("SQLDATE"), r.Get("MonthYear"), r.Get("Year"), r.Get("FractionDate")
	if date != "" {
		t, err := time.Parse("20060102", date)
		if err != nil || len(date) != 8 {
			return bad("SQLDATE", fmt.Sprintf("%q: not a YYYYMMDD date", date))
		}
		if month != date[:6] {
			return bad("MonthYear", fmt.Sprintf("%q disagrees with SQLDATE %s", month, date))
		}
		if year != date[:4] {
			return bad("Year", fmt.Sprintf("%q disagrees with SQLDATE %s", year, date))
		}
		// GDELT's fraction is about the day of the year over 365; published
		// rows and the codebook's formula differ by a few days.
		if x, _ := strconv.ParseFloat(frac, 64); frac != "" && math.Abs(x-float64(t.Year())-float64(t.YearDay())/365) > 0.02 {
			return bad("FractionDate", fmt.Sprintf("%q disagrees with SQLDATE %s", frac, date))
		}
	} else if month != "" || year != "" || frac != "" {
		return bad("SQLDATE", "empty while MonthYear, Year or FractionDate is not")
	}
	code, base, root := r.Get("EventCode"), r.Get("EventBaseCode"), r.Get("EventRootCode")
	switch {
	case code == "" && (base != "" || root != ""):
		return bad("EventCode", "empty while EventBaseCode or EventRootCode is not")
	case code != "" && !cameo.WellFormed(code):
		return bad("EventCode", fmt.Sprintf("%q: not a CAMEO code of 2 to 4 digits", code))
	case code != "" && base != code[:min(3, len(code))]:
		return bad("EventBaseCode", fmt.Sprintf("%q does not start EventCode %s", base, code))
	case code != "" && root != code[:2]:
		return bad("EventRootCode", fmt.Sprintf("%q does not start EventCode %s", root, code))
	}
	for _, g := range []string{"Actor1Geo_", "Actor2Geo_", "ActionGeo_"} {
		lat, long := r.Get(g+"Lat"), r.Get(g+"Long")
		if (lat == "") != (long == "") {
			return bad(g+"Lat", "latitude and longitude must both be given or both empty")
		}
		if r.Get(g+"Type") != "0" {
			continue
		}
		for _, c := range []string{"FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"} {
			if r.Get(g+c) != "" {
				return bad(g+c, "set while "+g+"Type is 0 (no place)")
			}
		}
	}
	return nil
}
