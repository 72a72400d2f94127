package eval

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"unicode/utf8"

	"dyad/doc"
	"dyad/record"
)

// PetrarchTriple is one event a PETRARCH validation record expects, or one
// a coder produced, in PETRARCH's terms: source actor code, target actor
// code ("---" for none) and CAMEO event code.
type PetrarchTriple struct {
	Source, Target, Code string
}

func (t PetrarchTriple) String() string { return t.Source + " " + t.Target + " " + t.Code }

// PetrarchInfo is what a PETRARCH validation record has beyond a gold
// sentence.
type PetrarchInfo struct {
	Category string // DEMO, ACTOR, COMPOUND, ...
	Valid    bool   // the record's valid="true"
	Place    string // the place attribute, when given
	Parse    string // the Penn Treebank parse the record comes with
	// Expected are the events PETRARCH must code, as written; empty when
	// the record expects none (noevents="True", or an error record).
	Expected []PetrarchTriple
	NoEvents bool   // <EventCoding noevents="True">
	Error    string // <EventCoding error="...">: the input error PETRARCH must catch ("dateline", "storydiscard", ...)
	// Skipped says why PETRARCH's own validation run leaves the record
	// out, or "" when it codes it: "skip" (a <Skip> element), "invalid"
	// (valid is not "true" and the <Include> list has "valid"),
	// "category" (its category is not in the <Include> list), "stop"
	// (after a <Stop> element).
	Skipped string
	// Options are the <Config> options in force for the record
	// (require_dyad, new_actor_length, comma_*...). Do not modify: records
	// share the map until an option changes.
	Options map[string]string
}

// ReadPetrarch reads a PETRARCH validation file (PETR.UnitTest.records.xml):
// an <Environment> (dictionaries, the <Include> list of categories to run),
// then <Sentences> holding <Config option value> elements, which change
// options for the records that follow, and <Sentence date id category
// valid> records. A record holds <EventCoding sourcecode targetcode
// eventcode> elements (or one with noevents="True", or error="..."), a
// <Text>, a <Parse> and perhaps a <Skip>. name is used in diagnostics.
//
// Each record becomes a GoldSentence: its text with line breaks and runs
// of spaces made single spaces, the date YYYYMMDD as YYYY-MM-DD, and one
// gold event per expected triple: actor and recipient the source and
// target codes ("---" and "" mean none), CAMEO the event code (PETRARCH
// records have no PLOVER types). Petrarch holds the rest. Records PETRARCH
// itself skips are returned too, with Petrarch.Skipped set; PetrarchRun
// keeps the others.
//
// A record without an id or a text is reported with its line and skipped;
// an XML syntax error ends the input. The error is non-nil only when r
// cannot be read.
func ReadPetrarch(name string, r io.Reader) ([]GoldSentence, []doc.Diagnostic, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, goldBOM)
	var diags []doc.Diagnostic
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			off += n
		}
		line := newGoldLines(data).line(int64(off))
		return nil, append(diags, goldDiag(name, line, "not valid UTF-8; nothing read")), nil
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		out      []GoldSentence
		include  []string
		validArg bool
		options  = map[string]string{}
		stopped  bool
		inEnv    bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		line, _ := dec.InputPos()
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			diags = append(diags, goldDiag(name, line, "not XML: %v; rest of input skipped", err))
			break
		}
		st, ok := tok.(xml.StartElement)
		if !ok {
			if en, ok := tok.(xml.EndElement); ok && en.Name.Local == "Environment" {
				inEnv = false
			}
			continue
		}
		switch st.Name.Local {
		case "Environment":
			inEnv = true
		case "Include":
			if !inEnv {
				continue
			}
			var s string
			if err := dec.DecodeElement(&s, &st); err != nil {
				diags = append(diags, goldDiag(name, line, "<Include>: %v; rest of input skipped", err))
				return out, diags, nil
			}
			include = include[:0]
			for _, f := range strings.Fields(s) {
				if f == "valid" {
					validArg = true
				} else {
					include = append(include, f)
				}
			}
		case "Config":
			opt, val := petrAttr(st, "option"), petrAttr(st, "value")
			if opt == "" {
				diags = append(diags, goldDiag(name, line, "<Config> without an option: ignored"))
				continue
			}
			options = maps.Clone(options)
			options[opt] = val
		case "Stop":
			stopped = true
		case "Sentence":
			var x petrSentence
			if err := dec.DecodeElement(&x, &st); err != nil {
				diags = append(diags, goldDiag(name, line, "record: %v; rest of input skipped", err))
				return out, diags, nil
			}
			s, warns, err := petrRecord(x, st)
			where := "record"
			if s.ID != "" {
				where = s.ID
			}
			for _, w := range warns {
				diags = append(diags, goldDiag(name, line, "%s: %s", where, w))
			}
			if err != nil {
				diags = append(diags, goldDiag(name, line, "%s: %v; skipped", where, err))
				continue
			}
			p := s.Petrarch
			p.Options = options
			switch {
			case stopped:
				p.Skipped = "stop"
			case x.Skip != nil:
				p.Skipped = "skip"
			case validArg && !p.Valid:
				p.Skipped = "invalid"
			case len(include) > 0 && !goldHas(include, p.Category):
				p.Skipped = "category"
			}
			if x.Stop != nil {
				stopped = true
			}
			s.Origin = goldOrigin(name, line)
			out = append(out, s)
		}
	}
	return out, diags, nil
}

