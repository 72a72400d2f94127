package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"dyad/doc"
	"dyad/engine"
	"dyad/record"
)

// defaultMinConfidence is the confidence below which dyad code, eval,
// ingest and serve leave events out.
const defaultMinConfidence = engine.DefaultMinConfidence

func runCode(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "code", "[flags] [FILE|DIR|-]...", `
Read articles and write who did what to whom: one event record a line
(JSONL), coded in CAMEO and PLOVER, with the actor and recipient resolved to
CAMEO actor codes, the date, the place, who reported it, and the sentence it
came from. Events the text denies ("did not attack") are left out unless
--include-negated is given, and so are events with a confidence below
--min-confidence (events in subordinate clauses, bare nouns, hypothetical
acts score lower; 0 prints them all).

Formats:
  events  one event record a line (the default)
  doc     one document record a line: sentences, entities with all their
          mentions, and events
  tsv     one event a line, tab-separated, with a header line
  quotes  one quotation a line: doc_id, text, direct, cue, speaker (name,
          CAMEO code, span), reported_by, span

Input is any mix of plain-text files (optional "Date:", "Source:", "URL:",
"Title:" header lines, then a blank line), JSONL files (one {"id", "date",
"source", "text", ...} object a line), HTML files and directories (searched
recursively); "-" or no argument reads JSONL on standard input. An article
without a date takes --date; relative dates ("on Wednesday") are resolved
against it.

Examples:
  dyad code examples/
  dyad code --format doc --date 2025-02-12 article.txt
  echo '{"date": "2025-02-12", "text": "Mr. Putin invited Mr. Trump to Moscow."}' | dyad code --explain
  dyad code --actors Phoenix.Countries.actors.txt --verbs CAMEO.2.0.txt news/`)
	var cf commonFlags
	cf.register(fs)
	format := fs.String("format", "events", "output `FORMAT`: events, doc, tsv or quotes")
	negated := fs.Bool("include-negated", false, "also print events the text denies (with \"negated\": true)")
	explain := fs.Bool("explain", false, "add to each event the tree fragment and the lexicon entry that produced it")
	minConf := fs.Float64("min-confidence", defaultMinConfidence, "leave out events whose `confidence` is lower (0 prints every event found)")
	var dicts dictFlags
	dicts.register(fs)
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if err := cf.check(); err != nil {
		return err
	}
	switch *format {
	case "events", "doc", "tsv", "quotes":
	default:
		return usageError("--format %q: want events, doc, tsv or quotes", *format)
	}
	eng, err := dicts.engine(env, cf.models)
	if err != nil {
		return err
	}
	out, closeOut, err := openOutput(env, cf.out)
	if err != nil {
		return err
	}
	if *format == "tsv" {
		fmt.Fprintln(out, strings.Join(tsvHeader, "\t"))
	}
	opt := engine.Options{Explain: *explain}
	st, err := processArticles(ctx, env, cf, fs.Args(), func(a doc.Article, buf *bytes.Buffer) {
		res := eng.Code(a, opt)
		d := res.Doc
		engine.KeepEvents(&d, *minConf, *negated)
		switch *format {
		case "doc":
			writeJSONLine(buf, d)
		case "events":
			for _, e := range d.Events {
				writeJSONLine(buf, e)
			}
		case "tsv":
			for _, e := range d.Events {
				writeTSV(buf, e)
			}
		case "quotes":
			for _, q := range d.Quotes {
				writeJSONLine(buf, quoteLine{DocID: d.DocID, Quote: q})
			}
		}
	}, out)
	if cerr := closeOut(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return st.exit("code")
}

// writeJSONLine writes v as one line of JSON without escaping HTML.
func writeJSONLine(buf *bytes.Buffer, v any) {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Records hold only strings, numbers and slices: this cannot fail
		// unless a float is NaN, which the coder never produces.
		fmt.Fprintf(buf, "{\"error\": %q}\n", err.Error())
	}
}

var tsvHeader = []string{"id", "doc_id", "date", "cameo", "event", "mode", "quad_class", "goldstein",
	"actor_cameo", "actor_name", "actor_text", "recipient_cameo", "recipient_name", "recipient_text",
	"reported_by", "location", "negated", "modality", "trigger", "rule", "confidence", "text"}

func writeTSV(buf *bytes.Buffer, e record.Event) {
	a := func(x *record.Actor) (string, string, string) {
		if x == nil {
			return "", "", ""
		}
		return x.CAMEO, x.Name, x.Text
	}
	ac, an, at := a(e.Actor)
	rc, rn, rt := a(e.Recipient)
	rep := ""
	if e.ReportedBy != nil {
		rep = e.ReportedBy.CAMEO
		if e.ReportedBy.Name != "" {
			rep += " " + e.ReportedBy.Name
		}
	}
	loc := ""
	if e.Location != nil {
		loc = e.Location.Name + " " + e.Location.Country
	}
	f := []string{e.ID, e.DocID, e.Date, e.CAMEO, e.Event, e.Mode, strconv.Itoa(e.QuadClass),
		strconv.FormatFloat(e.Goldstein, 'f', -1, 64), ac, an, at, rc, rn, rt, rep, loc,
		strconv.FormatBool(e.Negated), e.Modality, e.Trigger.Text, e.Rule,
		strconv.FormatFloat(e.Confidence, 'f', 2, 64), e.Text}
	for i, s := range f {
		f[i] = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	buf.WriteString(strings.Join(f, "\t"))
	buf.WriteByte('\n')
}

// quoteLine is one line of --format quotes: a quotation with its document.
type quoteLine struct {
	DocID string `json:"doc_id"`
	record.Quote
}
