package ner

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"dyad/conllu"
)

// ErrEntity is returned (wrapped) when a sentence's Entity annotation is
// malformed.
var ErrEntity = errors.New("ner: malformed Entity annotation")

// GUMMention is one mention of GUM's entity annotation: words Start to End
// (0-based, End exclusive), the entity type ("person", "place", ...) and
// the Wikification identity ("" when none).
type GUMMention struct {
	Start, End int
	Type       string
	Identity   string
}

// ParseGUMEntities reads the mentions of a sentence from the Entity
// attribute of its words' MISC column, in the CorefUD bracket notation GUM
// uses: "(ID-type-infstat-salience-centering-minspan-link[-identity]" opens
// a mention, "ID)" closes one, "(ID-...)" is a one-word mention; a word may
// carry several. Mentions are returned in the order they open. A closing
// bracket without its opening one, or a mention left open at the end of
// the sentence, is an error wrapping ErrEntity; the mentions read so far
// are returned with it.
func ParseGUMEntities(s *conllu.Sentence) ([]GUMMention, error) {
	var out []GUMMention
	open := map[string][]int{} // mention id → indexes into out of open mentions
	var err error
	fail := func(i int, format string, args ...any) {
		if err == nil {
			err = fmt.Errorf("%w: sentence %s word %d: %s", ErrEntity, s.ID, i+1, fmt.Sprintf(format, args...))
		}
	}
	for i, w := range s.Words {
		ent := miscValue(w.Misc, "Entity")
		for ent != "" {
			if ent[0] == '(' {
				body := ent[1:]
				j := strings.IndexAny(body, "()")
				if j >= 0 {
					body, ent = body[:j], body[j:]
				} else {
					ent = ""
				}
				f := strings.SplitN(body, "-", 8)
				if f[0] == "" {
					fail(i, "mention without id in %q", w.Misc)
					break
				}
				m := GUMMention{Start: i, End: -1}
				if len(f) > 1 {
					m.Type = f[1]
				}
				if len(f) > 7 {
					m.Identity = f[7]
				}
				open[f[0]] = append(open[f[0]], len(out))
				out = append(out, m)
				if ent != "" && ent[0] == ')' { // one-word mention
					ent = ent[1:]
					closeMention(out, open, f[0], i)
				}
				continue
			}
			j := strings.IndexAny(ent, "()")
			if j < 0 || ent[j] == '(' {
				fail(i, "unbalanced Entity value in %q", w.Misc)
				break
			}
			id := ent[:j]
			ent = ent[j+1:]
			if !closeMention(out, open, id, i) {
				fail(i, "mention %q closed but not open", id)
			}
		}
	}
	for id, idx := range open {
		if len(idx) > 0 {
			fail(len(s.Words)-1, "mention %q not closed", id)
		}
	}
	// Drop mentions left open so that every returned one is whole.
	kept := out[:0]
	for _, m := range out {
		if m.End > m.Start {
			kept = append(kept, m)
		}
	}
	return kept, err
}

// closeMention ends the innermost open mention id at word i.
func closeMention(out []GUMMention, open map[string][]int, id string, i int) bool {
	idx := open[id]
	if len(idx) == 0 {
		return false
	}
	out[idx[len(idx)-1]].End = i + 1
	open[id] = idx[:len(idx)-1]
	return true
}

