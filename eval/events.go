package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"dyad/cameo"
	"dyad/record"
)

// EventLevel is how much of an event must agree with a gold event for the
// two to match.
type EventLevel int

// The event-matching levels, each stricter than the one before.
const (
	// LevelType: the event type agrees (PLOVER, or CAMEO when the gold
	// event has no PLOVER type; see GoldEvent).
	LevelType EventLevel = iota
	// LevelCountries: the type, and the actor's and recipient's countries
	// (the first three letters of a CAMEO actor code).
	LevelCountries
	// LevelCodes: the type, and the full actor and recipient codes.
	LevelCodes
	// EventLevels is the number of levels.
	EventLevels = 3
)

func (l EventLevel) String() string {
	switch l {
	case LevelType:
		return "type"
	case LevelCountries:
		return "type + countries"
	case LevelCodes:
		return "type + actor codes"
	}
	return fmt.Sprintf("level %d", int(l))
}

// EventScores are event-coding scores against a gold set.
type EventScores struct {
	Sentences int
	Gold      int // required gold events
	Optional  int // optional gold events
	Predicted int // predicted events (negated ones left out)
	// Levels holds precision and recall at each EventLevel: Gold is the
	// number of required gold events, System the predicted events less
	// those that matched an optional gold event at that level, Correct the
	// required gold events matched.
	Levels [EventLevels]Score
	// Types breaks the scores down by event type: the gold event's first
	// PLOVER type (or "CAMEO xx", its CAMEO root, when it has none) for
	// hits and misses, the predicted PLOVER type for false alarms. When no
	// gold event in the set has a PLOVER type (PETRARCH records), every
	// row is a CAMEO root, predictions included. Gold is the support.
	Types []TypeScores
	// Errors are the sentences where some required gold event is missed
	// or some prediction is a false alarm, at some level.
	Errors []EventResult
}

// TypeScores are the scores of one event type.
type TypeScores struct {
	Type   string
	Levels [EventLevels]Score
}

// EventResult is how the predictions for one sentence matched its gold
// events.
type EventResult struct {
	ID, Text  string
	Gold      []GoldEvent
	Predicted []record.Event
	// GoldMatch[i][l] is the index in Predicted of the prediction matched
	// to Gold[i] at level l, or -1; PredMatch[j][l] the index in Gold of
	// the gold event matched to Predicted[j], or -1.
	GoldMatch, PredMatch [][EventLevels]int
}

// ScoreEvents runs predict on every gold sentence and scores its events at
// each EventLevel. Negated predictions are left out (dyad code leaves them
// out by default).
//
// In each sentence and at each level, predictions and gold events are
// paired one to one: a pair may match when the prediction satisfies the
// level for the gold event (either way round when the gold event is
// Either); among those, a maximum matching of the required gold events is
// found (augmenting paths, gold events and predictions in order), and then
// extended to optional gold events with the predictions left over. A
// required gold event matched is a hit, one not matched a miss; a
// prediction not matched is a false alarm; a prediction matched to an
// optional gold event counts neither way, nor does an optional event left
// unmatched. Because each level has its own matching, a prediction can be
// a hit at the type level and a false alarm (and its gold event a miss)
// at a stricter one.
//
// A predicted actor's code is its CAMEO code (its Country when it has
// none), its country the first three letters of its CAMEO code (its
// Country when it has none). An actor with neither counts as no actor.
func ScoreEvents(gold []GoldSentence, predict func(GoldSentence) []record.Event) EventScores {
	var sc EventScores
	ploverKind := false
	for _, s := range gold {
		for _, e := range s.Events {
			ploverKind = ploverKind || len(e.PLOVER) > 0
		}
	}
	types := map[string]*TypeScores{}
	row := func(key string) *TypeScores {
		t := types[key]
		if t == nil {
			t = &TypeScores{Type: key}
			types[key] = t
		}
		return t
	}
	for _, s := range gold {
		sc.Sentences++
		var pred []record.Event
		for _, e := range predict(s) {
			if !e.Negated {
				pred = append(pred, e)
			}
		}
		sc.Predicted += len(pred)
		res := EventResult{ID: s.ID, Text: s.Text, Gold: s.Events, Predicted: pred,
			GoldMatch: make([][EventLevels]int, len(s.Events)),
			PredMatch: make([][EventLevels]int, len(pred))}
		for _, g := range s.Events {
			if g.Optional {
				sc.Optional++
			} else {
				sc.Gold++
			}
		}
		failed := false
		for l := range EventLevel(EventLevels) {
			gm, pm := evMatch(s.Events, pred, l)
			lv := &sc.Levels[l]
			for i, g := range s.Events {
				res.GoldMatch[i][l] = gm[i]
				if g.Optional {
					continue
				}
				t := &row(evGoldKey(g, ploverKind)).Levels[l]
				lv.Gold++
				t.Gold++
				if gm[i] >= 0 {
					lv.Correct++
					lv.System++
					t.Correct++
					t.System++
				} else {
					failed = true
				}
			}
			for j, p := range pred {
				res.PredMatch[j][l] = pm[j]
				if pm[j] < 0 {
					lv.System++
					row(evPredKey(p, ploverKind)).Levels[l].System++
					failed = true
				}
			}
		}
		if failed {
			sc.Errors = append(sc.Errors, res)
		}
	}
	for _, t := range types {
		sc.Types = append(sc.Types, *t)
	}
	slices.SortFunc(sc.Types, func(a, b TypeScores) int {
		ia, ib := slices.Index(PloverTypes, a.Type), slices.Index(PloverTypes, b.Type)
		if ia < 0 {
			ia = len(PloverTypes)
		}
		if ib < 0 {
			ib = len(PloverTypes)
		}
		if ia != ib {
			return ia - ib
		}
		return strings.Compare(a.Type, b.Type)
	})
	return sc
}

