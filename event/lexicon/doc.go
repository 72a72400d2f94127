// Package lexicon reads dyad's event lexicon: the verbs and nouns that
// trigger CAMEO events, with the constraints on their dependents in the
// Universal Dependencies tree that select a code and say where the actor
// and the recipient are; the reporting cues ("say", "according to") that
// attribute events to a source; and the light verbs ("hold", "pay",
// "carry out") whose object noun is the trigger. The line format is
// described in data/FORMAT.md; the built-in lexicon is in package
// dyad/event/lexicon/data, one file per group of CAMEO roots.
//
// Parse reads one file and never stops at a bad line: each malformed line
// becomes a Diagnostic (file, line, message) and is skipped. Load reads
// every file of an fs.FS that matches a pattern; Default loads, once, the
// embedded files and fails if any of their lines has a diagnostic. New
// builds a Lexicon from entries made by other code (converters of
// third-party dictionaries), which can check them first with Entry.Validate
// (ValidateCAMEO checks a code's syntax: 2 to 4 digits, root 01 to 20).
//
// Lookup gives the entries of a head lemma, most constraints first: the
// coder (package dyad/event) tries them in that order on the tree and
// uses the first that matches. A Lexicon is safe for concurrent use.
package lexicon
