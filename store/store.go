package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
	"dyad/record"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

// ErrNotFound is returned for a document that is not stored.
var ErrNotFound = errors.New("not found")

// Options change how a store is opened.
type Options struct {
	Window   int  // merge window in days: mentions this close merge (0 means 1)
	ReadOnly bool // open for reading only; the database must exist
}

// Store is an open event database. It is safe for concurrent use: writes
// are serialised, and reads see the last committed state (WAL snapshots).
type Store struct {
	path   string
	window int
	w      *sql.DB // the one writing connection
	r      *sql.DB // readers
}

// Open opens the database at path, creating it and bringing its schema up
// to date unless opt.ReadOnly is set.
func Open(path string, opt Options) (*Store, error) {
	if opt.Window <= 0 {
		opt.Window = 1
	}
	s := &Store{path: path, window: opt.Window}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"
	if opt.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	} else {
		w, err := sql.Open("sqlite", "file:"+path+"?_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&"+pragmas)
		if err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
		w.SetMaxOpenConns(1)
		s.w = w
		if err := s.migrate(); err != nil {
			w.Close()
			return nil, err
		}
	}
	r, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=query_only(1)&"+pragmas)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.r = r
	if err := r.Ping(); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	var v int
	if err := r.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	switch {
	case v > len(migrations):
		s.Close()
		return nil, fmt.Errorf("store: %s has schema version %d, newer than this dyad (%d): upgrade dyad", path, v, len(migrations))
	case v < len(migrations):
		s.Close()
		return nil, fmt.Errorf("store: %s has schema version %d, this dyad reads %d (open it once without read-only, e.g. with dyad ingest, to migrate)", path, v, len(migrations))
	}
	return s, nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	var err error
	if s.r != nil {
		err = s.r.Close()
	}
	if s.w != nil {
		if werr := s.w.Close(); err == nil {
			err = werr
		}
	}
	return err
}

func (s *Store) migrate() error {
	var v int
	if err := s.w.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("store: %s: %w", s.path, err)
	}
	if v > len(migrations) {
		return fmt.Errorf("store: %s has schema version %d, newer than this dyad (%d): upgrade dyad", s.path, v, len(migrations))
	}
	for ; v < len(migrations); v++ {
		tx, err := s.w.Begin()
		if err != nil {
			return fmt.Errorf("store: migrate %s: %w", s.path, err)
		}
		if _, err := tx.Exec(migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: migration %d on %s: %w", v+1, s.path, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: migration %d on %s: %w", v+1, s.path, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("store: migration %d on %s: %w", v+1, s.path, err)
		}
	}
	return nil
}

