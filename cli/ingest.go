package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"dyad/doc"
	"dyad/engine"
	"dyad/input"
	"dyad/store"
)

func runIngest(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "ingest", "[flags] [FILE|DIR|-]...", `
Code articles and add them to the event store, an SQLite database file
(dyad.db by default; created when missing). Each article is stored whole
or not at all — its text, sentences (with a full-text index), entities,
event mentions, quotes, quantities and conflicts — and the merged events
its mentions belong to are updated in the same transaction.

Articles already stored with the same id and content (text, date, source,
URL, title) are skipped without being coded again, so a run that was
interrupted can simply be run again; an article whose content changed
replaces its old version. Inputs are read as by dyad code.

Merging: event mentions with the same actor code, recipient code and CAMEO
root whose dates are within --window days of each other (a chain of
reports a day apart counts as one event) become one merged event, counted
as GDELT does: mentions, distinct sources (publishers) and articles. Counts
of victims that articles attach to one merged event and that cannot both
be true are listed as conflicts (dyad query --conflicts).

Examples:
  dyad ingest examples/
  dyad ingest --db news.db --date 2025-02-12 articles/
  dyad ingest --db news.db --rebuild          # recompute every merged event
  dyad query --db news.db --group-by dyad`)
	var cf commonFlags // without -o: the output is the database
	fs.StringVar(&cf.date, "date", "", "publication date (`YYYY-MM-DD`) of articles whose input gives none")
	fs.IntVar(&cf.workers, "workers", runtime.NumCPU(), "code `N` articles in parallel (they are stored in input order)")
	fs.BoolVar(&cf.quiet, "quiet", false, "print no progress bar, no per-input diagnostics and no summary")
	fs.StringVar(&cf.models, "models", "", "read the models from `DIR` (as written by dyad train) instead of the built-in ones")
	dbPath := fs.String("db", "dyad.db", "the store's database `FILE`")
	rebuild := fs.Bool("rebuild", false, "recompute every merged event from the stored mentions (after ingesting any inputs given)")
	force := fs.Bool("force", false, "code and store every article again, even those stored unchanged (after upgrading dyad)")
	window := fs.Int("window", 1, "merge mentions whose dates are at most `DAYS` apart")
	batch := fs.Int("batch", 32, "store `N` articles a transaction (a batch is also written after a second)")
	minConf := fs.Float64("min-confidence", defaultMinConfidence, "leave out events whose `confidence` is lower")
	negated := fs.Bool("include-negated", false, "also store events the text denies")
	var dicts dictFlags
	dicts.register(fs)
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if err := cf.check(); err != nil {
		return err
	}
	if *window < 0 || *batch < 1 {
		return usageError("--window must be 0 or more and --batch at least 1")
	}
	st, err := store.Open(*dbPath, store.Options{Window: max(*window, 1)})
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	defer st.Close()
	if *rebuild && fs.NArg() == 0 {
		return rebuildStore(ctx, env, cf, st)
	}
	known, err := st.Hashes(ctx)
	if err != nil {
		return err
	}
	eng, err := dicts.engine(env, cf.models)
	if err != nil {
		return err
	}

	// Coded articles go, in input order, to a writer goroutine that stores
	// them a batch at a time, so coding goes on while a batch is written.
	type coded struct {
		in      *store.Input // nil: unchanged or failed
		skipped string       // why a failed article was skipped
	}
	var total store.PutStats
	// Batches already coded are stored even after an interrupt.
	writeCtx := context.WithoutCancel(ctx)
	batches := make(chan []store.Input, 1)
	writeErr := make(chan error, 1)
	go func() {
		var err error
		for b := range batches {
			if err != nil {
				continue
			}
			var ps store.PutStats
			ps, err = st.Put(writeCtx, b)
			total.Stored += ps.Stored
			total.Replaced += ps.Replaced
			total.Unchanged += ps.Unchanged
			total.Failed = append(total.Failed, ps.Failed...)
			for _, f := range ps.Failed {
				fmt.Fprintf(env.Stderr, "dyad: %s: not stored: %v\n", f.ID, f.Err)
			}
		}
		writeErr <- err
	}()
	var pending []store.Input
	last := time.Now()
	unchanged, failed := 0, 0
	flush := func() {
		if len(pending) > 0 {
			batches <- pending
			pending = nil
		}
		last = time.Now()
	}
	start := time.Now()
	nTotal := 0
	if !cf.quiet {
		nTotal = input.Count(fs.Args())
	}
	stats, err := eachArticle(ctx, env, cf, fs.Args(), nTotal, func(a doc.Article) (c coded) {
		h := store.HashArticle(a)
		if !*force && known[a.ID] == h {
			return coded{}
		}
		defer func() {
			// The engine is fuzzed not to panic; should an article still
			// make it, that article is skipped and the run goes on.
			if r := recover(); r != nil {
				c = coded{skipped: fmt.Sprintf("%s: skipped, dyad failed on it: %v\n%s", a.Origin, r, debug.Stack())}
			}
		}()
		d := eng.Code(a, engine.Options{}).Doc
		engine.KeepEvents(&d, *minConf, *negated)
		return coded{in: &store.Input{Doc: d, Text: a.Text, Hash: h, Replace: *force}}
	}, func(c coded) error {
		switch {
		case c.skipped != "":
			failed++
			fmt.Fprintf(env.Stderr, "dyad: %s\n", c.skipped)
		case c.in == nil:
			unchanged++
		default:
			pending = append(pending, *c.in)
		}
		if len(pending) >= *batch || time.Since(last) > time.Second {
			flush()
		}
		select {
		case err := <-writeErr:
			writeErr <- err // the writer has stopped: report it below
			if err != nil {
				return err
			}
		default:
		}
		return nil
	})
	flush()
	close(batches)
	if werr := <-writeErr; werr != nil && (err == nil || ctx.Err() != nil) {
		err = werr
	}
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return &ExitError{Code: ExitSkipped, Err: fmt.Errorf("interrupted: %d articles stored in this run (%d unchanged); run the same command again to go on",
			total.Stored+total.Replaced, unchanged+total.Unchanged)}
	}
	if err != nil {
		return err
	}
	if *rebuild {
		if err := rebuildStore(ctx, env, cf, st); err != nil {
			return err
		}
	}
	stats.skipped += failed + len(total.Failed)
	if !cf.quiet {
		sum, serr := st.Stats(ctx)
		if serr != nil {
			return serr
		}
		secs := time.Since(start).Seconds()
		size := ""
		if fi, err := os.Stat(*dbPath); err == nil {
			size = fmt.Sprintf(", %.1f MB", float64(fi.Size())/(1<<20))
		}
		fmt.Fprintf(env.Stderr, "dyad: %d articles in %.1fs (%.1f/s): %d new, %d replaced, %d unchanged, %d skipped\n",
			stats.articles, secs, float64(stats.articles)/secs, total.Stored, total.Replaced, unchanged+total.Unchanged, stats.skipped)
		fmt.Fprintf(env.Stderr, "dyad: %s holds %d documents, %d event mentions, %d merged events, %d conflicts%s\n",
			*dbPath, sum.Documents, sum.Mentions, sum.Events, sum.Conflicts, size)
	}
	if stats.articles == 0 && stats.skipped == 0 {
		return nil // nothing new is not an error for a store
	}
	return stats.exit("ingest")
}

func rebuildStore(ctx context.Context, env Env, cf commonFlags, st *store.Store) error {
	start := time.Now()
	if err := st.Rebuild(ctx); err != nil {
		return err
	}
	if !cf.quiet {
		sum, err := st.Stats(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "dyad: rebuilt %d merged events from %d mentions in %.1fs\n", sum.Events, sum.Mentions, time.Since(start).Seconds())
	}
	return nil
}
