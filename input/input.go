package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"dyad/doc"
)

// DefaultMaxBytes is the size limit of one article's text when
// Options.MaxBytes is not set.
const DefaultMaxBytes = 10 << 20

// Options controls how articles are read.
type Options struct {
	// Date is the publication date (YYYY-MM-DD) given to articles whose
	// input has none.
	Date string
	// MaxBytes is the largest article text accepted, in bytes; 0 or less
	// means DefaultMaxBytes.
	MaxBytes int
	// OnDiagnostic, when non-nil, is called with each diagnostic as soon
	// as it is found. The diagnostic is returned as well.
	OnDiagnostic func(doc.Diagnostic)
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// reporter collects diagnostics and passes each on as it is found.
type reporter struct {
	list []doc.Diagnostic
	on   func(doc.Diagnostic)
}

func (r *reporter) add(origin string, line int, format string, args ...any) {
	d := doc.Diagnostic{Origin: origin, Line: line, Message: fmt.Sprintf(format, args...)}
	r.list = append(r.list, d)
	if r.on != nil {
		r.on(d)
	}
}

// Read calls fn for each article found under paths, in order, and returns
// the diagnostics for the input it skipped. len(paths)==0 or a path "-"
// reads JSON lines from stdin. A directory is walked recursively in
// filepath.WalkDir order (by name within each directory) and its .txt,
// .jsonl, .json, .html and .htm files are read; other files and names that
// start with '.' are skipped silently. A file named explicitly is read by
// its extension: .jsonl, .json, .html and .htm as such, anything else as
// plain text.
//
// Read stops early only when fn returns an error or ctx is cancelled; that
// error is returned. A path that does not exist or cannot be read is a
// diagnostic, not an error.
func Read(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(doc.Article) error) ([]doc.Diagnostic, error) {
	rep := &reporter{on: opts.OnDiagnostic}
	emit := func(a doc.Article) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(a)
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return rep.list, err
		}
		var err error
		if p == "-" {
			if stdin == nil {
				stdin = strings.NewReader("")
			}
			err = readJSONL(p, stdin, opts, rep, emit)
		} else {
			err = readPath(ctx, p, opts, rep, emit)
		}
		if err != nil {
			return rep.list, err
		}
	}
	return rep.list, nil
}

// readPath reads a file or walks a directory.
func readPath(ctx context.Context, path string, opts Options, rep *reporter, emit func(doc.Article) error) error {
	info, err := os.Stat(path)
	if err != nil {
		rep.add(path, 0, "%s", errText(err))
		return nil
	}
	if !info.IsDir() {
		return readFile(path, opts, rep, emit)
	}
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			rep.add(p, 0, "%s", errText(err))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || kindOf(p) == kindOther {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				rep.add(p, 0, "%s", errText(err))
				return nil
			}
			if !info.Mode().IsRegular() {
				return nil // symbolic links to directories are not followed
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		return readFile(p, opts, rep, emit)
	})
}

type kind int

const (
	kindOther kind = iota // not read in a directory walk; plain text when named
	kindText
	kindJSONL
	kindJSON
	kindHTML
)

func kindOf(path string) kind {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return kindText
	case ".jsonl":
		return kindJSONL
	case ".json":
		return kindJSON
	case ".html", ".htm":
		return kindHTML
	}
	return kindOther
}

// readFile reads one file by its extension.
func readFile(path string, opts Options, rep *reporter, emit func(doc.Article) error) error {
	k := kindOf(path)
	f, err := os.Open(path)
	if err != nil {
		rep.add(path, 0, "%s", errText(err))
		return nil
	}
	defer f.Close()
	switch k {
	case kindJSONL:
		return readJSONL(path, f, opts, rep, emit)
	case kindJSON:
		return readJSON(path, f, opts, rep, emit)
	}
	// A whole-file article: read no more than the limit allows, with room
	// for a header block (text) or markup (HTML).
	limit := opts.maxBytes() + 64<<10
	if k == kindHTML {
		limit = 4*opts.maxBytes() + 64<<10
	}
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		rep.add(path, 0, "%s", errText(err))
		return nil
	}
	if len(data) > limit {
		rep.add(path, 0, "file is over the size limit of %d bytes", limit)
		return nil
	}
	var a doc.Article
	if k == kindHTML {
		a = readHTML(path, data, opts, rep)
	} else {
		a = readText(path, data, opts, rep)
	}
	if a.Text == "" {
		return nil
	}
	return emit(a)
}

// errText is err's message without the path that a diagnostic already names.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// baseID is a file's name without directory and extension.
func baseID(path string) string {
	base := filepath.Base(path)
	if id := strings.TrimSuffix(base, filepath.Ext(base)); id != "" {
		return id
	}
	return base
}