// HashArticle is the content hash that decides whether an article changed:
// its id, date, source, URL, title and text.
func HashArticle(a doc.Article) string {
	h := sha256.New()
	for _, f := range []string{a.ID, a.Date, a.Source, a.URL, a.Title, a.Text} {
		fmt.Fprintf(h, "%d:%s", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Input is one coded document to store.
type Input struct {
	Doc  record.Document // the coded document, events as they should be kept
	Text string          // the article's text, which every span refers to
	Hash string          // HashArticle of the article
	// Replace stores the document even when one with the same hash is
	// stored (to re-code articles after dyad changed).
	Replace bool
}

// PutStats counts what Put did.
type PutStats struct {
	Stored    int        // new documents
	Replaced  int        // documents whose text or metadata changed
	Unchanged int        // documents already stored with the same hash
	Failed    []DocError // documents that could not be stored (nothing of them was)
}

// DocError is a document Put could not store, and why.
type DocError struct {
	ID  string
	Err error
}

func (e DocError) Error() string { return e.ID + ": " + e.Err.Error() }

// Hashes returns the hash of every stored document by id.
func (s *Store) Hashes(ctx context.Context) (map[string]string, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id, hash FROM documents")
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var id, h string
		if err := rows.Scan(&id, &h); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		m[id] = h
	}
	return m, rows.Err()
}

// Put stores documents in one transaction: new ones are added, changed
// ones (same id, another hash) replace the old version's records, and
// unchanged ones are left alone. The merged events of every merge key the
// added or removed mentions have are recomputed in the same transaction.
func (s *Store) Put(ctx context.Context, docs []Input) (PutStats, error) {
	var st PutStats
	if s.w == nil {
		return st, errors.New("store: opened read-only")
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return st, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	w := newWriter(tx)
	defer w.close()
	keys := affected{}
	now := time.Now().UTC().Format(time.RFC3339)
	for i := range docs {
		in := &docs[i]
		var old string
		err := w.queryRow(ctx, "SELECT hash FROM documents WHERE id = ?", in.Doc.DocID).Scan(&old)
		switch {
		case err == sql.ErrNoRows:
		case err != nil:
			return st, fmt.Errorf("store: %s: %w", in.Doc.DocID, err)
		case old == in.Hash && !in.Replace:
			st.Unchanged++
			continue
		}
		// A document that cannot be stored is rolled back alone (its old
		// version, if any, stays) and listed; the batch goes on.
		if _, err := tx.ExecContext(ctx, "SAVEPOINT doc"); err != nil {
			return st, fmt.Errorf("store: %w", err)
		}
		if err = putDoc(ctx, w, in, old != "", now, keys); err != nil {
			if ctx.Err() != nil {
				return st, err
			}
			if _, rerr := tx.ExecContext(ctx, "ROLLBACK TO doc"); rerr != nil {
				return st, fmt.Errorf("store: %w", rerr)
			}
			st.Failed = append(st.Failed, DocError{ID: in.Doc.DocID, Err: err})
		} else if old != "" {
			st.Replaced++
		} else {
			st.Stored++
		}
		if _, err := tx.ExecContext(ctx, "RELEASE doc"); err != nil {
			return st, fmt.Errorf("store: %w", err)
		}
	}
	if err := s.remerge(ctx, w, keys); err != nil {
		return st, err
	}
	if err := tx.Commit(); err != nil {
		return st, fmt.Errorf("store: commit: %w", err)
	}
	return st, nil
}

// Rebuild recomputes every merged event and cross-article conflict from
// the stored mentions.
func (s *Store) Rebuild(ctx context.Context) error {
	if s.w == nil {
		return errors.New("store: opened read-only")
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{"DELETE FROM events", "DELETE FROM cross_conflicts", "UPDATE mentions SET merged_id = 0"} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: rebuild: %w", err)
		}
	}
	keys := affected{}
	rows, err := tx.QueryContext(ctx, "SELECT DISTINCT merge_key FROM mentions")
	if err != nil {
		return fmt.Errorf("store: rebuild: %w", err)
	}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return fmt.Errorf("store: rebuild: %w", err)
		}
		keys[k] = nil // every date
	}
	rows.Close()
	w := newWriter(tx)
	defer w.close()
	if err := s.remerge(ctx, w, keys); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// writer is a write transaction that prepares each statement once.
type writer struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newWriter(tx *sql.Tx) *writer { return &writer{tx: tx, stmts: map[string]*sql.Stmt{}} }

func (w *writer) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	w.stmts[q] = st
	return st, nil
}

func (w *writer) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (w *writer) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return w.tx.QueryRowContext(ctx, q, args...) // reports the same error on Scan
	}
	return st.QueryRowContext(ctx, args...)
}

func (w *writer) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// close closes the prepared statements.
func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// putDoc stores one document, first removing its old version when it has
// one.
func putDoc(ctx context.Context, w *writer, in *Input, replace bool, now string, keys affected) error {
	if replace {
		if err := deleteDoc(ctx, w, in.Doc.DocID, keys); err != nil {
			return err
		}
	}
	return insertDoc(ctx, w, in, now, keys)
}

// deleteDoc removes a document and all its records, adding the merge keys
// and dates of its mentions to keys.
func deleteDoc(ctx context.Context, tx *writer, id string, keys affected) error {
	rows, err := tx.query(ctx, "SELECT merge_key, date FROM mentions WHERE doc_id = ?", id)
	if err != nil {
		return fmt.Errorf("store: %s: %w", id, err)
	}
	for rows.Next() {
		var k, date string
		if err := rows.Scan(&k, &date); err != nil {
			rows.Close()
			return fmt.Errorf("store: %s: %w", id, err)
		}
		keys.add(k, date)
	}
	rows.Close()
	if _, err := tx.exec(ctx, "DELETE FROM sentence_fts WHERE rowid IN (SELECT rowid FROM sentences WHERE doc_id = ?)", id); err != nil {
		return fmt.Errorf("store: %s: %w", id, err)
	}
	// Foreign keys cascade to sentences, entities, mentions, quotes,
	// quantities and doc_conflicts.
	if _, err := tx.exec(ctx, "DELETE FROM documents WHERE id = ?", id); err != nil {
		return fmt.Errorf("store: %s: %w", id, err)
	}
	return nil
}

