package ner

// Mention is a named mention in a sentence: the words Start to End (0-based
// indexes into the sentence's words, End exclusive) and its Type (one of
// Types).
type Mention struct {
	Start, End int
	Type       string
}

// The entity types a Model finds.
const (
	Person = "PERSON" // people, real or fictional
	Org    = "ORG"    // companies, agencies, institutions, armed groups, parties
	GPE    = "GPE"    // countries, cities, states
	Loc    = "LOC"    // continents, regions, natural features, buildings and roads
	NORP   = "NORP"   // nationalities, religious and political groups
	Event  = "EVENT"  // named wars, battles, elections, games, festivals
)

// Types lists the entity types in the order of their label classes.
var Types = []string{Person, Org, GPE, Loc, NORP, Event}

// Label classes: 0 is O (outside), then B-type and I-type for each type.
const outside = 0

func beginClass(t int) int  { return 1 + 2*t }
func insideClass(t int) int { return 2 + 2*t }

// classType returns the type index of a B or I class, -1 for O.
func classType(c int) int {
	if c <= 0 {
		return -1
	}
	return (c - 1) / 2
}

func isInside(c int) bool { return c > 0 && c%2 == 0 }

func nClasses() int { return 1 + 2*len(Types) }

func typeIndex(t string) int {
	for i, s := range Types {
		if s == t {
			return i
		}
	}
	return -1
}

// allowed reports whether class c may follow class prev (-1 at the start):
// I-X only continues B-X or I-X.
func allowed(prev, c int) bool {
	if !isInside(c) {
		return true
	}
	return prev > 0 && classType(prev) == classType(c)
}

// labels turns mentions into one class per word. Mentions with an unknown
// type, out of range or overlapping an earlier one are left out.
func labels(n int, ms []Mention) []int {
	out := make([]int, n)
	for _, m := range ms {
		t := typeIndex(m.Type)
		if t < 0 || m.Start < 0 || m.End > n || m.Start >= m.End {
			continue
		}
		free := true
		for i := m.Start; i < m.End; i++ {
			if out[i] != outside {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		out[m.Start] = beginClass(t)
		for i := m.Start + 1; i < m.End; i++ {
			out[i] = insideClass(t)
		}
	}
	return out
}

// mentions reads the mentions off a sequence of classes. An I that does
// not continue a mention of its type starts one.
func mentions(classes []int) []Mention {
	var out []Mention
	for i := 0; i < len(classes); {
		c := classes[i]
		if c == outside {
			i++
			continue
		}
		t := classType(c)
		j := i + 1
		for j < len(classes) && isInside(classes[j]) && classType(classes[j]) == t {
			j++
		}
		out = append(out, Mention{Start: i, End: j, Type: Types[t]})
		i = j
	}
	return out
}