// miscValue returns the value of attribute key in a MISC column.
func miscValue(misc, key string) string {
	for misc != "" {
		var kv string
		kv, misc, _ = strings.Cut(misc, "|")
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// GoldMentions derives the named mentions a Model learns to find from a
// GUM sentence's entity annotation and its gold tags and tree, by the rules
// in the package documentation. g supplies the demonyms (NORP) and region
// names (LOC); with a nil g there are no NORP mentions and only feature
// words make a place LOC. The error is ParseGUMEntities's; the mentions
// derived from what could be read are returned with it.
func GoldMentions(s *conllu.Sentence, g *Gazetteer) ([]Mention, error) {
	raw, err := ParseGUMEntities(s)
	forms := make([]string, len(s.Words))
	for i, w := range s.Words {
		forms[i] = w.Form
	}
	type cand struct {
		start, end int
		m          GUMMention
	}
	var cands []cand
	for _, m := range raw {
		h := mentionHead(s, m.Start, m.End)
		if s.Words[h].UPOS != "PROPN" {
			continue
		}
		a, b := nameSpan(s, m.Start, m.End, h, m.Type == "person")
		cands = append(cands, cand{a, b, m})
	}
	// Outermost first: longer names before shorter ones, then by position.
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start
		if li != lj {
			return li > lj
		}
		return cands[i].start < cands[j].start
	})
	covered := make([]bool, len(s.Words))
	var out []Mention
	for _, c := range cands {
		if anyTrue(covered[c.start:c.end]) {
			continue
		}
		for i := c.start; i < c.end; i++ {
			covered[i] = true
		}
		if t := gumType(c.m, forms[c.start:c.end], g); t != "" {
			out = append(out, Mention{Start: c.start, End: c.end, Type: t})
		}
	}
	// Demonyms outside every name: "American" in "American troops".
	for i := 0; i < len(s.Words); i++ {
		if covered[i] || !startsUpper(forms[i]) {
			continue
		}
		for n := min(3, len(s.Words)-i); n >= 1; n-- {
			last := s.Words[i+n-1].UPOS
			if anyTrue(covered[i:i+n]) || (last != "ADJ" && last != "PROPN" && last != "NOUN") {
				continue
			}
			if g.phraseKinds(forms[i:i+n])&gazDemonym != 0 {
				out = append(out, Mention{Start: i, End: i + n, Type: NORP})
				i += n - 1
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, err
}

func anyTrue(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

// mentionHead returns the first word of [start, end) whose head lies
// outside it.
func mentionHead(s *conllu.Sentence, start, end int) int {
	for i := start; i < end; i++ {
		h := s.Words[i].Head - 1
		if h < start || h >= end {
			return i
		}
	}
	return start
}

// particles are the words that may stand inside a person's name between
// two name-like words: "Charles de Gaulle", "Ludwig van Beethoven".
var particles = map[string]bool{
	"de": true, "du": true, "des": true, "del": true, "della": true, "di": true,
	"da": true, "do": true, "dos": true, "la": true, "le": true, "el": true,
	"al": true, "von": true, "van": true, "der": true, "den": true, "y": true,
	"bin": true, "ibn": true, "-": true, "–": true,
}

// joiners are the words that may stand inside other names between two
// name-like words: "University of Texas", "Bosnia and Herzegovina",
// "Tai-Kadai". A person's "of" starts a title or a place: "Putin of
// Russia" is a person and a place.
var joiners = map[string]bool{
	"of": true, "the": true, "and": true, "&": true, "for": true, "on": true,
	"upon": true, "les": true,
}

// nameLike reports whether a word can be part of a name: a proper noun, a
// number, or a capitalised content word.
func nameLike(w *conllu.Word) bool {
	switch w.UPOS {
	case "PROPN", "NUM":
		return true
	case "DET", "PRON", "ADP", "CCONJ", "SCONJ", "PUNCT", "PART", "AUX", "SYM", "INTJ":
		return false
	}
	return startsUpper(w.Form)
}

// nameSpan returns the name inside mention [start, end) with head h: the
// name-like words around h, joined across particles and, unless the
// mention is a person's, joiners.
func nameSpan(s *conllu.Sentence, start, end, h int, person bool) (int, int) {
	w := s.Words
	isJoiner := func(i int) bool {
		f := strings.ToLower(w[i].Form)
		return particles[f] || !person && joiners[f]
	}
	// A coordinated name ("Mexico and Canada") is two names.
	conjOfHead := func(i int) bool { return w[i].Deprel == "conj" && w[i].Head-1 == h }
	b := h + 1
	for b < end {
		if nameLike(&w[b]) && !conjOfHead(b) {
			b++
			continue
		}
		k := b
		for k < end && k-b < 2 && isJoiner(k) {
			k++
		}
		if k == b || k >= end || !nameLike(&w[k]) || conjOfHead(k) {
			break
		}
		b = k + 1
	}
	a := h
	for a > start {
		if nameLike(&w[a-1]) {
			a--
			continue
		}
		k := a
		for k > start && a-k < 2 && isJoiner(k-1) {
			k--
		}
		if k == a || k == start || !nameLike(&w[k-1]) {
			break
		}
		a = k - 1
	}
	return a, b
}

// locWords make a place a location rather than a GPE: natural and built
// features, and the names of continents and the like.
var locWords = map[string]bool{
	"river": true, "sea": true, "ocean": true, "lake": true, "mount": true,
	"mt.": true, "mountain": true, "mountains": true, "hill": true, "hills": true,
	"valley": true, "island": true, "islands": true, "isle": true, "isles": true,
	"peninsula": true, "bay": true, "gulf": true, "strait": true, "straits": true,
	"channel": true, "canal": true, "desert": true, "coast": true, "forest": true,
	"park": true, "canyon": true, "falls": true, "beach": true, "cape": true,
	"glacier": true, "reef": true, "basin": true, "plateau": true, "delta": true,
	"highlands": true, "street": true, "st.": true, "road": true, "avenue": true,
	"boulevard": true, "square": true, "bridge": true, "highway": true,
	"motorway": true, "airport": true, "airbase": true, "station": true,
	"harbour": true, "harbor": true, "dam": true, "castle": true, "palace": true,
	"tower": true, "cathedral": true, "church": true, "mosque": true,
	"temple": true, "museum": true, "hall": true, "stadium": true,
	"hospital": true, "prison": true, "earth": true, "world": true,
	"space": true, "africa": true, "asia": true, "europe": true,
	"antarctica": true, "arctic": true, "antarctic": true, "americas": true,
	"oceania": true, "eurasia": true, "mesoamerica": true, "hemisphere": true,
}

// gumType maps a named GUM mention to a Mention type, "" to drop it.
func gumType(m GUMMention, forms []string, g *Gazetteer) string {
	kinds := g.phraseKinds(forms)
	if kinds&gazDemonym != 0 && kinds&(gazCountry|gazRegion) == 0 {
		if m.Type == "person" || m.Type == "organization" || strings.Contains(strings.ToLower(m.Identity), "people") {
			return NORP
		}
		return ""
	}
	switch m.Type {
	case "person":
		if kinds&gazRole != 0 && kinds&gazPerson == 0 {
			return "" // a title alone: "as President"
		}
		return Person
	case "organization":
		if kinds&gazCountry != 0 {
			return GPE // a country acting: "Sweden voted"
		}
		return Org
	case "event":
		return Event
	case "place":
		if kinds&gazRegion != 0 && kinds&gazCountry == 0 {
			return Loc
		}
		for _, f := range forms {
			if locWords[strings.ToLower(f)] {
				return Loc
			}
		}
		return GPE
	}
	return ""
}
