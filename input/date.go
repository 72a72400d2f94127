package input

import (
	"strconv"
	"strings"
	"time"
)

// parseDate reads a publication date and returns it as YYYY-MM-DD. It
// accepts an ISO 8601 date with or without a time (2025-02-12,
// 2025-02-12T10:00:00Z, 2025/02/12) and dates written with a month name
// (February 12, 2025; 12 Feb 2025; Wed, 12 Feb 2025 10:00:00 +0000). A time
// after the date is ignored: the date is the one written, in the writer's
// time zone.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if d, ok := isoDate(s); ok {
		return d, true
	}
	return wordDate(s)
}

func isoDate(s string) (string, bool) {
	if i := strings.IndexAny(s, "Tt "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 8 {
		return "", false
	}
	sep := s[4]
	if sep != '-' && sep != '/' && sep != '.' {
		return "", false
	}
	f := strings.Split(s, string(sep))
	if len(f) != 3 || len(f[0]) != 4 || len(f[1]) > 2 || len(f[2]) > 2 {
		return "", false
	}
	y, ok1 := number(f[0])
	m, ok2 := number(f[1])
	d, ok3 := number(f[2])
	if !ok1 || !ok2 || !ok3 {
		return "", false
	}
	return makeDate(y, m, d)
}

func wordDate(s string) (string, bool) {
	var y, m, d int
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		if y > 0 && m > 0 && d > 0 {
			break // a time or zone may follow
		}
		w = strings.ToLower(strings.TrimSuffix(w, "."))
		if mo, ok := months[w]; ok && m == 0 {
			m = mo
			continue
		}
		if weekdays[w] && y == 0 && m == 0 && d == 0 {
			continue
		}
		digits := strings.TrimRight(w, "stndrh") // 1st, 2nd, 3rd, 4th
		n, ok := number(digits)
		switch {
		case ok && len(digits) == 4 && y == 0 && digits == w:
			y = n
		case ok && len(digits) <= 2 && d == 0:
			d = n
		default:
			return "", false
		}
	}
	return makeDate(y, m, d)
}

// number parses a string of ASCII digits.
func number(s string) (int, bool) {
	if s == "" || len(s) > 4 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func makeDate(y, m, d int) (string, bool) {
	if y < 1000 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false // February 30
	}
	return t.Format(time.DateOnly), true
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true, "sun": true,
}
