package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/parquet-go/parquet-go"

	"dyad/record"
	"dyad/store"
)

// EventRow is one merged event as the "csv" and "parquet" formats write
// it; the parquet tags are the column names, in the order of
// EventRowColumns. Dates are YYYY-MM-DD strings ("" when unknown); the
// location columns are null (empty in CSV) when the event has no place.
type EventRow struct {
	ID               int64    `parquet:"id"`
	Date             string   `parquet:"date"`
	LastDate         string   `parquet:"last_date"`
	FirstSeen        string   `parquet:"first_seen"`
	LastSeen         string   `parquet:"last_seen"`
	Event            string   `parquet:"event"`
	Mode             string   `parquet:"mode"`
	CAMEO            string   `parquet:"cameo"`
	QuadClass        int32    `parquet:"quad_class"`
	Goldstein        float64  `parquet:"goldstein"`
	ActorCAMEO       string   `parquet:"actor_cameo"`
	ActorName        string   `parquet:"actor_name"`
	ActorCountry     string   `parquet:"actor_country"`
	RecipientCAMEO   string   `parquet:"recipient_cameo"`
	RecipientName    string   `parquet:"recipient_name"`
	RecipientCountry string   `parquet:"recipient_country"`
	Location         *string  `parquet:"location,optional"`
	Lat              *float64 `parquet:"lat,optional"`
	Lon              *float64 `parquet:"lon,optional"`
	NumMentions      int32    `parquet:"num_mentions"`
	NumSources       int32    `parquet:"num_sources"`
	NumArticles      int32    `parquet:"num_articles"`
	IsRoot           bool     `parquet:"is_root"`
	Confidence       float64  `parquet:"confidence"`
	SourceURL        string   `parquet:"source_url"`
}

// EventRowColumns are the column names of the "csv" and "parquet" event
// formats, in order.
var EventRowColumns = []string{"id", "date", "last_date", "first_seen", "last_seen", "event", "mode",
	"cameo", "quad_class", "goldstein", "actor_cameo", "actor_name", "actor_country",
	"recipient_cameo", "recipient_name", "recipient_country", "location", "lat", "lon",
	"num_mentions", "num_sources", "num_articles", "is_root", "confidence", "source_url"}

// NewEventRow flattens a merged event into a row.
func NewEventRow(e store.Event) EventRow {
	r := EventRow{
		ID: e.ID, Date: e.Date, LastDate: e.LastDate, FirstSeen: e.FirstSeen, LastSeen: e.LastSeen,
		Event: e.Event, Mode: e.Mode, CAMEO: e.CAMEO, QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein,
		ActorCAMEO: e.Actor.CAMEO, ActorName: e.Actor.Name, ActorCountry: e.Actor.Country,
		RecipientCAMEO: e.Recipient.CAMEO, RecipientName: e.Recipient.Name, RecipientCountry: e.Recipient.Country,
		NumMentions: int32(e.NumMentions), NumSources: int32(e.NumSources), NumArticles: int32(e.NumArticles),
		IsRoot: e.IsRoot, Confidence: e.Confidence, SourceURL: e.SourceURL,
	}
	if l := e.Location; l != nil {
		name, lat, lon := l.Name, l.Lat, l.Lon // copies: the row may outlive the caller's event
		r.Location, r.Lat, r.Lon = &name, &lat, &lon
	}
	return r
}

func (r *EventRow) appendCSV(f []string) []string {
	loc, lat, lon := "", "", ""
	if r.Location != nil {
		loc = *r.Location
	}
	if r.Lat != nil && r.Lon != nil {
		lat, lon = ftoa(*r.Lat), ftoa(*r.Lon)
	}
	return append(f, itoa(r.ID), r.Date, r.LastDate, r.FirstSeen, r.LastSeen, r.Event, r.Mode,
		r.CAMEO, itoa(int64(r.QuadClass)), ftoa(r.Goldstein), r.ActorCAMEO, r.ActorName, r.ActorCountry,
		r.RecipientCAMEO, r.RecipientName, r.RecipientCountry, loc, lat, lon,
		itoa(int64(r.NumMentions)), itoa(int64(r.NumSources)), itoa(int64(r.NumArticles)),
		strconv.FormatBool(r.IsRoot), ftoa(r.Confidence), r.SourceURL)
}

// MentionRow is one mention as the "csv-mentions" and "parquet-mentions"
// formats write it, in the order of MentionRowColumns. Sentence is the
// record's 0-based sentence index; ReportedBy is the source's canonical
// name, else its words ("" when none).
type MentionRow struct {
	ID             string  `parquet:"id"`
	MergedID       int64   `parquet:"merged_id"`
	DocID          string  `parquet:"doc_id"`
	Sentence       int32   `parquet:"sentence"`
	Date           string  `parquet:"date"`
	Event          string  `parquet:"event"`
	Mode           string  `parquet:"mode"`
	CAMEO          string  `parquet:"cameo"`
	QuadClass      int32   `parquet:"quad_class"`
	Goldstein      float64 `parquet:"goldstein"`
	ActorCAMEO     string  `parquet:"actor_cameo"`
	ActorName      string  `parquet:"actor_name"`
	RecipientCAMEO string  `parquet:"recipient_cameo"`
	RecipientName  string  `parquet:"recipient_name"`
	ReportedBy     string  `parquet:"reported_by"`
	Negated        bool    `parquet:"negated"`
	Modality       string  `parquet:"modality"`
	Trigger        string  `parquet:"trigger"`
	Confidence     float64 `parquet:"confidence"`
	Source         string  `parquet:"source"`
	URL            string  `parquet:"url"`
	Text           string  `parquet:"text"`
}

