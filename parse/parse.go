// Package parse is dyad's dependency parser: a greedy arc-eager
// transition-based parser with the artificial root last in the buffer,
// scored by an averaged perceptron over the feature set of Zhang and Nivre
// (2011) plus a few sentence-level cues, and trained with the dynamic oracle
// of Goldberg and Nivre (2012) and exploration. It produces Universal
// Dependencies relations.
package parse

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand"
	"sort"

	"dyad/conllu"
	"dyad/doc"
	"dyad/internal/perceptron"
	"dyad/internal/wordfeat"
)

// Parser assigns heads and relations. It is safe for concurrent use.
type Parser struct {
	model  *perceptron.Model
	labels []string
	// indexes in labels of "root", and of "dep" and "punct", which finish
	// gives words left without a head
	root, dep, punct int
}

// Transition classes: 0 SHIFT, 1 REDUCE, 2.. LEFT-l, 2+L.. RIGHT-l.
const (
	shift  = 0
	reduce = 1
)

func (p *Parser) nClasses() int { return 2 + 2*len(p.labels) }

// state is a parser configuration. Words are numbered 1..n; the artificial
// root is word n+1, last in the buffer (Ballesteros and Nivre 2013), so the
// parser decides the sentence's root last, when it has seen everything.
type state struct {
	n      int // words, not counting the root
	stack  []int
	b      int // buffer front; the buffer is b..n+1, the root last
	heads  []int
	labels []int
	inSt   []bool
	lc1    []int // leftmost child
	lc2    []int // second leftmost
	rc1    []int // rightmost child
	rc2    []int
	nl, nr []int
	ls, rs []uint64 // label sets of left and right children
	rootCh int      // the word attached to the root, -1 if none

	w, p, wp []uint64 // word, tag and word+tag hashes (index n+1 = root)
	u        []uint64 // UPOS hashes
	punct    []bool   // UPOS is PUNCT
	npunct   []int    // punctuation marks among words 1..i
	nextVerb []int    // the first verb at or after word i, n+1 if none
	nextPunc []int    // the first punctuation mark at or after word i, n+1 if none
}

const none = -1

func newState(words []doc.Word) *state {
	n := len(words)
	s := &state{n: n, b: 1, rootCh: none}
	mk := func() []int {
		a := make([]int, n+2)
		for i := range a {
			a[i] = none
		}
		return a
	}
	s.heads, s.labels, s.lc1, s.lc2, s.rc1, s.rc2 = mk(), mk(), mk(), mk(), mk(), mk()
	s.nl, s.nr = make([]int, n+2), make([]int, n+2)
	s.ls, s.rs = make([]uint64, n+2), make([]uint64, n+2)
	s.inSt = make([]bool, n+2)
	s.stack = make([]int, 0, n+1)
	s.w, s.p, s.wp, s.u = make([]uint64, n+2), make([]uint64, n+2), make([]uint64, n+2), make([]uint64, n+2)
	s.punct = make([]bool, n+2)
	r := n + 1
	s.w[r], s.p[r], s.u[r] = 0x726f6f74, 0x524f4f54, 0x524f4f54
	s.wp[r] = perceptron.H2(0, s.w[r], s.p[r])
	s.npunct, s.nextVerb, s.nextPunc = make([]int, n+2), make([]int, n+2), make([]int, n+2)
	s.nextVerb[n+1], s.nextPunc[n+1] = n+1, n+1
	for i := n; i >= 1; i-- {
		s.nextVerb[i], s.nextPunc[i] = s.nextVerb[i+1], s.nextPunc[i+1]
		switch words[i-1].UPOS {
		case "VERB", "AUX":
			s.nextVerb[i] = i
		case "PUNCT":
			s.nextPunc[i] = i
		}
	}
	for i, wd := range words {
		s.npunct[i+1] = s.npunct[i]
		if wd.UPOS == "PUNCT" {
			s.npunct[i+1]++
		}
		s.w[i+1] = wordfeat.Lower(wd.Form)
		s.p[i+1] = perceptron.H2(1, perceptron.HashString(wd.UPOS), perceptron.HashString(wd.XPOS))
		s.wp[i+1] = perceptron.H2(0, s.w[i+1], s.p[i+1])
		s.punct[i+1] = wd.UPOS == "PUNCT"
		s.u[i+1] = perceptron.HashString(wd.UPOS)
	}
	return s
}

