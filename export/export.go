package export

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"dyad/store"
)

// Formats lists the format names New accepts. Names ending in "-mentions"
// take store.Mention records, the others merged store.Event records.
var Formats = []string{"gdelt", "gdelt-mentions", "csv", "csv-mentions", "parquet", "parquet-mentions", "jsonl", "jsonl-mentions"}

// Writer writes records in one format. A format takes one kind of record:
// the method for the other kind returns an error wrapping ErrKind. Close
// flushes what is buffered (and writes the Parquet footer) but does not
// close the io.Writer given to New; the writer must not be used after it.
type Writer interface {
	WriteEvent(store.Event) error
	WriteMention(store.Mention) error
	Close() error
}

// ErrKind is returned when a writer is given the kind of record its format
// does not take.
var ErrKind = errors.New("export: format does not take this kind of record")

// IsMentions reports whether a format takes mentions rather than merged
// events.
func IsMentions(format string) bool { return strings.HasSuffix(format, "-mentions") }

// New returns a Writer of the named format (one of Formats) that writes to w.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case "gdelt":
		return &gdeltEvents{w: bufio.NewWriterSize(w, 64<<10)}, nil
	case "gdelt-mentions":
		return &gdeltMentions{w: bufio.NewWriterSize(w, 64<<10)}, nil
	case "csv":
		return newCSVEvents(w), nil
	case "csv-mentions":
		return newCSVMentions(w), nil
	case "parquet":
		return &parquetEvents{p: newParquet[EventRow](w)}, nil
	case "parquet-mentions":
		return &parquetMentions{p: newParquet[MentionRow](w)}, nil
	case "jsonl":
		return &jsonlEvents{jsonl: newJSONL(w)}, nil
	case "jsonl-mentions":
		return &jsonlMentions{jsonl: newJSONL(w)}, nil
	}
	return nil, fmt.Errorf("export: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// eventsOnly and mentionsOnly give a writer the method for the kind of
// record its format refuses.
type eventsOnly struct{}

func (eventsOnly) WriteMention(store.Mention) error {
	return fmt.Errorf("%w: this format takes merged events, not mentions", ErrKind)
}

type mentionsOnly struct{}

func (mentionsOnly) WriteEvent(store.Event) error {
	return fmt.Errorf("%w: this format takes mentions, not merged events", ErrKind)
}

// jsonl writes one JSON object a line, as the store types marshal.
type jsonl struct {
	b   *bufio.Writer
	enc *json.Encoder
}

func newJSONL(w io.Writer) jsonl {
	b := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return jsonl{b, enc}
}

func (j jsonl) write(v any) error {
	if err := j.enc.Encode(v); err != nil {
		return fmt.Errorf("export: jsonl: %w", err)
	}
	return nil
}

func (j jsonl) Close() error {
	if err := j.b.Flush(); err != nil {
		return fmt.Errorf("export: jsonl: %w", err)
	}
	return nil
}

type jsonlEvents struct {
	jsonl
	eventsOnly
}

func (j *jsonlEvents) WriteEvent(e store.Event) error { return j.write(e) }

type jsonlMentions struct {
	jsonl
	mentionsOnly
}

func (j *jsonlMentions) WriteMention(m store.Mention) error { return j.write(m) }
