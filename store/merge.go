package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"time"

	"dyad/quantity"
	"dyad/record"
)

// member is one mention as merging sees it.
type member struct {
	id, docID, date, event, mode, cameo string
	quad                                int
	goldstein, confidence               float64
	a, r                                Party
	isRoot                              bool
	sentence                            int
	location                            *record.Location
	sourceKey, docDate, url             string
}

// affected collects the merge keys whose merged events must be recomputed,
// with the range of dates touched; a nil range means every date.
type affected map[string]*[2]string

func (a affected) add(key, date string) {
	r, ok := a[key]
	switch {
	case !ok:
		a[key] = &[2]string{date, date}
	case r == nil:
	default:
		r[0], r[1] = min(r[0], date), max(r[1], date)
	}
}

// remerge recomputes the merged events and cross-article conflicts of the
// given merge keys from the mentions stored in tx.
func (s *Store) remerge(ctx context.Context, tx *writer, keys affected) error {
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, key := range sorted {
		if err := s.remergeKey(ctx, tx, key, keys[key]); err != nil {
			return fmt.Errorf("store: merge %q: %w", key, err)
		}
	}
	return nil
}

const insertEvent = `INSERT INTO events (id, key, date, last_date, first_seen, last_seen, event, mode, cameo, quad, goldstein,
	actor_cameo, actor_country, actor_sector, actor_name, recipient_cameo, recipient_country, recipient_sector, recipient_name,
	location, num_mentions, num_sources, num_articles, is_root, confidence, source_url)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// remergeKey recomputes the merged events of one key whose mentions on
// the dates in span (nil: any date) changed. Merged events are single-
// linkage chains, so only the chain around the changed dates can change:
// the span is widened while a mention lies within the window of its ends,
// and the events meeting that span are recomputed from its mentions.
func (s *Store) remergeKey(ctx context.Context, tx *writer, key string, span *[2]string) error {
	lo, hi := "", "9999-12-31"
	if span != nil && span[0] != "" {
		lo, hi = span[0], span[1]
		for {
			var d sql.NullString
			if err := tx.queryRow(ctx, "SELECT max(date) FROM mentions WHERE merge_key = ? AND date < ? AND date >= ?",
				key, lo, addDays(lo, -s.window)).Scan(&d); err != nil {
				return err
			}
			if !d.Valid {
				break
			}
			lo = d.String
		}
		for {
			var d sql.NullString
			if err := tx.queryRow(ctx, "SELECT min(date) FROM mentions WHERE merge_key = ? AND date > ? AND date <= ?",
				key, hi, addDays(hi, s.window)).Scan(&d); err != nil {
				return err
			}
			if !d.Valid {
				break
			}
			hi = d.String
		}
	}
	const meets = "key = ? AND last_date >= ? AND date <= ?"
	for _, q := range []string{"DELETE FROM cross_conflicts WHERE merged_id IN (SELECT id FROM events WHERE " + meets + ")",
		"DELETE FROM events WHERE " + meets} {
		if _, err := tx.exec(ctx, q, key, lo, hi); err != nil {
			return err
		}
	}
	rows, err := tx.query(ctx, `SELECT m.id, m.doc_id, m.date, m.event, m.mode, m.cameo, m.quad, m.goldstein, m.confidence,
		m.actor_cameo, m.actor_country, m.actor_sector, m.actor_name,
		m.recipient_cameo, m.recipient_country, m.recipient_sector, m.recipient_name,
		m.is_root, m.sentence, json_extract(m.record, '$.location'), d.source_key, d.date, d.url
		FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.merge_key = ? AND m.date >= ? AND m.date <= ?
		ORDER BY m.date, m.doc_id, m.id`, key, lo, hi)
	if err != nil {
		return err
	}
	var ms []member
	for rows.Next() {
		var m member
		var loc sql.NullString
		if err := rows.Scan(&m.id, &m.docID, &m.date, &m.event, &m.mode, &m.cameo, &m.quad, &m.goldstein, &m.confidence,
			&m.a.CAMEO, &m.a.Country, &m.a.Sector, &m.a.Name, &m.r.CAMEO, &m.r.Country, &m.r.Sector, &m.r.Name,
			&m.isRoot, &m.sentence, &loc, &m.sourceKey, &m.docDate, &m.url); err != nil {
			rows.Close()
			return err
		}
		if loc.Valid && loc.String != "" {
			var l record.Location
			if json.Unmarshal([]byte(loc.String), &l) == nil {
				m.location = &l
			}
		}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range cluster(ms, s.window) {
		e := aggregate(key, c)
		loc := ""
		if e.Location != nil {
			b, _ := json.Marshal(e.Location)
			loc = string(b)
		}
		if _, err := tx.exec(ctx, insertEvent, e.ID, key, e.Date, e.LastDate, e.FirstSeen, e.LastSeen, e.Event, e.Mode, e.CAMEO, e.QuadClass, e.Goldstein,
			e.Actor.CAMEO, e.Actor.Country, e.Actor.Sector, e.Actor.Name, e.Recipient.CAMEO, e.Recipient.Country, e.Recipient.Sector, e.Recipient.Name,
			loc, e.NumMentions, e.NumSources, e.NumArticles, e.IsRoot, e.Confidence, e.SourceURL); err != nil {
			return err
		}
		for _, m := range c {
			if _, err := tx.exec(ctx, "UPDATE mentions SET merged_id = ? WHERE id = ?", e.ID, m.id); err != nil {
				return err
			}
		}
		if err := crossConflicts(ctx, tx, key, e.ID, c); err != nil {
			return err
		}
	}
	return nil
}

// cluster splits mentions sorted by date, document and id into events:
// single linkage, so a mention joins the current event when its date is
// within window days of the previous mention's. Undated mentions (sorted
// first; their key holds their document) form one event. The result
// depends only on the set of mentions, not on the order they were stored
// in.
func cluster(ms []member, window int) [][]member {
	var out [][]member
	start := 0
	for i := 1; i <= len(ms); i++ {
		if i < len(ms) && near(ms[i-1], ms[i], window) {
			continue
		}
		out = append(out, ms[start:i])
		start = i
	}
	return out
}

func near(x, y member, window int) bool {
	a, b := x.date, y.date
	if a == "" || b == "" {
		return a == b
	}
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return a == b
	}
	return math.Abs(tb.Sub(ta).Hours()) <= float64(24*window)
}

// aggregate makes the merged event of one cluster (mentions in date, id
// order).
func aggregate(key string, c []member) Event {
	first := c[0]
	h := fnv.New64a()
	h.Write([]byte(key + "\x00" + first.id))
	e := Event{
		// 53 bits, so that the id survives JSON in a browser.
		ID: int64(h.Sum64() & (1<<53 - 1)), Key: key, Date: first.date, LastDate: c[len(c)-1].date,
		NumMentions: len(c), SourceURL: first.url,
	}
	if e.SourceURL == "" {
		e.SourceURL = first.docID
	}
	codes, actorNames, recipientNames := map[string]int{}, map[string]int{}, map[string]int{}
	sources, docs := map[string]bool{}, map[string]bool{}
	for _, m := range c {
		codes[m.cameo]++
		if m.a.Name != "" {
			actorNames[m.a.Name]++
		}
		if m.r.Name != "" {
			recipientNames[m.r.Name]++
		}
		sources[m.sourceKey] = true
		docs[m.docID] = true
		if m.docDate != "" && (e.FirstSeen == "" || m.docDate < e.FirstSeen) {
			e.FirstSeen = m.docDate
		}
		if m.docDate > e.LastSeen {
			e.LastSeen = m.docDate
		}
		e.IsRoot = e.IsRoot || m.isRoot
		e.Confidence = max(e.Confidence, m.confidence)
		if e.Location == nil && m.location != nil {
			e.Location = m.location
		}
	}
	e.CAMEO = mostFrequent(codes)
	for _, m := range c {
		if m.cameo == e.CAMEO {
			e.Event, e.Mode, e.QuadClass, e.Goldstein = m.event, m.mode, m.quad, m.goldstein
			e.Actor, e.Recipient = m.a, m.r
			break
		}
	}
	e.Actor.Name = mostFrequent(actorNames)
	e.Recipient.Name = mostFrequent(recipientNames)
	e.NumSources, e.NumArticles = len(sources), len(docs)
	for _, m := range c {
		e.Mentions = append(e.Mentions, m.id)
	}
	return e
}

// mostFrequent returns the most frequent key, the smallest on a tie.
func mostFrequent(m map[string]int) string {
	best, n := "", 0
	for k, c := range m {
		if c > n || (c == n && k < best) {
			best, n = k, c
		}
	}
	return best
}

// crossConflicts records counts of the same kind that articles attach to
// one merged event (in the sentences of its mentions) and that cannot both
// be true.
func crossConflicts(ctx context.Context, tx *writer, key string, id int64, c []member) error {
	type claim struct {
		ref ClaimRef
		q   record.Quantity
	}
	var claims []claim
	seen := map[string]bool{}
	for _, m := range c {
		k := fmt.Sprintf("%s\x00%d", m.docID, m.sentence)
		if seen[k] {
			continue
		}
		seen[k] = true
		rows, err := tx.query(ctx, `SELECT q.record, d.source FROM quantities q JOIN documents d ON d.id = q.doc_id
			WHERE q.doc_id = ? AND q.sentence = ? AND q.kind != '' ORDER BY q.ord`, m.docID, m.sentence)
		if err != nil {
			return err
		}
		for rows.Next() {
			var rec, source string
			if err := rows.Scan(&rec, &source); err != nil {
				rows.Close()
				return err
			}
			var q record.Quantity
			if json.Unmarshal([]byte(rec), &q) == nil {
				claims = append(claims, claim{ClaimRef{DocID: m.docID, Source: source, Quantity: q}, q})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for i := range claims {
		for j := i + 1; j < len(claims); j++ {
			a, b := claims[i], claims[j]
			if a.ref.DocID == b.ref.DocID || a.q.Kind != b.q.Kind || a.q.Unit != b.q.Unit || quantity.Overlaps(a.q, b.q) {
				continue
			}
			why := fmt.Sprintf("%s: %q (%s) and %s: %q (%s) do not overlap",
				who(a.ref), a.q.Text, quantity.RangeText(a.q), who(b.ref), b.q.Text, quantity.RangeText(b.q))
			refs, _ := json.Marshal([]ClaimRef{a.ref, b.ref})
			if _, err := tx.exec(ctx, "INSERT INTO cross_conflicts (key, merged_id, about, why, claims) VALUES (?, ?, ?, ?, ?)",
				key, id, a.q.Unit, why, string(refs)); err != nil {
				return err
			}
		}
	}
	return nil
}

func who(r ClaimRef) string {
	if r.Source != "" {
		return r.Source
	}
	return r.DocID
}

// addDays shifts a YYYY-MM-DD date by n days.
func addDays(date string, n int) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}
