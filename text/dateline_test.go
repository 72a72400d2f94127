package text

import (
	"strings"
	"testing"

	"dyad/doc"
)

func TestDateline(t *testing.T) {
	for _, tc := range []struct {
		words string
		want  int
	}{
		{"WASHINGTON , Feb 12 - U.S. President Donald Trump said", 5},
		{"MOSCOW ( Reuters ) — The Kremlin said", 5},
		{"Washington , Feb 12 - Trump said", 0},
		{"U.S. troops - and allies", 0},
		{"GENEVA - talks", 0},
		{"NATO said on Monday that talks would resume", 0},
	} {
		var ws []doc.Word
		for _, f := range strings.Fields(tc.words) {
			ws = append(ws, doc.Word{Form: f})
		}
		if got := Dateline(ws); got != tc.want {
			t.Errorf("Dateline(%q) = %d, want %d", tc.words, got, tc.want)
		}
	}
}
