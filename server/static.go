package server

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
)

// webFS is the web UI. The directory is written by the UI's authors;
// everything in it is served, nothing outside it.
//
//go:embed web
var webFS embed.FS

// openAPI is the OpenAPI 3.1 description of the API.
//
//go:embed openapi.json
var openAPI []byte

// staticFiles serves the files of an fs.FS, and only its regular files:
// no directory listings, nothing outside it. Each response carries an ETag
// (the file's SHA-256) so browsers revalidate cheaply.
type staticFiles struct {
	files http.Handler
	etags map[string]string // "/index.html" -> `"hash"`
}

func newStaticFiles(fsys fs.FS) (*staticFiles, error) {
	etags := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		etags["/"+p] = `"` + hex.EncodeToString(sum[:12]) + `"`
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &staticFiles{files: http.FileServerFS(fsys), etags: etags}, nil
}

func (st *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := path.Clean("/" + r.URL.Path)
	key := p
	if p == "/" {
		key = "/index.html"
	}
	etag, ok := st.etags[key]
	if !ok || p != r.URL.Path { // only clean paths name files
		writeError(w, http.StatusNotFound, "not found: %s", r.URL.Path)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "no-cache")
	st.files.ServeHTTP(w, r)
}
