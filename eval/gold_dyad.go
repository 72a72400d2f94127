package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"dyad/cameo"
	"dyad/doc"
)

// ReadDyadGold reads dyad gold JSONL from r (name is used in diagnostics
// and default ids): one sentence a line,
//
//	{"id": "...", "date": "...", "text": "...",
//	 "events": [{"actor": ["USAGOV"], "recipient": ["RUSGOV"], "cameo": ["041"],
//	             "plover": ["CONSULT"], "either": false, "optional": false}]}
//
// Only "text" is required. "id" defaults to "name:line". In an event each
// list may also be given as a single string; "plover" takes PLOVER 0.8
// types or the 0.5 labels NormalizePLOVER maps; "cameo" takes codes of 2
// to 4 digits; "trigger", "mode" and "context" are kept but not scored.
// An event needs "plover" or "cameo". A sentence with no events says that
// nothing is to be found in it.
//
// A line that is not JSON, not UTF-8 or breaks these rules is reported
// with its line and skipped, with all its events. Blank lines are skipped.
// The error is non-nil only when r cannot be read.
func ReadDyadGold(name string, r io.Reader) ([]GoldSentence, []doc.Diagnostic, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, goldBOM)
	var out []GoldSentence
	var diags []doc.Diagnostic
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			diags = append(diags, goldDiag(name, n, "not valid UTF-8; skipped"))
			continue
		}
		s, err := dyadGoldLine(line)
		if err != nil {
			diags = append(diags, goldDiag(name, n, "%v; skipped", err))
			continue
		}
		s.Origin = goldOrigin(name, n)
		if s.ID == "" {
			s.ID = s.Origin
		}
		out = append(out, s)
	}
	return out, diags, nil
}

// dyadGoldLine decodes one line of dyad gold JSONL.
func dyadGoldLine(line []byte) (GoldSentence, error) {
	var rec struct {
		ID     json.RawMessage   `json:"id"`
		Date   json.RawMessage   `json:"date"`
		Text   json.RawMessage   `json:"text"`
		Events []json.RawMessage `json:"events"`
	}
	if line[0] != '{' {
		return GoldSentence{}, fmt.Errorf("not a JSON object")
	}
	if err := json.Unmarshal(line, &rec); err != nil {
		return GoldSentence{}, fmt.Errorf("not a gold record: %w", err)
	}
	var s GoldSentence
	var ok bool
	if s.Text, ok = jsonStr(rec.Text); !ok || strings.TrimSpace(s.Text) == "" {
		return s, fmt.Errorf("no text")
	}
	s.ID, _ = jsonStr(rec.ID)
	if len(rec.ID) > 0 && (rec.ID[0] == '-' || rec.ID[0] >= '0' && rec.ID[0] <= '9') {
		s.ID = string(rec.ID)
	}
	if d, _ := jsonStr(rec.Date); d != "" {
		if !goldDateOK(d) {
			return s, fmt.Errorf("date %q is not YYYY-MM-DD", d)
		}
		s.Date = d
	}
	for i, raw := range rec.Events {
		e, err := dyadGoldEvent(raw)
		if err != nil {
			return s, fmt.Errorf("event %d: %w", i+1, err)
		}
		s.Events = append(s.Events, e)
	}
	return s, nil
}

// dyadGoldEvent decodes one event object.
func dyadGoldEvent(raw json.RawMessage) (GoldEvent, error) {
	var rec struct {
		Actor     json.RawMessage `json:"actor"`
		Recipient json.RawMessage `json:"recipient"`
		CAMEO     json.RawMessage `json:"cameo"`
		PLOVER    json.RawMessage `json:"plover"`
		Either    bool            `json:"either"`
		Optional  bool            `json:"optional"`
		Trigger   string          `json:"trigger"`
		Mode      string          `json:"mode"`
		Context   json.RawMessage `json:"context"`
	}
	var e GoldEvent
	if len(raw) == 0 || raw[0] != '{' {
		return e, fmt.Errorf("not an object")
	}
	if err := json.Unmarshal(raw, &rec); err != nil {
		return e, err
	}
	var err error
	if e.Actor, err = jsonStrList(rec.Actor, "actor"); err != nil {
		return e, err
	}
	if e.Recipient, err = jsonStrList(rec.Recipient, "recipient"); err != nil {
		return e, err
	}
	for i, c := range e.Actor {
		e.Actor[i] = goldNormCode(c)
	}
	for i, c := range e.Recipient {
		e.Recipient[i] = goldNormCode(c)
	}
	if e.CAMEO, err = jsonStrList(rec.CAMEO, "cameo"); err != nil {
		return e, err
	}
	for i, c := range e.CAMEO {
		c = strings.TrimSpace(c)
		if !cameo.WellFormed(c) {
			return e, fmt.Errorf("cameo %q is not a CAMEO event code", c)
		}
		e.CAMEO[i] = c
	}
	if e.PLOVER, err = jsonStrList(rec.PLOVER, "plover"); err != nil {
		return e, err
	}
	for i, p := range e.PLOVER {
		t, ok := NormalizePLOVER(p)
		if !ok {
			return e, fmt.Errorf("plover %q is not a PLOVER type", p)
		}
		e.PLOVER[i] = t
	}
	if len(e.CAMEO) == 0 && len(e.PLOVER) == 0 {
		return e, fmt.Errorf("neither cameo nor plover")
	}
	if e.Context, err = jsonStrList(rec.Context, "context"); err != nil {
		return e, err
	}
	e.Either, e.Optional, e.Trigger, e.Mode = rec.Either, rec.Optional, rec.Trigger, rec.Mode
	return e, nil
}

// jsonStr returns the string raw holds, if it is a JSON string.
func jsonStr(raw json.RawMessage) (string, bool) {
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// jsonStrList reads a list of strings, a single string (a list of one; ""
// is none) or null.
func jsonStrList(raw json.RawMessage, field string) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if s, ok := jsonStr(raw); ok {
		if strings.TrimSpace(s) == "" {
			return nil, nil
		}
		return []string{s}, nil
	}
	var l []string
	if err := json.Unmarshal(raw, &l); err != nil {
		return nil, fmt.Errorf("%s is not a list of strings", field)
	}
	out := l[:0]
	for _, s := range l {
		if strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("%s holds an empty string", field)
		}
		out = append(out, s)
	}
	return out, nil
}

// goldDateOK reports whether d looks like YYYY-MM-DD.
func goldDateOK(d string) bool {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return false
	}
	for i := 0; i < len(d); i++ {
		if i != 4 && i != 7 && (d[i] < '0' || d[i] > '9') {
			return false
		}
	}
	m := (d[5]-'0')*10 + d[6] - '0'
	day := (d[8]-'0')*10 + d[9] - '0'
	return m >= 1 && m <= 12 && day >= 1 && day <= 31
}
