package quantity_test

import (
	"fmt"

	"dyad/pipeline"
	"dyad/quantity"
)

func ExampleFind() {
	p, err := pipeline.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "The bombing killed at least 156 people."
	for _, s := range p.Annotate(text) {
		for _, q := range quantity.Find(text, s) {
			fmt.Printf("%s: %g %s (%s, %s) unbounded=%v\n", q.Text, q.Value, q.Unit, q.Kind, q.Hedge, quantity.Unbounded(q))
		}
	}
	// Output:
	// at least 156 people: 156 people (killed, at least) unbounded=true
}
