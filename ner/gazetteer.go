package ner

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/actor/dict"
)

// Gazetteer kinds: what a dictionary phrase names. A phrase may have several.
const (
	gazCountry = 1 << iota // a country's name
	gazDemonym             // a demonym or group word: "Russian", "Kurds"
	gazMetonym             // a capital or seat of government: "Moscow", "Kremlin"
	gazRegion              // a region's name: "Middle East"
	gazOrg                 // an organisation's name
	gazPerson              // a person's name or alias
	gazRole                // a role word: "president", "troops"
	gazGiven               // a common personal name: "John", "Fatima"
	nGazKinds  = iota
)

// maxGazWords bounds the length, in words, of the phrases a Gazetteer
// matches.
const maxGazWords = 8

// Gazetteer is a set of dictionary phrases, each with the kinds of thing it
// names, matched against sentences by their words. Phrases are compared
// with ASCII letters folded to lower case, curly apostrophes made straight
// and spaces removed, so that "People's Republic" matches the words
// "People", "'s", "Republic". It is safe for concurrent use.
type Gazetteer struct {
	kinds    map[uint64]uint8 // phrase key → kind bits
	maxWords int              // longest phrase, in words
}

// groupWords are nationality, ethnic, religious and political group words
// that dyad's country dictionary has no entry for. They are demonyms for
// the gazetteer.
var groupWords = []string{
	"Christian", "Christians", "Muslim", "Muslims", "Moslem", "Moslems",
	"Islamic", "Islamist", "Islamists", "Jewish", "Jew", "Jews",
	"Catholic", "Catholics", "Protestant", "Protestants", "Orthodox",
	"Evangelical", "Evangelicals", "Mormon", "Mormons", "Hindu", "Hindus",
	"Buddhist", "Buddhists", "Sikh", "Sikhs", "Sunni", "Sunnis", "Shia",
	"Shiite", "Shiites", "Shi'ite", "Shi'ites", "Alawite", "Alawites",
	"Druze", "Yazidi", "Yazidis", "Salafi", "Salafist", "Salafists",
	"Wahhabi", "Zionist", "Zionists", "Kurd", "Kurds", "Kurdish", "Arab",
	"Arabs", "Turkmen", "Pashtun", "Pashtuns", "Tamil", "Tamils", "Hutu",
	"Hutus", "Tutsi", "Tutsis", "Rohingya", "Uighur", "Uighurs", "Uyghur",
	"Uyghurs", "Baloch", "Berber", "Berbers", "Bedouin", "Bedouins",
	"Latino", "Latinos", "Hispanic", "Hispanics", "Aboriginal", "Maori",
	"Republican", "Republicans", "Democrat", "Democrats", "Communist",
	"Communists", "Socialist", "Socialists", "Maoist", "Maoists",
	"Marxist", "Marxists", "Conservative", "Conservatives",
}

// NewGazetteer collects the phrases of d: country names, demonyms and
// metonyms, region names and demonyms, organisation names, people's names
// and aliases (and their first names), and role phrases; plus dyad's own
// lists of group words (nationalities, ethnic and religious groups) as
// demonyms and of common personal names.
func NewGazetteer(d *dict.Dict) *Gazetteer {
	g := &Gazetteer{kinds: map[uint64]uint8{}}
	names := func(ns []dict.Name, kind uint8) {
		for _, n := range ns {
			g.add(n.Text, kind)
		}
	}
	if d != nil {
		for _, c := range d.Countries {
			names(c.Names, gazCountry)
			names(c.Demonyms, gazDemonym)
			names(c.Metonyms, gazMetonym)
		}
		for _, r := range d.Regions {
			names(r.Names, gazRegion)
			names(r.Demonyms, gazDemonym)
		}
		for _, o := range d.Orgs {
			names(o.Names, gazOrg)
		}
		for _, p := range d.People {
			g.add(p.Name, gazPerson)
			names(p.Aliases, gazPerson)
			if f := strings.Fields(p.Name); len(f) > 1 {
				g.add(f[0], gazGiven)
			}
		}
		for _, r := range d.Roles {
			for _, p := range r.Phrases {
				g.add(p, gazRole)
			}
		}
	}
	for _, w := range groupWords {
		g.add(w, gazDemonym)
	}
	for _, w := range givenNames {
		g.add(w, gazGiven)
	}
	return g
}

