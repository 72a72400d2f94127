package ner_test

import (
	"fmt"
	"strings"

	"dyad/doc"
	"dyad/ner"
	"dyad/pipeline"
)

// The recogniser runs on tagged words; dyad's pipeline splits and tags the
// text and holds the embedded model.
func ExampleModel_Recognize() {
	p, err := pipeline.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	show := func(words []doc.Word, m ner.Mention) {
		var name []string
		for _, w := range words[m.Start:m.End] {
			name = append(name, w.Form)
		}
		fmt.Println(m.Type, strings.Join(name, " "))
	}
	for _, s := range p.Annotate("Vladimir Putin met Kurdish leaders in Moscow on Monday.") {
		for _, m := range p.Entities(s.Words) {
			show(s.Words, m)
		}
	}
	// Output:
	// PERSON Vladimir Putin
	// NORP Kurdish
	// GPE Moscow
}
