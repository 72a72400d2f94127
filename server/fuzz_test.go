package server

import (
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParseFilter reads arbitrary query strings: it must never panic, and
// a filter it accepts must hold only values the store can take.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"", "from=2025-02-12&to=2025-02-13", "actor=RUS&quad=4&limit=1000&order=-date", "q=%27+OR+1%3D1",
		"limit=1001", "quad=0", "from=2025-02-30", "cursor=abc&cursor=def", "actor=%00", "q=%25", "order=goldstein&view=mentions"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		flt, err := parseFilter(q, true)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error message")
			}
			return
		}
		if flt.Limit < 0 || flt.Limit > MaxPageSize || flt.QuadClass < 0 || flt.QuadClass > 4 {
			t.Errorf("out of range: %+v", flt)
		}
		for _, d := range []string{flt.From, flt.To} {
			if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
				t.Errorf("bad date %q accepted", d)
			}
		}
		for _, v := range []string{flt.Actor, flt.Recipient, flt.Country, flt.Type, flt.CAMEO, flt.Text, flt.DocID, flt.After} {
			if len(v) > maxParam || !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
				t.Errorf("bad value %q accepted", v)
			}
		}
	})
}

// FuzzParseArticles reads arbitrary request bodies: it must never panic,
// and the articles it accepts have text and distinct ids.
func FuzzParseArticles(f *testing.F) {
	for _, s := range []string{"", `{"text": "a"}`, "{\"id\": 1, \"text\": \"a\"}\n{\"id\": \"1\", \"text\": \"b\"}", `[{"text": "a"}, {"text": "b"}]`,
		"{\n\"text\": \"a\"\n}", "{\"text\": \"a\"}\n{bad", "\x00", `{"text": "a", "date": "February 30, 2025"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := parseArticles(data, 1<<12)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, a := range arts {
			if a.ID == "" || seen[a.ID] || strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text) {
				t.Errorf("bad article %+v", a)
			}
			seen[a.ID] = true
		}
	})
}
