package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
	"dyad/record"
)

// ReadPloverGold reads PLOVER gold-standard records (the OEDA
// PLOVER-GSR files): a JSON array of objects with "id", "date", "text",
// "event" (a PLOVER 0.5 or 0.8 label), "eventText", "mode", "context"
// and "source" and "target" actors. name is used in diagnostics.
//
// What the records hold, and how they become gold events:
//
//   - "source" and "target" are a list of actor objects {"actorText",
//     "code", "sector"}, "", null or absent (no such actor). Any other
//     string (one record has the context "diplomatic" as its target) is
//     reported and read as no actor.
//   - An actor's accepted codes are code+sector, upper-cased: "HUN" with
//     "GOV" is HUNGOV, with no sector HUN. Sector "***" (the coder left
//     it open) accepts any sector: "ISR*". A lower-case tail names an
//     ethnic or religious group ("CVLalb"): both MKDCVLALB and MKDCVL are
//     accepted. Sector "CIV" is read as CVL (civilians; CIV is a country
//     code). IGO, NGO and IMG actors accept every code beginning so
//     ("IGO*"), because the records do not say which organisation. The
//     country codes JAP and ITL are read as JPN and ITA (reported).
//   - One source and at most one target: one event.
//   - Two sources and no target are the PLOVER "compound actor" (marked
//     SRC/TAR in the markup: "Hungarian and Romanian officials agreed"):
//     one event between the two, Either, plus an optional event so that a
//     coder that codes both directions loses nothing.
//   - Otherwise several sources or targets are alternatives ("will visit
//     Mauritania and Senegal"): one event whose actor may be any source
//     and recipient any target, plus optional copies up to one event per
//     pair (64 events at most), so that a coder may code one event or one
//     per pair. (Three or more sources and no target: one Either event
//     between any two, and optional copies.)
//   - "event" is mapped to PLOVER 0.8 (DEMAND → REQUEST, DISAPPROVE →
//     ACCUSE, FIGHT → ASSAULT, INVESTIGATE → ACCUSE); a record whose id
//     names another type is reported but the event field is used.
//
// Each actor's words are looked for in the text to give its Spans: first
// as given (surrounding space trimmed, runs of white space matching any
// white space), then ignoring ASCII letter case, each time first after the
// part found before and then anywhere; text elided with ".." or "..." is
// looked for part by part; a part not found is tried without a trailing
// "(...)" and then as its longest leading run of whole words (up to 12; split at
// spaces and hyphens, which then match runs of either) that is found
// ("Greek-Cypriot" → "Greek"). A part that begins or ends with an ASCII
// letter or digit must begin or end a word of the text. Actors are looked
// for in order, sources first, and a place that overlaps an actor found
// before is passed over when another fits: in "Palestinian Islamic Jihad
// rejected a meeting of Palestinian factions" the target "Palestinian" is
// the second one.
//
// A record that is not an object, has no text, no known event type or an
// actor without a code is reported with its line and id and skipped. A
// JSON syntax error ends the input. The error is non-nil only when r
// cannot be read.
func ReadPloverGold(name string, r io.Reader) ([]GoldSentence, []doc.Diagnostic, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, goldBOM)
	lines := newGoldLines(data)
	var diags []doc.Diagnostic
	dec := json.NewDecoder(bytes.NewReader(data))
	syntax := func(err error) {
		var se *json.SyntaxError
		off := dec.InputOffset()
		if errors.As(err, &se) {
			off = se.Offset
		}
		msg := err.Error()
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			msg = "unexpected end of input"
		}
		diags = append(diags, goldDiag(name, lines.line(off), "not JSON: %s; rest of input skipped", msg))
	}
	tok, err := dec.Token()
	if err != nil {
		syntax(err)
		return nil, diags, nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		diags = append(diags, goldDiag(name, 1, "not a JSON array of PLOVER records"))
		return nil, diags, nil
	}
	var out []GoldSentence
	for dec.More() {
		start := dec.InputOffset()
		for start < int64(len(data)) && (data[start] == ',' || isJSONSpace(data[start])) {
			start++
		}
		line := lines.line(start)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			syntax(err)
			return out, diags, nil
		}
		if !utf8.Valid(raw) {
			diags = append(diags, goldDiag(name, line, "not valid UTF-8; skipped"))
			continue
		}
		s, warns, err := ploverRecord(raw)
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
		s.Origin = goldOrigin(name, line)
		if s.ID == "" {
			s.ID = s.Origin
		}
		out = append(out, s)
	}
	if _, err := dec.Token(); err != nil {
		syntax(err)
	}
	return out, diags, nil
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// ploverRecord reads one PLOVER record. warns are problems that do not
// keep the record out.
func ploverRecord(raw json.RawMessage) (GoldSentence, []string, error) {
	var rec struct {
		ID        json.RawMessage `json:"id"`
		Date      json.RawMessage `json:"date"`
		Text      json.RawMessage `json:"text"`
		Event     json.RawMessage `json:"event"`
		EventText json.RawMessage `json:"eventText"`
		Mode      json.RawMessage `json:"mode"`
		Context   json.RawMessage `json:"context"`
		Source    json.RawMessage `json:"source"`
		Target    json.RawMessage `json:"target"`
	}
	var s GoldSentence
	if len(raw) == 0 || raw[0] != '{' {
		return s, nil, fmt.Errorf("not a JSON object")
	}
	if err := json.Unmarshal(raw, &rec); err != nil {
		return s, nil, fmt.Errorf("not a PLOVER record: %w", err)
	}
	s.ID, _ = jsonStr(rec.ID)
	if len(rec.ID) > 0 && (rec.ID[0] == '-' || rec.ID[0] >= '0' && rec.ID[0] <= '9') {
		s.ID = string(rec.ID)
	}
	var warns []string
	if d, _ := jsonStr(rec.Date); d != "" {
		if goldDateOK(d) {
			s.Date = d
		} else {
			warns = append(warns, fmt.Sprintf("date %q is not YYYY-MM-DD: ignored", d))
		}
	}
	var ok bool
	if s.Text, ok = jsonStr(rec.Text); !ok || strings.TrimSpace(s.Text) == "" {
		return s, warns, fmt.Errorf("no text")
	}
	label, _ := jsonStr(rec.Event)
	typ, ok := NormalizePLOVER(label)
	if !ok {
		return s, warns, fmt.Errorf("event %q is not a PLOVER type", label)
	}
	if idType := ploverIDType(s.ID); idType != "" && idType != typ {
		warns = append(warns, fmt.Sprintf("id names %s but the event is %s (%s): the event is used", idType, label, typ))
	}
	src, w, err := ploverActors(rec.Source, "source")
	if err != nil {
		return s, warns, err
	}
	warns = append(warns, w...)
	tgt, w, err := ploverActors(rec.Target, "target")
	if err != nil {
		return s, warns, err
	}
	warns = append(warns, w...)
	s.Actors = append(src, tgt...)
	var taken []record.Span
	for i := range s.Actors {
		s.Actors[i].Spans = goldLocate(s.Text, s.Actors[i].Text, taken)
		taken = append(taken, s.Actors[i].Spans...)
	}
	src, tgt = s.Actors[:len(src)], s.Actors[len(src):]

	trigger, _ := jsonStr(rec.EventText)
	mode, _ := jsonStr(rec.Mode)
	var context []string
	if c, ok := jsonStr(rec.Context); ok {
		for _, part := range strings.Split(c, ",") {
			if part = strings.TrimSpace(part); part != "" {
				context = append(context, part)
			}
		}
	} else if l, err := jsonStrList(rec.Context, "context"); err == nil {
		context = l
	}
	base := GoldEvent{PLOVER: []string{typ}, Trigger: trigger, Mode: mode, Context: context}
	s.Events = ploverEvents(base, src, tgt)
	return s, warns, nil
}

