package dict

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"dyad/actor/data"
)

// Load parses every file of fsys whose path matches pattern (fs.Glob
// syntax), in lexical order, and merges them. Malformed lines and clashes
// between files (a country, region or role phrase defined twice) are
// returned as diagnostics; the error is for a bad pattern, no matching
// file, or a file that cannot be opened.
func Load(fsys fs.FS, pattern string) (*Dict, []Diagnostic, error) {
	paths, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, nil, fmt.Errorf("dict: load %q: %w", pattern, err)
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("dict: load %q: no file matches", pattern)
	}
	d := newDict()
	var diags []Diagnostic
	for _, p := range paths {
		f, err := fsys.Open(p)
		if err != nil {
			return nil, nil, fmt.Errorf("dict: load: %w", err)
		}
		fd, fdiags := Parse(p, f)
		f.Close()
		diags = append(diags, fdiags...)
		diags = append(diags, d.merge(fd)...)
	}
	return d, diags, nil
}

var (
	defaultOnce sync.Once
	defaultDict *Dict
	defaultErr  error
)

// Default returns the dictionary built from the files embedded in package
// dyad/actor/data, loaded on first use. It fails if any built-in line has
// a diagnostic. The Dict is shared: callers must not modify or Merge into
// it.
func Default() (*Dict, error) {
	defaultOnce.Do(func() {
		d, diags, err := Load(data.Files, "*.txt")
		if err != nil {
			defaultErr = err
			return
		}
		if len(diags) > 0 {
			var b strings.Builder
			for i, dg := range diags {
				if i == 10 {
					fmt.Fprintf(&b, "\n(and %d more)", len(diags)-10)
					break
				}
				b.WriteString("\n" + dg.String())
			}
			defaultErr = errors.New("dict: built-in dictionaries have errors:" + b.String())
			return
		}
		defaultDict = d
	})
	return defaultDict, defaultErr
}
