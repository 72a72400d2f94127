package cli

import (
	"context"
	"fmt"
	"strings"

	"dyad/export"
	"dyad/store"
)

func runExport(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "export", "--format FORMAT [flags]", `
Write the event store's merged events, or its event mentions, in a format
other tools load:

  gdelt             GDELT 2.0 event table: tab-separated, no header, the 61
                    columns of the GDELT 2.0 event codebook in order (what
                    dyad does not know is left empty; see export/GDELT.md)
  gdelt-mentions    GDELT 2.0 mentions table (16 columns)
  csv, csv-mentions        comma-separated with a header line
  parquet, parquet-mentions  Apache Parquet, zstd-compressed
  jsonl, jsonl-mentions    one JSON object a line

The filters of dyad query apply.

Examples:
  dyad export --format gdelt -o events.tsv
  dyad export --format parquet --from 2025-01-01 -o events.parquet
  dyad export --format csv-mentions --actor RUS --type ASSAULT`)
	format := fs.String("format", "", "output `FORMAT`: "+strings.Join(export.Formats, ", "))
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	var ff storeFlags
	ff.register(fs)
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("export takes no arguments (got %q); filters are flags", fs.Arg(0))
	}
	if *format == "" {
		return usageError("--format is required: one of %s", strings.Join(export.Formats, ", "))
	}
	if strings.HasPrefix(*format, "parquet") && *out == "" && isTerminal(env.Stdout) {
		return usageError("Parquet is binary: give -o FILE or redirect standard output")
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
	ew, err := export.New(*format, w)
	if err != nil {
		closeOut()
		return usageError("%v", err)
	}
	n := 0
	err = pages(ff.f, 0, func(f store.Filter) (int, string, error) {
		if export.IsMentions(*format) {
			ms, next, err := st.Mentions(ctx, f)
			for _, m := range ms {
				if err == nil {
					err = ew.WriteMention(m)
				}
			}
			n += len(ms)
			return len(ms), next, err
		}
		evs, next, err := st.Events(ctx, f)
		for _, e := range evs {
			if err == nil {
				err = ew.WriteEvent(e)
			}
		}
		n += len(evs)
		return len(evs), next, err
	})
	if cerr := ew.Close(); err == nil {
		err = cerr
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return storeError(err)
	}
	if *out != "" {
		fmt.Fprintf(env.Stderr, "dyad: wrote %d records to %s\n", n, *out)
	}
	return nil
}