// ploverIDType returns the type an id like PLOVER-GSR01-AGREE-0001 names,
// mapped to PLOVER 0.8, or "".
func ploverIDType(id string) string {
	parts := strings.Split(id, "-")
	if len(parts) < 3 {
		return ""
	}
	t, ok := NormalizePLOVER(parts[len(parts)-2])
	if !ok {
		return ""
	}
	return t
}

// ploverActors reads a "source" or "target" field.
func ploverActors(raw json.RawMessage, role string) ([]GoldActor, []string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil, nil
	}
	if s, ok := jsonStr(raw); ok {
		if strings.TrimSpace(s) == "" {
			return nil, nil, nil
		}
		return nil, []string{fmt.Sprintf("%s is %q, not a list of actors: read as none", role, s)}, nil
	}
	var items []json.RawMessage
	switch raw[0] {
	case '{':
		items = []json.RawMessage{raw}
	case '[':
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", role, err)
		}
	default:
		return nil, nil, fmt.Errorf("%s is not a list of actors", role)
	}
	var out []GoldActor
	var warns []string
	for i, it := range items {
		var a struct {
			ActorText json.RawMessage `json:"actorText"`
			Code      json.RawMessage `json:"code"`
			Sector    json.RawMessage `json:"sector"`
		}
		if len(it) == 0 || it[0] != '{' || json.Unmarshal(it, &a) != nil {
			return nil, warns, fmt.Errorf("%s actor %d is not an object", role, i+1)
		}
		code, _ := jsonStr(a.Code)
		if strings.TrimSpace(code) == "" {
			return nil, warns, fmt.Errorf("%s actor %d has no code", role, i+1)
		}
		text, _ := jsonStr(a.ActorText)
		sector, _ := jsonStr(a.Sector)
		ga := GoldActor{Role: role, Text: text, Code: code, Sector: sector}
		var fixed string
		ga.Codes, fixed = ploverCodes(code, sector)
		if fixed != "" {
			warns = append(warns, fmt.Sprintf("%s code %s read as %s", role, goldNormCode(code), fixed))
		}
		out = append(out, ga)
	}
	return out, warns, nil
}

