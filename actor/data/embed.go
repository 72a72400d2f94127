// Package data holds dyad's built-in actor dictionaries: countries, regions,
// organisations, people and role words, one record per line in the format
// described in FORMAT.md. Package dyad/actor/dict reads them.
package data

import "embed"

// Files holds every *.txt dictionary file of this directory.
//
//go:embed *.txt
var Files embed.FS
