package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"dyad/event/lexicon/data"
)

// Load parses every file of fsys whose path matches pattern (fs.Glob
// syntax), in lexical order, into one Lexicon. Malformed lines, and lines
// that repeat the pattern of a line of an earlier file, are returned as
// diagnostics and skipped. The error is for a bad pattern, no matching
// file, or a file that cannot be opened.
func Load(fsys fs.FS, pattern string) (*Lexicon, []Diagnostic, error) {
	paths, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, nil, fmt.Errorf("lexicon: load %q: %w", pattern, err)
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("lexicon: load %q: no file matches", pattern)
	}
	var (
		all   []*Entry
		diags []Diagnostic
	)
	seen := map[string]*Entry{}
	for _, p := range paths {
		f, err := fsys.Open(p)
		if err != nil {
			return nil, nil, fmt.Errorf("lexicon: load: %w", err)
		}
		l, ds := Parse(p, f)
		f.Close()
		diags = append(diags, ds...)
		for _, e := range l.Entries() {
			k := e.patternKey()
			if first, ok := seen[k]; ok {
				diags = append(diags, Diagnostic{e.File, e.Line, fmt.Sprintf("same pattern as %s:%d", first.File, first.Line)})
				continue
			}
			seen[k] = e
			all = append(all, e)
		}
	}
	return New(all), diags, nil
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the lexicon built from the files embedded in package
// dyad/event/lexicon/data, loaded on first use. It fails if any built-in
// line has a diagnostic. The Lexicon and its entries are shared: callers
// must not modify them.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() {
		l, diags, err := Load(data.Files, "*.txt")
		if err != nil {
			defaultErr = err
			return
		}
		if len(diags) > 0 {
			var b strings.Builder
			for i, d := range diags {
				if i == 10 {
					fmt.Fprintf(&b, "\n(and %d more)", len(diags)-10)
					break
				}
				b.WriteString("\n" + d.String())
			}
			defaultErr = errors.New("lexicon: built-in lexicon has errors:" + b.String())
			return
		}
		defaultLex = l
	})
	return defaultLex, defaultErr
}
