package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"dyad/doc"
)

// ReadJSONL reads JSON lines from r, the file name ("-" for standard
// input), and calls fn for each article. Each line is one JSON object:
//
//	{"id": "...", "date": "...", "source": "...", "url": "...", "title": "...", "text": "..."}
//
// Only "text" is required, and must be a string. "id" may also be a
// number; other fields, and these fields when they are not strings, are
// ignored. An article's ID defaults to "name:line" and its Origin is always
// "name:line". Blank lines are skipped. A line that is not JSON, not UTF-8,
// has no text or text over the size limit is a diagnostic and is skipped;
// the rest of the input is still read. An unrecognised date is a
// diagnostic, but the article is read with opts.Date as its date. A line
// may be up to 4×opts.MaxBytes+64 KiB long (JSON escapes take room).
//
// The error is non-nil only when fn returns one; ReadJSONL then stops and
// returns it. A read error ends the input with a diagnostic.
func ReadJSONL(name string, r io.Reader, opts Options, fn func(doc.Article) error) ([]doc.Diagnostic, error) {
	rep := &reporter{on: opts.OnDiagnostic}
	err := readJSONL(name, r, opts, rep, fn)
	return rep.list, err
}

// ReadJSON is like ReadJSONL but also accepts, as .json files may hold, a
// JSON array of article objects or a sequence of objects that each span
// several lines. Such input cannot be read past a syntax error: the
// diagnostic gives its line and the rest of the input is skipped.
func ReadJSON(name string, r io.Reader, opts Options, fn func(doc.Article) error) ([]doc.Diagnostic, error) {
	rep := &reporter{on: opts.OnDiagnostic}
	err := readJSON(name, r, opts, rep, fn)
	return rep.list, err
}

// jsonInput reads articles from one JSON or JSON lines input.
type jsonInput struct {
	name  string
	opts  Options
	rep   *reporter
	emit  func(doc.Article) error
	lines *lineReader
	any   bool // whether any non-blank input was seen
}

func newJSONInput(name string, r io.Reader, opts Options, rep *reporter, emit func(doc.Article) error) *jsonInput {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(len(bom)); bytes.Equal(b, bom) {
		_, _ = br.Discard(len(bom))
	}
	return &jsonInput{name: name, opts: opts, rep: rep, emit: emit,
		lines: &lineReader{r: br, limit: 4*opts.maxBytes() + 64<<10}}
}

func readJSONL(name string, r io.Reader, opts Options, rep *reporter, emit func(doc.Article) error) error {
	j := newJSONInput(name, r, opts, rep, emit)
	err := j.readLines()
	j.checkEmpty()
	return err
}

func readJSON(name string, r io.Reader, opts Options, rep *reporter, emit func(doc.Article) error) error {
	j := newJSONInput(name, r, opts, rep, emit)
	defer j.checkEmpty()
	// Skip leading white space, counting lines, to see what the input holds.
	br, base := j.lines.r, 0
	for {
		c, err := br.ReadByte()
		if err != nil {
			if err != io.EOF {
				rep.add(name, base+1, "%s", errText(err))
			}
			return nil
		}
		if c == '[' {
			j.any = true
			return j.readValues(io.MultiReader(strings.NewReader("["), br), base, true)
		}
		if c == '\n' {
			base++
		}
		if !isSpace(c) {
			_ = br.UnreadByte()
			break
		}
	}
	j.lines.n = base
	first, long, err := j.lines.next()
	if err != nil {
		if err != io.EOF {
			rep.add(name, base+1, "%s", errText(err))
		}
		return nil
	}
	if long || first[0] != '{' || json.Valid(first) {
		j.lines.unread()
		return j.readLines()
	}
	// An object over several lines: decode values, not lines.
	j.any = true
	first = append(first, '\n')
	return j.readValues(io.MultiReader(bytes.NewReader(first), br), base, false)
}

// readLines reads JSON lines.
func (j *jsonInput) readLines() error {
	for {
		line, long, err := j.lines.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			j.rep.add(j.name, j.lines.n+1, "%s", errText(err))
			return nil
		}
		n := j.lines.n
		if long {
			j.any = true
			j.rep.add(j.name, n, "line is over the size limit of %d bytes", j.lines.limit)
			continue
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		j.any = true
		if bytes.IndexByte(line, 0) >= 0 {
			j.rep.add(j.name, n, "binary data (NUL byte); rest of input skipped")
			return nil
		}
		if !utf8.Valid(line) {
			j.rep.add(j.name, n, "not valid UTF-8")
			continue
		}
		if err := j.record(line, n); err != nil {
			return err
		}
	}
}