var (
	defaultGazOnce sync.Once
	defaultGaz     *Gazetteer
	defaultGazErr  error
)

// DefaultGazetteer returns the gazetteer of dyad's built-in actor
// dictionary (dict.Default), built once.
func DefaultGazetteer() (*Gazetteer, error) {
	defaultGazOnce.Do(func() {
		d, err := dict.Default()
		if err != nil {
			defaultGazErr = fmt.Errorf("ner: gazetteer: %w", err)
			return
		}
		defaultGaz = NewGazetteer(d)
	})
	return defaultGaz, defaultGazErr
}

// Len returns the number of distinct phrases.
func (g *Gazetteer) Len() int {
	if g == nil {
		return 0
	}
	return len(g.kinds)
}

// add adds a phrase; a leading "the" is dropped, as dictionary look-ups do.
func (g *Gazetteer) add(phrase string, kind uint8) {
	words := strings.Fields(phrase)
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > maxGazWords {
		return
	}
	h := uint64(gazOffset)
	for _, w := range words {
		h = gazHash(h, w)
	}
	g.kinds[h] |= kind
	// Tokenization can split a written word in two ("People's" is
	// "People" + "'s"), so allow a little more.
	g.maxWords = min(maxGazWords, max(g.maxWords, len(words)+1))
}

const (
	gazOffset = 0xcbf29ce484222325
	gazPrime  = 0x100000001b3
)

// gazHash continues the FNV-1a hash h over the normalized bytes of w:
// ASCII letters lower-cased, curly apostrophes straight, spaces dropped.
func gazHash(h uint64, w string) uint64 {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 32
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		case c == 0xe2 && i+2 < len(w) && w[i+1] == 0x80 && (w[i+2] == 0x98 || w[i+2] == 0x99):
			c = '\''
			i += 2
		}
		h ^= uint64(c)
		h *= gazPrime
	}
	return h
}

// gazPos is a word's place in a matched phrase.
const (
	posNone   = iota
	posSingle // the phrase is this one word
	posBegin
	posInside
	posEnd
)

// match returns, for each word and kind, the word's place in the longest
// phrase of that kind that covers it (posNone when none does), in out
// (reused when large enough).
func (g *Gazetteer) match(forms []string, out [][nGazKinds]uint8) [][nGazKinds]uint8 {
	out = slices.Grow(out[:0], len(forms))[:len(forms)]
	clear(out)
	if g.Len() == 0 {
		return out
	}
	// best[i][k] is the length of the longest phrase of kind k seen so far
	// that covers word i.
	var best [][nGazKinds]uint8
	if len(forms) <= 64 {
		var arr [64][nGazKinds]uint8
		best = arr[:len(forms)]
	} else {
		best = make([][nGazKinds]uint8, len(forms))
	}
	for i := range forms {
		h := uint64(gazOffset)
		for n := 1; n <= g.maxWords && i+n <= len(forms); n++ {
			h = gazHash(h, forms[i+n-1])
			kinds, ok := g.kinds[h]
			if !ok {
				continue
			}
			for k := 0; k < nGazKinds; k++ {
				if kinds&(1<<k) == 0 {
					continue
				}
				for j := i; j < i+n; j++ {
					if int(best[j][k]) >= n {
						continue
					}
					best[j][k] = uint8(n)
					switch {
					case n == 1:
						out[j][k] = posSingle
					case j == i:
						out[j][k] = posBegin
					case j == i+n-1:
						out[j][k] = posEnd
					default:
						out[j][k] = posInside
					}
				}
			}
		}
	}
	return out
}

// phraseKinds returns the kinds of the phrase made of forms.
func (g *Gazetteer) phraseKinds(forms []string) uint8 {
	if g.Len() == 0 {
		return 0
	}
	h := uint64(gazOffset)
	for _, f := range forms {
		h = gazHash(h, f)
	}
	return g.kinds[h]
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
