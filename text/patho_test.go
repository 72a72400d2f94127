package text

import (
	"strings"
	"testing"
	"time"
)

// TestPathological checks that long inputs without white space take linear
// time.
func TestPathological(t *testing.T) {
	for _, unit := range []string{"a.", "a-", "1-", "1,", ")", ".", "a'", "x@", "@a.", "'s", "a.b@", "http://a", "’", "(", "<", "1.", "A.", ":)", "-1", "aa", "é.", "\"", "$"} {
		s := strings.Repeat(unit, 200000/len(unit))
		start := time.Now()
		Default().Split(s)
		Split(s + " " + s)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%q repeated: %v", unit, d)
		}
	}
}