// s0 returns the top of the stack, or none.
func (s *state) s0() int {
	if len(s.stack) == 0 {
		return none
	}
	return s.stack[len(s.stack)-1]
}

// root returns the index of the artificial root.
func (s *state) root() int { return s.n + 1 }

func (s *state) done() bool { return s.b > s.n && len(s.stack) == 0 }

func (s *state) addArc(h, d, l int) {
	s.heads[d], s.labels[d] = h, l
	if h == s.root() {
		s.rootCh = d
	}
	if d < h {
		s.nl[h]++
		s.ls[h] |= 1 << (uint(l) & 63)
		if s.lc1[h] == none || d < s.lc1[h] {
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		} else if s.lc2[h] == none || d < s.lc2[h] {
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		s.rs[h] |= 1 << (uint(l) & 63)
		if s.rc1[h] == none || d > s.rc1[h] {
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		} else if s.rc2[h] == none || d > s.rc2[h] {
			s.rc2[h] = d
		}
	}
}

func (s *state) push(i int) { s.stack = append(s.stack, i); s.inSt[i] = true }
func (s *state) pop() {
	s.inSt[s.s0()] = false
	s.stack = s.stack[:len(s.stack)-1]
}

// apply performs transition class c (assumed valid).
func (s *state) apply(c, nl int) {
	switch {
	case c == shift:
		s.push(s.b)
		s.b++
	case c == reduce:
		s.pop()
	case c < 2+nl:
		s.addArc(s.b, s.s0(), c-2)
		s.pop()
	default:
		s.addArc(s.s0(), s.b, c-2-nl)
		s.push(s.b)
		s.b++
	}
}

// valid marks the transitions allowed in s and reports whether there is
// any. The root, last in the buffer, is never shifted; it takes one
// dependent, by a left arc with the root relation, and no other word takes
// that relation.
func (p *Parser) valid(s *state, ok []bool) bool {
	clear(ok)
	if s.done() {
		return false
	}
	nl := len(p.labels)
	s0 := s.s0()
	atRoot := s.b == s.root()
	any := false
	if !atRoot {
		ok[shift] = true
		any = true
	}
	if s0 == none {
		return any
	}
	headed := s.heads[s0] != none
	if headed {
		ok[reduce] = true
		any = true
	}
	if atRoot {
		if !headed && s.rootCh == none {
			ok[2+p.root] = true
			any = true
		}
		return any
	}
	for l := 0; l < nl; l++ {
		ok[2+l] = !headed && l != p.root
		ok[2+nl+l] = l != p.root
	}
	return true
}

// finish attaches words left without a head: the first to the root (when
// the root has no dependent), the rest to the root's dependent.
func (p *Parser) finish(s *state) {
	for i := 1; i <= s.n; i++ {
		if s.heads[i] != none {
			continue
		}
		if s.rootCh == none {
			s.addArc(s.root(), i, p.root)
			continue
		}
		l := p.dep
		if s.punct[i] {
			l = p.punct
		}
		s.addArc(s.rootCh, i, l)
	}
}

// setLabels sets the relation list and the indexes derived from it.
func (p *Parser) setLabels(labels []string) {
	p.labels = labels
	p.root, p.dep, p.punct = p.labelIndex("root"), p.labelIndex("dep"), p.labelIndex("punct")
}

func (p *Parser) labelIndex(l string) int {
	for i, x := range p.labels {
		if x == l {
			return i
		}
	}
	return 0
}

func dist(a, b int) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 5:
		return uint64(d)
	case d <= 10:
		return 6
	default:
		return 7
	}
}

func capv(n int) uint64 {
	if n > 5 {
		return 5
	}
	return uint64(n)
}

