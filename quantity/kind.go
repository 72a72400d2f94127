package quantity

import "strings"

var kinds = map[string]string{}

// agentive verbs: their active subject does the deed and is not its victim.
var agentive = map[string]bool{
	"kill": true, "murder": true, "execute": true, "massacre": true, "slay": true,
	"wound": true, "injure": true, "arrest": true, "detain": true, "jail": true,
	"displace": true, "evacuate": true,
}

func init() {
	add := func(kind string, words ...string) {
		for _, w := range words {
			kinds[w] = kind
		}
	}
	add("killed", "kill", "killed", "killing", "kills", "die", "died", "dies", "dying",
		"dead", "death", "deaths", "fatality", "fatalities", "murder", "murdered",
		"massacre", "massacred", "execute", "executed", "slay", "slain", "behead",
		"beheaded", "body", "bodies", "shot dead")
	add("wounded", "wound", "wounded", "wounding", "injure", "injured", "injuring",
		"injury", "injuries", "hurt", "hospitalised", "hospitalized")
	add("arrested", "arrest", "arrested", "arrests", "arresting", "detain", "detained",
		"detaining", "detainee", "detainees", "detention", "jail", "jailed")
	add("displaced", "displace", "displaced", "flee", "fled", "fleeing", "flees",
		"refugee", "refugees", "evacuate", "evacuated", "evacuee", "evacuees",
		"uproot", "uprooted", "homeless")
	add("protesters", "protester", "protesters", "protestor", "protestors",
		"demonstrator", "demonstrators", "marcher", "marchers", "protested",
		"demonstrated", "marched", "rallied")
}

func kindOf(s string) string { return kinds[strings.ToLower(s)] }

// kind says which event the count in pieces [start, end) belongs to.
func (f *finder) kind(numStart, unitIdx int, mods []int, start, end int) string {
	if unitIdx >= 0 {
		if k := kindOf(f.at(unitIdx)); k != "" && k != "protesters" || k == "protesters" && f.word(unitIdx).UPOS == "NOUN" {
			return k
		}
		if k := kindOf(f.lemma(unitIdx)); k != "" && f.word(unitIdx).UPOS == "NOUN" {
			return k
		}
	}
	for _, m := range mods {
		if k := kindOf(f.at(m)); k != "" {
			return k
		}
	}
	// The verb just after: "20 were killed", "10-20 injured", "thousands fled".
	passive := false
	for k := end; k < end+4 && k < len(f.p); k++ {
		w := f.word(k)
		t := f.at(k)
		if w.UPOS == "AUX" || t == "reportedly" || t == "allegedly" || t == "also" || t == "been" {
			if t == "were" || t == "was" || t == "been" || t == "be" {
				passive = true
			}
			continue
		}
		kd := kindOf(t)
		if kd == "" {
			break
		}
		if agentive[strings.ToLower(w.Lemma)] && !passive && w.XPOS != "VBN" {
			break
		}
		if agentive[strings.ToLower(w.Lemma)] && !passive && hasObject(f.word(k+1).UPOS) {
			break // "20 gunmen killed 3 soldiers": the count did the killing
		}
		if kd == "protesters" && w.UPOS != "VERB" {
			break
		}
		return kd
	}
	// The governing verb in the parse, when the count is its subject or object.
	words := f.s.Words
	from := f.p[numStart].w
	if unitIdx >= 0 {
		from = f.p[unitIdx].w
	}
	if w := words[from]; w.Head >= 1 && w.Head <= len(words) && w.Head-1 != from {
		hw := words[w.Head-1]
		switch w.Deprel {
		case "nsubj", "nsubj:pass", "obj", "iobj", "csubj", "nmod", "obl":
			if hw.UPOS == "VERB" || hw.UPOS == "ADJ" {
				k := kindOf(hw.Form)
				if k == "" {
					k = kindOf(hw.Lemma)
				}
				if k != "" {
					if w.Deprel == "nsubj" && agentive[strings.ToLower(hw.Lemma)] {
						return ""
					}
					return k
				}
			}
		}
	}
	// The verb just before: "killing at least 156 people".
	for k := start - 1; k >= 0 && k >= start-2; k-- {
		w := f.word(k)
		if w.UPOS == "VERB" {
			if kd := kindOf(f.at(k)); kd != "" && agentive[strings.ToLower(w.Lemma)] {
				return kd
			}
			break
		}
	}
	return ""
}

func hasObject(upos string) bool {
	switch upos {
	case "NUM", "DET", "NOUN", "PROPN", "PRON":
		return true
	}
	return false
}
