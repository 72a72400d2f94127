package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"dyad/doc"
	"dyad/examples"
	"dyad/input"
	"dyad/server"
	"dyad/store"
)

func runServe(ctx context.Context, env Env, args []string) error {
	fset := newFlagSet(env, "serve", "[flags] [FILE|DIR...]", `
Serve the event store over HTTP: a JSON API under /api (described by the
OpenAPI document at /api/openapi.json) and a web UI at /, to browse events,
their timeline, the actor pairs and every article with its annotations.

Reading is open to anyone who can connect, so the server listens on the
loopback interface unless --addr says otherwise. Storing articles (POST
/api/documents) needs a token: start the server with --token or with the
environment variable DYAD_TOKEN set, and send the header
"Authorization: Bearer TOKEN". Without a token the server takes no writes.
POST /api/code codes articles without storing them and needs no token.

FILE|DIR arguments (read as by dyad code) are coded and stored before the
server starts. --demo serves a temporary database, removed on exit, that
holds dyad's example articles and the files given: one command to see a
populated UI.

The server stops on Ctrl-C (SIGINT) or SIGTERM, letting requests in
flight finish. One log line a request goes to standard error.

Examples:
  dyad serve --demo
  dyad serve --db news.db
  DYAD_TOKEN=$(openssl rand -hex 16) dyad serve --db news.db
  curl -H "Authorization: Bearer $DYAD_TOKEN" --data-binary @articles.jsonl http://127.0.0.1:8080/api/documents
  curl 'http://127.0.0.1:8080/api/events?actor=RUS&from=2025-02-01'`)
	var cf commonFlags // the ones that apply: no -o, and --quiet means no request log
	fset.StringVar(&cf.date, "date", "", "publication date (`YYYY-MM-DD`) of FILE|DIR articles whose input gives none")
	fset.IntVar(&cf.workers, "workers", runtime.NumCPU(), "code `N` articles at once (the demo, FILE|DIR and posted articles)")
	fset.BoolVar(&cf.quiet, "quiet", false, "log no requests, only warnings and errors")
	fset.StringVar(&cf.models, "models", "", "read the models from `DIR` (as written by dyad train) instead of the built-in ones")
	dbPath := fset.String("db", "dyad.db", "the store's database `FILE` (created when missing)")
	addr := fset.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT` (a port of 0 picks a free one)")
	token := fset.String("token", "", "the `TOKEN` writes must carry (default: $DYAD_TOKEN; none: writes are refused)")
	demo := fset.Bool("demo", false, "serve a temporary database holding the example articles (and the files given)")
	window := fset.Int("window", 1, "merge mentions whose dates are at most `DAYS` apart")
	minConf := fset.Float64("min-confidence", defaultMinConfidence, "leave out coded events whose `confidence` is lower")
	maxBody := fset.Int64("max-body", server.DefaultMaxBody, "the largest request body accepted, in `BYTES`")
	timeout := fset.Duration("query-timeout", server.DefaultQueryTimeout, "give up on a store query after `DURATION`")
	var dicts dictFlags
	dicts.register(fset)
	if err := parseFlags(fset, env, args); err != nil {
		return err
	}
	if err := cf.check(); err != nil {
		return err
	}
	set := map[string]bool{}
	fset.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case *demo && set["db"]:
		return usageError("--demo serves a temporary database: leave out --db")
	case *window < 0 || *maxBody < 1 || *timeout <= 0:
		return usageError("--window must be 0 or more, --max-body and --query-timeout more than 0")
	case slices.Contains(fset.Args(), "-"):
		return usageError("dyad serve reads no standard input: give files or directories")
	}
	if *token == "" {
		*token = os.Getenv("DYAD_TOKEN")
	}
	logLevel := slog.LevelInfo
	if cf.quiet {
		logLevel = slog.LevelWarn
	}
	logger := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: logLevel}))

	if !isLoopback(*addr) {
		fmt.Fprintf(env.Stderr, "dyad: warning: --addr %s is not a loopback address: anyone who can reach it can read the store\n", *addr)
	}
	// Listen first, so that a port in use is reported before any work.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	defer ln.Close()

	path := *dbPath
	if *demo {
		dir, err := os.MkdirTemp("", "dyad-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "demo.db")
	}
	st, err := store.Open(path, store.Options{Window: max(*window, 1)})
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	defer st.Close()
	eng, err := dicts.engine(env, cf.models)
	if err != nil {
		return err
	}

	var arts []doc.Article
	if *demo {
		if arts, err = exampleArticles(); err != nil {
			return err
		}
	}
	skipped := 0
	if fset.NArg() > 0 {
		opts := input.Options{Date: cf.date, OnDiagnostic: func(d doc.Diagnostic) {
			skipped++
			fmt.Fprintf(env.Stderr, "dyad: %s\n", d)
		}}
		if _, err := input.Read(ctx, fset.Args(), nil, opts, func(a doc.Article) error {
			arts = append(arts, a)
			return nil
		}); err != nil {
			return err
		}
		if skipped > 0 && len(arts) == 0 {
			return usageError("serve: nothing could be read (%s skipped)", plural(skipped, "input"))
		}
	}
	if len(arts) > 0 {
		docs, err := server.Code(ctx, eng, arts, *minConf, cf.workers)
		if err != nil {
			return err
		}
		ps, err := st.Put(ctx, docs)
		if err != nil {
			return err
		}
		for _, f := range ps.Failed {
			skipped++
			fmt.Fprintf(env.Stderr, "dyad: %s: not stored: %v\n", f.ID, f.Err)
		}
		fmt.Fprintf(env.Stderr, "dyad: coded %s: %d new, %d replaced, %d unchanged\n",
			plural(len(arts), "article"), ps.Stored, ps.Replaced, ps.Unchanged)
	}

	srv, err := server.New(server.Config{Store: st, Engine: eng, Token: *token, MinConfidence: *minConf,
		MaxBody: *maxBody, QueryTimeout: *timeout, Workers: cf.workers, Logger: logger})
	if err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	writes := "writes need the token"
	if *token == "" {
		writes = "writes are off (no --token or DYAD_TOKEN)"
	}
	fmt.Fprintf(env.Stderr, "dyad: serving http://%s (%s, %s; %s)\n", ln.Addr(),
		plural(stats.Documents, "document"), plural(stats.Events, "event"), writes)
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "dyad: stopped\n")
	if skipped > 0 {
		return &ExitError{Code: ExitSkipped, Err: fmt.Errorf("serve: %s skipped", plural(skipped, "input"))}
	}
	return nil
}

// exampleArticles reads the example articles embedded in the binary.
func exampleArticles() ([]doc.Article, error) {
	var arts []doc.Article
	err := fs.WalkDir(examples.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(examples.FS, p)
		if err != nil {
			return err
		}
		a, diags := input.ReadText(p, data, input.Options{})
		if len(diags) > 0 {
			return fmt.Errorf("example %s: %v", p, diags[0])
		}
		arts = append(arts, a)
		return nil
	})
	if err == nil && len(arts) == 0 {
		err = errors.New("no example articles in this binary")
	}
	return arts, err
}

// isLoopback reports whether addr's host is a loopback address or
// localhost; an empty host (all interfaces) is not.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
