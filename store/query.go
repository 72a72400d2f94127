package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"dyad/record"
)

// ErrBadFilter wraps errors in a filter's values (a malformed date or
// cursor, an unknown order or grouping).
var ErrBadFilter = errors.New("bad filter")

// MaxLimit is the largest page Events and Mentions return.
const MaxLimit = 1000

const eventCols = `e.id, e.key, e.date, e.last_date, e.first_seen, e.last_seen, e.event, e.mode, e.cameo, e.quad, e.goldstein,
	e.actor_cameo, e.actor_country, e.actor_sector, e.actor_name, e.recipient_cameo, e.recipient_country, e.recipient_sector, e.recipient_name,
	e.location, e.num_mentions, e.num_sources, e.num_articles, e.is_root, e.confidence, e.source_url`

// where turns a filter into an SQL condition over the alias e (events or
// mentions: both have the filtered columns) with its arguments. Values are
// always bound, never written into the SQL.
func (f Filter) where(mentions bool) (string, []any, error) {
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	for _, d := range []struct{ v, op string }{{f.From, ">="}, {f.To, "<="}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return "", nil, fmt.Errorf("%w: date %q: want YYYY-MM-DD", ErrBadFilter, d.v)
		}
		add("e.date != '' AND e.date "+d.op+" ?", d.v)
	}
	for _, p := range []struct{ v, side string }{{f.Actor, "actor"}, {f.Recipient, "recipient"}} {
		if p.v == "" {
			continue
		}
		if isCode(p.v) {
			// A prefix as a range, which the index on the code serves.
			add("e."+p.side+"_cameo >= ? AND e."+p.side+"_cameo < ?", p.v, p.v+"\x7f")
		} else {
			add("e."+p.side+"_name LIKE ? ESCAPE '\\'", "%"+likeEscape(p.v)+"%")
		}
	}
	if f.Country != "" {
		add("(e.actor_country = ? OR e.recipient_country = ?)", strings.ToUpper(f.Country), strings.ToUpper(f.Country))
	}
	if f.Type != "" {
		add("e.event = ?", strings.ToUpper(f.Type))
	}
	if f.CAMEO != "" {
		add("e.cameo LIKE ? ESCAPE '\\'", likeEscape(f.CAMEO)+"%")
	}
	if f.QuadClass != 0 {
		if f.QuadClass < 1 || f.QuadClass > 4 {
			return "", nil, fmt.Errorf("%w: quad class %d: want 1 to 4", ErrBadFilter, f.QuadClass)
		}
		add("e.quad = ?", f.QuadClass)
	}
	if q := ftsQuery(f.Text); q != "" {
		hits := `SELECT s.doc_id, s.idx FROM sentence_fts JOIN sentences s ON s.rowid = sentence_fts.rowid WHERE sentence_fts MATCH ?`
		if mentions {
			add("(e.doc_id, e.sentence) IN ("+hits+")", q)
		} else {
			add("e.id IN (SELECT m.merged_id FROM mentions m WHERE (m.doc_id, m.sentence) IN ("+hits+"))", q)
		}
	}
	if f.DocID != "" {
		if mentions {
			add("e.doc_id = ?", f.DocID)
		} else {
			add("e.id IN (SELECT merged_id FROM mentions WHERE doc_id = ?)", f.DocID)
		}
	}
	if f.Merged != 0 {
		if mentions {
			add("e.merged_id = ?", f.Merged)
		} else {
			add("e.id = ?", f.Merged)
		}
	}
	if len(conds) == 0 {
		return "1", nil, nil
	}
	return strings.Join(conds, " AND "), args, nil
}

// isCode reports whether s looks like a CAMEO actor code (upper-case
// letters and digits) rather than a name.
func isCode(s string) bool {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// ftsQuery turns free text into an FTS5 query that matches sentences with
// every word, whatever characters the text holds.
func ftsQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " AND ")
}

// orders are the sort orders of Events: the column and its direction.
var orders = map[string]struct {
	col  string
	desc bool
}{
	"": {"e.date", false}, "date": {"e.date", false}, "-date": {"e.date", true},
	"mentions": {"e.num_mentions", true}, "goldstein": {"e.goldstein", false}, "-goldstein": {"e.goldstein", true},
}

type cursor struct {
	V  any    `json:"v"`
	ID string `json:"id"`
}

