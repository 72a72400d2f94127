package server_test

import (
	"fmt"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"

	"dyad/server"
	"dyad/store"
)

func ExampleNew() {
	dir, err := os.MkdirTemp("", "dyad-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(filepath.Join(dir, "dyad.db"), store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	// No engine and no token: a read-only server.
	srv, err := server.New(server.Config{Store: st})
	if err != nil {
		log.Fatal(err)
	}
	for _, target := range []string{"/healthz", "/api/events?actor=RUS", "/api/events?limit=5000"} {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		fmt.Print(w.Code, " ", w.Body)
	}
	// Output:
	// 200 {"status":"ok","documents":0,"events":0,"writes":false,"coding":false}
	// 200 {"events":[],"next":""}
	// 400 {"error":"parameter limit: \"5000\": want a whole number from 1 to 1000"}
}
