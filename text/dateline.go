package text

import (
	"unicode"

	"dyad/doc"
)

// Dateline returns the number of words of a dateline that opens a
// sentence — a place in capitals, then at most seven words (a date, an
// agency), then a dash: "WASHINGTON, Feb 12 -", "MOSCOW (Reuters) —" — or 0
// when there is none or nothing follows it.
func Dateline(words []doc.Word) int {
	if len(words) < 4 {
		return 0
	}
	f := words[0].Form
	letters := 0
	for _, r := range f {
		if unicode.IsLower(r) {
			return 0
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	if letters < 3 {
		return 0
	}
	for k := 1; k < len(words)-2 && k <= 8; k++ {
		switch words[k].Form {
		case "-", "--", "—", "–":
			return k + 1
		}
	}
	return 0
}
