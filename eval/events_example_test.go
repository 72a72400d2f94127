package eval_test

import (
	"fmt"
	"os"
	"strings"

	"dyad/eval"
	"dyad/record"
)

func ExampleScoreEvents() {
	gold, diags, err := eval.ReadDyadGold("gold.jsonl", strings.NewReader(
		`{"id": "s1", "text": "Trump called Putin on Wednesday.", "events": [{"actor": ["USAGOV"], "recipient": ["RUSGOV"], "plover": ["CONSULT"], "cameo": ["04"]}]}`+"\n"))
	if err != nil || len(diags) > 0 {
		fmt.Println(err, diags)
		return
	}
	// A coder that finds the call but codes Putin as Russia.
	predict := func(s eval.GoldSentence) []record.Event {
		return []record.Event{{Event: "CONSULT", CAMEO: "041",
			Actor:     &record.Actor{CAMEO: "USAGOV"},
			Recipient: &record.Actor{CAMEO: "RUS"}}}
	}
	s := eval.ScoreEvents(gold, predict)
	for l := range eval.EventLevel(eval.EventLevels) {
		fmt.Printf("%-18s F1 %.2f\n", l, s.Levels[l].F1())
	}
	eval.WriteEventScores(os.Stdout, s, false)
	// Output:
	// type               F1 1.00
	// type + countries   F1 1.00
	// type + actor codes F1 0.00
	// 1 sentences: 1 gold events, 1 predicted
	//
	// level                      P       R      F1  correct   gold  system
	// type                  100.00  100.00  100.00        1      1       1
	// type + countries      100.00  100.00  100.00        1      1       1
	// type + actor codes      0.00    0.00    0.00        0      1       1
	//
	// by type      support       P       R      F1   F1 ctry  F1 codes
	// CONSULT            1  100.00  100.00  100.00    100.00      0.00
}
