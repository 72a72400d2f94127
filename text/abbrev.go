package text

import (
	"strings"
	"unicode/utf8"
)

// Kinds of abbreviation, as abbrevKind reports them.
const (
	abbrNone    = iota
	abbrTitle   // comes before a name: "Mr.", "Gen."; rarely ends a sentence
	abbrGeneral // "Inc.", "etc.", "Jan."; may end a sentence
	abbrInitial // a single capital letter: "S."
	abbrDotted  // letters with inner periods: "U.S.", "e.g.", "a.m."
)

// titles come before names. Matched without regard to case.
var titles = []string{
	"adm", "amb", "ave", "brig", "capt", "cmdr", "col", "comdr", "cpl", "det", "dr",
	"drs", "fr", "gen", "gov", "hon", "insp", "lieut", "lt", "maj", "messrs", "mlle", "mme",
	"mmes", "mr", "mrs", "ms", "msgr", "mssrs", "pfc", "pres", "prof", "pvt", "rep", "reps",
	"rev", "sen", "sens", "sgt", "sra", "srta", "supt", "treas", "secy", "atty",
	"gens", "rt", "ald", "cmdt", "mt", "ft", "st",
}

// foldAbbrevs are other abbreviations, matched without regard to case.
var foldAbbrevs = []string{
	// business and organisations
	"inc", "corp", "co", "cos", "ltd", "llc", "plc", "bros", "assn", "assoc", "dept", "depts",
	"div", "govt", "intl", "natl", "univ", "inst", "mfg", "mfrs", "mgr", "mgmt", "dist",
	"admin", "acct", "accts", "agcy", "bldg", "ctr", "hq", "comm", "cmte", "fed",
	// Latin and scholarly
	"etc", "vs", "v", "cf", "al", "ca", "approx", "viz", "ibid", "op", "cit", "et", "seq",
	"esp", "ed", "eds", "trans", "ch", "chap", "fig", "figs", "vol", "vols", "pp", "p",
	"para", "paras", "art", "arts", "sect", "ref", "refs", "repr", "rev", "ser", "suppl",
	"no", "nos", "nr", "tab", "attn", "encl", "misc", "incl", "excl", "orig", "pref",
	"illus", "introd", "abbr", "abr", "anon", "dept", "ps", "pps", "re", "ex",
	// measures and times
	"min", "mins", "max", "hr", "hrs", "sec", "secs", "yr", "yrs", "mo", "mos", "wk", "wks",
	"ft", "sq", "cu", "oz", "lb", "lbs", "mg", "ml", "pt", "pts", "qt", "gal", "mi", "yd",
	"yds", "tbsp", "tsp", "doz", "deg", "temp", "ht", "wt", "avg", "est", "bn", "mln",
	"tel", "ext", "fax", "pg", "pgs", "approx",
	// months and days
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	// places
	"ave", "blvd", "rd", "hwy", "pl", "sq", "apt", "ste", "fl", "rte", "bldg", "pk", "pkwy",
	"mt", "mts", "ft", "pt", "pte", "is", "isl", "st", "cty", "twp",
	// US states and others
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
	"kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mont", "neb", "nebr", "nev",
	"okla", "ore", "oreg", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wisc",
	"wyo", "ariz", "ont", "que", "alta", "sask", "man",
	// military and government
	"dem", "rep", "repub", "ind", "cong", "gov", "adm", "lt", "col", "gen",
	// others
	"dir", "exec", "pres", "vp", "asst", "assoc", "mgr", "jr", "sr", "dr", "mr", "ms",
	"inc", "ph", "phd", "jd", "md", "dds", "esq", "cpa", "aka", "fyi", "cc", "bcc", "info",
	"nat", "int", "lit", "hist", "geo", "gram", "math", "econ", "pol", "sci", "soc",
	"psych", "dep", "arr", "arrv", "dept", "ret", "rtd", "dec'd", "cal", "vet", "c",
}

// exactAbbrevs are matched only as written: lower-case or upper-case forms
// are common words.
var exactAbbrevs = []string{
	"No", "Nos", "Op", "Nov", "Is", "Mar", "Sun", "Sat", "Wed", "Ind", "Mass", "Wash",
	"Miss", "Pa", "La", "Ga", "Cal", "Art", "Fig", "Ref", "Gen", "Col", "Rep", "Sec",
	"Ex", "Ed", "Man", "Ore", "Del", "Ill", "Min", "Max", "Est",
}