// MentionRowColumns are the column names of the "csv-mentions" and
// "parquet-mentions" formats, in order.
var MentionRowColumns = []string{"id", "merged_id", "doc_id", "sentence", "date", "event", "mode",
	"cameo", "quad_class", "goldstein", "actor_cameo", "actor_name", "recipient_cameo",
	"recipient_name", "reported_by", "negated", "modality", "trigger", "confidence", "source", "url", "text"}

// NewMentionRow flattens a mention into a row.
func NewMentionRow(m store.Mention) MentionRow {
	r := MentionRow{
		ID: m.ID, MergedID: m.MergedID, DocID: m.DocID, Sentence: int32(m.Sentence), Date: m.Date,
		Event: m.Event.Event, Mode: m.Mode, CAMEO: m.CAMEO, QuadClass: int32(m.QuadClass), Goldstein: m.Goldstein,
		Negated: m.Negated, Modality: m.Modality, Trigger: m.Trigger.Text, Confidence: m.Confidence,
		Source: m.Source, URL: m.URL, Text: m.Text,
	}
	r.ActorCAMEO, r.ActorName = codeName(m.Actor)
	r.RecipientCAMEO, r.RecipientName = codeName(m.Recipient)
	if a := m.ReportedBy; a != nil {
		r.ReportedBy = a.Name
		if r.ReportedBy == "" {
			r.ReportedBy = a.Text
		}
	}
	return r
}

func codeName(a *record.Actor) (string, string) {
	if a == nil {
		return "", ""
	}
	return a.CAMEO, a.Name
}

func (r *MentionRow) appendCSV(f []string) []string {
	return append(f, r.ID, itoa(r.MergedID), r.DocID, itoa(int64(r.Sentence)), r.Date, r.Event, r.Mode,
		r.CAMEO, itoa(int64(r.QuadClass)), ftoa(r.Goldstein), r.ActorCAMEO, r.ActorName, r.RecipientCAMEO,
		r.RecipientName, r.ReportedBy, strconv.FormatBool(r.Negated), r.Modality, r.Trigger,
		ftoa(r.Confidence), r.Source, r.URL, r.Text)
}

func itoa(n int64) string   { return strconv.FormatInt(n, 10) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// csvWriter writes a header line and then one record a row.
type csvWriter struct {
	w   *csv.Writer
	rec []string
}

func newCSV(w io.Writer, header []string) csvWriter {
	c := csvWriter{w: csv.NewWriter(w)}
	_ = c.w.Write(header) // buffered; an error of the io.Writer shows at the next write or Close
	return c
}

func (c *csvWriter) write(rec []string) error {
	c.rec = rec
	if err := c.w.Write(rec); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	return nil
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	return nil
}

type csvEvents struct {
	csvWriter
	eventsOnly
}

func newCSVEvents(w io.Writer) *csvEvents {
	return &csvEvents{csvWriter: newCSV(w, EventRowColumns)}
}

func (c *csvEvents) WriteEvent(e store.Event) error {
	r := NewEventRow(e)
	return c.write(r.appendCSV(c.rec[:0]))
}

type csvMentions struct {
	csvWriter
	mentionsOnly
}

func newCSVMentions(w io.Writer) *csvMentions {
	return &csvMentions{csvWriter: newCSV(w, MentionRowColumns)}
}

func (c *csvMentions) WriteMention(m store.Mention) error {
	r := NewMentionRow(m)
	return c.write(r.appendCSV(c.rec[:0]))
}

// Parquet rows are handed to parquet-go in batches of parquetBatch and
// cut into row groups of at most parquetGroup rows, so memory stays
// bounded whatever the number of rows.
const (
	parquetBatch = 1024
	parquetGroup = 64 << 10
)

type parquetWriter[T any] struct {
	w    *parquet.GenericWriter[T]
	rows []T
}

func newParquet[T any](w io.Writer) *parquetWriter[T] {
	return &parquetWriter[T]{
		w: parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Zstd),
			parquet.MaxRowsPerRowGroup(parquetGroup), parquet.CreatedBy("dyad", "", "")),
		rows: make([]T, 0, parquetBatch),
	}
}

func (p *parquetWriter[T]) add(r T) error {
	p.rows = append(p.rows, r)
	if len(p.rows) < parquetBatch {
		return nil
	}
	return p.flush()
}

func (p *parquetWriter[T]) flush() error {
	if _, err := p.w.Write(p.rows); err != nil {
		return fmt.Errorf("export: parquet: %w", err)
	}
	clear(p.rows) // drop the strings the rows point to
	p.rows = p.rows[:0]
	return nil
}

func (p *parquetWriter[T]) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("export: parquet: %w", err)
	}
	return nil
}

type parquetEvents struct {
	eventsOnly
	p *parquetWriter[EventRow]
}

func (w *parquetEvents) WriteEvent(e store.Event) error { return w.p.add(NewEventRow(e)) }
func (w *parquetEvents) Close() error                   { return w.p.Close() }

type parquetMentions struct {
	mentionsOnly
	p *parquetWriter[MentionRow]
}

func (w *parquetMentions) WriteMention(m store.Mention) error { return w.p.add(NewMentionRow(m)) }
func (w *parquetMentions) Close() error                       { return w.p.Close() }
