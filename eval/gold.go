package eval

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"dyad/doc"
	"dyad/record"
)

// GoldSentence is one sentence of an event gold set, whatever file it was
// read from: its text, the events a coder should find in it and, when the
// gold names them, the actors with their words in the text.
type GoldSentence struct {
	ID     string
	Date   string // YYYY-MM-DD, "" when the gold gives none
	Text   string
	Events []GoldEvent
	// Actors are the source and target actors the gold marks in the text
	// (PLOVER gold-standard records), for ScoreActors.
	Actors []GoldActor
	// Origin is where the record starts: "file:line".
	Origin string
	// Petrarch holds what only a PETRARCH validation record has; nil for
	// the other formats.
	Petrarch *PetrarchInfo
}

// GoldEvent is one event a coder should find. Each list gives the accepted
// answers:
//
//   - CAMEO: event codes; a 2-digit code accepts every code of that root
//     ("04" accepts "041" and "0431"), a longer one only itself.
//   - PLOVER: PLOVER 0.8 types. When PLOVER is given, the event type is
//     judged on it and CAMEO is not looked at; CAMEO judges the type only
//     when PLOVER is empty.
//   - Actor, Recipient: CAMEO actor codes. "*" accepts any actor, also
//     none; a code ending in "*" accepts every code it begins ("IGO*"
//     accepts "IGOUNO"); other codes must be equal (letter case ignored).
//     An empty list means the event has no such actor: a prediction
//     matches it only when it has none either (or one without any code).
//
// Either means the actor and the recipient may be swapped. An Optional
// event counts neither way: finding it is not a hit, missing it is not a
// miss, and a prediction that matches it is not a false alarm.
type GoldEvent struct {
	Actor, Recipient []string
	CAMEO, PLOVER    []string
	Either           bool
	Optional         bool
	Trigger          string   // the words of the event as the gold gives them, if any
	Mode             string   // PLOVER mode, if any (not scored)
	Context          []string // PLOVER contexts, if any (not scored)
}

// GoldActor is an actor the gold marks in a sentence: its words, its code
// as the gold writes it, and the code patterns the gold's events accept
// for it (see GoldEvent).
type GoldActor struct {
	Role   string // "source" or "target"
	Text   string // the actor's words as the gold gives them
	Code   string // as given: country or IGO code ("HUN", "IGO")
	Sector string // as given: "GOV", "REBMOS", "CVLalb", "***", ""
	Codes  []string
	// Spans are where Text was found in the sentence (several when the
	// gold elides words: "Sierra Leonean ... refugees"); nil when it could
	// not be found. See ReadPloverGold for the rule.
	Spans []record.Span
}

// PloverTypes are the sixteen PLOVER 0.8 event types, in codebook order.
var PloverTypes = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

// ploverOld maps PLOVER 0.5 labels that 0.8 renamed or merged.
var ploverOld = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"FIGHT":       "ASSAULT",
	"INVESTIGATE": "ACCUSE",
}

// NormalizePLOVER returns the PLOVER 0.8 type for a label (letter case and
// surrounding space ignored), mapping the PLOVER 0.5 labels DEMAND →
// REQUEST, DISAPPROVE → ACCUSE, FIGHT → ASSAULT and INVESTIGATE → ACCUSE.
// ok is false when the label is neither.
func NormalizePLOVER(label string) (t string, ok bool) {
	l := strings.ToUpper(strings.TrimSpace(label))
	if n, found := ploverOld[l]; found {
		return n, true
	}
	for _, p := range PloverTypes {
		if p == l {
			return l, true
		}
	}
	return l, false
}

// CAMEORoot returns the root (1..20) of a CAMEO event code ("0431" → 4),
// or 0 when the code does not begin with a root.
func CAMEORoot(code string) int {
	code = strings.TrimSpace(code)
	if len(code) < 2 {
		return 0
	}
	n, err := strconv.Atoi(code[:2])
	if err != nil || n < 1 || n > 20 {
		return 0
	}
	return n
}

