package lexicon

import "strings"

// rule names an entry for event records, stable across edits of other
// lines and unique enough to find the line:
//
//	kind:head[.prt][.obj][.mod][.to-xcomp[=obj]][.prep[=lemma]]...[.R][.A-prep][.neg]#code
//
// Each lemma list contributes its first lemma; the xcomp is written "to-"
// and its head; the recipient appears unless it is the direct object
// ("iobj", or its preposition, "between" included); an actor preposition
// is written "A-by"; "#code" is left out when the entry has no CAMEO code.
// Examples: "verb:call.with#041", "noun:visit.to.A-by#042",
// "verb:impose.sanction.on#163", "verb:call.for=ceasefire#0256",
// "verb:agree.to-meet#036", "light:carry.out". TestDefaultRulesUnique
// keeps the names of the built-in lexicon unique.
func rule(e *Entry) string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(e.Kind.String())
	b.WriteByte(':')
	b.WriteString(e.Head)
	part := func(s string) {
		b.WriteByte('.')
		b.WriteString(s)
	}
	if e.Prt != "" {
		part(e.Prt)
	}
	if len(e.Obj) > 0 {
		part(e.Obj[0])
	}
	if len(e.Mod) > 0 {
		part(e.Mod[0])
	}
	if len(e.Xcomp) > 0 {
		x := "to-" + e.Xcomp[0]
		if len(e.XcompObj) > 0 {
			x += "=" + e.XcompObj[0]
		}
		part(x)
	}
	for i, p := range e.Preps {
		if i < len(e.PrepLemmas) && len(e.PrepLemmas[i]) > 0 {
			p += "=" + e.PrepLemmas[i][0]
		}
		part(p)
	}
	if r := e.Recipient; r != "" && r != "obj" {
		part(r)
	}
	if e.ActorPrep != "" {
		part("A-" + e.ActorPrep)
	}
	if e.Neg {
		part("neg")
	}
	if e.CAMEO != "" {
		b.WriteByte('#')
		b.WriteString(e.CAMEO)
	}
	return b.String()
}