// evGoldKey is the type row of a gold event.
func evGoldKey(g GoldEvent, ploverKind bool) string {
	if ploverKind && len(g.PLOVER) > 0 {
		return g.PLOVER[0]
	}
	if len(g.CAMEO) > 0 {
		return evCAMEOKey(g.CAMEO[0])
	}
	return "(none)"
}

// evPredKey is the type row of a prediction.
func evPredKey(p record.Event, ploverKind bool) string {
	if !ploverKind {
		return evCAMEOKey(p.CAMEO)
	}
	if t, _ := NormalizePLOVER(p.Event); t != "" {
		return t
	}
	return "(none)"
}

func evCAMEOKey(code string) string {
	code = strings.TrimSpace(code)
	if len(code) < 2 {
		return "(none)"
	}
	return "CAMEO " + code[:2]
}

// evMatch pairs gold events and predictions one to one at level l:
// gm[i] is the prediction matched to gold event i, pm[j] the gold event
// matched to prediction j, -1 for none.
func evMatch(gold []GoldEvent, pred []record.Event, l EventLevel) (gm, pm []int) {
	gm, pm = make([]int, len(gold)), make([]int, len(pred))
	for i := range gm {
		gm[i] = -1
	}
	for j := range pm {
		pm[j] = -1
	}
	ok := make([][]bool, len(gold))
	for i := range gold {
		ok[i] = make([]bool, len(pred))
		for j := range pred {
			ok[i][j] = evMatches(&gold[i], &pred[j], l)
		}
	}
	var seen []bool
	var try func(i int) bool
	try = func(i int) bool {
		for j := range pred {
			if !ok[i][j] || seen[j] {
				continue
			}
			seen[j] = true
			if pm[j] < 0 || try(pm[j]) {
				pm[j], gm[i] = i, j
				return true
			}
		}
		return false
	}
	for _, optional := range []bool{false, true} {
		for i := range gold {
			if gold[i].Optional == optional {
				seen = make([]bool, len(pred))
				try(i)
			}
		}
	}
	return gm, pm
}

// evMatches reports whether prediction p matches gold event g at level l.
func evMatches(g *GoldEvent, p *record.Event, l EventLevel) bool {
	if !evTypeMatches(g, p) {
		return false
	}
	if l == LevelType {
		return true
	}
	if evActorMatches(g.Actor, p.Actor, l) && evActorMatches(g.Recipient, p.Recipient, l) {
		return true
	}
	return g.Either && evActorMatches(g.Actor, p.Recipient, l) && evActorMatches(g.Recipient, p.Actor, l)
}

// evTypeMatches judges the event type: PLOVER when the gold gives it, else
// CAMEO.
func evTypeMatches(g *GoldEvent, p *record.Event) bool {
	if len(g.PLOVER) > 0 {
		t, ok := NormalizePLOVER(p.Event)
		return ok && slices.Contains(g.PLOVER, t)
	}
	for _, c := range g.CAMEO {
		if cameoAccepts(c, p.CAMEO) {
			return true
		}
	}
	return false
}

