package server

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"dyad/record"
	"dyad/store"
)

// Response bodies. Slices are never nil, so that they encode as [].
type (
	errorBody struct {
		Error string `json:"error"`
	}
	healthBody struct {
		Status    string `json:"status"`
		Documents int    `json:"documents"`
		Events    int    `json:"events"`
		Writes    bool   `json:"writes"` // POST /api/documents is on (the server has a token)
		Coding    bool   `json:"coding"` // POST /api/code is on (the server has an engine)
	}
	eventsBody struct {
		Events []store.Event `json:"events"`
		Next   string        `json:"next"`
	}
	mentionsBody struct {
		Mentions []store.Mention `json:"mentions"`
		Next     string          `json:"next"`
	}
	timelineBody struct {
		By     string  `json:"by"`
		Points []point `json:"points"`
	}
	point struct {
		Date      string  `json:"date"`
		QuadClass int     `json:"quad_class"`
		Events    int     `json:"events"`
		Mentions  int     `json:"mentions"`
		Goldstein float64 `json:"goldstein"`
	}
	dyadsBody struct {
		Dyads []dyad `json:"dyads"`
	}
	dyad struct {
		Actor     string  `json:"actor"`
		Recipient string  `json:"recipient"`
		Events    int     `json:"events"`
		Mentions  int     `json:"mentions"`
		Goldstein float64 `json:"goldstein"`
	}
	actorsBody struct {
		Actors []store.ActorCount `json:"actors"`
	}
	documentsBody struct {
		Documents []store.DocInfo `json:"documents"`
	}
	documentBody struct {
		Document *record.Document `json:"document"`
		Text     string           `json:"text"`
	}
	conflictsBody struct {
		Conflicts []store.Conflict `json:"conflicts"`
	}
)

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// An error here is the client going away, or a NaN the store never
	// returns; the status is already sent.
	_ = enc.Encode(v)
}

// writeError writes {"error": message} with status.
func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	writeJSON(w, status, errorBody{Error: fmt.Sprintf(format, args...)})
}

// badRequest answers 400 with err's message.
func badRequest(w http.ResponseWriter, err error) {
	writeError(w, http.StatusBadRequest, "%s", err)
}

// query runs a store read with the query timeout and answers the error it
// returns, if any; it reports whether the handler may go on. No more than
// Config.MaxQueries reads run at once; the others wait their turn, and the
// wait counts against the timeout, so that an overloaded server answers
// some requests in time and the rest with a 503 instead of running every
// query at once and answering none in time.
func (s *Server) query(w http.ResponseWriter, r *http.Request, read func(ctx context.Context) error) bool {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	select {
	case s.queries <- struct{}{}: // a free slot is taken even when ctx is done
	default:
		if !s.waitQuery(w, r, ctx) {
			return false
		}
	}
	err := read(ctx)
	<-s.queries
	if err == nil {
		return true
	}
	s.storeError(w, r, err)
	return false
}

// waitQuery waits for a query slot until ctx is done, and then answers 503.
func (s *Server) waitQuery(w http.ResponseWriter, r *http.Request, ctx context.Context) bool {
	select {
	case s.queries <- struct{}{}:
		return true
	case <-ctx.Done():
		if r.Context().Err() == nil {
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusServiceUnavailable, "the server is busy: no query slot within %s; try again", s.cfg.QueryTimeout)
			return false
		}
		s.storeError(w, r, ctx.Err())
		return false
	}
}

// storeError answers a store error: 404 for a missing record, 400 for a
// filter the store refuses (a cursor it did not give, an order that
// mentions do not have), 503 for a timeout, 500 otherwise. The cause of a 500 is logged, not sent.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		// The store's message names what is missing: document "x": not found.
		writeError(w, http.StatusNotFound, "%s", strings.TrimPrefix(err.Error(), "store: "))
	case errors.Is(err, store.ErrBadFilter):
		writeError(w, http.StatusBadRequest, "%s", err)
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "the query took longer than %s: narrow the filter", s.cfg.QueryTimeout)
	case errors.Is(err, context.Canceled):
		writeError(w, http.StatusServiceUnavailable, "request cancelled")
	default:
		s.log.LogAttrs(r.Context(), slog.LevelError, "store", slog.String("path", r.URL.Path), slog.String("error", err.Error()))
		writeError(w, http.StatusInternalServerError, "internal error: the store failed (the server log has the cause)")
	}
}

func (s *Server) getHealth(w http.ResponseWriter, r *http.Request) {
	var st store.Stats
	ok := s.query(w, r, func(ctx context.Context) (err error) {
		st, err = s.cfg.Store.Stats(ctx)
		return err
	})
	if ok {
		writeJSON(w, http.StatusOK, healthBody{Status: "ok", Documents: st.Documents, Events: st.Events,
			Writes: s.cfg.Token != "" && s.cfg.Engine != nil, Coding: s.cfg.Engine != nil})
	}
}

