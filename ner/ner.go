package ner

import (
	"fmt"
	"math/rand"

	"dyad/doc"
	"dyad/internal/perceptron"
	"dyad/internal/wordfeat"
)

// Model finds named mentions in tagged sentences. It is safe for
// concurrent use.
type Model struct {
	model *perceptron.Model
	gaz   *Gazetteer
}

// Sentence is one training sentence: its words, with forms and (predicted)
// UPOS and XPOS tags, and the named mentions in it.
type Sentence struct {
	Words    []doc.Word
	Mentions []Mention
}

// TrainOptions controls training.
type TrainOptions struct {
	Epochs    int     // passes over the data (default 12)
	Seed      int64   // shuffling seed
	MinWeight float64 // drop averaged weights smaller than this
	// Gazetteer supplies the dictionary features; it is stored in the
	// model. nil trains without them.
	Gazetteer *Gazetteer
	// Log, when set, receives one line per epoch.
	Log func(format string, args ...any)
}

// Train trains a model on the sentences. Mentions with a type outside
// Types, or overlapping an earlier mention of the sentence, are ignored.
// Training is deterministic for a given seed.
func Train(sents []Sentence, opt TrainOptions) *Model {
	if opt.Epochs <= 0 {
		opt.Epochs = 12
	}
	m := &Model{gaz: opt.Gazetteer}
	if m.gaz == nil {
		m.gaz = &Gazetteer{kinds: map[uint64]uint8{}}
	}
	nc := nClasses()
	gold := make([][]int, len(sents))
	for i, s := range sents {
		gold[i] = labels(len(s.Words), s.Mentions)
	}
	tr := perceptron.NewTrainer(nc)
	rng := rand.New(rand.NewSource(opt.Seed + int64(len(sents))))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var st state
	scores := make([]float32, nc)
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, idx := range order {
			words := sents[idx].Words
			st.prepare(m, words)
			p1, p2 := -1, -2
			for i := range words {
				tr.Tick()
				st.feats = st.features(st.feats[:0], i, p1, p2)
				clear(scores)
				tr.Score(st.feats, scores)
				guess := best(scores, p1)
				g := gold[idx][i]
				tr.Update(st.feats, g, guess)
				if guess == g {
					correct++
				}
				total++
				p2, p1 = p1, g
			}
		}
		if opt.Log != nil {
			opt.Log("ner epoch %d: train label accuracy %.4f, %d features", ep+1, float64(correct)/float64(max(total, 1)), tr.Features())
		}
	}
	m.model = tr.Compile(opt.MinWeight)
	return m
}

// best returns the highest-scoring class allowed after prev.
func best[T int32 | float32](scores []T, prev int) int {
	b := -1
	for c, v := range scores {
		if allowed(prev, c) && (b < 0 || v > scores[b]) {
			b = c
		}
	}
	return b
}

// Recognize returns the named mentions in a sentence whose words carry
// forms and UPOS and XPOS tags, in order.
func (m *Model) Recognize(words []doc.Word) []Mention {
	if len(words) == 0 {
		return nil
	}
	var st state
	st.prepare(m, words)
	classes := make([]int, len(words))
	scores := make([]int32, m.model.NClasses)
	p1, p2 := -1, -2
	for i := range words {
		st.feats = st.features(st.feats[:0], i, p1, p2)
		clear(scores)
		m.model.Score(st.feats, scores)
		c := best(scores, p1)
		classes[i] = c
		p2, p1 = p1, c
	}
	return mentions(classes)
}

// Stats describes the model's size.
func (m *Model) Stats() string {
	return fmt.Sprintf("%d classes, %d features, %d weights, %d gazetteer phrases",
		m.model.NClasses, m.model.Features(), m.model.Weights(), m.gaz.Len())
}

// wordHashes are the hashed properties of one word.
type wordHashes struct {
	lower, exact, shape, flags, upos, xpos uint64
	suf                                    [4]uint64
	pre                                    [3]uint64
	gaz                                    [nGazKinds]uint8
	gazMask                                uint64
}

var pad = wordHashes{lower: 1, exact: 1, shape: 1, flags: 1 << 10, upos: 1, xpos: 1, suf: [4]uint64{1, 1, 1, 1}, pre: [3]uint64{1, 1, 1}}

// state holds the per-sentence buffers of feature extraction.
type state struct {
	w     []wordHashes
	forms []string
	gaz   [][nGazKinds]uint8
	feats []uint64
}

