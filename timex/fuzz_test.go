package timex

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"", "Feb. 12", "on Wednesday", "nearly three years ago", "since 2021",
		"the 12th of February, 2025", "2025-02-12", "mid-2024", "a year and a half ago",
		"twenty-", "1,", "12th", "Feb.", "the day before", "this past", "earlier in the",
		"Émigrés said on Wednesday—“nearly three years ago”", "\xff\xfeMonday\x80", "May\u00a05",
	} {
		f.Add(s, int64(1739318400)) // 2025-02-12
	}
	if files, _ := filepath.Glob("../examples/*.txt"); len(files) > 0 {
		if b, err := os.ReadFile(files[0]); err == nil {
			f.Add(string(b), int64(1436832000))
		}
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		ref := time.Unix(unix, 0).UTC()
		exprs := Find(text, ref)
		last := 0
		for _, e := range exprs {
			if e.Start < last || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("bad span %d-%d (previous end %d, text length %d)", e.Start, e.End, last, len(text))
			}
			last = e.End
			if e.Text != text[e.Start:e.End] {
				t.Fatalf("Text %q != text[%d:%d] %q", e.Text, e.Start, e.End, text[e.Start:e.End])
			}
			if !utf8.RuneStart(text[e.Start]) || e.End < len(text) && utf8.ValidString(text) && !utf8.RuneStart(text[e.End]) {
				t.Fatalf("span %d-%d splits a character", e.Start, e.End)
			}
			switch e.Gran {
			case GranDay, GranWeek, GranMonth, GranYear:
			default:
				t.Fatalf("bad granularity %q", e.Gran)
			}
			for _, v := range []string{e.Past, e.Future} {
				if v == "" {
					continue
				}
				layout := map[string]string{GranDay: "2006-01-02", GranWeek: "2006-01-02", GranMonth: "2006-01", GranYear: "2006"}[e.Gran]
				d, err := time.Parse(layout, v)
				if err != nil {
					t.Fatalf("%q: value %q: %v", e.Text, v, err)
				}
				if e.Gran == GranWeek && d.Weekday() != time.Monday {
					t.Fatalf("%q: week %q does not start on a Monday", e.Text, v)
				}
			}
		}
	})
}
