// Package cli implements the dyad command line: one function per
// subcommand, each with its own flag set, all thin layers over the library
// packages. cmd/dyad only calls Run.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// Version is dyad's version.
const Version = "0.3.0-dev"

// Exit codes, as the contract in the README defines them.
const (
	ExitOK      = 0 // everything was read
	ExitSkipped = 1 // some inputs were skipped (each reported on stderr)
	ExitUsage   = 2 // usage error, or nothing could be read
)

// ExitError carries the process exit code of a failed run.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// usageError returns an ExitUsage error.
func usageError(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// Code returns the exit code for err: 0 for nil, the code of an ExitError,
// 2 for flag.ErrHelp handled as usage, and 1 otherwise.
func Code(err error) int {
	if err == nil {
		return ExitOK
	}
	var e *ExitError
	if errors.As(err, &e) {
		return e.Code
	}
	return ExitSkipped
}

// Env is what a command runs with: its arguments and standard streams.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, env Env, args []string) error
}

func commands() []command {
	return []command{
		{"code", "[flags] [FILE|DIR|-]...", "code events: who did what to whom, in CAMEO and PLOVER", runCode},
		{"parse", "[flags] [FILE|DIR|-]...", "split, tag, lemmatize and parse articles; print CoNLL-U", runParse},
		{"eval", "--parser FILE.conllu", "score the tokenizer, tagger and parser on a treebank", runEval},
		{"ingest", "[flags] [FILE|DIR|-]...", "code articles and add them to the event store (SQLite)", runIngest},
		{"export", "--format FORMAT [flags]", "write the store's events as GDELT 2.0 TSV, CSV, Parquet or JSONL", runExport},
		{"query", "[flags]", "query the event store: events, counts by day/dyad/type, conflicts", runQuery},
		{"serve", "[flags] [FILE|DIR...]", "serve the JSON API and the web UI over the event store", runServe},
		{"train", "[flags]", "rebuild the statistical models from the UD treebanks", runTrain},
		{"version", "", "print the version", runVersion},
	}
}

// Run runs the dyad command line with args (without the program name).
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	env := Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return &ExitError{Code: ExitUsage, Err: errors.New("no command given")}
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return Run(ctx, []string{args[1], "--help"}, stdin, stdout, stderr)
		}
		usage(stdout)
		return nil
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			err := c.run(ctx, env, args[1:])
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	usage(stderr)
	return usageError("unknown command %q", name)
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "dyad reads news and says who did what to whom.\n\nUsage:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  dyad %-8s %-28s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintf(w, "\nRun 'dyad COMMAND --help' for the flags of a command.\n")
}

// newFlagSet returns a flag set whose usage message shows the command's
// synopsis, explanation and flags, written to env.Stderr (or Stdout for
// --help).
func newFlagSet(env Env, name, synopsis, explain string) *flag.FlagSet {
	fs := flag.NewFlagSet("dyad "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: dyad %s %s\n\n%s\n\nFlags:\n", name, synopsis, strings.TrimSpace(explain))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; --help prints the usage on stdout.
func parseFlags(fs *flag.FlagSet, env Env, args []string) error {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(env.Stdout)
			fs.Usage()
			return flag.ErrHelp
		}
		if a == "--" {
			break
		}
	}
	// Flags may come after arguments ("dyad parse DIR -o out"): parse,
	// set the first argument aside, and go on until only arguments are left
	// or "--" ends the flags.
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return &ExitError{Code: ExitUsage, Err: err}
		}
		left := fs.Args()
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			rest = append(rest, left...)
			break
		}
		if len(left) == 0 {
			break
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
	return fs.Parse(append([]string{"--"}, rest...))
}

func runVersion(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "version", "", "Print dyad's version and the Go version it was built with.")
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " (" + s.Value[:12] + ")"
			}
		}
	}
	fmt.Fprintf(env.Stdout, "dyad %s%s %s %s/%s\n", Version, rev, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
