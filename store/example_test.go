package store_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"dyad/doc"
	"dyad/engine"
	"dyad/store"
)

// Code two reports of the same call from two publishers, store them, and
// read the merged event.
func Example() {
	dir, _ := os.MkdirTemp("", "dyad-example")
	defer os.RemoveAll(dir)
	s, err := store.Open(filepath.Join(dir, "dyad.db"), store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	eng, err := engine.New(engine.Config{})
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	var batch []store.Input
	for _, a := range []doc.Article{
		{ID: "r1", Date: "2025-02-12", Source: "Reuters", Text: "President Donald Trump spoke with President Vladimir Putin of Russia by telephone on Wednesday."},
		{ID: "t1", Date: "2025-02-13", Source: "TASS", Text: "Vladimir Putin and Donald Trump spoke by telephone on Wednesday."},
	} {
		d := eng.Code(a, engine.Options{}).Doc
		engine.KeepEvents(&d, engine.DefaultMinConfidence, false)
		batch = append(batch, store.Input{Doc: d, Text: a.Text, Hash: store.HashArticle(a)})
	}
	if _, err := s.Put(ctx, batch); err != nil {
		log.Fatal(err)
	}
	evs, _, err := s.Events(ctx, store.Filter{Actor: "USAGOV", Recipient: "RUSGOV"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range evs {
		fmt.Println(e.Date, e.CAMEO, e.Event, e.Mode, e.Actor.Name, "->", e.Recipient.Name, e.NumArticles, "articles", e.NumSources, "sources")
	}
	// Output:
	// 2025-02-12 041 CONSULT phone Donald Trump -> Vladimir Putin 2 articles 2 sources
}
