package cli

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
	"dyad/input"
	"dyad/pipeline"
)

// commonFlags are the flags every article-reading command shares.
type commonFlags struct {
	date    string
	out     string
	workers int
	quiet   bool
	models  string
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.date, "date", "", "publication date (`YYYY-MM-DD`) of articles whose input gives none")
	fs.StringVar(&c.out, "o", "", "write output to `FILE` instead of standard output")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "process `N` articles in parallel (output keeps the input order)")
	fs.BoolVar(&c.quiet, "quiet", false, "print no progress line and no per-input diagnostics")
	fs.StringVar(&c.models, "models", "", "read the models from `DIR` (as written by dyad train) instead of the built-in ones")
}

func (c *commonFlags) check() error {
	if c.date != "" {
		if _, err := time.Parse("2006-01-02", c.date); err != nil {
			return usageError("--date %q: want YYYY-MM-DD", c.date)
		}
	}
	if c.workers < 1 {
		return usageError("--workers must be at least 1, got %d", c.workers)
	}
	return nil
}

func loadPipeline(dir string) (*pipeline.Pipeline, error) {
	if dir != "" {
		return pipeline.LoadDir(dir)
	}
	return pipeline.Default()
}

// openOutput returns the writer for -o (or stdout) and a function that
// flushes and closes it.
func openOutput(env Env, path string) (io.Writer, func() error, error) {
	if path == "" || path == "-" {
		bw := bufio.NewWriterSize(env.Stdout, 1<<16)
		return bw, bw.Flush, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, &ExitError{Code: ExitUsage, Err: err}
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	return bw, func() error {
		if err := bw.Flush(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}, nil
}

func runParse(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "parse", "[flags] [FILE|DIR|-]...", `
Split articles into sentences and tokens, tag each word with its Universal
and Penn Treebank part of speech and lemma, and parse it into Universal
Dependencies relations. The output is CoNLL-U: one block per sentence with
"# sent_id" and "# text", and TokenRange=START:END in the MISC column giving
each token's byte offsets in the article text.

Input is any mix of plain-text files (optional "Date:", "Source:", "URL:",
"Title:" header lines, then a blank line), JSONL files (one {"id", "date",
"text", ...} object a line), HTML files and directories (searched
recursively); "-" or no argument reads JSONL on standard input. Bad input is
reported with its file and line and skipped (exit code 1).

Examples:
  dyad parse examples/
  echo '{"text": "Mr. Putin invited Mr. Trump to Moscow."}' | dyad parse`)
	var cf commonFlags
	cf.register(fs)
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if err := cf.check(); err != nil {
		return err
	}
	p, err := loadPipeline(cf.models)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	out, closeOut, err := openOutput(env, cf.out)
	if err != nil {
		return err
	}
	st, err := processArticles(ctx, env, cf, fs.Args(), func(a doc.Article, buf *bytes.Buffer) {
		writeCoNLLU(buf, a, p.Annotate(a.Text))
	}, out)
	if cerr := closeOut(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return st.exit("parse")
}

// runStats summarises a run over articles.
type runStats struct {
	articles, skipped int
}

func (s runStats) exit(cmd string) error {
	switch {
	case s.articles == 0 && s.skipped > 0:
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: nothing could be read (%s skipped)", cmd, plural(s.skipped, "input"))}
	case s.articles == 0:
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: no articles found", cmd)}
	case s.skipped > 0:
		return &ExitError{Code: ExitSkipped, Err: fmt.Errorf("%s: %s skipped, %s done", cmd, plural(s.skipped, "input"), plural(s.articles, "article"))}
	}
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// processArticles reads articles from paths, runs work on each with
// cf.workers goroutines, and writes the results to out in input order.
// Diagnostics go to stderr as they are found; a progress line is shown when
// stderr is a terminal and the run takes more than a second.
func processArticles(ctx context.Context, env Env, cf commonFlags, paths []string, work func(doc.Article, *bytes.Buffer), out io.Writer) (runStats, error) {
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	return eachArticle(ctx, env, cf, paths, 0, func(a doc.Article) *bytes.Buffer {
		buf := pool.Get().(*bytes.Buffer)
		buf.Reset()
		work(a, buf)
		return buf
	}, func(b *bytes.Buffer) error {
		_, err := out.Write(b.Bytes())
		pool.Put(b)
		return err
	})
}

// eachArticle reads articles from paths, runs work on each with cf.workers
// goroutines, and hands the results to sink in input order; the first
// error from sink stops the run. total, when known (> 0), lets the
// progress line show how far the run is and when it will end.
func eachArticle[R any](ctx context.Context, env Env, cf commonFlags, paths []string, total int, work func(doc.Article) R, sink func(R) error) (runStats, error) {
	type job struct {
		seq int
		a   doc.Article
	}
	type result struct {
		seq int
		r   R
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, 2*cf.workers)
	results := make(chan result, 2*cf.workers)
	var wg sync.WaitGroup
	for i := 0; i < cf.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j.seq, work(j.a)}
			}
		}()
	}
	// Diagnostics come from the reading goroutine only, and the loop below
	// reads st.skipped after that goroutine has finished (it closes jobs).
	var st runStats
	prog := newProgress(env.Stderr, cf.quiet)
	prog.total = total
	opts := input.Options{Date: cf.date, OnDiagnostic: func(d doc.Diagnostic) {
		st.skipped++
		if !cf.quiet {
			prog.clear()
			fmt.Fprintf(env.Stderr, "dyad: %s\n", d)
		}
	}}
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		_, readErr = input.Read(ctx, paths, env.Stdin, opts, func(a doc.Article) error {
			select {
			case jobs <- job{seq, a}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]R{}
	next := 0
	var writeErr error
	for r := range results {
		pending[r.seq] = r.r
		for {
			v, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if writeErr == nil {
				if err := sink(v); err != nil {
					writeErr = err
					cancel()
				}
			}
			next++
			st.articles++
			prog.update(st.articles)
		}
	}
	prog.done(st.articles)
	if writeErr != nil {
		return st, writeErr
	}
	if readErr != nil && ctx.Err() == nil {
		return st, readErr
	}
	return st, ctx.Err()
}

// progress prints "N articles, R/s" on a terminal, at most every 200 ms,
// once a run has lasted a second.
type progress struct {
	w     io.Writer
	on    bool
	total int // articles expected, 0 when unknown
	start time.Time
	last  time.Time
	shown bool
	mu    sync.Mutex
}

func newProgress(w io.Writer, quiet bool) *progress {
	return &progress{w: w, start: time.Now(), on: !quiet && isTerminal(w)}
}

func (p *progress) update(n int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	rate := float64(n) / now.Sub(p.start).Seconds()
	if p.total > 0 && n <= p.total && rate > 0 {
		const width = 24
		done := width * n / p.total
		eta := time.Duration(float64(p.total-n) / rate * float64(time.Second)).Round(time.Second)
		fmt.Fprintf(p.w, "\r[%s%s] %d/%d articles, %.1f/s, ETA %s   ", strings.Repeat("=", done), strings.Repeat(" ", width-done), n, p.total, rate, eta)
		return
	}
	fmt.Fprintf(p.w, "\r%d articles, %.1f/s   ", n, rate)
}

func (p *progress) clear() {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 80))
		p.shown = false
	}
}

