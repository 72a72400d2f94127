package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"dyad/engine"
	"dyad/store"
)

// Defaults of the limits in Config.
const (
	DefaultMaxBody      = 8 << 20
	DefaultQueryTimeout = 5 * time.Second
	DefaultWriteTimeout = time.Minute
	DefaultCacheBytes   = 64 << 20
	DefaultCacheTTL     = 10 * time.Second
	// MaxPageSize is the largest page (limit) a request may ask for.
	MaxPageSize = 1000
)

// Config is what a Server serves and how.
type Config struct {
	// Store is the event store the API reads and writes. Required.
	Store *store.Store
	// Engine codes posted articles. When nil, POST /api/code and POST
	// /api/documents answer 503.
	Engine *engine.Engine
	// Token is the bearer token that writes must carry. When empty, writes
	// are refused (403).
	Token string
	// MinConfidence: coded events with a lower confidence are dropped
	// before they are stored or returned, and so are negated events, as
	// dyad code does. 0 keeps every event that is not negated.
	MinConfidence float64
	// MaxBody is the largest request body accepted, in bytes; 0 means
	// DefaultMaxBody.
	MaxBody int64
	// QueryTimeout bounds every store read; 0 means DefaultQueryTimeout.
	QueryTimeout time.Duration
	// WriteTimeout bounds storing the articles of one POST (after they are
	// coded); 0 means DefaultWriteTimeout.
	WriteTimeout time.Duration
	// CacheBytes bounds the memory kept for answers of the read endpoints;
	// 0 means DefaultCacheBytes and a negative value turns the cache off.
	// Answers are kept while the database does not change: a write through
	// the server, or any change to the database file or its WAL (another
	// process storing articles), drops them.
	CacheBytes int64
	// CacheTTL is the age after which a kept answer is computed again even
	// though the database seems unchanged; 0 means DefaultCacheTTL.
	CacheTTL time.Duration
	// MaxQueries is how many store reads run at once; 0 means
	// runtime.GOMAXPROCS(0) (SQLite reads are CPU-bound: more at once only
	// share the same cores, and each takes longer).
	MaxQueries int
	// Workers is how many articles are coded at once across all requests;
	// 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Logger receives one line per request and the causes of server
	// errors; nil discards them.
	Logger *slog.Logger
	// Static is the web UI served at "/"; nil means the UI embedded in
	// this package.
	Static fs.FS
}

// Server is an http.Handler that serves the JSON API and the web UI. It is
// safe for concurrent use.
type Server struct {
	cfg     Config
	log     *slog.Logger
	mux     *http.ServeMux
	static  *staticFiles
	sem     chan struct{} // one slot for each article being coded
	cache   *cache        // nil when off
	queries chan struct{} // one slot for each store read running
}

// route is one endpoint of the API.
type route struct {
	method, pattern string
	handle          http.HandlerFunc
	cached          bool // answers are kept while the database is unchanged
}

// routes lists the API's endpoints; openapi.json describes exactly these
// (a test checks it).
func (s *Server) routes() []route {
	return []route{
		{"GET", "/healthz", s.getHealth, false},
		{"GET", "/api/openapi.json", s.getOpenAPI, false},
		{"GET", "/api/events", s.getEvents, true},
		{"GET", "/api/timeline", s.getTimeline, true},
		{"GET", "/api/dyads", s.getDyads, true},
		{"GET", "/api/actors", s.getActors, true},
		{"GET", "/api/documents", s.getDocuments, true},
		{"GET", "/api/documents/{id}", s.getDocument, true},
		{"GET", "/api/conflicts", s.getConflicts, true},
		{"POST", "/api/documents", s.postDocuments, false},
		{"POST", "/api/code", s.postCode, false},
	}
}

// New returns a Server for cfg, filling in the defaults of the fields left
// zero.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	if cfg.CacheBytes == 0 {
		cfg.CacheBytes = DefaultCacheBytes
	}
	if cfg.CacheTTL <= 0 {
		cfg.CacheTTL = DefaultCacheTTL
	}
	if cfg.MaxQueries <= 0 {
		cfg.MaxQueries = runtime.GOMAXPROCS(0)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Static == nil {
		sub, err := fs.Sub(webFS, "web")
		if err != nil {
			return nil, fmt.Errorf("server: embedded UI: %w", err)
		}
		cfg.Static = sub
	}
	st, err := newStaticFiles(cfg.Static)
	if err != nil {
		return nil, fmt.Errorf("server: UI files: %w", err)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, mux: http.NewServeMux(), static: st,
		sem: make(chan struct{}, cfg.Workers), queries: make(chan struct{}, cfg.MaxQueries)}
	if cfg.CacheBytes > 0 {
		s.cache = newCache(cfg.CacheBytes, cfg.CacheTTL, cfg.Store.Path())
	}
	for _, r := range s.routes() {
		h := r.handle
		if r.cached && s.cache != nil {
			h = func(w http.ResponseWriter, req *http.Request) { s.cache.serve(w, req, r.handle) }
		}
		s.mux.HandleFunc(r.method+" "+r.pattern, h)
	}
	s.mux.Handle("GET /", st)
	s.mux.HandleFunc("GET /api/", s.notFound)
	s.mux.HandleFunc("/", s.notFound) // other methods
	return s, nil
}

// ServeHTTP serves one request: security headers, the route, and a log
// line.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	sw := &statusWriter{ResponseWriter: w}
	s.mux.ServeHTTP(sw, r)
	if sw.status == 0 {
		sw.status = http.StatusOK
	}
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("query", r.URL.RawQuery),
		slog.Int("status", sw.status), slog.Int64("bytes", sw.n),
		slog.Duration("duration", time.Since(start)), slog.String("remote", r.RemoteAddr))
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// notFound answers requests no route takes: 405 when the path exists with
// another method, else 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, p := s.mux.Handler(probe); p != "" && p != "/" && p != "GET /api/" &&
			!(p == "GET /" && strings.HasPrefix(r.URL.Path, "/api/")) {
			allow = append(allow, m)
			if m == http.MethodGet {
				allow = append(allow, http.MethodHead)
			}
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, http.StatusMethodNotAllowed, "method %s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", "))
		return
	}
	writeError(w, http.StatusNotFound, "no such endpoint: %s %s (see /api/openapi.json)", r.Method, r.URL.Path)
}

// Serve serves HTTP on ln until ctx is done, then shuts down gracefully,
// letting requests in flight finish for up to 10 seconds. It returns nil
// after a shutdown that ctx asked for.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	<-errc
	if err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}
