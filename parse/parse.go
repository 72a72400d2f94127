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
	"math/bits"
	"math/rand"
	"slices"
	"sort"
	"sync"

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

	emptyOnce sync.Once
	empty     []int32 // see emptySlotRows
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
	s := &state{}
	s.reset(words)
	return s
}

// reset makes s the initial configuration for words, reusing its slices.
func (s *state) reset(words []doc.Word) {
	n := len(words)
	s.n, s.b, s.rootCh = n, 1, none
	ints := func(a []int, v int) []int {
		a = slices.Grow(a[:0], n+2)[:n+2]
		for i := range a {
			a[i] = v
		}
		return a
	}
	s.heads, s.labels = ints(s.heads, none), ints(s.labels, none)
	s.lc1, s.lc2, s.rc1, s.rc2 = ints(s.lc1, none), ints(s.lc2, none), ints(s.rc1, none), ints(s.rc2, none)
	s.nl, s.nr = ints(s.nl, 0), ints(s.nr, 0)
	s.npunct, s.nextVerb, s.nextPunc = ints(s.npunct, 0), ints(s.nextVerb, 0), ints(s.nextPunc, 0)
	hashes := func(a []uint64) []uint64 {
		a = slices.Grow(a[:0], n+2)[:n+2]
		clear(a)
		return a
	}
	s.ls, s.rs = hashes(s.ls), hashes(s.rs)
	s.w, s.p, s.wp, s.u = hashes(s.w), hashes(s.p), hashes(s.wp), hashes(s.u)
	s.inSt = slices.Grow(s.inSt[:0], n+2)[:n+2]
	clear(s.inSt)
	s.punct = slices.Grow(s.punct[:0], n+2)[:n+2]
	clear(s.punct)
	s.stack = slices.Grow(s.stack[:0], n+1)
	r := n + 1
	s.w[r], s.p[r], s.u[r] = 0x726f6f74, 0x524f4f54, 0x524f4f54
	s.wp[r] = perceptron.H2(0, s.w[r], s.p[r])
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
		u := perceptron.HashString(wd.UPOS)
		s.p[i+1] = perceptron.H2(1, u, perceptron.HashString(wd.XPOS))
		s.wp[i+1] = perceptron.H2(0, s.w[i+1], s.p[i+1])
		s.punct[i+1] = wd.UPOS == "PUNCT"
		s.u[i+1] = u
	}
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

// Values of a word for the feature templates; i may be none.
const nw, np = 0x1111, 0x2222 // values for missing words and tags

func (s *state) W(i int) uint64 {
	if i < 0 {
		return nw
	}
	return s.w[i]
}

func (s *state) P(i int) uint64 {
	if i < 0 {
		return np
	}
	return s.p[i]
}

func (s *state) WP(i int) uint64 {
	if i < 0 {
		return nw ^ np
	}
	return s.wp[i]
}

func (s *state) U(i int) uint64 {
	if i < 0 {
		return np
	}
	return s.u[i]
}

func (s *state) L(i int) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(s.labels[i] + 2)
}

func get(a []int, i int) int {
	if i < 0 {
		return none
	}
	return a[i]
}

// s1 returns the second stack item, or none.
func (s *state) s1() int {
	if len(s.stack) < 2 {
		return none
	}
	return s.stack[len(s.stack)-2]
}

// next returns the buffer words n1 and n2 after buffer front b (none past
// the root) and the word before b, n0b (none for the first word).
func (s *state) next(b int) (n1, n2, n0b int) {
	n1, n2, n0b = none, none, none
	if b+1 <= s.root() {
		n1 = b + 1
	}
	if b+2 <= s.root() {
		n2 = b + 2
	}
	if b > 1 {
		n0b = b - 1
	}
	return n1, n2, n0b
}

// verbAhead describes the first verb at or after buffer word n0: 0 for
// none, else 1 + its distance (capped), plus 8 when a punctuation mark
// comes first.
func (s *state) verbAhead(n0 int) uint64 {
	if s.nextVerb[n0] > s.n {
		return 0
	}
	v := 1 + capv(s.nextVerb[n0]-n0)
	if s.nextPunc[n0] < s.nextVerb[n0] {
		v += 8
	}
	return v
}

