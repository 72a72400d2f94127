// Package sharedtest gives tests the data in ../shared (treebanks, gold
// sets, the demo article), which sits beside the repository on development
// machines and in CI but not in a user's clone: a test that needs it skips
// with a reason when it is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"dyad/conllu"
)

var (
	rootOnce sync.Once
	root     string
)

// repoRoot returns the directory holding go.mod, found by walking up from
// the working directory (go test runs in the package's directory).
func repoRoot() string {
	rootOnce.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			root = "."
			return
		}
		for d := dir; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				root = d
				return
			}
			if filepath.Dir(d) == d {
				root = filepath.Join(dir, "..")
				return
			}
		}
	})
	return root
}

// Path returns the path of a file in ../shared, the directory beside the
// repository's root, from any package directory.
func Path(parts ...string) string {
	return filepath.Join(append([]string{repoRoot(), "..", "shared"}, parts...)...)
}

// Need skips the test unless the file at path exists, and returns its
// path. A relative path that does not exist as given is taken relative to
// ../shared ("data/gold/plover-gsr-dev.json").
func Need(t testing.TB, path string) string {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if !filepath.IsAbs(path) {
		if p := Path(path); exists(p) {
			return p
		}
	}
	t.Skipf("%s not available (needs ../shared beside the repository)", path)
	return path
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// ReadUD reads the named treebank ("ewt-dev") from ../shared/data/ud, or
// skips the test when it is absent.
func ReadUD(t testing.TB, name string) []*conllu.Sentence {
	t.Helper()
	path := Need(t, Path("data", "ud", name+".conllu"))
	s, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
