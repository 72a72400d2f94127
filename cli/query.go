package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"dyad/record"
	"dyad/store"
)

// storeFlags are the flags of dyad query and dyad export: the database
// and the filters that select events.
type storeFlags struct {
	db string
	f  store.Filter
}

func (ff *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&ff.db, "db", "dyad.db", "the store's database `FILE`")
	fs.StringVar(&ff.f.From, "from", "", "events on or after `YYYY-MM-DD`")
	fs.StringVar(&ff.f.To, "to", "", "events on or before `YYYY-MM-DD`")
	fs.StringVar(&ff.f.Actor, "actor", "", "actor CAMEO code prefix (RUS, USAGOV) or part of a name")
	fs.StringVar(&ff.f.Recipient, "recipient", "", "recipient CAMEO code prefix or part of a name")
	fs.StringVar(&ff.f.Country, "country", "", "actor or recipient country (ISO alpha-3 or CAMEO code)")
	fs.StringVar(&ff.f.Type, "type", "", "PLOVER event `TYPE` (CONSULT, ASSAULT, ...)")
	fs.StringVar(&ff.f.CAMEO, "cameo", "", "CAMEO event `CODE` prefix (04 is the whole root)")
	fs.IntVar(&ff.f.QuadClass, "quad", 0, "quad `CLASS`: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
	fs.StringVar(&ff.f.Text, "text", "", "only events from sentences with all these `WORDS` (full-text search)")
	fs.StringVar(&ff.f.DocID, "doc", "", "only events reported by the document `ID`")
}

func openStoreRead(path string) (*store.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, usageError("--db %s: %v (create it with dyad ingest)", path, errors.Unwrap(err))
	}
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	return st, nil
}

func storeError(err error) error {
	if errors.Is(err, store.ErrBadFilter) {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	return err
}

func runQuery(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "query", "[flags]", `
Query the event store: merged events (each with how many mentions,
articles and sources reported it) or the raw event mentions, filtered by
date, actor, recipient, country, type and words of their sentences, or
counts of them grouped by day, week, month, dyad or type with the sum of
their Goldstein scores.

Output is a table on a terminal and JSONL otherwise (--format table, jsonl
or csv).

Examples:
  dyad query --actor USA --recipient RUS --from 2025-02-01
  dyad query --group-by dyad --limit 20
  dyad query --group-by day --type ASSAULT --country UKR --format csv
  dyad query --text "prisoner exchange" --mentions
  dyad query --conflicts`)
	format := fs.String("format", "", "output `FORMAT`: table, jsonl or csv (default: table on a terminal, else jsonl)")
	groupBy := fs.String("group-by", "", "count events by `KEY`: day, week, month, dyad, day-dyad or type")
	mentions := fs.Bool("mentions", false, "list event mentions (one per sentence that reports an event) instead of merged events")
	conflicts := fs.Bool("conflicts", false, "list the disagreements between articles (death tolls that cannot both be true)")
	limit := fs.Int("limit", 100, "print at most `N` rows (0: all)")
	order := fs.String("order", "date", "order events by date, -date, mentions, goldstein or -goldstein")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	var ff storeFlags
	ff.register(fs)
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("query takes no arguments (got %q); filters are flags", fs.Arg(0))
	}
	if *format == "" {
		*format = "jsonl"
		if *out == "" && isTerminal(env.Stdout) {
			*format = "table"
		}
	}
	switch *format {
	case "table", "jsonl", "csv":
	default:
		return usageError("--format %q: want table, jsonl or csv", *format)
	}
	if *limit < 0 {
		return usageError("--limit must be 0 or more")
	}
	st, err := openStoreRead(ff.db)
	if err != nil {
		return err
	}
	defer st.Close()
	w, closeOut, err := openOutput(env, *out)
	if err != nil {
		return err
	}
	t := newTable(w, *format)
	f := ff.f
	f.Order = *order
	switch {
	case *groupBy != "":
		err = queryCounts(ctx, st, f, *groupBy, *limit, t)
	case *conflicts:
		err = queryConflicts(ctx, st, f, t)
	default:
		err = queryEvents(ctx, st, f, *mentions, *limit, t)
	}
	if err == nil {
		err = t.flush()
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	return storeError(err)
}

// pages calls fetch with successive cursors until limit rows (0: all)
// have come or the pages end.
func pages(f store.Filter, limit int, fetch func(store.Filter) (int, string, error)) error {
	got := 0
	for {
		f.Limit = store.MaxLimit
		if limit > 0 {
			f.Limit = min(store.MaxLimit, limit-got)
		}
		n, next, err := fetch(f)
		if err != nil {
			return err
		}
		got += n
		if next == "" || (limit > 0 && got >= limit) {
			return nil
		}
		f.After = next
	}
}

