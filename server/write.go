package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"dyad/doc"
	"dyad/engine"
	"dyad/input"
	"dyad/store"
)

// Response bodies of the POST endpoints.
type (
	putBody struct {
		Stored    int         `json:"stored"`
		Replaced  int         `json:"replaced"`
		Unchanged int         `json:"unchanged"`
		Failed    []failedDoc `json:"failed"`
		IDs       []string    `json:"ids"`
	}
	failedDoc struct {
		ID    string `json:"id"`
		Error string `json:"error"`
	}
	codeBody struct {
		Documents []documentBody `json:"documents"`
	}
)

// maxDiagnostics is how many input problems a 400 answer lists.
const maxDiagnostics = 5

func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r) {
		return
	}
	arts, ok := s.readArticles(w, r)
	if !ok {
		return
	}
	docs, ok := s.code(w, r, arts)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.WriteTimeout)
	defer cancel()
	st, err := s.cfg.Store.Put(ctx, docs)
	if s.cache != nil {
		s.cache.writes.Add(1) // whatever Put did, answers kept before it are not to be trusted
	}
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	body := putBody{Stored: st.Stored, Replaced: st.Replaced, Unchanged: st.Unchanged, Failed: []failedDoc{}, IDs: make([]string, len(docs))}
	for _, f := range st.Failed {
		s.log.Warn("document not stored", "id", f.ID, "err", f.Err)
		body.Failed = append(body.Failed, failedDoc{ID: f.ID, Error: "not stored: " + f.Err.Error()})
	}
	for i, d := range docs {
		body.IDs[i] = d.Doc.DocID
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) postCode(w http.ResponseWriter, r *http.Request) {
	arts, ok := s.readArticles(w, r)
	if !ok {
		return
	}
	docs, ok := s.code(w, r, arts)
	if !ok {
		return
	}
	body := codeBody{Documents: make([]documentBody, len(docs))}
	for i := range docs {
		body.Documents[i] = documentBody{Document: &docs[i].Doc, Text: docs[i].Text}
	}
	writeJSON(w, http.StatusOK, body)
}

// authorized checks the bearer token of a write and answers 403 (writes
// disabled) or 401 (wrong or missing token) when it fails.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Token == "" {
		writeError(w, http.StatusForbidden, "writes are disabled: start dyad serve with --token or DYAD_TOKEN")
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	// Comparing digests keeps the time independent of the token's length
	// as well as its bytes.
	want, have := sha256.Sum256([]byte(s.cfg.Token)), sha256.Sum256([]byte(strings.TrimSpace(got)))
	if !ok || subtle.ConstantTimeCompare(want[:], have[:]) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		writeError(w, http.StatusUnauthorized, "this request needs the header Authorization: Bearer TOKEN, with the token dyad serve was started with")
		return false
	}
	return true
}

// readArticles reads the request body as articles (one JSON object, a
// JSON array of them, or JSON lines) and answers 413 when it is too large,
// 400 when any of it cannot be read, and 503 when there is no engine.
func (s *Server) readArticles(w http.ResponseWriter, r *http.Request) ([]doc.Article, bool) {
	if s.cfg.Engine == nil {
		writeError(w, http.StatusServiceUnavailable, "this server codes no articles: it was started without an engine")
		return nil, false
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, "the request body is over the limit of %d bytes: post fewer articles at a time", tooBig.Limit)
		return nil, false
	case err != nil:
		writeError(w, http.StatusBadRequest, "reading the request body: %s", err)
		return nil, false
	}
	arts, err := parseArticles(data, int(s.cfg.MaxBody))
	if err != nil {
		badRequest(w, err)
		return nil, false
	}
	return arts, true
}

// parseArticles reads articles from a request body with package input.
// Any diagnostic is an error (the body is taken whole or not at all), and
// so are two articles with the same id. An article without an id gets one
// from its text ("text-" and 16 hex digits), so that posting the same text
// twice stores it once.
func parseArticles(data []byte, maxText int) ([]doc.Article, error) {
	var arts []doc.Article
	diags, err := input.ReadJSON("body", bytes.NewReader(data), input.Options{MaxBytes: maxText}, func(a doc.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the body: %w", err)
	}
	if len(diags) > 0 {
		msgs := make([]string, 0, maxDiagnostics)
		for _, d := range diags[:min(len(diags), maxDiagnostics)] {
			msgs = append(msgs, d.String())
		}
		more := ""
		if len(diags) > maxDiagnostics {
			more = fmt.Sprintf(" (and %d more)", len(diags)-maxDiagnostics)
		}
		return nil, fmt.Errorf("the body is not JSON articles: %s%s; want one object {\"id\", \"date\", \"source\", \"url\", \"title\", \"text\"} or one a line", strings.Join(msgs, "; "), more)
	}
	seen := map[string]string{}
	for i := range arts {
		a := &arts[i]
		if a.ID == a.Origin { // no id given: input named it after its line
			sum := sha256.Sum256([]byte(a.Text))
			a.ID = "text-" + hex.EncodeToString(sum[:8])
		}
		if prev, ok := seen[a.ID]; ok {
			return nil, fmt.Errorf("%s: id %q is also the id of %s; each article needs its own", a.Origin, a.ID, prev)
		}
		seen[a.ID] = a.Origin
	}
	return arts, nil
}

// code codes arts with the server's engine and answers an error when it
// cannot (the client went away).
func (s *Server) code(w http.ResponseWriter, r *http.Request, arts []doc.Article) ([]store.Input, bool) {
	docs, err := codeArticles(r.Context(), s.cfg.Engine, arts, s.cfg.MinConfidence, s.sem)
	switch {
	case r.Context().Err() != nil:
		writeError(w, http.StatusServiceUnavailable, "coding stopped: %s", err)
		return nil, false
	case err != nil:
		s.log.Error("coding", "path", r.URL.Path, "error", err)
		writeError(w, http.StatusInternalServerError, "internal error: %s", err)
		return nil, false
	}
	return docs, true
}

// Code codes articles with eng, using up to workers goroutines (0 or less
// means one), and returns what to store for each, in order. Negated events
// and events whose confidence is below minConf are left out, as dyad code
// leaves them out. It stops early only when ctx is done.
func Code(ctx context.Context, eng *engine.Engine, arts []doc.Article, minConf float64, workers int) ([]store.Input, error) {
	if eng == nil {
		return nil, errors.New("server: no engine")
	}
	return codeArticles(ctx, eng, arts, minConf, make(chan struct{}, max(workers, 1)))
}

// codeArticles codes arts, each while holding a slot of sem, so that the
// articles of all requests together use no more goroutines than sem has
// slots.
func codeArticles(ctx context.Context, eng *engine.Engine, arts []doc.Article, minConf float64, sem chan struct{}) ([]store.Input, error) {
	out := make([]store.Input, len(arts))
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(len(arts), cap(sem)) {
		wg.Go(func() {
			for i := range next {
				errs[i] = codeOne(ctx, eng, arts[i], minConf, sem, &out[i])
			}
		})
	}
	go func() {
		defer close(next)
		for i := range arts {
			if ctx.Err() != nil {
				return
			}
			next <- i
		}
	}()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// codeOne codes one article into dst.
func codeOne(ctx context.Context, eng *engine.Engine, a doc.Article, minConf float64, sem chan struct{}, dst *store.Input) (err error) {
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-sem }()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("coding %s failed: %v", a.ID, p)
		}
	}()
	d := eng.Code(a, engine.Options{}).Doc
	engine.KeepEvents(&d, minConf, false)
	*dst = store.Input{Doc: d, Text: a.Text, Hash: store.HashArticle(a)}
	return nil
}
