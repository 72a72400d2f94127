package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"dyad/record"
)

// ActorCounts count gold actors and how many a coder got right.
type ActorCounts struct {
	Actors  int // gold actors
	Located int // of which the words were found in the sentence (the rest are not scored)
	Found   int // located actors that some predicted entity mention overlaps
	Country int // found with the right country
	Sector  int // found with the right country and sector
}

// Pct returns 100*n/Located.
func (c ActorCounts) Pct(n int) float64 { return 100 * goldRatio(n, c.Located) }

func (c ActorCounts) add(o ActorCounts) ActorCounts {
	return ActorCounts{c.Actors + o.Actors, c.Located + o.Located, c.Found + o.Found, c.Country + o.Country, c.Sector + o.Sector}
}

// ActorResult is how one gold actor fared.
type ActorResult struct {
	ID     string // the sentence
	Actor  GoldActor
	Entity *record.Entity // the entity found, nil when none
	// Mention is the entity's mention that overlaps the actor most.
	Mention         record.Mention
	Country, Sector bool
	Located, Found  bool
}

// ActorScores are actor-resolution scores on gold actors.
type ActorScores struct {
	Source, Target ActorCounts
	// Misses are the actors not located, not found or found with a wrong
	// country or sector.
	Misses []ActorResult
}

// All returns the counts over sources and targets together.
func (s ActorScores) All() ActorCounts { return s.Source.add(s.Target) }

// ScoreActors runs predict on every gold sentence that has gold actors
// (GoldSentence.Actors: the PLOVER records) and judges, for each gold
// actor, the predicted entity that stands for it.
//
// The entity is the one with a mention that overlaps the actor's words
// (its Spans: where ReadPloverGold found them) by the most bytes, summed
// over the spans when the gold elides words; on a tie the first entity and
// mention in predict's order. Any overlap will do, so a mention that
// covers the actor, or lies inside it, counts. An actor whose words were
// not found is counted in Actors but not in Located and not scored.
//
// The entity's country is the first three letters of its CAMEO code, or
// its Country when it has no code; its sector its Sector, or the three
// letters after the country in its CAMEO code. The country is right when
// it equals the gold code's country, upper-cased (with the corrections
// ReadPloverGold makes: JAP → JPN, ITL → ITA); the sector when its first
// three letters equal the gold sector's (CIV read as CVL), "" equals "",
// and a gold "***" accepts any sector. IGO, NGO and IMG gold codes take
// the sector as given too: "U.N. Security Council" is IGO with sector GOV.
func ScoreActors(gold []GoldSentence, predict func(GoldSentence) []record.Entity) ActorScores {
	var sc ActorScores
	for _, s := range gold {
		if len(s.Actors) == 0 {
			continue
		}
		ents := predict(s)
		for _, a := range s.Actors {
			c := &sc.Source
			if a.Role == "target" {
				c = &sc.Target
			}
			res := ActorResult{ID: s.ID, Actor: a}
			c.Actors++
			if len(a.Spans) == 0 {
				sc.Misses = append(sc.Misses, res)
				continue
			}
			res.Located = true
			c.Located++
			best := 0
			for i := range ents {
				for _, m := range ents[i].Mentions {
					ov := 0
					for _, sp := range a.Spans {
						ov += actOverlap(m.Span, sp)
					}
					if ov > best {
						best, res.Entity, res.Mention = ov, &ents[i], m
					}
				}
			}
			if res.Entity != nil {
				res.Found = true
				c.Found++
				country, sector := actEntityCode(res.Entity)
				if country == actGoldCountry(a.Code) {
					res.Country = true
					c.Country++
					if actSectorOK(a.Sector, sector) {
						res.Sector = true
						c.Sector++
					}
				}
			}
			if !res.Sector {
				sc.Misses = append(sc.Misses, res)
			}
		}
	}
	return sc
}

// actOverlap is the number of bytes two spans share.
func actOverlap(a, b record.Span) int {
	lo, hi := max(a[0], b[0]), min(a[1], b[1])
	return max(hi-lo, 0)
}

// actEntityCode returns an entity's country and sector.
func actEntityCode(e *record.Entity) (country, sector string) {
	code := goldNormCode(e.CAMEO)
	country = goldNormCode(e.Country)
	if len(code) >= 3 {
		country = code[:3]
	}
	sector = goldNormCode(e.Sector)
	if sector == "" && len(code) >= 6 {
		sector = code[3:6]
	}
	return country, sector
}

// actGoldCountry is a gold actor's country, corrected.
func actGoldCountry(code string) string {
	c := goldNormCode(code)
	if f, ok := ploverCountryFix[c]; ok {
		c = f
	}
	return goldCountry(c)
}

