package actor_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"dyad/actor"
	"dyad/actor/dict"
	"dyad/internal/sharedtest"
	"dyad/pipeline"
)

func TestDemoDump(t *testing.T) {
	if os.Getenv("DYAD_DUMP") == "" {
		t.Skip("set DYAD_DUMP=1 to print the demo article's actors")
	}
	path := sharedtest.Need(t, "articles/000_1083366aa662d066.txt")
	b, _ := os.ReadFile(path)
	text := string(b)
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := p.Annotate(text)
	res := actor.New(d).Resolve(text, sents, dict.Date{Y: 2025, M: 2, D: 12})
	for _, m := range res.Mentions {
		e := ""
		if m.Entity != nil {
			e = m.Entity.ID
		}
		fmt.Printf("%2d %-45q %-7s role=%-22q code=%-8s -> %s\n", m.Sent, m.Text, m.Type, m.Role, m.Code, e)
	}
	for _, e := range res.Entities {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text)
		}
		fmt.Printf("%s %s %s %s role=%q org=%q: %s\n", e.ID, e.Name, e.Type, e.Code, e.Role, e.Org, strings.Join(ms, " | "))
	}
}
