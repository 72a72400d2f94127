package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dyad/store"
)

// maxParam is the longest value a query parameter may have, in bytes.
const maxParam = 1000

// param reads one query parameter into a store.Filter or a request's
// options.
type param[T any] struct {
	name string
	set  func(*T, string) error
}

// filterParams are the parameters every filtered endpoint takes.
var filterParams = []param[store.Filter]{
	{"from", func(f *store.Filter, v string) error { return setDate(&f.From, v) }},
	{"to", func(f *store.Filter, v string) error { return setDate(&f.To, v) }},
	{"actor", func(f *store.Filter, v string) error { f.Actor = v; return nil }},
	{"recipient", func(f *store.Filter, v string) error { f.Recipient = v; return nil }},
	{"country", func(f *store.Filter, v string) error { f.Country = v; return nil }},
	{"type", func(f *store.Filter, v string) error { f.Type = v; return nil }},
	{"cameo", func(f *store.Filter, v string) error { f.CAMEO = v; return nil }},
	{"quad", func(f *store.Filter, v string) error { return setInt(&f.QuadClass, v, 1, 4) }},
	{"q", setText},
	{"doc", func(f *store.Filter, v string) error { f.DocID = v; return nil }},
	{"merged", func(f *store.Filter, v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return fmt.Errorf("%q: want a merged event id", v)
		}
		f.Merged = n
		return nil
	}},
}

// pageParams are the paging parameters of /api/events.
var pageParams = []param[store.Filter]{
	{"limit", func(f *store.Filter, v string) error { return setInt(&f.Limit, v, 1, MaxPageSize) }},
	{"cursor", func(f *store.Filter, v string) error { f.After = v; return nil }},
	{"order", func(f *store.Filter, v string) error {
		return setEnum(&f.Order, v, "date", "-date", "mentions", "goldstein", "-goldstein")
	}},
}

// parse sets the parameters of q that params name. A parameter given
// twice, too long, not UTF-8, holding a control character (SQLite
// would read a NUL as the end of a LIKE pattern) or of the wrong form is an error that names
// it; empty values and parameters not in params are ignored.
func parse[T any](q url.Values, dst *T, params ...[]param[T]) error {
	for _, ps := range params {
		for _, p := range ps {
			vs, ok := q[p.name]
			if !ok {
				continue
			}
			if len(vs) > 1 {
				return fmt.Errorf("parameter %s: given %d times, want once", p.name, len(vs))
			}
			v := vs[0]
			if v == "" {
				continue
			}
			if len(v) > maxParam {
				return fmt.Errorf("parameter %s: longer than %d bytes", p.name, maxParam)
			}
			if !utf8.ValidString(v) {
				return fmt.Errorf("parameter %s: not UTF-8", p.name)
			}
			if strings.IndexFunc(v, unicode.IsControl) >= 0 {
				return fmt.Errorf("parameter %s: holds a control character", p.name)
			}
			if err := p.set(dst, v); err != nil {
				return fmt.Errorf("parameter %s: %w", p.name, err)
			}
		}
	}
	return nil
}

// parseFilter reads a store.Filter from the query of a filtered endpoint,
// with the paging parameters when paged is true.
func parseFilter(q url.Values, paged bool) (store.Filter, error) {
	var f store.Filter
	ps := [][]param[store.Filter]{filterParams}
	if paged {
		ps = append(ps, pageParams)
	}
	if err := parse(q, &f, ps...); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, fmt.Errorf("parameter from (%s) is after to (%s)", f.From, f.To)
	}
	return f, nil
}

func setDate(dst *string, v string) error {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil || t.Format(time.DateOnly) != v {
		return fmt.Errorf("%q is not a date: want YYYY-MM-DD", v)
	}
	*dst = v
	return nil
}

func setInt(dst *int, v string, lo, hi int) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return fmt.Errorf("%q: want a whole number from %d to %d", v, lo, hi)
	}
	*dst = n
	return nil
}

func setEnum(dst *string, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			*dst = v
			return nil
		}
	}
	return fmt.Errorf("%q: want one of %v", v, allowed)
}

// options are the parameters of the endpoints that are not filters.
type options struct {
	by, view, q   string
	limit, offset int
}

// Parameters of options.
var (
	byParam     = param[options]{"by", func(o *options, v string) error { return setEnum(&o.by, v, "day", "week") }}
	viewParam   = param[options]{"view", func(o *options, v string) error { return setEnum(&o.view, v, "merged", "mentions") }}
	queryParam  = param[options]{"q", func(o *options, v string) error { o.q = v; return nil }}
	limitParam  = param[options]{"limit", func(o *options, v string) error { return setInt(&o.limit, v, 1, MaxPageSize) }}
	offsetParam = param[options]{"offset", func(o *options, v string) error { return setInt(&o.offset, v, 0, 1<<30) }}
)

// parseOptions reads the parameters ps from q, starting from defaults.
func parseOptions(q url.Values, defaults options, ps ...param[options]) (options, error) {
	o := defaults
	err := parse(q, &o, ps)
	return o, err
}

// setText sets the full-text query, which must have a word to look for:
// the store ignores punctuation, and a query of punctuation alone would
// match everything.
func setText(f *store.Filter, v string) error {
	if strings.IndexFunc(v, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return fmt.Errorf("%q has no word to search for", v)
	}
	f.Text = v
	return nil
}
