package timex_test

import (
	"fmt"
	"time"

	"dyad/timex"
)

func Example() {
	date := time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC) // a Wednesday
	text := "Trump said on Wednesday that he would meet Putin, whose invasion of Ukraine " +
		"began nearly three years ago, and that talks could start in March."
	for _, e := range timex.Find(text, date) {
		fmt.Printf("%q [%d:%d] past=%s future=%s %s approx=%v\n", e.Text, e.Start, e.End, e.Past, e.Future, e.Gran, e.Approx)
	}
	// Output:
	// "Wednesday" [14:23] past=2025-02-12 future=2025-02-12 day approx=false
	// "nearly three years ago" [82:104] past=2022 future=2022 year approx=true
	// "March" [136:141] past=2024-03 future=2025-03 month approx=false
}