func (s *Server) getOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(openAPI)
}

func (s *Server) getEvents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseFilter(q, true)
	var o options
	if err == nil {
		o, err = parseOptions(q, options{view: "merged"}, viewParam)
	}
	if err != nil {
		badRequest(w, err)
		return
	}
	if o.view == "mentions" {
		var body mentionsBody
		if s.query(w, r, func(ctx context.Context) (err error) {
			body.Mentions, body.Next, err = s.cfg.Store.Mentions(ctx, f)
			return err
		}) {
			body.Mentions = nonNil(body.Mentions)
			writeJSON(w, http.StatusOK, body)
		}
		return
	}
	var body eventsBody
	if s.query(w, r, func(ctx context.Context) (err error) {
		body.Events, body.Next, err = s.cfg.Store.Events(ctx, f)
		return err
	}) {
		body.Events = nonNil(body.Events)
		writeJSON(w, http.StatusOK, body)
	}
}

func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseFilter(q, false)
	var o options
	if err == nil {
		o, err = parseOptions(q, options{by: "day"}, byParam)
	}
	if err != nil {
		badRequest(w, err)
		return
	}
	var counts []store.Count
	if !s.query(w, r, func(ctx context.Context) (err error) {
		counts, err = s.cfg.Store.Counts(ctx, f, o.by)
		return err
	}) {
		return
	}
	body := timelineBody{By: o.by, Points: make([]point, len(counts))}
	for i, c := range counts {
		body.Points[i] = point{Date: c.Group, QuadClass: c.QuadClass, Events: c.Events, Mentions: c.Mentions, Goldstein: c.Goldstein}
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) getDyads(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseFilter(q, false)
	var o options
	if err == nil {
		o, err = parseOptions(q, options{limit: 50}, limitParam)
	}
	if err != nil {
		badRequest(w, err)
		return
	}
	var counts []store.Count
	if !s.query(w, r, func(ctx context.Context) (err error) {
		counts, err = s.cfg.Store.Counts(ctx, f, "dyad")
		return err
	}) {
		return
	}
	slices.SortStableFunc(counts, func(a, b store.Count) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Group, b.Group))
	})
	body := dyadsBody{Dyads: make([]dyad, 0, min(o.limit, len(counts)))}
	for _, c := range counts[:min(o.limit, len(counts))] {
		actor, recipient, _ := strings.Cut(c.Group, ">")
		body.Dyads = append(body.Dyads, dyad{Actor: actor, Recipient: recipient, Events: c.Events, Mentions: c.Mentions, Goldstein: c.Goldstein})
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) getActors(w http.ResponseWriter, r *http.Request) {
	o, err := parseOptions(r.URL.Query(), options{limit: 20}, queryParam, limitParam)
	if err != nil {
		badRequest(w, err)
		return
	}
	var body actorsBody
	if s.query(w, r, func(ctx context.Context) (err error) {
		body.Actors, err = s.cfg.Store.Actors(ctx, o.q, o.limit)
		return err
	}) {
		body.Actors = nonNil(body.Actors)
		writeJSON(w, http.StatusOK, body)
	}
}

func (s *Server) getDocuments(w http.ResponseWriter, r *http.Request) {
	o, err := parseOptions(r.URL.Query(), options{limit: 50}, limitParam, offsetParam)
	if err != nil {
		badRequest(w, err)
		return
	}
	var body documentsBody
	if s.query(w, r, func(ctx context.Context) (err error) {
		body.Documents, err = s.cfg.Store.Documents(ctx, o.limit, o.offset)
		return err
	}) {
		body.Documents = nonNil(body.Documents)
		writeJSON(w, http.StatusOK, body)
	}
}

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var body documentBody
	if s.query(w, r, func(ctx context.Context) (err error) {
		body.Document, body.Text, err = s.cfg.Store.Document(ctx, id)
		return err
	}) {
		writeJSON(w, http.StatusOK, body)
	}
}

func (s *Server) getConflicts(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r.URL.Query(), false)
	if err != nil {
		badRequest(w, err)
		return
	}
	var body conflictsBody
	if s.query(w, r, func(ctx context.Context) (err error) {
		body.Conflicts, err = s.cfg.Store.Conflicts(ctx, f)
		return err
	}) {
		body.Conflicts = nonNil(body.Conflicts)
		writeJSON(w, http.StatusOK, body)
	}
}

// nonNil returns s, or an empty slice when s is nil.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