func (s *state) prepare(m *Model, words []doc.Word) {
	s.forms = s.forms[:0]
	for i := range words {
		s.forms = append(s.forms, words[i].Form)
	}
	s.gaz = m.gaz.match(s.forms, s.gaz)
	s.w = s.w[:0]
	for i := range words {
		f := words[i].Form
		h := wordHashes{
			lower: wordfeat.Lower(f),
			exact: wordfeat.Exact(f),
			shape: wordfeat.Shape(f),
			flags: wordfeat.Flags(f),
			upos:  perceptron.HashString(words[i].UPOS),
			xpos:  perceptron.HashString(words[i].XPOS),
			gaz:   s.gaz[i],
		}

		for k := 0; k < 4; k++ {
			h.suf[k] = wordfeat.Suffix(f, k+1)
		}
		for k := 0; k < 3; k++ {
			h.pre[k] = wordfeat.Prefix(f, k+1)
		}
		for _, p := range h.gaz {
			h.gazMask = h.gazMask*5 + uint64(p)
		}
		s.w = append(s.w, h)
	}
	if cap(s.feats) < 96 {
		s.feats = make([]uint64, 0, 96)
	}
}

func (s *state) at(i int) *wordHashes {
	if i < 0 || i >= len(s.w) {
		return &pad
	}
	return &s.w[i]
}

// features appends all feature keys of word i given the two previous
// classes (negative before the sentence start).
func (s *state) features(f []uint64, i, p1, p2 int) []uint64 {
	return s.historyFeatures(s.staticFeatures(f, i), i, p1, p2)
}

// staticFeatures appends the feature keys of word i that do not depend on
// the previous classes.
func (s *state) staticFeatures(f []uint64, i int) []uint64 {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	c := &s.w[i]
	m1, m2, n1, n2 := s.at(i-1), s.at(i-2), s.at(i+1), s.at(i+2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	f = append(f,
		H1(1, 0),
		H1(2, c.lower), H1(3, c.exact),
		H1(4, c.suf[0]), H1(5, c.suf[1]), H1(6, c.suf[2]), H1(7, c.suf[3]),
		H1(8, c.pre[0]), H1(9, c.pre[1]), H1(10, c.pre[2]),
		H2(11, c.shape, first), H2(12, c.flags, first),
		H1(13, m1.lower), H1(14, m2.lower), H1(15, n1.lower), H1(16, n2.lower),
		H1(17, c.xpos), H1(18, c.upos),
		H1(19, m1.xpos), H1(20, n1.xpos), H1(21, m2.xpos), H1(22, n2.xpos),
		H2(23, m1.xpos, c.xpos), H2(24, c.xpos, n1.xpos),
		H1(30, m1.shape), H1(31, n1.shape), H3(32, m1.shape, c.shape, n1.shape),
		H2(33, m1.lower, c.lower), H2(34, c.lower, n1.lower),
		H1(35, m1.exact), H1(36, n1.exact),
		H2(37, c.suf[2], c.xpos),
		H2(40, c.gazMask, c.flags&3),
		H1(42, n1.gazMask), H1(43, m1.gazMask),
		H3(49, m1.flags&3, c.flags&3, n1.flags&3), H2(50, c.xpos, n1.lower),
		H2(51, m1.lower, c.shape), H2(52, c.shape, n1.lower),
	)
	for k, p := range c.gaz {
		if p != posNone {
			f = append(f, H3(44, uint64(k), uint64(p), c.flags&3))
		}
	}
	return f
}

// historyFeatures appends the feature keys of word i that depend on the
// two previous classes.
func (s *state) historyFeatures(f []uint64, i, p1, p2 int) []uint64 {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	c := &s.w[i]
	m1, n1 := s.at(i-1), s.at(i+1)
	t1, t2 := uint64(p1+10), uint64(p2+10)
	f = append(f,
		H1(25, t1), H2(26, t1, t2), H2(27, t1, c.lower), H2(28, t1, c.xpos), H2(29, t1, c.shape),
		H3(38, t1, c.flags, n1.flags),
		H2(39, t1, m1.lower),
		H2(41, t1, c.gazMask),
	)
	for k, p := range c.gaz {
		if p != posNone {
			f = append(f, H3(45, uint64(k), uint64(p), t1))
		}
	}
	return f
}
