package input

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Count estimates how many articles Read will find in paths without
// reading them: one a text or HTML file, one a non-blank line of a JSONL
// file, one a JSON file. It returns 0 when the number cannot be known
// beforehand (standard input). It is meant for progress reports.
func Count(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || (path != p && kindOf(path) == kindOther) {
				return nil
			}
			if kindOf(path) == kindJSONL {
				n += countLines(path)
			} else {
				n++
			}
			return nil
		})
	}
	if len(paths) == 0 {
		return 0
	}
	return n
}

// countLines counts the non-blank lines of a file.
func countLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	n := 0
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			n++
		}
	}
	return n
}
