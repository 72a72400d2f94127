package lemma

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// The model file is gzip-compressed UTF-8 text, one record a line, fields
// separated by tabs:
//
//	dyad-lemma	1
//	tag	<XPOS>	<casing>           one per tag; a tag's number is its rank (0, 1, ...)
//	upos	<UPOS>	<tag number>     the tag used when the XPOS is unknown
//	exc	<tag number>	<lowercased form>	<k|l>	<cut>	<add>
//	suf	<tag number>	<lowercased suffix>	<cut>	<add>
//
// <casing> has one letter per shape (lower, Title, UPPER, miXed) and form
// length (1, 2, 3, 4 or more bytes), in that order (lower/1, lower/2, ...,
// miXed/4+): k when the lemma keeps the form's case, l when it is
// lowercased. In exc lines, k
// or l gives the casing of that exception. An edit removes <cut> trailing
// bytes and appends <add>.
const (
	magic       = "dyad-lemma"
	fileVersion = "1"
	maxModel    = 64 << 20 // bytes of uncompressed model text that Read accepts
)

// WriteTo writes the model to w in the compact form that Read loads, and
// returns the number of bytes written. The output depends only on the model.
func (l *Lemmatizer) WriteTo(w io.Writer) (int64, error) {
	if l == nil {
		return 0, errors.New("lemma: WriteTo on a nil Lemmatizer")
	}
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, fmt.Errorf("lemma: %w", err)
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "%s\t%s\n", magic, fileVersion)
	for i, t := range l.tags {
		var c [numCasings]byte
		for j := range c {
			c[j] = 'l'
			if l.keep[i][j] {
				c[j] = 'k'
			}
		}
		fmt.Fprintf(bw, "tag\t%s\t%s\n", t, c[:])
	}
	for _, u := range sortedKeys(l.uposID) {
		fmt.Fprintf(bw, "upos\t%s\t%d\n", u, l.uposID[u])
	}
	for _, k := range sortedByTag(l.exc) {
		e := l.exc[k]
		c := 'l'
		if e.keep {
			c = 'k'
		}
		fmt.Fprintf(bw, "exc\t%d\t%s\t%c\t%d\t%s\n", k[len(k)-1], k[:len(k)-1], c, e.cut, e.add)
	}
	for _, k := range sortedByTag(l.suf) {
		e := l.suf[k]
		fmt.Fprintf(bw, "suf\t%d\t%s\t%d\t%s\n", k[len(k)-1], k[:len(k)-1], e.cut, e.add)
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("lemma: writing model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("lemma: writing model: %w", err)
	}
	return cw.n, cw.err
}

// sortedByTag returns the keys of m (a string followed by a tag byte) sorted
// by tag, then string.
func sortedByTag[V any](m map[string]V) []string {
	keys := sortedKeys(m)
	slices.SortStableFunc(keys, func(a, b string) int { return int(a[len(a)-1]) - int(b[len(b)-1]) })
	return keys
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// Read loads a model written by WriteTo. A malformed model is an error
// naming the line; Read never panics, whatever the input.
func Read(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("lemma: reading model: %w", err)
	}
	defer zr.Close()
	lr := &io.LimitedReader{R: zr, N: maxModel + 1}
	sc := bufio.NewScanner(lr)
	l := &Lemmatizer{
		tagID:  map[string]byte{},
		uposID: map[string]byte{},
		exc:    map[string]exception{},
		suf:    map[string]edit{},
	}
	line := 0
	bad := func(format string, args ...any) error {
		return fmt.Errorf("lemma: model line %d: %s", line, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if line == 1 {
			if len(f) != 2 || f[0] != magic {
				return nil, bad("not a dyad lemma model")
			}
			if f[1] != fileVersion {
				return nil, bad("model version %q, want %q", f[1], fileVersion)
			}
			continue
		}
		switch f[0] {
		case "tag":
			if len(f) != 3 || f[1] == "" || len(f[2]) != numCasings {
				return nil, bad("want tag, XPOS, casing")
			}
			if _, dup := l.tagID[f[1]]; dup {
				return nil, bad("duplicate tag %q", f[1])
			}
			if len(l.tags) == 256 {
				return nil, bad("more than 256 tags")
			}
			if len(l.exc)+len(l.suf)+len(l.uposID) > 0 {
				return nil, bad("tag after rules")
			}
			var keep [numCasings]bool
			for j := range keep {
				switch f[2][j] {
				case 'k':
					keep[j] = true
				case 'l':
				default:
					return nil, bad("casing %q: want k or l per shape and length", f[2])
				}
			}
			l.tagID[f[1]] = byte(len(l.tags))
			l.tags = append(l.tags, f[1])
			l.keep = append(l.keep, keep)
		case "upos":
			if len(f) != 3 || f[1] == "" {
				return nil, bad("want upos, UPOS, tag number")
			}
			t, err := l.tagNumber(f[2])
			if err != nil {
				return nil, bad("%v", err)
			}
			l.uposID[f[1]] = t
		case "exc":
			if len(f) != 6 || f[2] == "" || len(f[2]) > 255 || len(f[5]) > 255 {
				return nil, bad("want exc, tag number, form, k or l, cut, add")
			}
			t, err := l.tagNumber(f[1])
			if err != nil {
				return nil, bad("%v", err)
			}
			if f[3] != "k" && f[3] != "l" {
				return nil, bad("casing %q: want k or l", f[3])
			}
			cut, err := strconv.Atoi(f[4])
			if err != nil || cut < 0 || cut > len(f[2]) {
				return nil, bad("cut %q: want 0 to %d", f[4], len(f[2]))
			}
			l.exc[f[2]+string([]byte{t})] = exception{edit{cut, f[5]}, f[3] == "k"}
		case "suf":
			if len(f) != 5 || f[2] == "" || len(f[2]) > maxReadSuffix || len(f[4]) > 255 {
				return nil, bad("want suf, tag number, suffix of 1 to %d bytes, cut, add", maxReadSuffix)
			}
			t, err := l.tagNumber(f[1])
			if err != nil {
				return nil, bad("%v", err)
			}
			cut, err := strconv.Atoi(f[3])
			if err != nil || cut < 0 || cut > 255 {
				return nil, bad("cut %q: want 0 to 255", f[3])
			}
			l.suf[f[2]+string([]byte{t})] = edit{cut, f[4]}
			l.maxSuf = max(l.maxSuf, len(f[2]))
		default:
			return nil, bad("unknown record %q", f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lemma: reading model: %w", err)
	}
	if lr.N <= 0 {
		return nil, fmt.Errorf("lemma: model larger than %d bytes", maxModel)
	}
	if line == 0 {
		return nil, errors.New("lemma: empty model")
	}
	return l, nil
}

func (l *Lemmatizer) tagNumber(s string) (byte, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n >= len(l.tags) {
		return 0, fmt.Errorf("tag number %q: want 0 to %d", s, len(l.tags)-1)
	}
	return byte(n), nil
}