func insertDoc(ctx context.Context, tx *writer, in *Input, now string, keys affected) error {
	d := &in.Doc
	id := d.DocID
	fail := func(err error) error { return fmt.Errorf("store: %s: %w", id, err) }
	diags, _ := json.Marshal(nonNil(d.Diagnostics))
	_, err := tx.exec(ctx, `INSERT INTO documents (id, hash, date, source, source_key, title, url, text, diagnostics,
		n_sentences, n_entities, n_mentions, n_quotes, n_quantities, n_conflicts, ingested)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, in.Hash, d.Date, d.Source, sourceKey(d.Source, d.URL), d.Title, d.URL, in.Text, string(diags),
		len(d.Sentences), len(d.Entities), len(d.Events), len(d.Quotes), len(d.Quantities), len(d.Conflicts), now)
	if err != nil {
		return fail(err)
	}
	for i, sp := range d.Sentences {
		res, err := tx.exec(ctx, "INSERT INTO sentences (doc_id, idx, begin_off, end_off) VALUES (?, ?, ?, ?)", id, i, sp.Span[0], sp.Span[1])
		if err != nil {
			return fail(err)
		}
		rowid, err := res.LastInsertId()
		if err != nil {
			return fail(err)
		}
		if _, err := tx.exec(ctx, "INSERT INTO sentence_fts (rowid, text) VALUES (?, ?)", rowid, slice(in.Text, sp.Span)); err != nil {
			return fail(err)
		}
	}
	for i, e := range d.Entities {
		rec, _ := json.Marshal(packEntity(e, in.Text))
		if _, err := tx.exec(ctx, "INSERT INTO entities (doc_id, ord, name, type, cameo, record) VALUES (?, ?, ?, ?, ?, ?)",
			id, i, e.Name, e.Type, e.CAMEO, string(rec)); err != nil {
			return fail(err)
		}
	}
	lead := leadEnd(in.Text, d.Sentences)
	persons := map[string]bool{}
	for _, e := range d.Entities {
		if e.Type == record.Person {
			persons[e.ID] = true
		}
	}
	const insertMention = `INSERT INTO mentions (id, doc_id, ord, sentence, date, event, mode, cameo, quad, goldstein,
		actor_cameo, actor_country, actor_sector, actor_name, recipient_cameo, recipient_country, recipient_sector, recipient_name,
		confidence, is_root, merge_key, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	for i, e := range d.Events {
		rec, _ := json.Marshal(e)
		a, r := party(e.Actor), party(e.Recipient)
		date := fullDate(e.Date, d.Date)
		key := mergeKey(e, date, persons)
		keys.add(key, date)
		isRoot := e.Sentence == 0 || (e.Sentence < len(d.Sentences) && d.Sentences[e.Sentence].Span[0] < lead)
		if _, err := tx.exec(ctx, insertMention, e.ID, id, i, e.Sentence, date, e.Event, e.Mode, e.CAMEO, e.QuadClass, e.Goldstein,
			a.CAMEO, a.Country, a.Sector, a.Name, r.CAMEO, r.Country, r.Sector, r.Name,
			e.Confidence, isRoot, key, string(rec)); err != nil {
			return fail(err)
		}
	}
	for i, q := range d.Quotes {
		rec, _ := json.Marshal(packQuote(q, in.Text))
		speaker := ""
		if q.Speaker != nil {
			speaker = q.Speaker.Name
		}
		if _, err := tx.exec(ctx, "INSERT INTO quotes (doc_id, ord, speaker, record) VALUES (?, ?, ?, ?)", id, i, speaker, string(rec)); err != nil {
			return fail(err)
		}
	}
	for i, q := range d.Quantities {
		rec, _ := json.Marshal(q)
		if _, err := tx.exec(ctx, "INSERT INTO quantities (doc_id, ord, sentence, kind, unit, record) VALUES (?, ?, ?, ?, ?, ?)",
			id, i, sentenceOf(d.Sentences, q.Span[0]), q.Kind, q.Unit, string(rec)); err != nil {
			return fail(err)
		}
	}
	for i, c := range d.Conflicts {
		rec, _ := json.Marshal(c)
		if _, err := tx.exec(ctx, "INSERT INTO doc_conflicts (doc_id, ord, record) VALUES (?, ?, ?)", id, i, string(rec)); err != nil {
			return fail(err)
		}
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// slice returns the text of a span, clipped to the text.
func slice(text string, sp record.Span) string {
	a, b := max(0, sp[0]), min(len(text), sp[1])
	if a >= b {
		return ""
	}
	return text[a:b]
}

// sentenceOf returns the index of the sentence holding byte offset off.
func sentenceOf(sents []record.SentenceSpan, off int) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].Span[1] > off })
	if i == len(sents) {
		return max(0, len(sents)-1)
	}
	return i
}

