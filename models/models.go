// Package models holds dyad's trained statistical models, embedded in the
// binary. They are rebuilt from the Universal Dependencies treebanks by
// `dyad train` (see the README for the command and the treebanks'
// licences); nothing is downloaded at run time.
package models

import (
	"embed"
	"fmt"
	"io/fs"
)

//go:generate go run ../cmd/dyad train --ud ../../shared/data/ud --out .

// The pattern matches this folder's README too, so that a checkout without
// models still builds (and says how to train them).
//
//go:embed *
var files embed.FS

// Open returns the contents of the named model file (e.g. "parser.bin").
func Open(name string) ([]byte, error) {
	b, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, fmt.Errorf("%w (rebuild the models with: dyad train)", err)
	}
	return b, nil
}