// ploverCountryFix corrects country codes the PLOVER records misspell.
var ploverCountryFix = map[string]string{"JAP": "JPN", "ITL": "ITA"}

// ploverCodes returns the code patterns a PLOVER actor accepts (see
// ReadPloverGold), and the corrected country when its code was fixed.
func ploverCodes(code, sector string) (codes []string, fixed string) {
	c := goldNormCode(code)
	if f, ok := ploverCountryFix[c]; ok {
		c, fixed = f, f
	}
	switch c {
	case "IGO", "NGO", "IMG":
		return []string{c + "*"}, fixed
	}
	sector = strings.TrimSpace(sector)
	if sector == "" {
		return []string{c}, fixed
	}
	if strings.Trim(sector, "*") == "" {
		return []string{c + "*"}, fixed
	}
	// Upper-case sector codes, then a lower-case qualifier.
	i := 0
	for i < len(sector) && !(sector[i] >= 'a' && sector[i] <= 'z') {
		i++
	}
	up, low := strings.ToUpper(sector[:i]), strings.ToUpper(sector[i:])
	if rest, ok := strings.CutPrefix(up, "CIV"); ok {
		up = "CVL" + rest
	}
	if low == "" {
		return []string{c + up}, fixed
	}
	return []string{c + up + low, c + up}, fixed
}

// ploverEvents builds the gold events of a record from its actors.
func ploverEvents(base GoldEvent, src, tgt []GoldActor) []GoldEvent {
	codes := func(as []GoldActor) []string {
		var out []string
		for _, a := range as {
			for _, c := range a.Codes {
				if !goldHas(out, c) {
					out = append(out, c)
				}
			}
		}
		return out
	}
	ev := func(actor, recipient []string, either, optional bool) GoldEvent {
		e := base
		e.Actor, e.Recipient, e.Either, e.Optional = actor, recipient, either, optional
		return e
	}
	if len(src) == 2 && len(tgt) == 0 {
		a, b := codes(src[:1]), codes(src[1:])
		return []GoldEvent{ev(a, b, true, false), ev(a, b, true, true)}
	}
	out := []GoldEvent{ev(codes(src), codes(tgt), false, false)}
	if len(tgt) == 0 && len(src) > 2 {
		// Three or more compound actors: any pair, either way.
		out[0].Recipient, out[0].Either = out[0].Actor, true
		for i := 1; i < min(len(src)*(len(src)-1), ploverMaxEvents); i++ {
			out = append(out, ev(out[0].Actor, out[0].Actor, true, true))
		}
		return out
	}
	pairs := min(max(len(src), 1)*max(len(tgt), 1), ploverMaxEvents)
	for i := 1; i < pairs; i++ {
		out = append(out, ev(out[0].Actor, out[0].Recipient, false, true))
	}
	return out
}