// leadEnd returns the byte offset where an article's lead ends: the first
// blank line after its first sentence, or the end of the first sentence
// when the text has no paragraphs.
func leadEnd(text string, sents []record.SentenceSpan) int {
	if len(sents) == 0 {
		return 0
	}
	start := sents[0].Span[0]
	if start > len(text) {
		return 0
	}
	if i := strings.Index(text[start:], "\n\n"); i >= 0 {
		return start + i
	}
	return sents[0].Span[1]
}

// sourceKey is the publisher an article counts as for NumSources: its
// source name, else its URL's host.
func sourceKey(source, u string) string {
	if s := strings.TrimSpace(source); s != "" {
		return strings.ToLower(s)
	}
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return strings.ToLower(strings.TrimPrefix(p.Host, "www."))
	}
	return ""
}

// fullDate returns the first of the dates that is a whole YYYY-MM-DD.
func fullDate(dates ...string) string {
	for _, d := range dates {
		if _, err := time.Parse("2006-01-02", d); err == nil {
			return d
		}
	}
	return ""
}

func party(a *record.Actor) Party {
	if a == nil {
		return Party{}
	}
	return Party{CAMEO: a.CAMEO, Country: a.Country, Sector: a.Sector, Name: a.Name}
}

// mergeKey is what two mentions must share to report the same event: the
// actor's and recipient's codes, the people they name, and the CAMEO root.
// A side that is a named person is keyed by code and name ("USAELI/Donald
// Trump"), so that two people who share a code — candidates, senators — do
// not make one event; other actors (countries, organisations, groups) by
// code alone. Mentions with neither actor nor recipient merge only when
// they name the same place; otherwise each is its own event. Mentions
// without a date (neither the text nor the article gives one) merge only
// within their document. persons holds the ids of the document's PERSON
// entities.
func mergeKey(e record.Event, date string, persons map[string]bool) string {
	k := baseKey(e, persons)
	if date == "" && !strings.HasPrefix(k, "~") {
		k += "#" + e.DocID
	}
	return k
}

func baseKey(e record.Event, persons map[string]bool) string {
	side := func(a *record.Actor) string {
		switch {
		case a == nil:
			return ""
		case a.CAMEO != "" && persons[a.Entity] && individual(a.Name):
			return a.CAMEO + "/" + a.Name
		}
		return a.CAMEO
	}
	a, r := party(e.Actor).CAMEO, party(e.Recipient).CAMEO
	root := e.CAMEO
	if len(root) > 2 {
		root = root[:2]
	}
	if a == "" && r == "" {
		if e.Location != nil && e.Location.Name != "" {
			return "||" + root + "@" + e.Location.Name + "," + e.Location.Country
		}
		return "~" + e.ID
	}
	return side(e.Actor) + "|" + side(e.Recipient) + "|" + root
}

// individual reports whether a PERSON entity's name names one person
// ("Donald Trump", "Ursula von der Leyen") rather than a group the
// recogniser also types PERSON ("Russian forces", "Burundian militiamen"):
// two or more words, each capitalised or a name particle.
func individual(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameParticles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

var nameParticles = map[string]bool{"de": true, "van": true, "von": true, "der": true, "den": true, "al": true,
	"bin": true, "ibn": true, "da": true, "du": true, "le": true, "la": true, "el": true, "dos": true, "das": true,
	"del": true, "di": true, "ter": true}

// storedEntity is an entity as stored: when every mention's text is the
// text of its span, only the spans are kept.
type storedEntity struct {
	record.Entity
	Spans []record.Span `json:"spans,omitempty"`
}

func packEntity(e record.Entity, text string) storedEntity {
	spans := make([]record.Span, len(e.Mentions))
	for i, m := range e.Mentions {
		if m.Text != slice(text, m.Span) {
			return storedEntity{Entity: e}
		}
		spans[i] = m.Span
	}
	e.Mentions = nil
	return storedEntity{Entity: e, Spans: spans}
}

func (se storedEntity) unpack(text string) record.Entity {
	e := se.Entity
	if se.Spans != nil {
		e.Mentions = make([]record.Mention, len(se.Spans))
		for i, sp := range se.Spans {
			e.Mentions[i] = record.Mention{Text: slice(text, sp), Span: sp}
		}
	}
	return e
}

// storedQuote is a quote as stored: its text is left out when it is the
// text of its span.
type storedQuote struct {
	record.Quote
	SpanText bool `json:"span_text,omitempty"`
}

func packQuote(q record.Quote, text string) storedQuote {
	if q.Text == slice(text, q.Span) {
		q.Text = ""
		return storedQuote{Quote: q, SpanText: true}
	}
	return storedQuote{Quote: q}
}

func (sq storedQuote) unpack(text string) record.Quote {
	q := sq.Quote
	if sq.SpanText {
		q.Text = slice(text, q.Span)
	}
	return q
}
