// Package sharedtest gives tests the data in ../shared (treebanks, gold
// sets, the demo article), which sits beside the repository on development
// machines and in CI but not in a user's clone: a test that needs it skips
// with a reason when it is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"

	"dyad/conllu"
)

// Path returns the path of a file in ../shared as seen from a package
// directory one level below the repository root (where go test runs).
func Path(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "shared"}, parts...)...)
}

// Need skips the test unless the file at path exists, and returns path.
func Need(t testing.TB, path string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not available (needs ../shared beside the repository)", path)
	}
	return path
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