func encodeCursor(v any, id string) string {
	b, _ := json.Marshal(cursor{v, id})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (cursor, error) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil {
		return c, fmt.Errorf("%w: cursor %q is not one this store gave", ErrBadFilter, s)
	}
	return c, nil
}

// page adds ordering, the cursor's position and the limit to a query.
func page(f Filter, cond string, args []any, idCol string) (string, []any, int, error) {
	o, ok := orders[f.Order]
	if !ok {
		return "", nil, 0, fmt.Errorf("%w: order %q: want date, -date, mentions, goldstein or -goldstein", ErrBadFilter, f.Order)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	if limit > MaxLimit {
		return "", nil, 0, fmt.Errorf("%w: limit %d: at most %d", ErrBadFilter, limit, MaxLimit)
	}
	cmp, dir := ">", "ASC"
	if o.desc {
		cmp, dir = "<", "DESC"
	}
	if f.After != "" {
		c, err := decodeCursor(f.After)
		if err != nil {
			return "", nil, 0, err
		}
		cond += fmt.Sprintf(" AND (%s, CAST(%s AS TEXT)) %s (?, ?)", o.col, idCol, cmp)
		args = append(args, c.V, c.ID)
	}
	tail := fmt.Sprintf(" WHERE %s ORDER BY %s %s, CAST(%s AS TEXT) %s LIMIT %d", cond, o.col, dir, idCol, dir, limit+1)
	return tail, args, limit, nil
}

// Events returns a page of merged events matching f, and the cursor of the
// next page ("" on the last).
func (s *Store) Events(ctx context.Context, f Filter) ([]Event, string, error) {
	cond, args, err := f.where(false)
	if err != nil {
		return nil, "", err
	}
	tail, args, limit, err := page(f, cond, args, "e.id")
	if err != nil {
		return nil, "", err
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, "", fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT "+eventCols+" FROM events e"+tail, args...)
	if err != nil {
		return nil, "", fmt.Errorf("store: events: %w", err)
	}
	evs := []Event{}
	for rows.Next() {
		var e Event
		var loc string
		if err := rows.Scan(&e.ID, &e.Key, &e.Date, &e.LastDate, &e.FirstSeen, &e.LastSeen, &e.Event, &e.Mode, &e.CAMEO, &e.QuadClass, &e.Goldstein,
			&e.Actor.CAMEO, &e.Actor.Country, &e.Actor.Sector, &e.Actor.Name, &e.Recipient.CAMEO, &e.Recipient.Country, &e.Recipient.Sector, &e.Recipient.Name,
			&loc, &e.NumMentions, &e.NumSources, &e.NumArticles, &e.IsRoot, &e.Confidence, &e.SourceURL); err != nil {
			rows.Close()
			return nil, "", fmt.Errorf("store: events: %w", err)
		}
		if loc != "" {
			e.Location = new(record.Location)
			if err := json.Unmarshal([]byte(loc), e.Location); err != nil {
				e.Location = nil
			}
		}
		evs = append(evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("store: events: %w", err)
	}
	next := ""
	if len(evs) > limit {
		evs = evs[:limit]
		last := evs[limit-1]
		next = encodeCursor(sortValue(f.Order, last), fmt.Sprint(last.ID))
	}
	// The mentions of the page, in one query.
	if len(evs) > 0 {
		idx := map[int64]int{}
		ph := make([]string, len(evs))
		ids := make([]any, len(evs))
		for i, e := range evs {
			idx[e.ID] = i
			ph[i] = "?"
			ids[i] = e.ID
		}
		rows, err := tx.QueryContext(ctx, "SELECT merged_id, id FROM mentions WHERE merged_id IN ("+strings.Join(ph, ",")+") ORDER BY date, id", ids...)
		if err != nil {
			return nil, "", fmt.Errorf("store: events: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var mid int64
			var id string
			if err := rows.Scan(&mid, &id); err != nil {
				return nil, "", fmt.Errorf("store: events: %w", err)
			}
			if i, ok := idx[mid]; ok {
				evs[i].Mentions = append(evs[i].Mentions, id)
			}
		}
		if err := rows.Err(); err != nil {
			return nil, "", fmt.Errorf("store: events: %w", err)
		}
	}
	return evs, next, nil
}

func sortValue(order string, e Event) any {
	switch order {
	case "mentions":
		return e.NumMentions
	case "goldstein", "-goldstein":
		return e.Goldstein
	}
	return e.Date
}

// Mentions returns a page of stored event records matching f with where
// they came from, and the cursor of the next page. Only the orders date
// and -date apply.
func (s *Store) Mentions(ctx context.Context, f Filter) ([]Mention, string, error) {
	cond, args, err := f.where(true)
	if err != nil {
		return nil, "", err
	}
	if f.Order != "" && f.Order != "date" && f.Order != "-date" {
		return nil, "", fmt.Errorf("%w: order %q: mentions sort by date or -date", ErrBadFilter, f.Order)
	}
	tail, args, limit, err := page(f, cond, args, "e.id")
	if err != nil {
		return nil, "", err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT e.record, e.merged_id, e.is_root, e.date, d.source, d.url, d.title, d.date, d.ingested
		FROM mentions e JOIN documents d ON d.id = e.doc_id`+tail, args...)
	if err != nil {
		return nil, "", fmt.Errorf("store: mentions: %w", err)
	}
	defer rows.Close()
	ms := []Mention{}
	var dates []string
	for rows.Next() {
		var m Mention
		var rec, date string
		if err := rows.Scan(&rec, &m.MergedID, &m.IsRoot, &date, &m.Source, &m.URL, &m.Title, &m.DocDate, &m.Ingested); err != nil {
			return nil, "", fmt.Errorf("store: mentions: %w", err)
		}
		if err := json.Unmarshal([]byte(rec), &m.Event); err != nil {
			return nil, "", fmt.Errorf("store: mention record: %w", err)
		}
		ms = append(ms, m)
		dates = append(dates, date)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("store: mentions: %w", err)
	}
	next := ""
	if len(ms) > limit {
		ms = ms[:limit]
		next = encodeCursor(dates[limit-1], ms[limit-1].ID)
	}
	return ms, next, nil
}

// groupings are the groupings Counts knows: the SQL expressions grouped
// by (plain columns where possible, so that an index can serve them),
// how their values join into Count.Group, and whether rows are split by
// quad class.
var groupings = map[string]struct {
	exprs []string
	join  func([]string) string
	quads bool
}{
	"day":      {[]string{"e.date"}, first, true},
	"week":     {[]string{"date(e.date, '-6 days', 'weekday 1')"}, first, true},
	"month":    {[]string{"substr(e.date, 1, 7)"}, first, true},
	"dyad":     {[]string{"e.actor_cameo", "e.recipient_cameo"}, func(v []string) string { return v[0] + ">" + v[1] }, false},
	"day-dyad": {[]string{"e.date", "e.actor_cameo", "e.recipient_cameo"}, func(v []string) string { return v[0] + " " + v[1] + ">" + v[2] }, false},
	"type":     {[]string{"e.event"}, first, false},
}

func first(v []string) string { return v[0] }

// Counts counts the merged events matching f by day, week (its Monday),
// month (one row per group and quad class), dyad ("USAGOV>RUSGOV"), day
// and dyad ("2025-02-12 USAGOV>RUSGOV") or PLOVER type, with their
// mentions and the sum of their Goldstein scores. Groupings by day, week
// and month leave undated events out. Rows come in group order.
func (s *Store) Counts(ctx context.Context, f Filter, by string) ([]Count, error) {
	g, ok := groupings[by]
	if !ok {
		return nil, fmt.Errorf("%w: group by %q: want day, week, month, dyad, day-dyad or type", ErrBadFilter, by)
	}
	cond, args, err := f.where(false)
	if err != nil {
		return nil, err
	}
	cols := append([]string(nil), g.exprs...)
	if g.quads {
		cols = append(cols, "e.quad")
		cond += " AND e.date != ''"
	}
	list := strings.Join(cols, ", ")
	q := fmt.Sprintf(`SELECT %s, count(*), total(e.num_mentions), total(e.goldstein)
		FROM events e WHERE %s GROUP BY %s ORDER BY %s`, list, cond, list, list)
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: counts: %w", err)
	}
	defer rows.Close()
	out := []Count{}
	for rows.Next() {
		var c Count
		var mentions float64
		vals := make([]string, len(g.exprs))
		dest := make([]any, 0, len(cols)+3)
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		if g.quads {
			dest = append(dest, &c.QuadClass)
		}
		if err := rows.Scan(append(dest, &c.Events, &mentions, &c.Goldstein)...); err != nil {
			return nil, fmt.Errorf("store: counts: %w", err)
		}
		c.Group = g.join(vals)
		c.Mentions = int(mentions)
		// Goldstein scores have one decimal: drop the sum's float noise.
		c.Goldstein = math.Round(c.Goldstein*1000) / 1000
		out = append(out, c)
	}
	return out, rows.Err()
}

// Actors returns the actors of merged events whose code starts with q or
// whose name contains it (case-insensitive), most events first.
func (s *Store) Actors(ctx context.Context, q string, limit int) ([]ActorCount, error) {
	if limit <= 0 || limit > MaxLimit {
		limit = 20
	}
	code := strings.ToUpper(likeEscape(q)) + "%"
	name := "%" + likeEscape(q) + "%"
	rows, err := s.r.QueryContext(ctx, `SELECT cameo, name, count(*) AS n FROM (
			SELECT actor_cameo AS cameo, actor_name AS name FROM events
			UNION ALL SELECT recipient_cameo, recipient_name FROM events)
		WHERE cameo != '' AND (cameo LIKE ? ESCAPE '\' OR name LIKE ? ESCAPE '\')
		GROUP BY cameo, name ORDER BY n DESC, cameo, name LIMIT ?`, code, name, limit)
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	defer rows.Close()
	out := []ActorCount{}
	for rows.Next() {
		var a ActorCount
		if err := rows.Scan(&a.CAMEO, &a.Name, &a.Events); err != nil {
			return nil, fmt.Errorf("store: actors: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Document returns a stored document's record and text, or ErrNotFound.
func (s *Store) Document(ctx context.Context, id string) (*record.Document, string, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, "", fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	d := &record.Document{Schema: record.Schema, DocID: id, Sentences: []record.SentenceSpan{}, Entities: []record.Entity{},
		Events: []record.Event{}, Quotes: []record.Quote{}, Quantities: []record.Quantity{}, Conflicts: []record.Conflict{}}
	var text, diags string
	err = tx.QueryRowContext(ctx, "SELECT date, source, title, url, text, diagnostics FROM documents WHERE id = ?", id).
		Scan(&d.Date, &d.Source, &d.Title, &d.URL, &text, &diags)
	if err == sql.ErrNoRows {
		return nil, "", fmt.Errorf("store: document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, "", fmt.Errorf("store: document %q: %w", id, err)
	}
	if err := json.Unmarshal([]byte(diags), &d.Diagnostics); err != nil {
		return nil, "", fmt.Errorf("store: document %q: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, "SELECT begin_off, end_off FROM sentences WHERE doc_id = ? ORDER BY idx", id)
	if err != nil {
		return nil, "", fmt.Errorf("store: document %q: %w", id, err)
	}
	for rows.Next() {
		var sp record.SentenceSpan
		if err := rows.Scan(&sp.Span[0], &sp.Span[1]); err != nil {
			rows.Close()
			return nil, "", fmt.Errorf("store: document %q: %w", id, err)
		}
		d.Sentences = append(d.Sentences, sp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("store: document %q: %w", id, err)
	}
	for _, part := range []struct {
		table string
		add   func([]byte) error
	}{
		{"entities", func(b []byte) error {
			var se storedEntity
			err := json.Unmarshal(b, &se)
			d.Entities = append(d.Entities, se.unpack(text))
			return err
		}},
		{"mentions", func(b []byte) error { return appendJSON(b, &d.Events) }},
		{"quotes", func(b []byte) error {
			var sq storedQuote
			err := json.Unmarshal(b, &sq)
			d.Quotes = append(d.Quotes, sq.unpack(text))
			return err
		}},
		{"quantities", func(b []byte) error { return appendJSON(b, &d.Quantities) }},
		{"doc_conflicts", func(b []byte) error { return appendJSON(b, &d.Conflicts) }},
	} {
		rows, err := tx.QueryContext(ctx, "SELECT record FROM "+part.table+" WHERE doc_id = ? ORDER BY ord", id)
		if err != nil {
			return nil, "", fmt.Errorf("store: document %q: %w", id, err)
		}
		for rows.Next() {
			var b []byte
			err := rows.Scan(&b)
			if err == nil {
				err = part.add(b)
			}
			if err != nil {
				rows.Close()
				return nil, "", fmt.Errorf("store: document %q %s: %w", id, part.table, err)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, "", fmt.Errorf("store: document %q: %w", id, err)
		}
	}
	return d, text, nil
}

func appendJSON[T any](b []byte, list *[]T) error {
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*list = append(*list, v)
	return nil
}

// Documents lists stored documents by date then id.
func (s *Store) Documents(ctx context.Context, limit, offset int) ([]DocInfo, error) {
	if limit <= 0 || limit > MaxLimit {
		limit = 100
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, hash, date, source, title, url, n_sentences, n_mentions, ingested
		FROM documents ORDER BY date, id LIMIT ? OFFSET ?`, limit, max(0, offset))
	if err != nil {
		return nil, fmt.Errorf("store: documents: %w", err)
	}
	defer rows.Close()
	out := []DocInfo{}
	for rows.Next() {
		var d DocInfo
		if err := rows.Scan(&d.ID, &d.Hash, &d.Date, &d.Source, &d.Title, &d.URL, &d.Sentences, &d.Events, &d.Ingested); err != nil {
			return nil, fmt.Errorf("store: documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Conflicts returns the cross-article conflicts of the merged events that
// match f.
func (s *Store) Conflicts(ctx context.Context, f Filter) ([]Conflict, error) {
	cond, args, err := f.where(false)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT c.merged_id, c.about, c.why, c.claims FROM cross_conflicts c
		JOIN events e ON e.id = c.merged_id WHERE `+cond+` ORDER BY e.date, c.merged_id, c.rowid LIMIT 1000`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: conflicts: %w", err)
	}
	defer rows.Close()
	out := []Conflict{}
	for rows.Next() {
		var c Conflict
		var claims string
		if err := rows.Scan(&c.MergedID, &c.About, &c.Why, &claims); err != nil {
			return nil, fmt.Errorf("store: conflicts: %w", err)
		}
		if err := json.Unmarshal([]byte(claims), &c.Claims); err != nil {
			return nil, fmt.Errorf("store: conflicts: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Stats counts what the store holds.
type Stats struct {
	Documents int `json:"documents"`
	Sentences int `json:"sentences"`
	Mentions  int `json:"mentions"`
	Events    int `json:"events"` // merged events
	Conflicts int `json:"conflicts"`
}

// Stats counts the stored documents, sentences, mentions, merged events
// and cross-article conflicts in one snapshot.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),
		(SELECT count(*) FROM mentions), (SELECT count(*) FROM events), (SELECT count(*) FROM cross_conflicts)`).
		Scan(&st.Documents, &st.Sentences, &st.Mentions, &st.Events, &st.Conflicts)
	if err != nil {
		return st, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

// Check runs SQLite's integrity check and verifies that every stored
// document has all its records (the counts written with it) and every
// mention belongs to a merged event, all in one snapshot: it may run while
// another process writes.
func (s *Store) Check(ctx context.Context) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	// FTS5's own check reads the index structure a connection cached
	// in an earlier transaction; a full-text query first makes it
	// read the current one.
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'dyad'").Scan(&n); err != nil {
		return fmt.Errorf("store: check: %w", err)
	}
	var res string
	if err := tx.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("store: integrity check: %s", res)
	}
	var bad string
	err = tx.QueryRowContext(ctx, `SELECT d.id FROM documents d WHERE
		d.n_sentences != (SELECT count(*) FROM sentences WHERE doc_id = d.id) OR
		d.n_entities != (SELECT count(*) FROM entities WHERE doc_id = d.id) OR
		d.n_mentions != (SELECT count(*) FROM mentions WHERE doc_id = d.id) OR
		d.n_quotes != (SELECT count(*) FROM quotes WHERE doc_id = d.id) OR
		d.n_quantities != (SELECT count(*) FROM quantities WHERE doc_id = d.id) OR
		d.n_conflicts != (SELECT count(*) FROM doc_conflicts WHERE doc_id = d.id) OR
		d.n_sentences != (SELECT count(*) FROM sentence_fts WHERE rowid IN (SELECT rowid FROM sentences WHERE doc_id = d.id))
		LIMIT 1`).Scan(&bad)
	switch {
	case err == nil:
		return fmt.Errorf("store: document %q is incomplete", bad)
	case err != sql.ErrNoRows:
		return fmt.Errorf("store: check: %w", err)
	}
	var orphans int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.merged_id)`).Scan(&orphans); err != nil {
		return fmt.Errorf("store: check: %w", err)
	}
	if orphans > 0 {
		return fmt.Errorf("store: %d mentions belong to no merged event", orphans)
	}
	return nil
}
