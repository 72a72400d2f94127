// Package examples holds dyad's example articles (the .txt files of this
// directory), embedded so that a binary installed with go install can
// show them: dyad serve --demo stores them.
package examples

import "embed"

// FS holds the example articles, one plain-text file each (header lines,
// a blank line, the text), at the root.
//
//go:embed *.txt
var FS embed.FS
