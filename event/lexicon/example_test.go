package lexicon_test

import (
	"fmt"
	"log"
	"strings"

	"dyad/event/lexicon"
)

func ExampleParse() {
	src := `# a small lexicon
verb | call R:obj                  | 041  | -
verb | call prep:for=ceasefire     | 0256 | -
verb | call xcomp:release R:on     | 0253 | -
noun | visit R:to A:by             | 042  | -
verb | call for help               | 023  | -
`
	lex, diags := lexicon.Parse("small.txt", strings.NewReader(src))
	for _, d := range diags {
		fmt.Println(d)
	}
	for _, e := range lex.Lookup(lexicon.Verb, "call") {
		fmt.Println(e.Constraints(), e.Rule())
	}
	// Output:
	// small.txt:6: "for" is not a constraint (want KEY:VALUE after the head)
	// 3 verb:call.to-release.on#0253
	// 2 verb:call.for=ceasefire#0256
	// 0 verb:call#041
}

func ExampleDefault() {
	lex, err := lexicon.Default()
	if err != nil {
		log.Fatal(err)
	}
	say, _ := lex.Cue("say")
	fmt.Println(say.Rule(), lex.IsLight("hold"))
	for _, e := range lex.Lookup(lexicon.Noun, "visit") {
		fmt.Println(e)
	}
	// Output:
	// cue:say#010 true
	// noun | visit R:to A:by | 042 | -
	// noun | visit mod:state/official/working R:to | 042 | -
	// noun | visit R:to | 042 | -
	// noun | visit R:in | 042 | conf=0.6
}
