// Package eval scores dyad against gold annotations: tokenization, sentence
// splitting, tagging, lemmatization and parsing against Universal
// Dependencies treebanks, with the definitions of the CoNLL 2018 shared
// task (conll18_ud_eval.py), so that figures compare with published ones.
package eval
