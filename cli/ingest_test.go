package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"dyad/internal/sharedtest"
	"dyad/store"
)

// TestMain lets a test run this test binary as the dyad command: with
// DYAD_CLI_CHILD set, the binary runs the arguments after "--" and exits.
func TestMain(m *testing.M) {
	if os.Getenv("DYAD_CLI_CHILD") == "1" {
		args := os.Args[1:]
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		err := Run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
		stop()
		if err != nil {
			fmt.Fprintf(os.Stderr, "dyad: %v\n", err)
		}
		os.Exit(Code(err))
	}
	os.Exit(m.Run())
}

// child returns the command that runs dyad with args in a new process.
func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "DYAD_CLI_CHILD=1")
	return cmd
}

// corpus writes n short articles of our own as JSONL, one bad line among
// them, and returns the directory holding it and examples/.
func corpus(t *testing.T, n int) (dir string, good int) {
	dir = t.TempDir()
	leaders := [][2]string{{"Donald Trump", "Vladimir Putin"}, {"Emmanuel Macron", "Olaf Scholz"}, {"Xi Jinping", "Narendra Modi"}, {"Volodymyr Zelensky", "Keir Starmer"}}
	verbs := []string{"spoke with %s by telephone", "met %s in Geneva", "criticized %s", "praised %s", "invited %s to visit", "thanked %s for the aid"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		l := leaders[i%len(leaders)]
		day := 1 + i%20
		text := fmt.Sprintf("%s %s on Monday. %s said the talks were useful. Officials said 30 people were killed in the fighting.",
			l[0], fmt.Sprintf(verbs[i%len(verbs)], l[1]), l[1])
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("art%03d", i), "date": fmt.Sprintf("2025-03-%02d", day),
			"source": []string{"Reuters", "AP", "AFP"}[i%3], "text": text})
		b.Write(line)
		b.WriteByte('\n')
		if i == n/2 {
			b.WriteString("{this line is not JSON\n")
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "news.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ex, _ := filepath.Glob("../examples/*.txt")
	for _, p := range ex {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, n + len(ex)
}

var summaryRE = regexp.MustCompile(`(\d+) new, (\d+) replaced, (\d+) unchanged, (\d+) skipped`)

func ingestSummary(t *testing.T, stderr string) (stored, replaced, unchanged, skipped int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary in %q", stderr)
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	return n(m[1]), n(m[2]), n(m[3]), n(m[4])
}

func checkStore(t *testing.T, db string) int {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the database does not open: %v", err)
	}
	defer s.Close()
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Documents
}

// TestIngestKillResume kills dyad ingest with SIGKILL at random moments,
// 50 times in a row, and checks after each kill that the database opens,
// passes the integrity check and holds only complete documents; a last
// run then stores exactly the documents still missing.
func TestIngestKillResume(t *testing.T) {
	kills := 50
	if testing.Short() {
		kills = 5
	}
	dir, total := corpus(t, 120)
	db := filepath.Join(t.TempDir(), "k.db")
	rng := rand.New(rand.NewPCG(5, 6))
	present, rounds := 0, 0
	for k := 0; k < kills; k++ {
		cmd := child("ingest", "--quiet", "--batch", "1", "--db", db, dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(100+rng.IntN(900)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		n := checkStore(t, db)
		if n < present {
			t.Fatalf("kill %d: %d documents, %d before", k, n, present)
		}
		present = n
		if present == total {
			// Start again so that later kills land in writing too.
			os.Remove(db)
			os.Remove(db + "-wal")
			os.Remove(db + "-shm")
			present = 0
			rounds++
		}
	}
	var out, errb strings.Builder
	cmd := child("ingest", "--batch", "1", "--db", db, dir)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != ExitSkipped {
		t.Fatalf("final run: %v (want exit 1 for the bad line)\n%s", err, errb.String())
	}
	stored, replaced, unchanged, skipped := ingestSummary(t, errb.String())
	if stored != total-present || replaced != 0 || unchanged != present || skipped != 1 {
		t.Errorf("final run stored %d, replaced %d, kept %d, skipped %d; want %d, 0, %d, 1\n%s",
			stored, replaced, unchanged, skipped, total-present, present, errb.String())
	}
	if !strings.Contains(errb.String(), "news.jsonl:") {
		t.Errorf("the bad line is not reported with its place:\n%s", errb.String())
	}
	if n := checkStore(t, db); n != total {
		t.Errorf("%d documents stored, want %d", n, total)
	}
	t.Logf("%d kills; the corpus was stored whole %d times; %d of %d documents were stored before the last run", kills, rounds, present, total)
}

// TestIngestTwoSourcesMerge stores one article twice under two publishers'
// names: every merged event must count two sources and two articles, and
// there must be no more merged events than the article has events.
// TestIngestInterrupt stops ingest with SIGINT: what was coded is stored,
// the message says how to go on, and a second run stores the rest.
func TestIngestInterrupt(t *testing.T) {
	dir, total := corpus(t, 2000)
	db := filepath.Join(t.TempDir(), "i.db")
	var errb strings.Builder
	cmd := child("ingest", "--quiet", "--db", db, dir)
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if strings.Contains(errb.String(), "articles done") {
		t.Skip("ingest finished before the interrupt: this machine is too fast for the test")
	}
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != ExitSkipped || !strings.Contains(errb.String(), "run the same command again") {
		t.Fatalf("interrupted run: %v\n%s", err, errb.String())
	}
	n := checkStore(t, db)
	var out strings.Builder
	cmd = child("ingest", "--db", db, dir)
	cmd.Stderr = &out
	cmd.Run()
	stored, _, unchanged, _ := ingestSummary(t, out.String())
	if unchanged != n || stored != total-n {
		t.Errorf("after the interrupt %d stored; the next run stored %d and kept %d of %d", n, stored, unchanged, total)
	}
}

func TestIngestTwoSourcesMerge(t *testing.T) {
	t.Run("example", func(t *testing.T) {
		text, err := os.ReadFile("../examples/2025-02-12-trump-putin-call.txt")
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(string(text), "\n\n")
		twoSources(t, body)
	})
	t.Run("demo", func(t *testing.T) {
		data, err := os.ReadFile(sharedtest.Need(t, "articles/000_1083366aa662d066.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		var a struct{ Text string }
		if err := json.Unmarshal(data, &a); err != nil {
			t.Fatal(err)
		}
		twoSources(t, a.Text)
	})
}

func twoSources(t *testing.T, body string) {
	var in strings.Builder
	for _, src := range []string{"White House", "Kremlin"} {
		line, _ := json.Marshal(map[string]string{"id": "call-" + src, "date": "2025-02-12", "source": src, "text": body})
		in.Write(line)
		in.WriteByte('\n')
	}
	db := filepath.Join(t.TempDir(), "two.db")
	for i := 0; i < 2; i++ { // the second run changes nothing
		_, stderr, code := run(t, in.String(), "ingest", "--db", db)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	evs, _, err := s.Events(context.Background(), store.Filter{Limit: 1000})
	if err != nil || len(evs) == 0 {
		t.Fatalf("%d events, %v", len(evs), err)
	}
	st, _ := s.Stats(context.Background())
	for _, e := range evs {
		if e.NumSources != 2 || e.NumArticles != 2 {
			t.Errorf("%s %s>%s: %d sources, %d articles", e.CAMEO, e.Actor.CAMEO, e.Recipient.CAMEO, e.NumSources, e.NumArticles)
		}
	}
	one, _, err := s.Document(context.Background(), "call-Kremlin")
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 || st.Mentions != 2*len(one.Events) || len(evs) > len(one.Events) {
		t.Errorf("stats %+v, %d merged events, %d events in one article", st, len(evs), len(one.Events))
	}
	t.Logf("%d events in the article, %d mentions stored, %d merged events, each with 2 sources and 2 articles", len(one.Events), st.Mentions, len(evs))
}