// features appends the feature keys of configuration s, in the order
// training has always used (the order matters to training, whose float
// sums it changes, not to parsing). Parsing scores the same keys in
// groups; see bufferFeatures.
func (s *state) features(f []uint64) []uint64 {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	W, P, WP, U, L := s.W, s.P, s.WP, s.U, s.L
	s0, s1 := s.s0(), s.s1()
	n0 := s.b
	if n0 > s.root() {
		n0 = none
	}
	n1, n2, n0b := s.next(s.b)
	if n0 == none {
		n0b = none
	}
	s0a := s.after(s0)
	s0h := get(s.heads, s0)
	s0h2 := get(s.heads, s0h)
	s0l, s0r, s0l2, s0r2 := get(s.lc1, s0), get(s.rc1, s0), get(s.lc2, s0), get(s.rc2, s0)
	n0l, n0l2 := get(s.lc1, n0), get(s.lc2, n0)
	d, pbetween := s.between(s0, n0)
	verbAhead := uint64(0)
	if n0 != none {
		verbAhead = s.verbAhead(n0)
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

// between returns the distance class of s0 and n0 and the number of
// punctuation marks between them (capped); both 0 when either is none.
func (s *state) between(s0, n0 int) (d, pbetween uint64) {
	if n0 != none && s0 != none {
		d = dist(s0, n0)
	}
	if n0 != none && s0 > 0 {
		pbetween = capv(s.npunct[n0-1] - s.npunct[s0])
	}
	return d, pbetween
}

// At parse time the features are scored in groups, most of them before
// parsing, for every word of the sentence at once, in one batch per group
// (perceptron.Model.ScoreEach), whose memory loads overlap:
//
//   - bufferFeatures depend only on the buffer front n0, stackFeatures
//     only on the stack top s0, secondFeatures only on the second stack
//     item s1: a row of scores for each word;
//   - slotFeatures are those of the heads and children of s0 and n0, one
//     group per slot; most slots are empty, and then the group's keys are
//     always the same: a row for each set of empty slots, once per parser
//     (emptySlotRows).
//
// A transition adds up the rows of its configuration and scores only the
// other features (stepFeatures). Together the groups hold exactly the keys
// of features (TestGroupedFeatures checks it).

const (
	nBuffer = 17 // keys appended by bufferFeatures
	nStack  = 4  // keys appended by stackFeatures
	nSecond = 2  // keys appended by secondFeatures
	nSlots  = 8  // slot groups (see slotFeatures)
)

// bufferFeatures appends the features that depend only on the buffer
// front n0 (never none while parsing), including the bias.
func (s *state) bufferFeatures(f []uint64, n0 int) []uint64 {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	W, P, WP, U := s.W, s.P, s.WP, s.U
	n1, n2, n0b := s.next(n0)
	return append(f,
		H1(1, 0),
		H1(5, WP(n0)), H1(6, W(n0)), H1(7, P(n0)),
		H1(8, WP(n1)), H1(9, W(n1)), H1(10, P(n1)),
		H1(11, WP(n2)), H1(12, W(n2)), H1(13, P(n2)),
		H2(21, P(n0), P(n1)), H3(22, P(n0), P(n1), P(n2)),
		H1(80, P(n0b)), H2(83, W(n0b), P(n0)),
		H3(86, W(n0), P(n0), P(n1)), H3(89, U(n0), U(n1), U(n2)),
		H2(99, s.verbAhead(n0), W(n0)),
	)
}

// stackFeatures appends the features that depend only on the stack top
// s0, which may be none.
func (s *state) stackFeatures(f []uint64, s0 int) []uint64 {
	return append(f,
		perceptron.H1(2, s.WP(s0)), perceptron.H1(3, s.W(s0)), perceptron.H1(4, s.P(s0)),
		perceptron.H1(79, s.P(s.after(s0))),
	)
}

// after returns the word after stack word s0, none for the last word.
func (s *state) after(s0 int) int {
	if s0 > 0 && s0+1 <= s.n {
		return s0 + 1
	}
	return none
}

// secondFeatures appends the features that depend only on the second
// stack item s1, which may be none.
func (s *state) secondFeatures(f []uint64, s1 int) []uint64 {
	return append(f, perceptron.H1(74, s.WP(s1)), perceptron.H1(75, s.P(s1)))
}

// slotFeatures appends the unigram features of slot g, which holds word x
// (possibly none): 0 the head of s0, 1 its head, 2 and 5 the leftmost
// and second leftmost children of s0, 3 and 6 its rightmost ones, 4 and 7
// the leftmost ones of n0.
func (s *state) slotFeatures(f []uint64, g, x int) []uint64 {
	H1, W, P, L := perceptron.H1, s.W, s.P, s.L
	switch g {
	case 0:
		return append(f, H1(40, W(x)), H1(41, P(x)), H1(54, L(x)))
	case 1:
		return append(f, H1(52, W(x)), H1(53, P(x)))
	case 2:
		return append(f, H1(43, W(x)), H1(44, P(x)), H1(45, L(x)))
	case 3:
		return append(f, H1(46, W(x)), H1(47, P(x)), H1(48, L(x)))
	case 4:
		return append(f, H1(49, W(x)), H1(50, P(x)), H1(51, L(x)))
	case 5:
		return append(f, H1(55, W(x)), H1(56, P(x)), H1(57, L(x)))
	case 6:
		return append(f, H1(58, W(x)), H1(59, P(x)), H1(60, L(x)))
	default:
		return append(f, H1(61, W(x)), H1(62, P(x)), H1(63, L(x)))
	}
}

// emptySlotRows returns, for each set of empty slots (bit g for slot g),
// the row of summed scores of their features.
func (p *Parser) emptySlotRows() []int32 {
	p.emptyOnce.Do(func() {
		nc := p.nClasses()
		var s state // slotFeatures of none reads nothing from it
		group := make([]int32, nSlots*nc)
		for g := 0; g < nSlots; g++ {
			p.model.Score(s.slotFeatures(nil, g, none), group[g*nc:(g+1)*nc])
		}
		rows := make([]int32, (1<<nSlots)*nc)
		for set := 1; set < 1<<nSlots; set++ {
			g := bits.TrailingZeros(uint(set))
			prev, row, add := rows[(set&(set-1))*nc:], rows[set*nc:(set+1)*nc], group[g*nc:]
			for c := range row {
				row[c] = prev[c] + add[c]
			}
		}
		p.empty = rows
	})
	return p.empty
}

// stepFeatures appends the features of configuration s that no row
// covers: those of no group and those of the occupied slots. It returns
// the set of empty slots.
func (s *state) stepFeatures(f []uint64) ([]uint64, int) {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	W, P, WP, L, U := s.W, s.P, s.WP, s.L, s.U
	s0, s1, n0 := s.s0(), s.s1(), s.b
	n1, _, n0b := s.next(n0)
	s0a := s.after(s0)
	s0h := get(s.heads, s0)
	s0h2 := get(s.heads, s0h)
	s0l, s0r, s0l2, s0r2 := get(s.lc1, s0), get(s.rc1, s0), get(s.lc2, s0), get(s.rc2, s0)
	n0l, n0l2 := s.lc1[n0], s.lc2[n0]
	d, pbetween := s.between(s0, n0)
	verbAhead := s.verbAhead(n0)
	var s0vl, s0vr, s0sl, s0sr uint64
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = capv(s.nl[s0]), capv(s.nr[s0]), s.ls[s0], s.rs[s0]
	}
	n0vl, n0sl := capv(s.nl[n0]), s.ls[n0]
	f = append(f,
		H2(14, WP(s0), WP(n0)), H2(15, WP(s0), W(n0)), H2(16, W(s0), WP(n0)),
		H2(17, WP(s0), P(n0)), H2(18, P(s0), WP(n0)), H2(19, W(s0), W(n0)),
		H2(20, P(s0), P(n0)),
		H3(23, P(s0), P(n0), P(n1)),
		H3(24, P(s0h), P(s0), P(n0)), H3(25, P(s0), P(s0l), P(n0)),
		H3(26, P(s0), P(s0r), P(n0)), H3(27, P(s0), P(n0), P(n0l)),
		H2(28, W(s0), d), H2(29, P(s0), d), H2(30, W(n0), d), H2(31, P(n0), d),
		H3(32, W(s0), W(n0), d), H3(33, P(s0), P(n0), d),
		H2(34, W(s0), s0vr), H2(35, P(s0), s0vr), H2(36, W(s0), s0vl), H2(37, P(s0), s0vl),
		H2(38, W(n0), n0vl), H2(39, P(n0), n0vl),
		H1(42, L(s0)),
		H3(64, P(s0), P(s0l), P(s0l2)), H3(65, P(s0), P(s0r), P(s0r2)),
		H3(66, P(s0), P(s0h), P(s0h2)), H3(67, P(n0), P(n0l), P(n0l2)),
		H2(68, W(s0), s0sr), H2(69, P(s0), s0sr), H2(70, W(s0), s0sl), H2(71, P(s0), s0sl),
		H2(72, W(n0), n0sl), H2(73, P(n0), n0sl),
		H3(76, P(s1), P(s0), P(n0)), H2(77, W(s1), W(n0)), H2(78, P(s1), L(s1)),
		H3(81, P(s0), P(s0a), P(n0)), H3(82, P(s0), P(n0b), P(n0)),
		H2(84, L(s0), P(n0)), H3(85, L(s0), P(s0), W(n0)),
		H2(87, U(s0), U(n0)), H3(88, U(s0), U(n0), U(n1)),
		H3(90, U(s0h), U(s0), U(n0)), H2(91, W(s0), U(n0)), H2(92, U(s0), W(n0)),
		H3(93, U(s1), U(s0), U(n0)), H3(94, U(s0), U(s0r), U(n0)), H3(95, U(s0), U(n0), U(n0l)),
		H3(96, pbetween, P(s0), P(n0)), H2(97, pbetween, d), H3(98, verbAhead, P(n0), P(s0)),
		H3(100, verbAhead, pbetween, U(n0)),
	)
	empty := 0
	for g, x := range [nSlots]int{s0h, s0h2, s0l, s0r, n0l, s0l2, s0r2, n0l2} {
		if x == none {
			empty |= 1 << g
		} else {
			f = s.slotFeatures(f, g, x)
		}
	}
	return f, empty
}

// scratch holds the buffers of one Parse call.
type scratch struct {
	state
	ok     []bool
	scores []int32
	feats  []uint64
	// rows of scores: buffer[b] for buffer front b; stack[i] and second[i]
	// for word i on the stack (0: none)
	buffer, stack, second []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// rows returns a zeroed slice of n rows of nc scores, reusing buf.
func rows(buf []int32, n, nc int) []int32 {
	buf = slices.Grow(buf[:0], n*nc)[:n*nc]
	clear(buf)
	return buf
}

// scoreRows scores the feature groups of every word of the sentence.
func (p *Parser) scoreRows(sc *scratch) {
	s, n, nc := &sc.state, sc.n, p.nClasses()
	feats := sc.feats[:0]
	for b := 1; b <= n+1; b++ {
		feats = s.bufferFeatures(feats, b)
	}
	sc.buffer = rows(sc.buffer, n+2, nc)
	p.model.ScoreEach(feats, nBuffer, sc.buffer[nc:])
	feats = s.stackFeatures(feats[:0], none)
	for i := 1; i <= n; i++ {
		feats = s.stackFeatures(feats, i)
	}
	sc.stack = rows(sc.stack, n+1, nc)
	p.model.ScoreEach(feats, nStack, sc.stack)
	feats = s.secondFeatures(feats[:0], none)
	for i := 1; i <= n; i++ {
		feats = s.secondFeatures(feats, i)
	}
	sc.second = rows(sc.second, n+1, nc)
	p.model.ScoreEach(feats, nSecond, sc.second)
	sc.feats = feats
}

// Parse fills Head and Deprel of every word; the words need UPOS and XPOS.
func (p *Parser) Parse(words []doc.Word) {
	if len(words) == 0 {
		return
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	s := &sc.state
	s.reset(words)
	nc := p.nClasses()
	p.scoreRows(sc)
	sc.ok = slices.Grow(sc.ok[:0], nc)[:nc]
	sc.scores = slices.Grow(sc.scores[:0], nc)[:nc]
	ok, scores, feats := sc.ok, sc.scores, sc.feats
	emptyRows := p.emptySlotRows()
	for p.valid(s, ok) {
		only, nValid := -1, 0
		for c := 0; c < nc && nValid < 2; c++ {
			if ok[c] {
				only, nValid = c, nValid+1
			}
		}
		if nValid == 1 { // a forced move needs no scoring
			s.apply(only, len(p.labels))
			continue
		}
		var empty int
		feats, empty = s.stepFeatures(feats[:0])
		b, s0, s1 := s.b*nc, max(s.s0(), 0)*nc, max(s.s1(), 0)*nc
		rb, r0, r1 := sc.buffer[b:b+nc], sc.stack[s0:s0+nc], sc.second[s1:s1+nc]
		re := emptyRows[empty*nc : (empty+1)*nc]
		for c := range scores {
			scores[c] = rb[c] + r0[c] + r1[c] + re[c]
		}
		p.model.Score(feats, scores)
		best := -1
		for c := 0; c < nc; c++ {
			if ok[c] && (best < 0 || scores[c] > scores[best]) {
				best = c
			}
		}
		s.apply(best, len(p.labels))
	}
	sc.feats = feats
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