// petrSentence is a <Sentence> element.
type petrSentence struct {
	Codings []struct {
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"EventCoding"`
	Text  *string   `xml:"Text"`
	Parse string    `xml:"Parse"`
	Skip  *struct{} `xml:"Skip"`
	Stop  *struct{} `xml:"Stop"`
}

func petrAttr(st xml.StartElement, name string) string {
	for _, a := range st.Attr {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// petrRecord turns a <Sentence> into a gold sentence.
func petrRecord(x petrSentence, st xml.StartElement) (GoldSentence, []string, error) {
	s := GoldSentence{ID: petrAttr(st, "id")}
	p := &PetrarchInfo{
		Category: petrAttr(st, "category"),
		Valid:    strings.EqualFold(petrAttr(st, "valid"), "true"),
		Place:    petrAttr(st, "place"),
		Parse:    strings.TrimSpace(x.Parse),
	}
	s.Petrarch = p
	var warns []string
	if s.ID == "" {
		return s, warns, fmt.Errorf("no id")
	}
	if x.Text == nil || strings.TrimSpace(*x.Text) == "" {
		return s, warns, fmt.Errorf("no text")
	}
	s.Text = strings.Join(strings.Fields(*x.Text), " ")
	if d := petrAttr(st, "date"); d != "" {
		iso := d
		if len(d) == 8 {
			iso = d[:4] + "-" + d[4:6] + "-" + d[6:]
		}
		if goldDateOK(iso) {
			s.Date = iso
		} else {
			warns = append(warns, fmt.Sprintf("date %q is not YYYYMMDD: ignored", d))
		}
	}
	for _, c := range x.Codings {
		var t PetrarchTriple
		var has [3]bool
		for _, a := range c.Attrs {
			v := strings.TrimSpace(a.Value)
			switch a.Name.Local {
			case "noevents":
				p.NoEvents = p.NoEvents || strings.EqualFold(v, "true")
			case "error":
				p.Error = v
			case "sourcecode":
				t.Source, has[0] = v, true
			case "targetcode":
				t.Target, has[1] = v, true
			case "eventcode":
				t.Code, has[2] = v, true
			}
		}
		switch {
		case has == [3]bool{true, true, true} && t.Code != "":
			p.Expected = append(p.Expected, t)
		case has != [3]bool{}:
			warns = append(warns, "an <EventCoding> without sourcecode, targetcode and eventcode: ignored")
		}
	}
	if len(x.Codings) == 0 {
		warns = append(warns, "no <EventCoding>: read as expecting no events")
	}
	if (p.NoEvents || p.Error != "") && len(p.Expected) > 0 {
		warns = append(warns, "expects events and none at once: the events are used")
	}
	for _, t := range p.Expected {
		s.Events = append(s.Events, GoldEvent{
			Actor:     petrActorList(t.Source),
			Recipient: petrActorList(t.Target),
			CAMEO:     []string{t.Code},
		})
	}
	return s, warns, nil
}

// petrActorList is the accepted-code list for a PETRARCH actor code.
func petrActorList(code string) []string {
	c := petrNormActor(code)
	if c == "---" {
		return nil
	}
	return []string{c}
}

// petrNormActor normalises an actor code for comparison: trimmed,
// upper-cased, "" read as "---" (no actor).
func petrNormActor(code string) string {
	c := goldNormCode(code)
	if c == "" {
		return "---"
	}
	return c
}

// PetrarchRun returns the records PETRARCH's own validation run codes
// (those whose Petrarch.Skipped is ""); sentences that are not PETRARCH
// records are kept.
func PetrarchRun(gold []GoldSentence) []GoldSentence {
	var out []GoldSentence
	for _, s := range gold {
		if s.Petrarch == nil || s.Petrarch.Skipped == "" {
			out = append(out, s)
		}
	}
	return out
}

// PetrarchRecord is one PETRARCH record on which a coder disagrees with
// the expected events.
type PetrarchRecord struct {
	ID, Category, Text string
	Expected, Coded    []PetrarchTriple
	CodesAgree         bool // the event codes agree, ignoring the actors
}

// PetrarchScores counts how many PETRARCH validation records a coder
// agrees with.
type PetrarchScores struct {
	Records int // records given
	Skipped int // records PETRARCH's own run skips (not compared)
	Run     int // records compared
	Agree   int // records whose coded triples equal the expected ones
	// CodesAgree counts records whose event codes agree, actors aside
	// (the records' actors come from PETRARCH's made-up validation
	// dictionaries).
	CodesAgree int
	// NoEvents and NoEventsAgree count the compared records that expect
	// no event, and those where the coder codes none.
	NoEvents, NoEventsAgree int
	Disagree                []PetrarchRecord
}

// PetrarchAgreement runs predict on every PETRARCH record that PETRARCH's
// own validation run codes (see PetrarchInfo.Skipped; other sentences are
// ignored) and compares what it codes with what the record expects, as
// PETRARCH's validation does: the two must be the same multiset of
// (source, target, event code) triples. A predicted event's source and
// target are its actors' CAMEO codes (the country when there is no code;
// "---" when there is no actor or neither), its code its CAMEO code;
// actor codes are compared upper-cased with surrounding space trimmed,
// event codes exactly after trimming. Negated events are left out, as
// dyad code leaves them out by default.
func PetrarchAgreement(gold []GoldSentence, predict func(GoldSentence) []record.Event) PetrarchScores {
	var sc PetrarchScores
	for _, s := range gold {
		p := s.Petrarch
		if p == nil {
			continue
		}
		sc.Records++
		if p.Skipped != "" {
			sc.Skipped++
			continue
		}
		sc.Run++
		var coded []PetrarchTriple
		for _, e := range predict(s) {
			if e.Negated {
				continue
			}
			coded = append(coded, PetrarchTriple{
				Source: petrNormActor(actorCode(e.Actor)),
				Target: petrNormActor(actorCode(e.Recipient)),
				Code:   strings.TrimSpace(e.CAMEO),
			})
		}
		expected := make([]PetrarchTriple, len(p.Expected))
		for i, t := range p.Expected {
			expected[i] = PetrarchTriple{petrNormActor(t.Source), petrNormActor(t.Target), strings.TrimSpace(t.Code)}
		}
		if len(expected) == 0 {
			sc.NoEvents++
			if len(coded) == 0 {
				sc.NoEventsAgree++
			}
		}
		all := petrSameMultiset(expected, coded, func(t PetrarchTriple) PetrarchTriple { return t })
		codes := petrSameMultiset(expected, coded, func(t PetrarchTriple) PetrarchTriple { return PetrarchTriple{Code: t.Code} })
		if all {
			sc.Agree++
		}
		if codes {
			sc.CodesAgree++
		}
		if !all {
			sc.Disagree = append(sc.Disagree, PetrarchRecord{ID: s.ID, Category: p.Category, Text: s.Text,
				Expected: expected, Coded: coded, CodesAgree: codes})
		}
	}
	return sc
}

// petrSameMultiset reports whether a and b hold the same triples, as
// projected by key, the same number of times.
func petrSameMultiset(a, b []PetrarchTriple, key func(PetrarchTriple) PetrarchTriple) bool {
	if len(a) != len(b) {
		return false
	}
	n := map[PetrarchTriple]int{}
	for _, t := range a {
		n[key(t)]++
	}
	for _, t := range b {
		k := key(t)
		if n[k] == 0 {
			return false
		}
		n[k]--
	}
	return true
}

// WritePetrarchAgreement prints the agreement counts and, when
// disagreements is true, every record the coder disagrees on.
func WritePetrarchAgreement(w io.Writer, s PetrarchScores, disagreements bool) {
	pct := func(n, d int) float64 {
		if d == 0 {
			return 0
		}
		return 100 * float64(n) / float64(d)
	}
	fmt.Fprintf(w, "PETRARCH records: %d (%d skipped by PETRARCH's own run, %d compared)\n", s.Records, s.Skipped, s.Run)
	fmt.Fprintf(w, "  agree (source, target, code)  %4d  %6.2f%%\n", s.Agree, pct(s.Agree, s.Run))
	fmt.Fprintf(w, "  agree on event codes only     %4d  %6.2f%%\n", s.CodesAgree, pct(s.CodesAgree, s.Run))
	fmt.Fprintf(w, "  no event expected, none coded %4d / %d\n", s.NoEventsAgree, s.NoEvents)
	if !disagreements {
		return
	}
	for _, r := range s.Disagree {
		fmt.Fprintf(w, "\n%s [%s]%s\n  %s\n", r.ID, r.Category, map[bool]string{true: " (codes agree)"}[r.CodesAgree], r.Text)
		petrWriteTriples(w, "expected", r.Expected)
		petrWriteTriples(w, "coded", r.Coded)
	}
}

func petrWriteTriples(w io.Writer, label string, ts []PetrarchTriple) {
	if len(ts) == 0 {
		fmt.Fprintf(w, "  %-9s none\n", label+":")
		return
	}
	for i, t := range ts {
		if i == 0 {
			fmt.Fprintf(w, "  %-9s %s\n", label+":", t)
		} else {
			fmt.Fprintf(w, "  %-9s %s\n", "", t)
		}
	}
}
