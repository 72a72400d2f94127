// Package text finds the tokens, words and sentences of English news text
// without losing track of where they came from: every token, word and
// sentence carries a byte span into the original string (end exclusive), and
// every word's form is exactly the text its span covers.
//
// Tokenization follows the conventions of the Universal Dependencies English
// treebanks (EWT and GUM): punctuation is split off, contractions and
// possessive clitics are multi-word tokens ("don't" is one token of the words
// "do" and "n't"), hyphenated compounds are split except after prefixes such
// as "non-" or "pre-", and abbreviations keep their period ("Mr.", "U.S.").
// The tokenizer is rule-based and needs no model: see [Tokenize].
//
// Sentence splitting is done by a [Segmenter]: an averaged perceptron that
// decides, at each candidate token, whether a sentence ends there. It is
// trained on treebanks with [TrainSegmenter], saved with
// [Segmenter.WriteTo] and loaded with [ReadSegmenter]. A nil *Segmenter
// splits with rules only. [Default] returns the model shipped with the
// package, trained on the UD English EWT and GUM training sets.
//
// A blank line always ends a sentence. A single newline after
// sentence-final punctuation ends one too; elsewhere a newline is only a hint.
// When a sentence ends on an abbreviation, [Segmenter.Split] splits its
// period off as the treebanks do ("etc" "."); [Tokenize], which knows no
// sentences, keeps "etc." whole.
//
// Scores are those of the CoNLL 2018 shared task (see dyad/eval), printed by
// go test -v ./eval -run TestSegmenterTreebanks; speed by
// go test ./text -run X -bench Split. Measured 2026-11-29 on a shared
// 2-core AMD EPYC, embedded model:
//
//	            Tokens F1  Sentences F1  Words F1
//	EWT dev       99.58       90.43        99.18
//	EWT test      99.47       89.35        99.18
//	GUM dev       99.95       94.57        99.95
//	GUM test      99.53       94.83        99.52
//
// Tokenizing and splitting run at about 40-47 MB/s on one core.
package text
