package petrarch

import (
	"fmt"
	"strings"

	"dyad/actor/dict"
)

// parseDate reads a PETRARCH date: YYYYMMDD, or YYMMDD where years 00-30
// are 20YY and the others 19YY (the KEDS/TABARI rule). The day must exist.
func parseDate(s string) (dict.Date, error) {
	if len(s) != 6 && len(s) != 8 {
		return dict.Date{}, fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD", s)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return dict.Date{}, fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD", s)
		}
		n = n*10 + int(c-'0')
	}
	d := dict.Date{Y: n / 10000, M: n / 100 % 100, D: n % 100}
	if len(s) == 6 {
		if d.Y <= 30 {
			d.Y += 2000
		} else {
			d.Y += 1900
		}
	}
	if d.M < 1 || d.M > 12 || d.D < 1 || d.D > daysIn(d.Y, d.M) {
		return dict.Date{}, fmt.Errorf("bad date %q: no such day", s)
	}
	return d, nil
}

// daysIn returns the number of days of month m of year y.
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

// before reports whether full date a is before b.
func before(a, b dict.Date) bool {
	if a.Y != b.Y {
		return a.Y < b.Y
	}
	if a.M != b.M {
		return a.M < b.M
	}
	return a.D < b.D
}

// parseRestriction reads the date restriction that follows a code inside
// brackets, with its spaces removed: "" (none), "<DATE", ">DATE" or
// "DATE-DATE". Both ends are inclusive, as in PETRARCH.
func parseRestriction(s string) (dict.Range, error) {
	switch {
	case s == "":
		return dict.Range{}, nil
	case s[0] == '<':
		d, err := parseDate(s[1:])
		return dict.Range{To: d}, err
	case s[0] == '>':
		d, err := parseDate(s[1:])
		return dict.Range{From: d}, err
	}
	from, to, ok := strings.Cut(s, "-")
	if !ok {
		return dict.Range{}, fmt.Errorf("bad date restriction %q: want <DATE, >DATE or DATE-DATE", s)
	}
	f, err := parseDate(from)
	if err != nil {
		return dict.Range{}, err
	}
	t, err := parseDate(to)
	if err != nil {
		return dict.Range{}, err
	}
	if before(t, f) {
		return dict.Range{}, fmt.Errorf("bad date restriction %q: end before start", s)
	}
	return dict.Range{From: f, To: t}, nil
}