// features appends the feature keys of configuration s.
func (s *state) features(f []uint64) []uint64 {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	const nw, np = 0x1111, 0x2222 // values for missing words and tags
	W := func(i int) uint64 {
		if i < 0 {
			return nw
		}
		return s.w[i]
	}
	P := func(i int) uint64 {
		if i < 0 {
			return np
		}
		return s.p[i]
	}
	WP := func(i int) uint64 {
		if i < 0 {
			return nw ^ np
		}
		return s.wp[i]
	}
	U := func(i int) uint64 {
		if i < 0 {
			return np
		}
		return s.u[i]
	}
	L := func(i int) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(s.labels[i] + 2)
	}
	get := func(a []int, i int) int {
		if i < 0 {
			return none
		}
		return a[i]
	}
	s0 := s.s0()
	s1 := none
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	n0, n1, n2 := s.b, none, none
	if n0 > s.root() {
		n0 = none
	}
	if s.b+1 <= s.root() {
		n1 = s.b + 1
	}
	if s.b+2 <= s.root() {
		n2 = s.b + 2
	}
	s0a, n0b := none, none // the word after s0, before n0
	if s0 > 0 && s0+1 <= s.n {
		s0a = s0 + 1
	}
	if n0 > 1 {
		n0b = n0 - 1
	}
	s0h := get(s.heads, s0)
	s0h2 := get(s.heads, s0h)
	s0l, s0r, s0l2, s0r2 := get(s.lc1, s0), get(s.rc1, s0), get(s.lc2, s0), get(s.rc2, s0)
	n0l, n0l2 := get(s.lc1, n0), get(s.lc2, n0)
	d := uint64(0)
	if n0 != none && s0 != none {
		d = dist(s0, n0)
	}
	// punctuation between s0 and n0, and whether a verb is still ahead
	var pbetween, verbAhead uint64
	if n0 != none {
		if s0 > 0 {
			pbetween = capv(s.npunct[n0-1] - s.npunct[s0])
		}
		if s.nextVerb[n0] <= s.n {
			verbAhead = 1 + capv(s.nextVerb[n0]-n0)
			if s.nextPunc[n0] < s.nextVerb[n0] {
				verbAhead += 8 // a punctuation mark comes first
			}
		}
	}
	var s0vl, s0vr, n0vl uint64
	var s0sl, s0sr, n0sl uint64
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = capv(s.nl[s0]), capv(s.nr[s0]), s.ls[s0], s.rs[s0]
	}
	if n0 >= 0 {
		n0vl, n0sl = capv(s.nl[n0]), s.ls[n0]
	}
	f = append(f,
		H1(1, 0),
		// single words
		H1(2, WP(s0)), H1(3, W(s0)), H1(4, P(s0)),
		H1(5, WP(n0)), H1(6, W(n0)), H1(7, P(n0)),
		H1(8, WP(n1)), H1(9, W(n1)), H1(10, P(n1)),
		H1(11, WP(n2)), H1(12, W(n2)), H1(13, P(n2)),
		// pairs
		H2(14, WP(s0), WP(n0)), H2(15, WP(s0), W(n0)), H2(16, W(s0), WP(n0)),
		H2(17, WP(s0), P(n0)), H2(18, P(s0), WP(n0)), H2(19, W(s0), W(n0)),
		H2(20, P(s0), P(n0)), H2(21, P(n0), P(n1)),
		// three words
		H3(22, P(n0), P(n1), P(n2)), H3(23, P(s0), P(n0), P(n1)),
		H3(24, P(s0h), P(s0), P(n0)), H3(25, P(s0), P(s0l), P(n0)),
		H3(26, P(s0), P(s0r), P(n0)), H3(27, P(s0), P(n0), P(n0l)),
		// distance
		H2(28, W(s0), d), H2(29, P(s0), d), H2(30, W(n0), d), H2(31, P(n0), d),
		H3(32, W(s0), W(n0), d), H3(33, P(s0), P(n0), d),
		// valency
		H2(34, W(s0), s0vr), H2(35, P(s0), s0vr), H2(36, W(s0), s0vl), H2(37, P(s0), s0vl),
		H2(38, W(n0), n0vl), H2(39, P(n0), n0vl),
		// unigrams of heads and children
		H1(40, W(s0h)), H1(41, P(s0h)), H1(42, L(s0)),
		H1(43, W(s0l)), H1(44, P(s0l)), H1(45, L(s0l)),
		H1(46, W(s0r)), H1(47, P(s0r)), H1(48, L(s0r)),
		H1(49, W(n0l)), H1(50, P(n0l)), H1(51, L(n0l)),
		// third order
		H1(52, W(s0h2)), H1(53, P(s0h2)), H1(54, L(s0h)),
		H1(55, W(s0l2)), H1(56, P(s0l2)), H1(57, L(s0l2)),
		H1(58, W(s0r2)), H1(59, P(s0r2)), H1(60, L(s0r2)),
		H1(61, W(n0l2)), H1(62, P(n0l2)), H1(63, L(n0l2)),
		H3(64, P(s0), P(s0l), P(s0l2)), H3(65, P(s0), P(s0r), P(s0r2)),
		H3(66, P(s0), P(s0h), P(s0h2)), H3(67, P(n0), P(n0l), P(n0l2)),
		// label sets
		H2(68, W(s0), s0sr), H2(69, P(s0), s0sr), H2(70, W(s0), s0sl), H2(71, P(s0), s0sl),
		H2(72, W(n0), n0sl), H2(73, P(n0), n0sl),
		// second stack item
		H1(74, WP(s1)), H1(75, P(s1)), H3(76, P(s1), P(s0), P(n0)),
		H2(77, W(s1), W(n0)), H2(78, P(s1), L(s1)),
		// the words next to s0 and n0 in the sentence
		H1(79, P(s0a)), H1(80, P(n0b)), H3(81, P(s0), P(s0a), P(n0)),
		H3(82, P(s0), P(n0b), P(n0)), H2(83, W(n0b), P(n0)),
		// relation context
		H2(84, L(s0), P(n0)), H3(85, L(s0), P(s0), W(n0)), H3(86, W(n0), P(n0), P(n1)),
		// universal tags alone, robust to confusions within one UPOS
		H2(87, U(s0), U(n0)), H3(88, U(s0), U(n0), U(n1)), H3(89, U(n0), U(n1), U(n2)),
		H3(90, U(s0h), U(s0), U(n0)), H2(91, W(s0), U(n0)), H2(92, U(s0), W(n0)),
		H3(93, U(s1), U(s0), U(n0)), H3(94, U(s0), U(s0r), U(n0)), H3(95, U(s0), U(n0), U(n0l)),
		// punctuation in between and verbs ahead
		H3(96, pbetween, P(s0), P(n0)), H2(97, pbetween, d), H3(98, verbAhead, P(n0), P(s0)),
		H2(99, verbAhead, W(n0)), H3(100, verbAhead, pbetween, U(n0)),
	)
	return f
}