// evActorMatches judges one actor at level LevelCountries or LevelCodes
// against a gold list of accepted code patterns.
func evActorMatches(patterns []string, a *record.Actor, l EventLevel) bool {
	code := actorCode(a)
	if len(patterns) == 0 {
		return code == ""
	}
	country := actorCountry(a)
	for _, pat := range patterns {
		switch {
		case pat == "*":
			return true
		case code == "":
			continue
		case l == LevelCountries && goldMatchCountry(pat, country):
			return true
		case l == LevelCodes && goldMatchCode(pat, code):
			return true
		}
	}
	return false
}

// WriteEventScores prints the scores as tables: P, R and F1 at each level,
// then by type; with errors, every sentence with a miss or a false alarm,
// its gold events and what was predicted.
func WriteEventScores(w io.Writer, s EventScores, errors bool) {
	fmt.Fprintf(w, "%d sentences: %d gold events", s.Sentences, s.Gold)
	if s.Optional > 0 {
		fmt.Fprintf(w, " (and %d optional)", s.Optional)
	}
	fmt.Fprintf(w, ", %d predicted\n\n", s.Predicted)
	fmt.Fprintf(w, "%-20s %7s %7s %7s %8s %6s %7s\n", "level", "P", "R", "F1", "correct", "gold", "system")
	for l := range EventLevel(EventLevels) {
		sc := s.Levels[l]
		fmt.Fprintf(w, "%-20s %7.2f %7.2f %7.2f %8d %6d %7d\n", l, 100*sc.P(), 100*sc.R(), 100*sc.F1(), sc.Correct, sc.Gold, sc.System)
	}
	if len(s.Types) > 0 {
		fmt.Fprintf(w, "\n%-12s %7s %7s %7s %7s %9s %9s\n", "by type", "support", "P", "R", "F1", "F1 ctry", "F1 codes")
		for _, t := range s.Types {
			ty := t.Levels[LevelType]
			fmt.Fprintf(w, "%-12s %7d %7.2f %7.2f %7.2f %9.2f %9.2f\n", t.Type, ty.Gold,
				100*ty.P(), 100*ty.R(), 100*ty.F1(), 100*t.Levels[LevelCountries].F1(), 100*t.Levels[LevelCodes].F1())
		}
	}
	if !errors {
		return
	}
	for _, r := range s.Errors {
		fmt.Fprintf(w, "\n%s\n  %s\n", r.ID, r.Text)
		for i, g := range r.Gold {
			fmt.Fprintf(w, "  gold  %-40s %s\n", evGoldString(g), evGoldStatus(g, r.GoldMatch[i]))
		}
		if len(r.Predicted) == 0 {
			fmt.Fprintf(w, "  pred  none\n")
		}
		for j, p := range r.Predicted {
			fmt.Fprintf(w, "  pred  %-40s %s\n", evPredString(p), evPredStatus(r.PredMatch[j], r.Gold))
		}
	}
}

// evGoldString formats a gold event: "AGREE HUNGOV <-> ROUGOV".
func evGoldString(g GoldEvent) string {
	typ := strings.Join(g.PLOVER, "|")
	if typ == "" {
		typ = strings.Join(g.CAMEO, "|")
	} else if len(g.CAMEO) > 0 {
		typ += "/" + strings.Join(g.CAMEO, "|")
	}
	list := func(l []string) string {
		if len(l) == 0 {
			return "-"
		}
		return strings.Join(l, "|")
	}
	arrow := "->"
	if g.Either {
		arrow = "<->"
	}
	s := typ + " " + list(g.Actor) + " " + arrow + " " + list(g.Recipient)
	if g.Optional {
		s += " (optional)"
	}
	return s
}

// evPredString formats a prediction: "CONSULT/041 USAGOV -> RUSGOV «had a
// phone call» [rule]".
func evPredString(p record.Event) string {
	code := func(a *record.Actor) string {
		if c := actorCode(a); c != "" {
			return c
		}
		return "-"
	}
	s := p.Event
	if p.CAMEO != "" {
		s += "/" + p.CAMEO
	}
	s += " " + code(p.Actor) + " -> " + code(p.Recipient)
	if p.Trigger.Text != "" {
		s += " «" + p.Trigger.Text + "»"
	}
	if p.Rule != "" {
		s += " [" + p.Rule + "]"
	}
	return s
}