func queryEvents(ctx context.Context, st *store.Store, f store.Filter, mentions bool, limit int, t *table) error {
	if mentions {
		t.header("id", "date", "cameo", "event", "mode", "actor", "recipient", "reported_by", "merged_id", "source", "text")
		return pages(f, limit, func(f store.Filter) (int, string, error) {
			ms, next, err := st.Mentions(ctx, f)
			for _, m := range ms {
				rep := ""
				if m.ReportedBy != nil {
					rep = m.ReportedBy.CAMEO
				}
				t.row(m, m.ID, m.Date, m.CAMEO, m.Event.Event, m.Mode, actorCode(m.Actor), actorCode(m.Recipient), rep,
					strconv.FormatInt(m.MergedID, 10), m.Source, m.Text)
			}
			return len(ms), next, err
		})
	}
	t.header("id", "date", "cameo", "event", "mode", "actor", "recipient", "goldstein", "mentions", "sources", "articles", "actor_name", "recipient_name")
	return pages(f, limit, func(f store.Filter) (int, string, error) {
		evs, next, err := st.Events(ctx, f)
		for _, e := range evs {
			t.row(e, strconv.FormatInt(e.ID, 10), e.Date, e.CAMEO, e.Event, e.Mode, e.Actor.CAMEO, e.Recipient.CAMEO,
				strconv.FormatFloat(e.Goldstein, 'f', -1, 64), strconv.Itoa(e.NumMentions), strconv.Itoa(e.NumSources),
				strconv.Itoa(e.NumArticles), e.Actor.Name, e.Recipient.Name)
		}
		return len(evs), next, err
	})
}

func queryCounts(ctx context.Context, st *store.Store, f store.Filter, by string, limit int, t *table) error {
	cs, err := st.Counts(ctx, f, by)
	if err != nil {
		return err
	}
	if by == "dyad" || by == "type" {
		// The biggest first.
		slices.SortStableFunc(cs, func(a, b store.Count) int { return b.Events - a.Events })
	}
	if limit > 0 && len(cs) > limit {
		cs = cs[:limit]
	}
	cols := []string{by, "events", "mentions", "goldstein"}
	if by == "day" || by == "week" || by == "month" {
		cols = []string{by, "quad_class", "events", "mentions", "goldstein"}
	}
	t.header(cols...)
	for _, c := range cs {
		vals := []string{c.Group, strconv.Itoa(c.Events), strconv.Itoa(c.Mentions), strconv.FormatFloat(c.Goldstein, 'f', -1, 64)}
		if len(cols) == 5 {
			vals = append([]string{c.Group, strconv.Itoa(c.QuadClass)}, vals[1:]...)
		}
		t.row(c, vals...)
	}
	return nil
}

func queryConflicts(ctx context.Context, st *store.Store, f store.Filter, t *table) error {
	cs, err := st.Conflicts(ctx, f)
	if err != nil {
		return err
	}
	t.header("merged_id", "about", "why")
	for _, c := range cs {
		t.row(c, strconv.FormatInt(c.MergedID, 10), c.About, c.Why)
	}
	return nil
}

// table writes rows as an aligned terminal table, CSV, or JSONL (the
// record itself).
type table struct {
	w      io.Writer
	format string
	tw     *tabwriter.Writer
	cw     *csv.Writer
	rows   int
}

func newTable(w io.Writer, format string) *table {
	t := &table{w: w, format: format}
	switch format {
	case "table":
		t.tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	case "csv":
		t.cw = csv.NewWriter(w)
	}
	return t
}

func (t *table) header(cols ...string) {
	switch t.format {
	case "table":
		fmt.Fprintln(t.tw, strings.ToUpper(strings.Join(cols, "\t")))
	case "csv":
		t.cw.Write(cols)
	}
}

func (t *table) row(rec any, vals ...string) {
	t.rows++
	switch t.format {
	case "table":
		for i, v := range vals {
			v = strings.Map(func(r rune) rune {
				if r == '\t' || r == '\n' || r == '\r' {
					return ' '
				}
				return r
			}, v)
			if r := []rune(v); len(r) > 60 {
				v = string(r[:57]) + "..."
			}
			vals[i] = v
		}
		fmt.Fprintln(t.tw, strings.Join(vals, "\t"))
	case "csv":
		t.cw.Write(vals)
	default:
		var buf bytes.Buffer
		writeJSONLine(&buf, rec)
		t.w.Write(buf.Bytes())
	}
}

func (t *table) flush() error {
	switch t.format {
	case "table":
		if t.rows == 0 {
			fmt.Fprintln(t.tw, "(no rows)")
		}
		return t.tw.Flush()
	case "csv":
		t.cw.Flush()
		return t.cw.Error()
	}
	return nil
}

// actorCode is an actor's CAMEO code, "" for none.
func actorCode(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.CAMEO
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
