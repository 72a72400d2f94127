package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/cli"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeCommand runs dyad serve --demo with an extra file, checks that
// it serves the examples and the file, and stops it as a signal would.
func TestServeCommand(t *testing.T) {
	extra := filepath.Join(t.TempDir(), "extra.txt")
	if err := os.WriteFile(extra, []byte("Date: 2025-03-01\n\nGermany condemned Iran on Saturday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DYAD_TOKEN", "s3cret")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- cli.Run(ctx, []string{"serve", "--demo", "--addr", "127.0.0.1:0", extra}, strings.NewReader(""), &stdout, &stderr)
	}()
	re := regexp.MustCompile(`dyad: serving (http://\S+) \((\d+) documents, (\d+) events; writes need the token\)`)
	var m []string
	for deadline := time.Now().Add(time.Minute); m == nil; {
		if time.Now().After(deadline) {
			t.Fatalf("no serving line:\n%s", stderr.String())
		}
		select {
		case err := <-done:
			t.Fatalf("dyad serve stopped: %v\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		m = re.FindStringSubmatch(stderr.String())
	}
	if m[2] != "6" { // five examples and the extra file
		t.Errorf("%s documents, want 6", m[2])
	}
	resp, err := http.Get(m[1] + "/api/documents/extra")
	if err != nil {
		t.Fatal(err)
	}
	var body struct{ Text string }
	err = json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || !strings.HasPrefix(body.Text, "Germany condemned Iran") {
		t.Errorf("extra document: %d %v %q", resp.StatusCode, err, body.Text)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("dyad serve: %v\n%s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("dyad serve did not stop")
	}
	if !strings.Contains(stderr.String(), "path=/api/documents/extra") {
		t.Errorf("no request log line:\n%s", stderr.String())
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--demo", "--db", "x.db"},
		{"serve", "-"},
		{"serve", "--max-body", "0"},
		{"serve", "--db", filepath.Join(t.TempDir(), "x.db"), "--addr", "256.0.0.1:99999"},
	} {
		var stderr bytes.Buffer
		err := cli.Run(context.Background(), args, strings.NewReader(""), &bytes.Buffer{}, &stderr)
		if cli.Code(err) != cli.ExitUsage {
			t.Errorf("%v: %v (exit %d), want a usage error", args, err, cli.Code(err))
		}
	}
}
