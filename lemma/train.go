package lemma

import (
	"cmp"
	"slices"
	"strings"

	"dyad/conllu"
)

// trainConfig holds the knobs of training; defaultConfig was tuned on
// ewt-dev with ewt-train + gum-train.
type trainConfig struct {
	minSupport  int  // least count of the best edit for a suffix rule to be kept
	minGain     int  // least number of training tokens an exception must fix
	tokenWeight bool // count suffix edits per token instead of per distinct word
}

var defaultConfig = trainConfig{minSupport: 2, minGain: 1}

// Train learns a Lemmatizer from treebanks, pooling their sentences. Words
// without a usable XPOS or lemma (a lemma of "_" on a word other than "_",
// as on goeswith parts) are ignored. Training is deterministic: the same
// input gives the same model, whatever the order of map iteration.
func Train(treebanks ...[]*conllu.Sentence) *Lemmatizer {
	return train(defaultConfig, treebanks...)
}

// sample is a distinct training word.
type sample struct {
	form, xpos, lemma string
}

type sampleCount struct {
	sample
	n int
}

func usable(w *conllu.Word) bool {
	if w.Form == "" || len(w.Form) > 255 || len(w.Lemma) > 255 || w.XPOS == "" || w.XPOS == "_" || w.Lemma == "" {
		return false
	}
	if w.Lemma == "_" && w.Form != "_" {
		return false
	}
	return !strings.ContainsAny(w.Form, "\t\n\r") && !strings.ContainsAny(w.Lemma, "\t\n\r") &&
		!strings.ContainsAny(w.XPOS, " \t\n\r")
}

func train(cfg trainConfig, treebanks ...[]*conllu.Sentence) *Lemmatizer {
	counts := map[sample]int{}
	tagCount := map[string]int{}
	uposTag := map[[2]string]int{}
	for _, tb := range treebanks {
		for _, s := range tb {
			if s == nil {
				continue
			}
			for i := range s.Words {
				w := &s.Words[i]
				if !usable(w) {
					continue
				}
				counts[sample{w.Form, w.XPOS, w.Lemma}]++
				tagCount[w.XPOS]++
				if w.UPOS != "" && w.UPOS != "_" && !strings.ContainsAny(w.UPOS, " \t\n\r") {
					uposTag[[2]string{w.UPOS, w.XPOS}]++
				}
			}
		}
	}

	// The tag inventory: at most 256 tags, the most frequent ones, in
	// lexical order.
	tags := sortedKeys(tagCount)
	slices.SortStableFunc(tags, func(a, b string) int { return cmp.Compare(tagCount[b], tagCount[a]) })
	if len(tags) > 256 {
		tags = tags[:256]
	}
	slices.Sort(tags)
	l := &Lemmatizer{
		tags:   tags,
		tagID:  make(map[string]byte, len(tags)),
		uposID: map[string]byte{},
		keep:   make([][numCasings]bool, len(tags)),
		exc:    map[string]exception{},
		suf:    map[string]edit{},
	}
	for i, t := range tags {
		l.tagID[t] = byte(i)
	}

	// UPOS → its most frequent XPOS.
	best := map[string]int{}
	for _, ut := range sortedPairs(uposTag) {
		if _, ok := l.tagID[ut[1]]; !ok {
			continue
		}
		if n := uposTag[ut]; n > best[ut[0]] {
			best[ut[0]] = n
			l.uposID[ut[0]] = l.tagID[ut[1]]
		}
	}

	samples := make([]sampleCount, 0, len(counts))
	for s, n := range counts {
		if _, ok := l.tagID[s.xpos]; ok {
			samples = append(samples, sampleCount{s, n})
		}
	}
	slices.SortFunc(samples, func(a, b sampleCount) int {
		return cmp.Or(cmp.Compare(a.xpos, b.xpos), cmp.Compare(a.form, b.form), cmp.Compare(a.lemma, b.lemma))
	})

	// Casing: per tag, shape and length, does the lemma keep the form's case?
	votes := make([][numCasings][2]int, len(tags)) // [lower, keep]
	for _, s := range samples {
		lf := lower(s.form)
		sh := shapeOf(s.form)
		if sh == shapeLower {
			continue
		}
		pk, pl := commonPrefix(s.form, s.lemma), commonPrefix(lf, s.lemma)
		v := &votes[l.tagID[s.xpos]][casingOf(sh, len(s.form))]
		switch {
		case pl > pk:
			v[0] += s.n
		case pk > pl:
			v[1] += s.n
		}
	}
	for t := range votes {
		var all [2]int
		var byShape [numShapes][2]int
		for j, v := range votes[t] {
			sh := j / lengthBuckets
			for i := range v {
				all[i] += v[i]
				byShape[sh][i] += v[i]
			}
		}
		for j, v := range votes[t] {
			if v[0]+v[1] == 0 {
				v = byShape[j/lengthBuckets]
			}
			if v[0]+v[1] == 0 {
				v = all
			}
			l.keep[t][j] = v[1] > v[0]
		}
	}

	// Suffix rules.
	type word struct {
		lf string
		t  byte
		e  edit
	}
	words := map[word]int{}
	for _, s := range samples {
		t := l.tagID[s.xpos]
		lf := lower(s.form)
		words[word{lf, t, editFor(s.form, lf, s.lemma, l.keep[t][casingOf(shapeOf(s.form), len(s.form))])}] += s.n
	}
	sufCount := map[string]map[edit]int{}
	for w, n := range words {
		if !cfg.tokenWeight {
			n = 1
		}
		for k := 1; k <= min(maxSuffix, len(w.lf)); k++ {
			key := w.lf[len(w.lf)-k:] + string([]byte{w.t})
			m := sufCount[key]
			if m == nil {
				m = map[edit]int{}
				sufCount[key] = m
			}
			m[w.e] += n
		}
	}
	keys := sortedKeys(sufCount)
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
	for _, key := range keys {
		e, n := bestEdit(sufCount[key])
		if n < cfg.minSupport {
			continue
		}
		if e == l.parentRule(key) {
			continue // the shorter suffixes already give this edit
		}
		l.suf[key] = e
		l.maxSuf = max(l.maxSuf, len(key)-1)
	}

	// Exceptions: the words the rules get wrong.
	groups := map[string][]sampleCount{}
	for _, s := range samples {
		key := lower(s.form) + string([]byte{l.tagID[s.xpos]})
		groups[key] = append(groups[key], s)
	}
	for _, key := range sortedKeys(groups) {
		g := groups[key]
		base := 0
		for _, s := range g {
			if l.Lemma(s.form, "", s.xpos) == s.lemma {
				base += s.n
			}
		}
		var cands []exception
		for _, s := range g {
			lf := lower(s.form)
			cands = append(cands,
				exception{editFor(s.form, lf, s.lemma, false), false},
				exception{editFor(s.form, lf, s.lemma, true), true})
		}
		slices.SortFunc(cands, compareException)
		cands = slices.Compact(cands)
		var bestExc exception
		bestN := -1
		for _, c := range cands {
			n := 0
			for _, s := range g {
				b := []byte(s.form)
				sh := lowerInto(b, s.form)
				if apply(s.form, b, sh, c.edit, c.keep) == s.lemma {
					n += s.n
				}
			}
			if n > bestN {
				bestExc, bestN = c, n
			}
		}
		if bestN-base >= max(cfg.minGain, 1) {
			l.exc[key] = bestExc
		}
	}
	return l
}

