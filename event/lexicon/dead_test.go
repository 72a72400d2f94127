package lexicon

import "slices"

// superset reports whether list a accepts every lemma list b accepts (nil
// means no constraint; both nil or both set is checked by the caller).
func superset(a, b []string) bool {
	if (a == nil) != (b == nil) {
		return false
	}
	if slices.Contains(a, "*") {
		return true
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}

// shadows reports whether entry a, coming before b, wins wherever b
// matches: same head and kind and negation, the same constraint slots,
// and each of a's lemma lists accepting all of b's.
func shadows(a, b *Entry) bool {
	if a.Kind != b.Kind || a.Head != b.Head || a.Neg != b.Neg || a.Prt != b.Prt {
		return false
	}
	if a.Constraints() != b.Constraints() {
		return false
	}
	named := func(r string) string {
		if r == "obj" || r == "iobj" {
			return ""
		}
		return r
	}
	if named(a.Recipient) != named(b.Recipient) {
		return false
	}
	if !superset(a.Obj, b.Obj) || !superset(a.Mod, b.Mod) || !superset(a.Xcomp, b.Xcomp) || !superset(a.XcompObj, b.XcompObj) {
		return false
	}
	if len(a.Preps) != len(b.Preps) {
		return false
	}
	for i, p := range a.Preps {
		j := slices.Index(b.Preps, p)
		if j < 0 {
			return false
		}
		var la, lb []string
		if a.PrepLemmas != nil {
			la = a.PrepLemmas[i]
		}
		if b.PrepLemmas != nil {
			lb = b.PrepLemmas[j]
		}
		if !superset(la, lb) {
			return false
		}
	}
	return true
}

// deadEntries returns the pairs (a, b) of l where b can never win
// because a, earlier, shadows it.
func deadEntries(l *Lexicon) [][2]*Entry {
	var out [][2]*Entry
	for _, es := range l.byHead {
		for j, b := range es {
			for _, a := range es[:j] {
				if shadows(a, b) {
					out = append(out, [2]*Entry{a, b})
					break
				}
			}
		}
	}
	return out
}
