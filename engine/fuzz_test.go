package engine_test

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"dyad/doc"
	"dyad/engine"
	"dyad/record"
)

// FuzzCode runs the whole pipeline on arbitrary text: it must not panic,
// every span must lie inside the text on rune boundaries, and the records
// must encode as JSON.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"",
		"Mr. Putin invited Mr. Trump to Moscow.",
		"Kremlin spokesman Dmitri S. Peskov said he and Mr. Trump had agreed to meet.",
		"“We will win,” he said, “and soon.” Both leaders did not attack.",
		"Officials said at least 156 people were killed, not 1,000 as reported; \"several hundred\" fled.",
		"WASHINGTON, Feb 12 - U.S. troops attacked rebels in the city of Mosul on Monday.",
		"He she they him their . . . Mr. Mr. Mr. of of of",
		"\x00\xff\xfe broken bytes",
		"The the the United United Nations Nations welcomed welcomed.",
	} {
		f.Add(s, "2025-02-12")
	}
	e, err := engine.New(engine.Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, date string) {
		if !utf8.ValidString(text) || len(text) > 4000 {
			t.Skip()
		}
		if len(date) != 10 {
			date = ""
		}
		res := e.Code(doc.Article{ID: "f", Text: text, Date: date}, engine.Options{Explain: true})
		in := func(sp record.Span, what string) {
			if sp[0] < 0 || sp[1] > len(text) || sp[0] > sp[1] || !utf8.RuneStart(text[min(sp[0], len(text)-1)]) && sp[0] < len(text) {
				t.Fatalf("%s span %v out of bounds (text %d bytes)", what, sp, len(text))
			}
		}
		for _, s := range res.Doc.Sentences {
			in(s.Span, "sentence")
		}
		for _, en := range res.Doc.Entities {
			for _, m := range en.Mentions {
				in(m.Span, "mention")
				if text[m.Span[0]:m.Span[1]] != m.Text {
					t.Fatalf("mention text %q != span text %q", m.Text, text[m.Span[0]:m.Span[1]])
				}
			}
		}
		for _, ev := range res.Doc.Events {
			in(ev.Span, "event")
			in(ev.Trigger.Span, "trigger")
			for _, a := range []*record.Actor{ev.Actor, ev.Recipient, ev.ReportedBy} {
				if a != nil {
					in(a.Span, "actor")
				}
			}
		}
		for _, q := range res.Doc.Quotes {
			in(q.Span, "quote")
			if text[q.Span[0]:q.Span[1]] != q.Text {
				t.Fatalf("quote text %q != span text %q", q.Text, text[q.Span[0]:q.Span[1]])
			}
			if q.Speaker != nil {
				in(q.Speaker.Span, "speaker")
			}
		}
		for _, q := range res.Doc.Quantities {
			in(q.Span, "quantity")
			if text[q.Span[0]:q.Span[1]] != q.Text {
				t.Fatalf("quantity text %q != span text %q", q.Text, text[q.Span[0]:q.Span[1]])
			}
		}
		for _, c := range res.Doc.Conflicts {
			for _, k := range c.Claims {
				if k < 0 || k >= len(res.Doc.Quantities) {
					t.Fatalf("conflict claim %d out of range", k)
				}
			}
		}
		if _, err := json.Marshal(res.Doc); err != nil {
			t.Fatal(err)
		}
	})
}