// ambiguousFold are entries of foldAbbrevs that are also common English
// words ("no", "is", "man"): they count as abbreviations only as written in
// exactAbbrevs.
var ambiguousFold = map[string]bool{
	"no": true, "nos": true, "op": true, "is": true, "mar": true, "sun": true, "sat": true,
	"wed": true, "ind": true, "mass": true, "wash": true, "miss": true, "pa": true,
	"la": true, "ga": true, "cal": true, "art": true, "arts": true, "fig": true, "ref": true,
	"gen": true, "col": true, "rep": true, "sec": true, "ex": true, "ed": true, "man": true,
	"ore": true, "del": true, "ill": true, "min": true, "max": true, "est": true, "int": true,
	"lit": true, "math": true, "info": true, "temp": true, "trans": true, "re": true,
	"et": true, "al": true, "v": true, "p": true, "mo": true, "pol": true, "vet": true,
	"dec'd": true, "ps": true, "nat": true, "gram": true, "geo": true, "soc": true, "tab": true,
	"mon": true, "dem": true, "ret": true, "fed": true, "dir": true, "exec": true, "cc": true,
	"pl": true, "pt": true, "pts": true, "mg": true, "ml": true, "pk": true, "fl": true,
	"deg": true, "hist": true, "sci": true, "econ": true, "psych": true, "vp": true,
	"cos": true, "ca": true, "c": true, "mi": true, "cu": true, "pg": true, "ps.": true, "arr": true,
	"cong": true, "nr": true, "dep": true, "ht": true, "wt": true, "avg": true, "dist": true,
	"admin": true, "comm": true, "ch": true, "chap": true, "para": true, "sect": true,
}

// foldOK lists entries of ambiguousFold that are still abbreviations in
// lower case ("et al.", "p. 5", "approx.").
var foldOK = map[string]bool{"c": true, "al": true, "p": true, "ca": true, "cf": true, "v": true, "et": true}

var abbrevs = func() map[string]uint8 {
	m := make(map[string]uint8, 1024)
	add := func(w string, k uint8) {
		if _, ok := m[w]; !ok {
			m[w] = k
		}
	}
	for _, w := range titles {
		add(w, abbrTitle)
		add(strings.ToUpper(w[:1])+w[1:], abbrTitle)
		add(strings.ToUpper(w), abbrTitle)
	}
	for _, w := range exactAbbrevs {
		add(w, abbrGeneral)
	}
	for _, w := range foldAbbrevs {
		if ambiguousFold[w] {
			if foldOK[w] {
				add(w, abbrGeneral)
			}
			continue
		}
		add(w, abbrGeneral)
		add(strings.ToUpper(w[:1])+w[1:], abbrGeneral)
		if len(w) > 2 {
			add(strings.ToUpper(w), abbrGeneral)
		}
	}
	return m
}()

// abbrevKind tells whether w followed by a period is an abbreviation that
// keeps the period, and of which kind.
func abbrevKind(w string) uint8 {
	if w == "" {
		return abbrNone
	}
	if k, ok := abbrevs[w]; ok {
		return k
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) {
		if isUpper(r) && r != 'I' {
			return abbrInitial
		}
		return abbrNone
	}
	// letters with inner periods, every segment one or two letters: U.S, e.g, Ph.D
	dots, seg := 0, 0
	for i := 0; i < len(w); {
		r, size := decode(w, i)
		i += size
		switch {
		case r == '.':
			if seg == 0 {
				return abbrNone
			}
			dots++
			seg = 0
		case isLetter(r):
			seg++
			if seg > 2 {
				return abbrNone
			}
		default:
			return abbrNone
		}
	}
	if dots > 0 && seg > 0 {
		return abbrDotted
	}
	return abbrNone
}

// fusedWords are contractions written without an apostrophe, with the
// offset of their second word, as the UD English treebanks split them.
var fusedWords = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "outta": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "cant": 2, "wont": 2, "isnt": 2, "wasnt": 3,
	"arent": 3, "werent": 4, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4,
	"hasnt": 3, "hadnt": 3, "aint": 2,
}

// keptPrefixes are the prefixes after which the UD English treebanks keep
// a hyphenated word whole ("non-profit", "e-mail", "pre-war").
var keptPrefixes = map[string]bool{
	"anti": true, "bi": true, "co": true, "counter": true, "cross": true, "de": true,
	"e": true, "ex": true, "extra": true, "hyper": true, "infra": true, "inter": true,
	"intra": true, "macro": true, "meta": true, "micro": true, "mid": true, "mini": true,
	"mis": true, "multi": true, "neo": true, "non": true, "over": true, "post": true,
	"pre": true, "pro": true, "psycho": true, "re": true, "semi": true, "socio": true,
	"sub": true, "super": true, "trans": true, "tri": true, "ultra": true, "un": true,
	"uni": true, "under": true,
}
