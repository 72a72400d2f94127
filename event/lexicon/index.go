package lexicon

import "slices"

// Lexicon is a set of entries indexed by kind and head lemma. It is safe
// for concurrent use; it is never modified after New.
type Lexicon struct {
	entries []*Entry
	byHead  map[headKey][]*Entry
}

type headKey struct {
	kind Kind
	head string
}

// New indexes entries, in the order given (which breaks ties between
// entries with as many constraints). Nil entries are dropped. New does not
// validate: call Entry.Validate on entries that did not come from Parse.
// The entries are shared, not copied: they must not be modified after.
func New(entries []*Entry) *Lexicon {
	l := &Lexicon{byHead: map[headKey][]*Entry{}}
	for _, e := range entries {
		if e == nil {
			continue
		}
		l.entries = append(l.entries, e)
		k := headKey{e.Kind, e.Head}
		l.byHead[k] = append(l.byHead[k], e)
	}
	for _, es := range l.byHead {
		slices.SortStableFunc(es, func(a, b *Entry) int { return b.Constraints() - a.Constraints() })
	}
	return l
}

// Entries returns every entry in order (file by file, line by line). The
// slice is shared: the caller must not modify it.
func (l *Lexicon) Entries() []*Entry {
	if l == nil {
		return nil
	}
	return l.entries
}

// Lookup returns the entries of the given kind whose head is the lemma
// head, most constraints first and in lexicon order among equals: the
// first one whose constraints all hold is the one to use. The slice is
// shared: the caller must not modify it.
func (l *Lexicon) Lookup(kind Kind, head string) []*Entry {
	if l == nil {
		return nil
	}
	return l.byHead[headKey{kind, head}]
}

// Cue returns the first cue entry for head (a reporting verb lemma, or a
// multi-word preposition such as "accord_to"). When it has a particle
// (Prt), the caller must check that the particle is present; Lookup(Cue,
// head) gives every cue entry of head.
func (l *Lexicon) Cue(head string) (*Entry, bool) {
	es := l.Lookup(Cue, head)
	if len(es) == 0 {
		return nil, false
	}
	return es[0], true
}

// IsLight reports whether head has a light-verb entry. Some light verbs
// need a particle ("carry out"): Lookup(Light, head) gives the entries to
// check it.
func (l *Lexicon) IsLight(head string) bool {
	return len(l.Lookup(Light, head)) > 0
}