func goldHas(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// goldElision splits actor text where the gold elided words.
var goldElision = regexp.MustCompile(`\.{2,}|…`)

// goldParen is a trailing parenthetical.
var goldParen = regexp.MustCompile(`\s*\([^()]*\)\s*$`)

// goldLocate finds an actor's words in a sentence (see ReadPloverGold),
// avoiding the places in taken (other actors' words) if it can.
func goldLocate(text, actor string, taken []record.Span) []record.Span {
	spans := goldLocateAvoiding(text, actor, taken)
	if len(spans) == 0 && len(taken) > 0 {
		spans = goldLocateAvoiding(text, actor, nil)
	}
	return spans
}

func goldLocateAvoiding(text, actor string, taken []record.Span) []record.Span {
	var spans []record.Span
	from := 0
	for _, part := range goldElision.Split(actor, -1) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		sp, ok := goldFindWords(text, strings.Fields(part), false, from, taken)
		if !ok {
			if p := goldParen.ReplaceAllString(part, ""); p != part && p != "" {
				sp, ok = goldFindWords(text, strings.Fields(p), false, from, taken)
			}
		}
		if !ok {
			words := strings.FieldsFunc(part, func(r rune) bool { return r == '-' || unicode.IsSpace(r) })
			for n := min(len(words)-1, goldMaxPrefix); n >= 1 && !ok; n-- {
				sp, ok = goldFindWords(text, words[:n], true, from, taken)
			}
		}
		if ok {
			spans = append(spans, sp)
			from = sp[1]
		}
	}
	return spans
}

// goldFindWords looks for words in text, separated by white space (or
// hyphens, when hyphens is true), where a first word that begins with an
// ASCII letter or digit must begin a word of the text and a last word
// that ends with one must end a word, and the words must not overlap a
// span in taken: first with letter case as written and then ignoring
// ASCII letter case, each time first at or after from and then anywhere.
func goldFindWords(text string, words []string, hyphens bool, from int, taken []record.Span) (record.Span, bool) {
	if len(words) == 0 || words[0] == "" {
		return record.Span{}, false
	}
	for _, fold := range []bool{false, true} {
		t, ws := text, words
		if fold {
			t = goldASCIILower(text)
			ws = make([]string, len(words))
			for i, w := range words {
				ws[i] = goldASCIILower(w)
			}
		}
		for _, start := range []int{from, 0} {
			if start > len(t) {
				continue
			}
			for i := start; i < len(t); {
				k := strings.Index(t[i:], ws[0])
				if k < 0 {
					break
				}
				if end, ok := goldMatchAt(t, ws, hyphens, i+k); ok {
					sp := record.Span{i + k, end}
					free := true
					for _, o := range taken {
						free = free && actOverlap(sp, o) == 0
					}
					if free {
						return sp, true
					}
				}
				i += k + 1
			}
		}
	}
	return record.Span{}, false
}

// goldMatchAt reports whether words, the first of which is at s in t,
// follow there (see goldFindWords), and where they end.
func goldMatchAt(t string, words []string, hyphens bool, s int) (int, bool) {
	if goldWordByte(words[0][0]) && s > 0 && goldWordByte(t[s-1]) {
		return 0, false
	}
	p := s + len(words[0])
	for _, w := range words[1:] {
		q := p
		for q < len(t) && (t[q] == ' ' || t[q] == '\t' || t[q] == '\n' || t[q] == '\r' || t[q] == '\f' || hyphens && t[q] == '-') {
			q++
		}
		if q == p || !strings.HasPrefix(t[q:], w) {
			return 0, false
		}
		p = q + len(w)
	}
	last := words[len(words)-1]
	if last != "" && goldWordByte(last[len(last)-1]) && p < len(t) && goldWordByte(t[p]) {
		return 0, false
	}
	return p, true
}

// goldWordByte reports whether c is an ASCII letter, digit or underscore.
func goldWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// goldASCIILower lower-cases ASCII letters only, so that byte offsets
// stay the same.
func goldASCIILower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// ploverMaxEvents caps the events one record gives (a required event and
// its optional copies).
const ploverMaxEvents = 64

// goldMaxPrefix is the longest run of leading words goldLocate tries when
// a part is not found whole (actor names are short; this bounds the work
// on odd input).
const goldMaxPrefix = 12