func (p *progress) done(n int) {
	if p.on && p.shown {
		p.clear()
		fmt.Fprintf(p.w, "%d articles in %.1fs\n", n, time.Since(p.start).Seconds())
	}
}

// writeCoNLLU writes the annotated sentences of one article as CoNLL-U.
func writeCoNLLU(w *bytes.Buffer, a doc.Article, sents []doc.Sentence) {
	w.WriteString("# newdoc id = ")
	w.WriteString(oneLine(a.ID))
	w.WriteByte('\n')
	for i, s := range sents {
		fmt.Fprintf(w, "# sent_id = %s-%d\n# text = %s\n", oneLine(a.ID), i+1, oneLine(a.Text[s.Span.Start:s.Span.End]))
		for _, t := range s.Tokens {
			space := spaceAt(a.Text, t.Span.End)
			if t.Last-t.First > 1 {
				fmt.Fprintf(w, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", t.First+1, t.Last, field(a.Text[t.Span.Start:t.Span.End]), misc(t.Span, space))
				for k := t.First; k < t.Last; k++ {
					writeWord(w, k, s.Words[k], "TokenRange="+strconv.Itoa(s.Words[k].Span.Start)+":"+strconv.Itoa(s.Words[k].Span.End))
				}
				continue
			}
			writeWord(w, t.First, s.Words[t.First], misc(t.Span, space))
		}
		w.WriteByte('\n')
	}
}

// spaceAt reports whether text has white space (or ends) at byte i.
func spaceAt(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

func misc(sp doc.Span, spaceAfter bool) string {
	m := "TokenRange=" + strconv.Itoa(sp.Start) + ":" + strconv.Itoa(sp.End)
	if !spaceAfter {
		m = "SpaceAfter=No|" + m
	}
	return m
}

func writeWord(w *bytes.Buffer, i int, wd doc.Word, misc string) {
	fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", i+1, field(wd.Form), field(wd.Lemma),
		field(wd.UPOS), field(wd.XPOS), wd.Head, field(wd.Deprel), misc)
}

// field makes s safe for a CoNLL-U column: no tabs or newlines, never empty.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

// oneLine replaces line breaks so that s fits in a comment line.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\n\r") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}