// Parse fills Head and Deprel of every word; the words need UPOS and XPOS.
func (p *Parser) Parse(words []doc.Word) {
	if len(words) == 0 {
		return
	}
	s := newState(words)
	nc := p.nClasses()
	ok := make([]bool, nc)
	scores := make([]int32, nc)
	feats := make([]uint64, 0, 96)
	for p.valid(s, ok) {
		only, n := -1, 0
		for c := 0; c < nc && n < 2; c++ {
			if ok[c] {
				only, n = c, n+1
			}
		}
		if n == 1 { // a forced move needs no scoring
			s.apply(only, len(p.labels))
			continue
		}
		feats = s.features(feats[:0])
		clear(scores)
		p.model.Score(feats, scores)
		best := -1
		for c := 0; c < nc; c++ {
			if ok[c] && (best < 0 || scores[c] > scores[best]) {
				best = c
			}
		}
		s.apply(best, len(p.labels))
	}
	p.finish(s)
	for i := range words {
		h := s.heads[i+1]
		if h == s.root() {
			h = 0
		}
		words[i].Head = h
		words[i].Deprel = p.labels[s.labels[i+1]]
	}
}

// TrainOptions controls training.
type TrainOptions struct {
	Epochs  int     // passes over the data (default 15)
	Seed    int64   // shuffling and exploration seed
	Explore float64 // probability of following a wrong prediction after the first epoch (default 0.9)
	// MinWeight drops averaged weights smaller than this from the model.
	MinWeight float64
	Log       func(format string, args ...any)
}

