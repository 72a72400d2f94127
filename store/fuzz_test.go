package store_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"dyad/doc"
	"dyad/engine"
	"dyad/store"
)

// FuzzPut codes arbitrary text, stores it twice under two ids (the second
// time replacing an older version), and checks that the store reads back
// what was coded and stays consistent.
func FuzzPut(f *testing.F) {
	for _, s := range []string{
		"",
		"Mr. Putin invited Mr. Trump to Moscow.",
		"“We will win,” Mr. Zelensky said. Officials said 30 people were killed, not 300.",
		"WASHINGTON, Feb 12 - U.S. troops attacked rebels in the city of Mosul on Monday.",
		"Ünïcödé → 北京 protested to Tokyo on Monday; \"several hundred\" fled.",
	} {
		f.Add(s, "2025-02-12", "Reuters")
	}
	eng, err := engine.New(engine.Config{})
	if err != nil {
		f.Fatal(err)
	}
	s, err := store.Open(filepath.Join(f.TempDir(), "fuzz.db"), store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text, date, source string) {
		// Input readers reject text that is not UTF-8 (JSON could not carry it).
		if !utf8.ValidString(text) || !utf8.ValidString(date) || !utf8.ValidString(source) || len(text) > 4000 {
			t.Skip()
		}
		var batch []store.Input
		var docs []doc.Article
		for _, id := range []string{"x", "y"} {
			a := doc.Article{ID: id, Date: date, Source: source, Text: text}
			d := eng.Code(a, engine.Options{}).Doc
			batch = append(batch, store.Input{Doc: d, Text: text, Hash: store.HashArticle(a)})
			docs = append(docs, a)
		}
		if _, err := s.Put(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for i, a := range docs {
			got, gotText, err := s.Document(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if gotText != text || !reflect.DeepEqual(*got, batch[i].Doc) {
				t.Fatalf("%q: stored document differs:\n got %+v\nwant %+v", text, *got, batch[i].Doc)
			}
		}
		if err := s.Check(ctx); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Events(ctx, store.Filter{Text: text}); err != nil {
			t.Fatal(err)
		}
	})
}