// evGoldStatus says how far a gold event was matched.
func evGoldStatus(g GoldEvent, m [EventLevels]int) string {
	var s string
	switch {
	case m[LevelCodes] >= 0:
		s = "found"
	case m[LevelCountries] >= 0:
		s = "found, actor codes differ"
	case m[LevelType] >= 0:
		s = "found, countries differ"
	default:
		s = "MISSED"
	}
	if g.Optional && s == "MISSED" {
		s = "not found (optional)"
	}
	return s
}

// evPredStatus says how far a prediction was matched.
func evPredStatus(m [EventLevels]int, gold []GoldEvent) string {
	switch {
	case m[LevelType] < 0:
		return "FALSE ALARM"
	case m[LevelCountries] < 0:
		return "countries differ"
	case m[LevelCodes] < 0:
		return "actor codes differ"
	case gold[m[LevelCodes]].Optional:
		return "ok (optional event)"
	}
	return "ok"
}

// ClassCount is the number of ConfliBERT CAMEO classes.
const ClassCount = 5

// ClassNames name the ConfliBERT classes and the CAMEO roots each holds.
var ClassNames = [ClassCount]string{
	"statement, appeal (01-02)",
	"verbal cooperation (03-05)",
	"material cooperation (06-08)",
	"verbal conflict (09-13, 16)",
	"material conflict (14-15, 17-20)",
}

// CAMEOClass returns the ConfliBERT class of a CAMEO event code: 0 for
// roots 01-02, 1 for 03-05, 2 for 06-08, 3 for 09-13 and 16, 4 for 14-15
// and 17-20; -1 when the code has no CAMEO root.
func CAMEOClass(code string) int {
	r := CAMEORoot(code)
	if r == 0 {
		return -1
	}
	return cameo.PentaClass(fmt.Sprintf("%02d", r))
}

// ClassScores are the accuracy of the class of the first predicted event
// against the ConfliBERT classes.
type ClassScores struct {
	Sentences int
	Predicted int // sentences with a predicted event
	Correct   int
	// Confusion[g][p] counts sentences of gold class g predicted as class
	// p; column ClassCount counts those with no prediction.
	Confusion [ClassCount][ClassCount + 1]int
}

// Accuracy is Correct/Sentences: a sentence without a prediction is wrong.
func (s ClassScores) Accuracy() float64 { return goldRatio(s.Correct, s.Sentences) }

// PredictedAccuracy is Correct/Predicted: the accuracy over the sentences
// with a prediction.
func (s ClassScores) PredictedAccuracy() float64 { return goldRatio(s.Correct, s.Predicted) }

// Coverage is Predicted/Sentences.
func (s ClassScores) Coverage() float64 { return goldRatio(s.Predicted, s.Sentences) }

func goldRatio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// ScoreClass runs predict on every sentence and compares the class
// (CAMEOClass) of its first predicted event with the gold class. The first
// predicted event is the first in the order predict returns that is not
// negated and has a CAMEO code with a root; a sentence with none counts as
// wrong.
func ScoreClass(gold []ClassSentence, predict func(text string) []record.Event) ClassScores {
	var sc ClassScores
	for _, s := range gold {
		if s.Class < 0 || s.Class >= ClassCount {
			continue
		}
		sc.Sentences++
		p := ClassCount
		for _, e := range predict(s.Text) {
			if c := CAMEOClass(e.CAMEO); c >= 0 && !e.Negated {
				p = c
				break
			}
		}
		sc.Confusion[s.Class][p]++
		if p < ClassCount {
			sc.Predicted++
		}
		if p == s.Class {
			sc.Correct++
		}
	}
	return sc
}

// WriteClassScores prints the accuracies and the confusion matrix.
func WriteClassScores(w io.Writer, s ClassScores) {
	fmt.Fprintf(w, "%d sentences, %d with a predicted event (coverage %.2f%%)\n", s.Sentences, s.Predicted, 100*s.Coverage())
	fmt.Fprintf(w, "accuracy %.2f%% (no prediction counts as wrong), %.2f%% over sentences with a prediction\n\n",
		100*s.Accuracy(), 100*s.PredictedAccuracy())
	fmt.Fprintf(w, "%-36s", "gold \\ predicted")
	for p := range ClassCount {
		fmt.Fprintf(w, " %5d", p)
	}
	fmt.Fprintf(w, " %5s %6s\n", "none", "total")
	for g := range ClassCount {
		fmt.Fprintf(w, "%d %-34s", g, ClassNames[g])
		total := 0
		for _, n := range s.Confusion[g] {
			fmt.Fprintf(w, " %5d", n)
			total += n
		}
		fmt.Fprintf(w, " %6d\n", total)
	}
}