// Train trains a parser on sentences whose UPOS and XPOS columns hold the
// tags the parser will see at run time (predicted tags, ideally
// jackknifed). Non-projective trees are projectivized by lifting.
func Train(sents []*conllu.Sentence, opt TrainOptions) *Parser {
	if opt.Epochs == 0 {
		opt.Epochs = 15
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	labelSet := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			labelSet[w.Deprel] = true
		}
	}
	var labels []string
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	p := &Parser{}
	p.setLabels(labels)
	lid := map[string]int{}
	for i, l := range p.labels {
		lid[l] = i
	}
	var data []gold
	for _, s := range sents {
		n := len(s.Words)
		g := gold{heads: make([]int, n+2), labels: make([]int, n+2)}
		for i, w := range s.Words {
			g.words = append(g.words, doc.Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS})
			g.heads[i+1] = w.Head
			g.labels[i+1] = lid[w.Deprel]
		}
		g.heads[0], g.heads[n+1] = none, none
		projectivize(g.heads[:n+1])
		g.children = make([][]int, n+2)
		for d := 1; d <= n; d++ {
			if g.heads[d] == 0 {
				g.heads[d] = n + 1 // the root is last
			}
			g.children[g.heads[d]] = append(g.children[g.heads[d]], d)
		}
		data = append(data, g)
	}
	p.model = p.trainModel(data, opt).Compile(opt.MinWeight)
	return p
}

// trainModel runs the perceptron over the data for opt.Epochs passes.
func (p *Parser) trainModel(data []gold, opt TrainOptions) *perceptron.Trainer {
	nc := p.nClasses()
	nl := len(p.labels)
	tr := perceptron.NewTrainer(nc)
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	ok := make([]bool, nc)
	scores := make([]float32, nc)
	cost := make([]int, nc)
	var feats []uint64
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, idx := range order {
			g := &data[idx]
			s := newState(g.words)
			for p.valid(s, ok) {
				tr.Tick()
				feats = s.features(feats[:0])
				clear(scores)
				tr.Score(feats, scores)
				costs(s, g.heads, g.labels, g.children, ok, cost, nl)
				pred, best := -1, -1
				for c := 0; c < nc; c++ {
					if !ok[c] {
						continue
					}
					if pred < 0 || scores[c] > scores[pred] {
						pred = c
					}
					if cost[c] == 0 && (best < 0 || scores[c] > scores[best]) {
						best = c
					}
				}
				if best < 0 { // no zero-cost move: take the cheapest
					for c := 0; c < nc; c++ {
						if ok[c] && (best < 0 || cost[c] < cost[best]) {
							best = c
						}
					}
				}
				total++
				next := best
				if cost[pred] > cost[best] {
					tr.Update(feats, best, pred)
					if ep > 0 && rng.Float64() < opt.Explore {
						next = pred
					}
				} else {
					correct++
					next = pred
				}
				s.apply(next, nl)
			}
		}
		if opt.Log != nil {
			opt.Log("parser epoch %d: %.4f of transitions optimal, %d features", ep+1, float64(correct)/float64(total), tr.Features())
		}
	}
	return tr
}

// gold is a training sentence with its (projectivized) tree.
type gold struct {
	words    []doc.Word
	heads    []int // of words 1..n; the root is n+1, index 0 unused
	labels   []int
	children [][]int
}