// actSectorOK compares a gold sector with a predicted one by their first
// three letters.
func actSectorOK(gold, pred string) bool {
	gold = strings.TrimSpace(gold)
	if gold != "" && strings.Trim(gold, "*") == "" {
		return true
	}
	g := goldNormCode(gold)
	if rest, ok := strings.CutPrefix(g, "CIV"); ok {
		g = "CVL" + rest
	}
	return goldCountry(g) == goldCountry(goldNormCode(pred))
}

// WriteActorScores prints the actor scores; with misses, every actor not
// located, not found or found with the wrong country or sector.
func WriteActorScores(w io.Writer, s ActorScores, misses bool) {
	fmt.Fprintf(w, "%-8s %6s %7s %8s %8s %8s\n", "actors", "gold", "located", "found %", "country", "+sector")
	for _, r := range []struct {
		name string
		c    ActorCounts
	}{{"source", s.Source}, {"target", s.Target}, {"all", s.All()}} {
		fmt.Fprintf(w, "%-8s %6d %7d %8.2f %8.2f %8.2f\n", r.name, r.c.Actors, r.c.Located,
			r.c.Pct(r.c.Found), r.c.Pct(r.c.Country), r.c.Pct(r.c.Sector))
	}
	fmt.Fprintf(w, "(percentages of the located actors)\n")
	if !misses {
		return
	}
	for _, m := range s.Misses {
		a := m.Actor
		gold := goldNormCode(a.Code) + "/" + a.Sector
		switch {
		case !m.Located:
			fmt.Fprintf(w, "%s  %s %q %s: words not found in the sentence\n", m.ID, a.Role, a.Text, gold)
		case !m.Found:
			fmt.Fprintf(w, "%s  %s %q %s: no entity\n", m.ID, a.Role, a.Text, gold)
		default:
			country, sector := actEntityCode(m.Entity)
			fmt.Fprintf(w, "%s  %s %q %s: entity %q %s/%s (mention %q)\n", m.ID, a.Role, a.Text, gold,
				m.Entity.Name, country, sector, m.Mention.Text)
		}
	}
}

// SpanCounts count gold spans of one label and those found.
type SpanCounts struct {
	Label string
	Gold  int
	Found int
}

// Recall is Found/Gold.
func (c SpanCounts) Recall() float64 { return goldRatio(c.Found, c.Gold) }

// SpanScores are the recall of gold actor spans by predicted entity
// mentions, by label (S, T, R, then any others in name order) and in all.
type SpanScores struct {
	Labels []SpanCounts
	All    SpanCounts
}

// ScoreActorSpans runs predict on the text of every BIO sentence and
// counts the gold S, T and R spans that predicted entity mentions find. A
// gold span is found when one predicted mention overlaps it by at least
// half of the gold span's bytes (its Span in the rebuilt Text); mentions
// of any entity type count, and predicted mentions that match no gold
// span are not counted (the BIO set marks only the event's actors, so
// there is no precision to measure).
func ScoreActorSpans(gold []BIOSentence, predict func(text string) []record.Entity) SpanScores {
	counts := map[string]*SpanCounts{}
	sc := SpanScores{All: SpanCounts{Label: "all"}}
	for _, s := range gold {
		if len(s.Spans) == 0 {
			continue
		}
		ents := predict(s.Text)
		for _, g := range s.Spans {
			c := counts[g.Label]
			if c == nil {
				c = &SpanCounts{Label: g.Label}
				counts[g.Label] = c
			}
			c.Gold++
			sc.All.Gold++
			size := g.Span[1] - g.Span[0]
			found := false
			for _, e := range ents {
				for _, m := range e.Mentions {
					if 2*actOverlap(m.Span, g.Span) >= size && size > 0 {
						found = true
						break
					}
				}
				if found {
					break
				}
			}
			if found {
				c.Found++
				sc.All.Found++
			}
		}
	}
	order := func(l string) int {
		switch l {
		case "S":
			return 0
		case "T":
			return 1
		case "R":
			return 2
		}
		return 3
	}
	for _, c := range counts {
		sc.Labels = append(sc.Labels, *c)
	}
	slices.SortFunc(sc.Labels, func(a, b SpanCounts) int {
		if d := order(a.Label) - order(b.Label); d != 0 {
			return d
		}
		return strings.Compare(a.Label, b.Label)
	})
	return sc
}

// WriteSpanScores prints the span recall by label.
func WriteSpanScores(w io.Writer, s SpanScores) {
	fmt.Fprintf(w, "%-6s %6s %6s %8s\n", "span", "gold", "found", "recall")
	for _, c := range append(slices.Clone(s.Labels), s.All) {
		fmt.Fprintf(w, "%-6s %6d %6d %8.2f\n", c.Label, c.Gold, c.Found, 100*c.Recall())
	}
}