// ReadEventGold reads an event gold set in any of the formats dyad eval
// knows, telling them apart by their first non-blank byte: '<' is a
// PETRARCH validation file (ReadPetrarch), '[' a PLOVER gold-standard
// array (ReadPloverGold), anything else dyad gold JSONL (ReadDyadGold).
// name is used in diagnostics.
func ReadEventGold(name string, r io.Reader) ([]GoldSentence, []doc.Diagnostic, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	switch goldFirstByte(data) {
	case '<':
		return ReadPetrarch(name, bytes.NewReader(data))
	case '[':
		return ReadPloverGold(name, bytes.NewReader(data))
	}
	return ReadDyadGold(name, bytes.NewReader(data))
}

// ReadEventGoldFile opens path and reads it with ReadEventGold.
func ReadEventGoldFile(path string) ([]GoldSentence, []doc.Diagnostic, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("event gold: %w", err)
	}
	defer f.Close()
	return ReadEventGold(path, f)
}

// goldFirstByte returns the first byte after a UTF-8 byte order mark and
// white space, or 0.
func goldFirstByte(data []byte) byte {
	data = bytes.TrimPrefix(data, goldBOM)
	for _, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}

var goldBOM = []byte{0xEF, 0xBB, 0xBF}

// goldLines turns byte offsets into 1-based line numbers.
type goldLines []int // offsets where lines start

func newGoldLines(data []byte) goldLines {
	l := goldLines{0}
	for i, c := range data {
		if c == '\n' {
			l = append(l, i+1)
		}
	}
	return l
}

// line returns the line holding offset off.
func (l goldLines) line(off int64) int {
	lo, hi := 0, len(l)
	for lo < hi {
		m := (lo + hi) / 2
		if int64(l[m]) <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// goldDiag is a diagnostic at a line of a named input.
func goldDiag(name string, line int, format string, args ...any) doc.Diagnostic {
	return doc.Diagnostic{Origin: name, Line: line, Message: fmt.Sprintf(format, args...)}
}

// goldOrigin formats "name:line".
func goldOrigin(name string, line int) string {
	return name + ":" + strconv.Itoa(line)
}

// goldNormCode upper-cases an actor code and trims it.
func goldNormCode(c string) string {
	return strings.ToUpper(strings.TrimSpace(c))
}

// goldMatchCode reports whether an actor-code pattern accepts a code (both
// already upper-cased): "*" any, "XYZ*" any code beginning with XYZ,
// otherwise equality.
func goldMatchCode(pattern, code string) bool {
	if pattern == "*" {
		return true
	}
	if p, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(code, p)
	}
	return pattern == code
}

// goldMatchCountry reports whether an actor-code pattern accepts a
// country, which is the first three letters of a code.
func goldMatchCountry(pattern, country string) bool {
	if pattern == "*" {
		return true
	}
	base := strings.TrimSuffix(pattern, "*")
	if len(base) >= 3 {
		return base[:3] == country
	}
	return strings.HasPrefix(country, base)
}

// goldCountry is the country part of a code: its first three bytes.
func goldCountry(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// actorCode is the code of a predicted actor, upper-cased: its CAMEO code,
// else its country, else "".
func actorCode(a *record.Actor) string {
	if a == nil {
		return ""
	}
	if c := goldNormCode(a.CAMEO); c != "" {
		return c
	}
	return goldNormCode(a.Country)
}

// actorCountry is the country of a predicted actor: the first three
// letters of its CAMEO code, else its Country field.
func actorCountry(a *record.Actor) string {
	if a == nil {
		return ""
	}
	if c := goldNormCode(a.CAMEO); len(c) >= 3 {
		return c[:3]
	}
	return goldNormCode(a.Country)
}

// cameoAccepts reports whether a gold CAMEO code accepts a predicted one.
func cameoAccepts(gold, pred string) bool {
	gold, pred = strings.TrimSpace(gold), strings.TrimSpace(pred)
	if gold == "" || pred == "" {
		return false
	}
	if len(gold) == 2 {
		return strings.HasPrefix(pred, gold)
	}
	return gold == pred
}