// costs computes the dynamic-oracle cost of every valid transition: the
// number of gold arcs that become unreachable.
func costs(s *state, gh, gl []int, gc [][]int, ok []bool, cost []int, nl int) {
	clear(cost)
	s0, b := s.s0(), s.b
	// children of x still in the buffer
	kidsInBuffer := func(x int) int {
		n := 0
		for _, k := range gc[x] {
			if k >= b {
				n++
			}
		}
		return n
	}
	// headless children of x on the stack
	kidsOnStack := func(x int) int {
		n := 0
		for _, k := range gc[x] {
			if s.inSt[k] && s.heads[k] == none {
				n++
			}
		}
		return n
	}
	if ok[shift] {
		c := kidsOnStack(b)
		if gh[b] >= 0 && s.inSt[gh[b]] {
			c++
		}
		cost[shift] = c
	}
	if ok[reduce] {
		cost[reduce] = kidsInBuffer(s0)
	}
	if s0 != none && s.heads[s0] == none {
		c := kidsInBuffer(s0)
		if gh[s0] > b {
			c++
		}
		for l := 0; l < nl; l++ {
			if ok[2+l] {
				cost[2+l] = c
				if gh[s0] == b && gl[s0] != l {
					cost[2+l]++
				}
			}
		}
	}
	if s0 != none && b <= s.n {
		c := kidsOnStack(b)
		if gh[b] != s0 && (s.inSt[gh[b]] || gh[b] > b) {
			c++
		}
		for l := 0; l < nl; l++ {
			if ok[2+nl+l] {
				cost[2+nl+l] = c
				if gh[b] == s0 && gl[b] != l {
					cost[2+nl+l]++
				}
			}
		}
	}
}

// projectivize lifts non-projective arcs (heads[d] = heads[heads[d]])
// until the tree is projective, shortest arcs first. heads[0] is unused.
func projectivize(heads []int) {
	n := len(heads) - 1
	dominated := func(h, k int) bool {
		for k != 0 && k != h {
			k = heads[k]
			if k < 0 {
				return false
			}
		}
		return k == h
	}
	for iter := 0; iter < n*n; iter++ {
		bestD, bestLen := -1, 1<<30
		for d := 1; d <= n; d++ {
			h := heads[d]
			if h <= 0 {
				continue
			}
			lo, hi := h, d
			if lo > hi {
				lo, hi = hi, lo
			}
			for k := lo + 1; k < hi; k++ {
				if !dominated(h, k) {
					if hi-lo < bestLen {
						bestD, bestLen = d, hi-lo
					}
					break
				}
			}
		}
		if bestD < 0 {
			return
		}
		heads[bestD] = heads[heads[bestD]]
	}
}

// Labels returns the relations the parser knows.
func (p *Parser) Labels() []string { return append([]string(nil), p.labels...) }

// Stats describes the model's size.
func (p *Parser) Stats() string {
	return fmt.Sprintf("%d relations, %d features, %d weights", len(p.labels), p.model.Features(), p.model.Weights())
}

const magic = "DYADPAR1"

// WriteTo writes the parser in dyad's binary form.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write(binary.AppendUvarint(nil, uint64(len(p.labels))))
	for _, l := range p.labels {
		b.Write(binary.AppendUvarint(nil, uint64(len(l))))
		b.WriteString(l)
	}
	if _, err := p.model.WriteTo(&b); err != nil {
		return 0, err
	}
	return b.WriteTo(w)
}

// Read reads a parser written by WriteTo.
func Read(data []byte) (*Parser, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("parse: not a parser model")
	}
	data = data[len(magic):]
	p := &Parser{}
	n, k := binary.Uvarint(data)
	if k <= 0 || n == 0 || n > 255 {
		return nil, fmt.Errorf("parse: bad relation count")
	}
	data = data[k:]
	var labels []string
	for i := uint64(0); i < n; i++ {
		m, k := binary.Uvarint(data)
		if k <= 0 || m > uint64(len(data)-k) {
			return nil, fmt.Errorf("parse: truncated relation list")
		}
		labels = append(labels, string(data[k:k+int(m)]))
		data = data[k+int(m):]
	}
	p.setLabels(labels)
	if p.labels[p.root] != "root" {
		return nil, fmt.Errorf("parse: no root relation")
	}
	m, err := perceptron.ReadModel(data)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	if m.NClasses != p.nClasses() {
		return nil, fmt.Errorf("parse: model has %d classes, want %d", m.NClasses, p.nClasses())
	}
	p.model = m
	return p, nil
}
