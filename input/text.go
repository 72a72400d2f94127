package input

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"dyad/doc"
)

// ReadText reads data, the contents of the plain text file name, as one
// article whose ID is the file name without directory and extension.
//
// The file may start with a block of header lines ended by a blank line:
//
//	Date: 2025-02-12
//	Source: The New York Times
//	URL: https://www.nytimes.com/...
//	Title: Trump and Putin Agree to Start Ukraine Peace Talks
//
// Keys are case-insensitive. The block is taken as headers only when every
// line of it is one of these; otherwise the whole file is text. The text is
// everything after the blank line, byte for byte; only a leading UTF-8 byte
// order mark is removed.
//
// When the file is skipped (empty, binary, not UTF-8, over the size limit)
// the returned Article is the zero Article and the diagnostics say why. An
// unrecognised date is a diagnostic too, but the article is still returned,
// with opts.Date as its date.
func ReadText(name string, data []byte, opts Options) (doc.Article, []doc.Diagnostic) {
	rep := &reporter{on: opts.OnDiagnostic}
	a := readText(name, data, opts, rep)
	return a, rep.list
}

var bom = []byte("\xef\xbb\xbf")

func readText(name string, data []byte, opts Options, rep *reporter) doc.Article {
	data = bytes.TrimPrefix(data, bom)
	if !checkBytes(name, data, rep) {
		return doc.Article{}
	}
	a := doc.Article{ID: baseID(name), Origin: name}
	text, headers := splitHeaders(string(data))
	for _, h := range headers {
		switch h.key {
		case "date":
			if h.value == "" {
				break
			}
			if d, ok := parseDate(h.value); ok {
				a.Date = d
			} else {
				rep.add(name, h.line, "unrecognised date %q", h.value)
			}
		case "source":
			a.Source = h.value
		case "url":
			a.URL = h.value
		case "title":
			a.Title = h.value
		}
	}
	if !checkText(name, 0, text, opts, rep) {
		return doc.Article{}
	}
	if a.Date == "" {
		a.Date = opts.Date
	}
	a.Text = text
	return a
}

// checkBytes reports a whole file that is empty, binary or not UTF-8.
func checkBytes(name string, data []byte, rep *reporter) bool {
	switch {
	case len(data) == 0:
		rep.add(name, 0, "empty file")
		return false
	case bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")):
		rep.add(name, 0, "UTF-16 text; only UTF-8 is read")
		return false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		rep.add(name, lineAt(data, i), "binary data (NUL byte)")
		return false
	}
	if !utf8.Valid(data) {
		rep.add(name, lineAt(data, invalidUTF8(data)), "not valid UTF-8")
		return false
	}
	return true
}

// checkText reports an article text that is blank, holds NUL bytes or is
// over the size limit.
func checkText(origin string, line int, text string, opts Options, rep *reporter) bool {
	switch {
	case strings.TrimSpace(text) == "":
		rep.add(origin, line, "no text")
	case len(text) > opts.maxBytes():
		rep.add(origin, line, "text is %d bytes, over the size limit of %d", len(text), opts.maxBytes())
	case strings.IndexByte(text, 0) >= 0:
		rep.add(origin, line, "binary data (NUL byte) in text")
	default:
		return true
	}
	return false
}

// lineAt returns the 1-based line that holds data[off].
func lineAt(data []byte, off int) int {
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// invalidUTF8 returns the offset of the first byte in data that is not part
// of a valid UTF-8 sequence, or len(data).
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

type header struct {
	key, value string // key in lower case
	line       int
}

// splitHeaders splits s into its header block and the text after it. When
// s does not start with a block of recognised header lines ended by a blank
// line, the text is s and there are no headers.
func splitHeaders(s string) (text string, headers []header) {
	rest := s
	for line := 1; ; line++ {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			return s, nil
		}
		l := strings.TrimSuffix(rest[:i], "\r")
		rest = rest[i+1:]
		if strings.TrimSpace(l) == "" {
			if len(headers) == 0 {
				return s, nil
			}
			return rest, headers
		}
		key, value, ok := strings.Cut(l, ":")
		key = strings.ToLower(key)
		if !ok || !headerKeys[key] {
			return s, nil
		}
		headers = append(headers, header{key, strings.TrimSpace(value), line})
	}
}

var headerKeys = map[string]bool{"date": true, "source": true, "url": true, "title": true}
