// Package data holds dyad's built-in event lexicon: verb and noun
// triggers, reporting cues and light verbs, one entry per line in the
// format described in FORMAT.md, grouped by CAMEO root. Package
// dyad/event/lexicon reads them.
package data

import "embed"

// Files holds every *.txt lexicon file of this directory.
//
//go:embed *.txt
var Files embed.FS
