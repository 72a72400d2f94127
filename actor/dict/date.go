package dict

import (
	"fmt"
	"strconv"
	"strings"
)

// Date is a calendar date that may be partial: M and D are zero when the
// dictionary gives only a year (or only a year and a month). The zero Date
// means "unknown" or "open".
type Date struct{ Y, M, D int }

// IsZero reports whether d is the zero (unknown) Date.
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as YYYY-MM-DD, YYYY-MM or YYYY, or "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.M == 0:
		return fmt.Sprintf("%04d", d.Y)
	case d.D == 0:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
}

// first returns the first day d can mean (missing month and day are 1).
func (d Date) first() Date {
	if d.M == 0 {
		d.M = 1
	}
	if d.D == 0 {
		d.D = 1
	}
	return d
}

// last returns the last day d can mean (missing month is 12, missing day
// is the month's last).
func (d Date) last() Date {
	if d.M == 0 {
		d.M = 12
	}
	if d.D == 0 {
		d.D = daysIn(d.Y, d.M)
	}
	return d
}

// compare orders full dates.
func (d Date) compare(o Date) int {
	switch {
	case d.Y != o.Y:
		return cmpInt(d.Y, o.Y)
	case d.M != o.M:
		return cmpInt(d.M, o.M)
	}
	return cmpInt(d.D, o.D)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ParseDate parses YYYY-MM-DD, YYYY-MM or YYYY (four-digit year, two-digit
// month and day) and checks that the month and day exist.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	var v [3]int
	for i, p := range parts {
		want := 2
		if i == 0 {
			want = 4
		}
		if len(p) != want || strings.Trim(p, "0123456789") != "" {
			return Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
		}
		v[i], _ = strconv.Atoi(p)
	}
	d := Date{v[0], v[1], v[2]}
	if d.Y == 0 {
		return Date{}, fmt.Errorf("bad date %q: year 0000", s)
	}
	if len(parts) > 1 && (d.M < 1 || d.M > 12) {
		return Date{}, fmt.Errorf("bad date %q: month out of range", s)
	}
	if len(parts) > 2 && (d.D < 1 || d.D > daysIn(d.Y, d.M)) {
		return Date{}, fmt.Errorf("bad date %q: day out of range", s)
	}
	return d, nil
}

// Range is a period of time, both ends inclusive; a zero From or To is an
// open end. A partial From starts on the first day it can mean, a partial
// To ends on the last ("2012..2014" is 2012-01-01 through 2014-12-31).
// The zero Range is always.
type Range struct{ From, To Date }

// IsZero reports whether r is open at both ends.
func (r Range) IsZero() bool { return r.From.IsZero() && r.To.IsZero() }

// Contains reports whether date d falls in r. A partial d counts from its
// first day; the zero Date is contained in every Range.
func (r Range) Contains(d Date) bool {
	if d.IsZero() {
		return true
	}
	d = d.first()
	if !r.From.IsZero() && d.compare(r.From.first()) < 0 {
		return false
	}
	if !r.To.IsZero() && d.compare(r.To.last()) > 0 {
		return false
	}
	return true
}

// String formats r as FROM..TO, or "" for the zero Range.
func (r Range) String() string {
	if r.IsZero() {
		return ""
	}
	return r.From.String() + ".." + r.To.String()
}

// ParseRange parses FROM..TO where either side may be empty (open), and
// checks that FROM is not after TO.
func ParseRange(s string) (Range, error) {
	from, to, ok := strings.Cut(s, "..")
	if !ok {
		return Range{}, fmt.Errorf("bad range %q: want FROM..TO", s)
	}
	var r Range
	var err error
	if from = strings.TrimSpace(from); from != "" {
		if r.From, err = ParseDate(from); err != nil {
			return Range{}, err
		}
	}
	if to = strings.TrimSpace(to); to != "" {
		if r.To, err = ParseDate(to); err != nil {
			return Range{}, err
		}
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.From.first().compare(r.To.last()) > 0 {
		return Range{}, fmt.Errorf("bad range %q: starts after it ends", s)
	}
	return r, nil
}