// readValues decodes a JSON array of objects (array) or a sequence of JSON
// objects from r, which starts at the beginning of line base+1.
func (j *jsonInput) readValues(r io.Reader, base int, array bool) error {
	lc := &lineCounter{r: r, line: base + 1}
	dec := json.NewDecoder(lc)
	if array {
		if _, err := dec.Token(); err != nil { // the '['
			j.syntax(err, lc)
			return nil
		}
	}
	for !array || dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if err == io.EOF && !array {
				return nil
			}
			j.syntax(err, lc)
			return nil
		}
		line := lc.lineAt(dec.InputOffset() - int64(len(raw)))
		if !utf8.Valid(raw) {
			j.rep.add(j.name, line+lineAt(raw, invalidUTF8(raw))-1, "not valid UTF-8")
			continue
		}
		if err := j.record(raw, line); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the ']'
		j.syntax(err, lc)
		return nil
	}
	if _, err := dec.Token(); err != io.EOF {
		j.rep.add(j.name, lc.lineAt(dec.InputOffset()), "unexpected data after the JSON array")
	}
	return nil
}

// syntax reports a decoding error that ends the input.
func (j *jsonInput) syntax(err error, lc *lineCounter) {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		j.rep.add(j.name, lc.lineAt(se.Offset), "not JSON: %s; rest of input skipped", se)
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		j.rep.add(j.name, lc.lineAt(lc.off), "unexpected end of JSON input")
	default:
		j.rep.add(j.name, lc.lineAt(lc.off), "%s; rest of input skipped", strings.TrimPrefix(errText(err), "json: "))
	}
}

// checkEmpty reports input that held nothing but white space.
func (j *jsonInput) checkEmpty() {
	if !j.any {
		j.rep.add(j.name, 0, "empty input")
	}
}

// record reads one article object found at line and passes it on. Of its
// fields only "text" must be a string; "id" may be a number too, and other
// fields that are not strings (PLOVER records have a list of actors as
// "source") are ignored.
func (j *jsonInput) record(raw []byte, line int) error {
	var rec struct {
		ID, Date, Source, URL, Title, Text json.RawMessage
	}
	err := json.Unmarshal(raw, &rec)
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		j.rep.add(j.name, line, "not JSON: %s", se)
		return nil
	case err != nil || raw[0] != '{':
		j.rep.add(j.name, line, "not a JSON object")
		return nil
	}
	text, ok := jsonString(rec.Text)
	if !ok && len(rec.Text) > 0 && string(rec.Text) != "null" {
		j.rep.add(j.name, line, "text is not a string")
		return nil
	}
	if !checkText(j.name, line, text, j.opts, j.rep) {
		return nil
	}
	origin := j.name + ":" + strconv.Itoa(line)
	a := doc.Article{Text: text, Origin: origin}
	a.ID, _ = jsonString(rec.ID)
	if len(rec.ID) > 0 && (rec.ID[0] == '-' || rec.ID[0] >= '0' && rec.ID[0] <= '9') {
		a.ID = string(rec.ID)
	}
	if a.ID == "" {
		a.ID = origin
	}
	a.Source, _ = jsonString(rec.Source)
	a.URL, _ = jsonString(rec.URL)
	a.Title, _ = jsonString(rec.Title)
	if date, _ := jsonString(rec.Date); date != "" {
		if d, ok := parseDate(date); ok {
			a.Date = d
		} else {
			j.rep.add(j.name, line, "unrecognised date %q", date)
		}
	}
	if a.Date == "" {
		a.Date = j.opts.Date
	}
	return j.emit(a)
}

// jsonString returns the string that raw holds, if it is a JSON string.
func jsonString(raw json.RawMessage) (string, bool) {
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// lineReader reads lines of any length up to limit bytes.
type lineReader struct {
	r     *bufio.Reader
	limit int
	n     int // number of the line last returned
	buf   []byte
	long  bool // whether the line last returned was too long
	again bool // whether next is to return the last line again
}

// unread makes next return the last line again.
func (l *lineReader) unread() {
	l.again = true
	l.n--
}

// next returns the next line without its newline. When the line is longer
// than the limit it is discarded and long is true. At the end of the input
// the error is io.EOF.
func (l *lineReader) next() (line []byte, long bool, err error) {
	if l.again {
		l.again = false
		l.n++
		return l.buf, l.long, nil
	}
	l.buf = l.buf[:0]
	read := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		read = read || len(chunk) > 0
		if !long {
			if n := len(l.buf) + len(bytes.TrimSuffix(chunk, []byte("\n"))); n > l.limit {
				long, l.buf = true, l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && !read:
			return nil, false, io.EOF
		case err != nil && err != io.EOF:
			return nil, false, err
		}
		l.n++
		l.buf, l.long = bytes.TrimSuffix(l.buf, []byte("\n")), long
		return l.buf, long, nil
	}
}

// lineCounter passes reads through and finds the line of a byte offset.
type lineCounter struct {
	r    io.Reader
	off  int64   // bytes read so far
	nl   []int64 // offsets of newlines not yet passed by lineAt
	line int     // line number at the offset last asked for
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; {
		k := bytes.IndexByte(p[i:n], '\n')
		if k < 0 {
			break
		}
		c.nl = append(c.nl, c.off+int64(i+k))
		i += k + 1
	}
	c.off += int64(n)
	return n, err
}

// lineAt returns the line that holds byte off. Offsets must not decrease
// from one call to the next.
func (c *lineCounter) lineAt(off int64) int {
	i := 0
	for i < len(c.nl) && c.nl[i] < off {
		i++
	}
	c.line += i
	c.nl = c.nl[i:]
	return c.line
}
