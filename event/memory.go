package event

import "dyad/record"

// memory is what the coder remembers of a document's earlier sentences:
// the events coded so far, so that "the call" or "both leaders" can be
// tied to the call reported before.
type memory struct {
	events []remembered
}

type remembered struct {
	noun      string // the trigger's head lemma when it is an encounter noun or verb
	sent      int
	actor     *record.Actor
	recipient *record.Actor
}

// encounters are the nouns (and verbs) of meetings and calls that a later
// definite mention ("the call", "the talks") refers back to.
var encounters = map[string]bool{"call": true, "conversation": true, "talk": true, "meeting": true,
	"discussion": true, "summit": true, "negotiation": true, "meet": true, "talks": true, "phone": true}

func (m *memory) add(s *sentence, evs []record.Event) {
	for _, e := range evs {
		if e.Negated || e.Actor == nil || e.Recipient == nil {
			continue
		}
		noun := ""
		for i, w := range s.w {
			if w.Span.Start >= e.Trigger.Span[0] && w.Span.End <= e.Trigger.Span[1] && encounters[s.lemma(i)] {
				noun = s.lemma(i)
			}
		}
		if noun != "" {
			m.events = append(m.events, remembered{noun: noun, sent: s.si, actor: e.Actor, recipient: e.Recipient})
		}
	}
}

// bridge returns the two parties of the encounter a definite noun of the
// sentence refers back to ("the call lasted an hour ... both leaders"), or
// nil.
func (s *sentence) bridge() []*record.Actor {
	if s.mem == nil || len(s.mem.events) == 0 {
		return nil
	}
	for i := range s.w {
		if s.w[i].UPOS != "NOUN" || !encounters[s.lemma(i)] {
			continue
		}
		definite := false
		for _, c := range s.kids[i] {
			switch s.lower[c] {
			case "the", "this", "that", "their":
				definite = true
			}
		}
		if !definite {
			continue
		}
		r := s.mem.events[len(s.mem.events)-1]
		for k := len(s.mem.events) - 1; k >= 0; k-- {
			if s.mem.events[k].noun == s.lemma(i) {
				// The first event of that sentence: its actor as written first.
				for k > 0 && s.mem.events[k-1].noun == s.lemma(i) && s.mem.events[k-1].sent == s.mem.events[k].sent {
					k--
				}
				r = s.mem.events[k]
				break
			}
		}
		return []*record.Actor{r.actor, r.recipient}
	}
	return nil
}
