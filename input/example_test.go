package input_test

import (
	"context"
	"fmt"
	"strings"

	"dyad/doc"
	"dyad/input"
)

func ExampleRead() {
	stdin := strings.NewReader(`{"id": "a1", "date": "February 12, 2025", "text": "Trump called Putin."}
not json
{"text": "Peskov confirmed the call."}
`)
	diags, err := input.Read(context.Background(), []string{"-"}, stdin, input.Options{Date: "2025-02-13"},
		func(a doc.Article) error {
			fmt.Printf("%s %s %q\n", a.ID, a.Date, a.Text)
			return nil
		})
	if err != nil {
		fmt.Println(err)
	}
	for _, d := range diags {
		fmt.Println(d)
	}
	// Output:
	// a1 2025-02-12 "Trump called Putin."
	// -:3 2025-02-13 "Peskov confirmed the call."
	// -:2: not JSON: invalid character 'o' in literal null (expecting 'u')
}
