package lemma_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"dyad/conllu"
	"dyad/lemma"
)

// A real model is trained on the UD English treebanks; this one learns from
// three sentences.
const treebank = `# text = Envoys met and agreed.
1	Envoys	envoy	NOUN	NNS	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	and	and	CCONJ	CC	_	4	cc	_	_
4	agreed	agree	VERB	VBD	_	2	conj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

# text = Putin called the leaders.
1	Putin	Putin	PROPN	NNP	_	2	nsubj	_	_
2	called	call	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	leaders	leader	NOUN	NNS	_	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

# text = Talks opened.
1	Talks	talk	NOUN	NNS	_	2	nsubj	_	_
2	opened	open	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`

func Example() {
	sents, err := conllu.ReadAll(strings.NewReader(treebank), "example")
	if err != nil {
		log.Fatal(err)
	}
	l := lemma.Train(sents)
	fmt.Println(l.Lemma("met", "VERB", "VBD"))       // learned as an exception
	fmt.Println(l.Lemma("visited", "VERB", "VBD"))   // suffix rule: -ed
	fmt.Println(l.Lemma("Sanctions", "NOUN", "NNS")) // suffix rule: -s, lowercased
	fmt.Println(l.Lemma("Zelensky", "PROPN", "NNP")) // proper nouns keep their case
	// Output:
	// meet
	// visit
	// sanction
	// Zelensky
}

func ExampleRead() {
	sents, err := conllu.ReadAll(strings.NewReader(treebank), "example")
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := lemma.Train(sents).WriteTo(&buf); err != nil {
		log.Fatal(err)
	}
	l, err := lemma.Read(&buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Lemma("Leaders", "NOUN", "NNS"))
	// Output: leader
}