// parentRule returns the edit of the longest rule for a proper suffix of
// key, a suffix followed by its tag byte, or the identity edit.
func (l *Lemmatizer) parentRule(key string) edit {
	n := len(key) - 1
	for k := n - 1; k >= 1; k-- {
		if e, ok := l.suf[key[n-k:]]; ok {
			return e
		}
	}
	return edit{}
}

// editFor returns the edit that turns form into lemma, applied to form as it
// is written (keep) or to its lowercase lf.
func editFor(form, lf, lemma string, keep bool) edit {
	base := lf
	if keep {
		base = form
	}
	p := commonPrefix(base, lemma)
	return edit{len(base) - p, lemma[p:]}
}

// bestEdit returns the most frequent edit of m, ties broken by fewer bytes
// cut, then by the appended string.
func bestEdit(m map[edit]int) (edit, int) {
	var best edit
	bestN := -1
	for e, n := range m {
		if n > bestN || n == bestN && compareEdit(e, best) < 0 {
			best, bestN = e, n
		}
	}
	return best, bestN
}

func compareEdit(a, b edit) int {
	return cmp.Or(cmp.Compare(a.cut, b.cut), cmp.Compare(a.add, b.add))
}

func compareException(a, b exception) int {
	if c := compareEdit(a.edit, b.edit); c != 0 {
		return c
	}
	switch {
	case a.keep == b.keep:
		return 0
	case !a.keep:
		return -1
	}
	return 1
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func shapeOf(s string) shape {
	return lowerInto(make([]byte, len(s)), s)
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func sortedPairs(m map[[2]string]int) [][2]string {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	return keys
}
