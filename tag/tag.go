// Package tag is dyad's part-of-speech tagger: a greedy left-to-right
// averaged perceptron that assigns each word a Universal POS tag and a Penn
// Treebank tag at once (the pair is one class, so the two always agree).
//
// Features are the word, its lowercased form, prefixes and suffixes, word
// shape, the two words on either side, the two previous tags, and the
// ambiguity class (the tags seen for a word in training) of the words ahead.
package tag

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/rand"
	"slices"
	"sort"
	"sync"

	"dyad/conllu"
	"dyad/doc"
	"dyad/internal/perceptron"
	"dyad/internal/wordfeat"
)

// Tagger assigns UPOS and XPOS tags. It is safe for concurrent use.
type Tagger struct {
	model   *perceptron.Model // first pass: left context only
	model2  *perceptron.Model // second pass: also the first pass's tags on the right
	upos    []string          // class → UPOS
	xpos    []string          // class → XPOS
	ambig   map[uint64]uint64 // lowercased form hash → ambiguity class hash
	tagdict map[uint64]uint16 // exact form hash → class for unambiguous frequent words
}

// TrainOptions controls training.
type TrainOptions struct {
	Epochs int // passes over the data (default 10)
	// OnePass trains only the left-to-right first pass (faster, slightly
	// less accurate); used for the jackknifed taggers of parser training.
	OnePass bool
	// MinWeight drops averaged weights smaller than this from the model.
	MinWeight float64
	Seed      int64 // shuffling seed
	// Log, when set, receives one line per epoch.
	Log func(format string, args ...any)
}

type instance struct {
	forms []string
	gold  []int
}

// Train trains a tagger on the treebank sentences. Training is
// deterministic for a given seed.
func Train(sents []*conllu.Sentence, opt TrainOptions) *Tagger {
	if opt.Epochs == 0 {
		opt.Epochs = 10
	}
	t := &Tagger{ambig: map[uint64]uint64{}, tagdict: map[uint64]uint16{}}
	classOf := map[string]int{}
	var data []instance
	for _, s := range sents {
		in := instance{}
		for _, w := range s.Words {
			key := w.UPOS + "\t" + w.XPOS
			c, ok := classOf[key]
			if !ok {
				c = len(t.upos)
				classOf[key] = c
				t.upos = append(t.upos, w.UPOS)
				t.xpos = append(t.xpos, w.XPOS)
			}
			in.forms = append(in.forms, w.Form)
			in.gold = append(in.gold, c)
		}
		data = append(data, in)
	}
	t.buildDicts(data)
	log := opt.Log
	if log == nil {
		log = func(string, ...any) {}
	}
	// The second pass learns from first-pass tags of the right context.
	// Those tags come from two half models (jackknifing), so that they are
	// as noisy in training as at run time.
	if opt.OnePass {
		t.model = t.trainPass(data, nil, opt, 1)
		return t
	}
	half := len(data) / 2
	m1a := t.trainPass(data[:half], nil, opt, 1)
	m1b := t.trainPass(data[half:], nil, opt, 1)
	right := make([][]int, len(data))
	for i, in := range data {
		m := m1b
		if i >= half {
			m = m1a
		}
		right[i] = t.tag1(m, in.forms)
	}
	log("tagger: jackknifed first-pass tags ready")
	t.model = t.trainPass(data, nil, opt, 1)
	t.model2 = t.trainPass(data, right, opt, 2)
	return t
}

// trainPass trains one pass; right holds first-pass tags for pass 2.
func (t *Tagger) trainPass(data []instance, right [][]int, opt TrainOptions, pass int) *perceptron.Model {
	tr := perceptron.NewTrainer(len(t.upos))
	rng := rand.New(rand.NewSource(opt.Seed + int64(len(data))))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, len(t.upos))
	var feats []uint64
	var wf []wordHashes
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, idx := range order {
			in := data[idx]
			wf = t.hashes(in.forms, wf)
			p1, p2 := -1, -2
			for i := range in.forms {
				tr.Tick()
				feats = t.features(feats[:0], wf, i, p1, p2)
				if right != nil {
					feats = rightFeatures(feats, wf, right[idx], i, p1)
				}
				clear(scores)
				tr.Score(feats, scores)
				guess := argmax(scores)
				tr.Update(feats, in.gold[i], guess)
				if guess == in.gold[i] {
					correct++
				}
				total++
				p2, p1 = p1, guess
			}
		}
		if opt.Log != nil {
			opt.Log("tagger pass %d (%d sentences) epoch %d: train accuracy %.4f, %d features", pass, len(data), ep+1, float64(correct)/float64(total), tr.Features())
		}
	}
	return tr.Compile(opt.MinWeight)
}

// tag1 tags forms with first-pass model m alone.
func (t *Tagger) tag1(m *perceptron.Model, forms []string) []int {
	sc := new(scratch)
	sc.wf = t.hashes(forms, nil)
	for i := range sc.wf {
		c, ok := t.tagdict[sc.wf[i].exact]
		if !ok {
			sc.dict = append(sc.dict, -1)
			continue
		}
		sc.dict = append(sc.dict, int32(c))
	}
	out, _ := t.predict(m, sc.wf, nil, nil, nil, sc)
	return out
}

// rightFeatures appends the second pass's features: first-pass classes of
// the next two words.
func rightFeatures(f []uint64, w []wordHashes, right []int, i, p1 int) []uint64 {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	r1, r2 := rightClasses(right, i)
	c := &w[i]
	return append(f,
		H1(101, r1), H1(102, r2), H2(103, r1, r2),
		H2(104, uint64(p1+10), r1), H2(105, c.lower, r1),
		H2(106, c.suf[2], r1), H3(107, uint64(p1+10), c.amb, r1),
		H2(108, c.shape, r1),
	)
}

func argmax(s []float32) int {
	b := 0
	for i, v := range s {
		if v > s[b] {
			b = i
		}
	}
	return b
}

// buildDicts computes the ambiguity classes and the tag dictionary.
func (t *Tagger) buildDicts(data []instance) {
	// Keyed by the hashes the features use: wordfeat.Lower folds digits,
	// so "1999" and "2000" share one entry.
	counts := map[uint64]map[int]int{}
	exact := map[string]map[int]int{}
	for _, in := range data {
		for i, f := range in.forms {
			l := wordfeat.Lower(f)
			if counts[l] == nil {
				counts[l] = map[int]int{}
			}
			counts[l][in.gold[i]]++
			if exact[f] == nil {
				exact[f] = map[int]int{}
			}
			exact[f][in.gold[i]]++
		}
	}
	for w, cs := range counts {
		total := 0
		for _, n := range cs {
			total += n
		}
		if total < 2 {
			continue
		}
		var keep []int
		for c, n := range cs {
			if float64(n) >= 0.05*float64(total) {
				keep = append(keep, c)
			}
		}
		sort.Ints(keep)
		h := uint64(0x84222325cbf29ce4)
		for _, c := range keep {
			h = perceptron.H1(h, uint64(c)+1)
		}
		t.ambig[w] = h
	}
	for w, cs := range exact {
		total, best, bestN := 0, 0, -1
		for c, n := range cs {
			total += n
			if n > bestN || (n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		if total >= 20 && float64(bestN) >= 0.995*float64(total) {
			t.tagdict[wordfeat.Exact(w)] = uint16(best)
		}
	}
}

type wordHashes struct {
	lower, exact, shape, flags, amb uint64
	suf                             [4]uint64
	pre                             [3]uint64
}

var pad = wordHashes{lower: 1, exact: 1, shape: 1, amb: 1, suf: [4]uint64{1, 1, 1, 1}}

func (t *Tagger) hashes(forms []string, buf []wordHashes) []wordHashes {
	buf = buf[:0]
	for _, f := range forms {
		h := wordHashes{
			lower: wordfeat.Lower(f),
			exact: wordfeat.Exact(f),
			shape: wordfeat.Shape(f),
			flags: wordfeat.Flags(f),
		}
		h.amb = t.ambig[h.lower]
		for k := 0; k < 4; k++ {
			h.suf[k] = wordfeat.Suffix(f, k+1)
		}
		for k := 0; k < 3; k++ {
			h.pre[k] = wordfeat.Prefix(f, k+1)
		}
		buf = append(buf, h)
	}
	return buf
}

func at(w []wordHashes, i int) *wordHashes {
	if i < 0 || i >= len(w) {
		return &pad
	}
	return &w[i]
}

// features appends the feature keys for word i given the two previous
// predicted classes (negative at the sentence start).
func (t *Tagger) features(f []uint64, w []wordHashes, i, p1, P2 int) []uint64 {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	c := &w[i]
	m1, m2, n1, n2 := at(w, i-1), at(w, i-2), at(w, i+1), at(w, i+2)
	t1, t2 := uint64(p1+10), uint64(P2+10)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	f = append(f,
		H1(1, 0),
		H1(2, c.lower),
		H1(3, c.exact),
		H1(4, c.suf[0]), H1(5, c.suf[1]), H1(6, c.suf[2]), H1(7, c.suf[3]),
		H1(8, c.pre[0]), H1(9, c.pre[1]), H1(10, c.pre[2]),
		H2(11, c.shape, first),
		H2(12, c.flags, first),
		H1(13, m1.lower), H1(14, m2.lower), H1(15, n1.lower), H1(16, n2.lower),
		H1(17, m1.suf[2]), H1(18, n1.suf[2]),
		H1(19, t1), H1(20, t2), H2(21, t1, t2),
		H2(22, t1, c.lower),
		H2(23, c.lower, n1.lower), H2(24, m1.lower, c.lower),
		H1(25, c.amb), H1(26, n1.amb), H1(27, n2.amb),
		H2(28, c.amb, n1.amb), H2(29, t1, c.amb), H3(30, t1, c.amb, n1.amb),
		H1(31, m1.shape), H1(32, n1.shape),
		H2(33, t1, c.suf[2]),
		H2(34, c.suf[1], n1.amb),
		H2(35, c.shape, n1.lower),
		H3(36, t2, t1, c.lower),
		H2(37, m1.lower, n1.lower),
		H1(38, n1.suf[0]), H1(39, n1.suf[1]), H1(40, n1.exact),
		H2(41, c.lower, n2.lower), H2(42, n1.amb, n2.amb),
		H2(43, t1, n1.lower), H1(44, m1.exact), H2(45, c.flags, n1.flags),
	)
	return f
}

// At tagging time the features are split in two. The static ones depend
// on the words only; they are scored for all the words of a sentence in
// one batch (perceptron.Model.ScoreEach), whose memory loads overlap. The
// few that depend on the tags already chosen are scored word by word.
// Together they are exactly the keys of features and rightFeatures, which
// training uses (TestSplitFeatures checks it).

const (
	nStatic      = 36 // keys appended by staticFeatures
	nStaticRight = 6  // keys appended by staticRightFeatures
)

// staticFeatures appends the features of word i that do not depend on
// tags.
func staticFeatures(f []uint64, w []wordHashes, i int) []uint64 {
	H1, H2 := perceptron.H1, perceptron.H2
	c := &w[i]
	m1, m2, n1, n2 := at(w, i-1), at(w, i-2), at(w, i+1), at(w, i+2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(f,
		H1(1, 0),
		H1(2, c.lower),
		H1(3, c.exact),
		H1(4, c.suf[0]), H1(5, c.suf[1]), H1(6, c.suf[2]), H1(7, c.suf[3]),
		H1(8, c.pre[0]), H1(9, c.pre[1]), H1(10, c.pre[2]),
		H2(11, c.shape, first),
		H2(12, c.flags, first),
		H1(13, m1.lower), H1(14, m2.lower), H1(15, n1.lower), H1(16, n2.lower),
		H1(17, m1.suf[2]), H1(18, n1.suf[2]),
		H2(23, c.lower, n1.lower), H2(24, m1.lower, c.lower),
		H1(25, c.amb), H1(26, n1.amb), H1(27, n2.amb),
		H2(28, c.amb, n1.amb),
		H1(31, m1.shape), H1(32, n1.shape),
		H2(34, c.suf[1], n1.amb),
		H2(35, c.shape, n1.lower),
		H2(37, m1.lower, n1.lower),
		H1(38, n1.suf[0]), H1(39, n1.suf[1]), H1(40, n1.exact),
		H2(41, c.lower, n2.lower), H2(42, n1.amb, n2.amb),
		H1(44, m1.exact), H2(45, c.flags, n1.flags),
	)
}

// tagFeatures appends the features of word i that depend on the two
// previous classes.
func tagFeatures(f []uint64, w []wordHashes, i, p1, P2 int) []uint64 {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	c, n1 := &w[i], at(w, i+1)
	t1, t2 := uint64(p1+10), uint64(P2+10)
	return append(f,
		H1(19, t1), H1(20, t2), H2(21, t1, t2),
		H2(22, t1, c.lower),
		H2(29, t1, c.amb), H3(30, t1, c.amb, n1.amb),
		H2(33, t1, c.suf[2]),
		H3(36, t2, t1, c.lower),
		H2(43, t1, n1.lower),
	)
}

// rightClasses returns the first-pass classes of the next two words as
// feature values.
func rightClasses(right []int, i int) (r1, r2 uint64) {
	r1, r2 = 5, 6
	if i+1 < len(right) {
		r1 = uint64(right[i+1] + 10)
	}
	if i+2 < len(right) {
		r2 = uint64(right[i+2] + 10)
	}
	return r1, r2
}

// staticRightFeatures appends the second-pass features of word i that do
// not depend on the previous class.
func staticRightFeatures(f []uint64, w []wordHashes, right []int, i int) []uint64 {
	H1, H2 := perceptron.H1, perceptron.H2
	r1, r2 := rightClasses(right, i)
	c := &w[i]
	return append(f,
		H1(101, r1), H1(102, r2), H2(103, r1, r2),
		H2(105, c.lower, r1), H2(106, c.suf[2], r1),
		H2(108, c.shape, r1),
	)
}

// tagRightFeatures appends the second-pass features of word i that depend
// on the previous class.
func tagRightFeatures(f []uint64, w []wordHashes, right []int, i, p1 int) []uint64 {
	r1, _ := rightClasses(right, i)
	c := &w[i]
	return append(f,
		perceptron.H2(104, uint64(p1+10), r1),
		perceptron.H3(107, uint64(p1+10), c.amb, r1),
	)
}

// scratch holds the buffers of one tagging call.
type scratch struct {
	forms   []string
	wf      []wordHashes
	classes []int
	first   []int
	sure    []bool
	dict    []int32 // tag-dictionary class of each word, -1 if none
	todo    []int   // words to score
	feats   []uint64
	base    []int32 // static scores of the words to score, one row each
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Tag fills UPOS and XPOS of every word of the sentence.
func (t *Tagger) Tag(words []doc.Word) {
	sc := scratchPool.Get().(*scratch)
	sc.forms = sc.forms[:0]
	for i := range words {
		sc.forms = append(sc.forms, words[i].Form)
	}
	sc.classes = t.tag(sc.forms, sc.classes[:0], sc)
	for i, c := range sc.classes {
		words[i].UPOS, words[i].XPOS = t.upos[c], t.xpos[c]
	}
	clear(sc.forms) // do not keep the words alive
	scratchPool.Put(sc)
}

// SecondPassMargin is how far, in model units, the first pass's best tag
// must lead its runner-up for the second pass to leave the word alone. Most
// words are that sure; skipping them makes tagging twice as fast at no
// measurable cost in accuracy (tuned on the EWT and GUM dev splits).
var SecondPassMargin float32 = 12

// TagForms tags the words given as forms and returns their classes (see
// UPOS and XPOS), reusing buf when it is large enough.
func (t *Tagger) TagForms(forms []string, buf []int) []int {
	sc := scratchPool.Get().(*scratch)
	out := t.tag(forms, buf[:0], sc)
	scratchPool.Put(sc)
	return out
}

// tag appends the classes of the words to out.
func (t *Tagger) tag(forms []string, out []int, sc *scratch) []int {
	sc.wf = t.hashes(forms, sc.wf)
	sc.dict = sc.dict[:0]
	for i := range sc.wf {
		c, ok := t.tagdict[sc.wf[i].exact]
		if !ok {
			sc.dict = append(sc.dict, -1)
			continue
		}
		sc.dict = append(sc.dict, int32(c))
	}
	if t.model2 == nil {
		out, sc.sure = t.predict(t.model, sc.wf, nil, sc.sure[:0], out, sc)
		return out
	}
	var sure []bool
	sc.first, sure = t.predict(t.model, sc.wf, nil, sc.sure[:0], sc.first[:0], sc)
	sc.sure = sure
	out, _ = t.predict(t.model2, sc.wf, sc.first, sure, out, sc)
	return out
}

// predict tags the words left to right with model m and appends their
// classes to out. In the first pass (right nil), it also appends to
// sureOut, for each word, whether the best class led the runner-up by
// SecondPassMargin (the tag-dictionary words are sure). In the second
// pass, right holds the first pass's classes and sure the words it was
// sure of, which keep their first-pass class. sc.wf and sc.dict must hold
// the words' hashes and tag-dictionary classes.
func (t *Tagger) predict(m *perceptron.Model, wf []wordHashes, right []int, sure []bool, out []int, sc *scratch) ([]int, []bool) {
	nc := len(t.upos)
	sc.todo = sc.todo[:0]
	sc.feats = sc.feats[:0]
	for i := range wf {
		if sc.dict[i] >= 0 || (right != nil && sure[i]) {
			continue
		}
		sc.todo = append(sc.todo, i)
		sc.feats = staticFeatures(sc.feats, wf, i)
		if right != nil {
			sc.feats = staticRightFeatures(sc.feats, wf, right, i)
		}
	}
	width := nStatic
	if right != nil {
		width += nStaticRight
	}
	sc.base = slices.Grow(sc.base[:0], len(sc.todo)*nc)[:len(sc.todo)*nc]
	clear(sc.base)
	m.ScoreEach(sc.feats, width, sc.base)

	limit := int32(math.MaxInt32)
	if l := float64(SecondPassMargin) / float64(m.Scale); l < math.MaxInt32 {
		limit = int32(l)
	}
	feats := sc.feats[:0]
	k := 0 // next row of sc.base
	p1, p2 := -1, -2
	for i := range wf {
		guess := int(sc.dict[i])
		switch {
		case guess >= 0:
			if right == nil {
				sure = append(sure, true)
			}
		case right != nil && sure[i]:
			guess = right[i]
		default:
			scores := sc.base[k*nc : (k+1)*nc]
			k++
			feats = tagFeatures(feats[:0], wf, i, p1, p2)
			if right != nil {
				feats = tagRightFeatures(feats, wf, right, i, p1)
			}
			m.Score(feats, scores)
			guess = 0
			second := int32(-1 << 30)
			for k, v := range scores {
				if v > scores[guess] {
					guess = k
				}
			}
			for k, v := range scores {
				if k != guess && v > second {
					second = v
				}
			}
			if right == nil {
				sure = append(sure, scores[guess]-second >= limit)
			}
		}
		out = append(out, guess)
		p2, p1 = p1, guess
	}
	return out, sure
}

// UPOS returns the Universal POS tag of class c.
func (t *Tagger) UPOS(c int) string { return t.upos[c] }

// XPOS returns the Penn Treebank tag of class c.
func (t *Tagger) XPOS(c int) string { return t.xpos[c] }

// Stats describes the model's size.
func (t *Tagger) Stats() string {
	f, w := t.model.Features(), t.model.Weights()
	if t.model2 != nil {
		f += t.model2.Features()
		w += t.model2.Weights()
	}
	return fmt.Sprintf("%d classes, %d features, %d weights, %d ambiguity classes, %d tag-dictionary words",
		len(t.upos), f, w, len(t.ambig), len(t.tagdict))
}

const magic = "DYADTAG1"

// WriteTo writes the tagger in dyad's binary form.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write(binary.AppendUvarint(nil, uint64(len(t.upos))))
	for i := range t.upos {
		writeString(&b, t.upos[i])
		writeString(&b, t.xpos[i])
	}
	writeMap(&b, t.ambig)
	td := make(map[uint64]uint64, len(t.tagdict))
	for k, v := range t.tagdict {
		td[k] = uint64(v)
	}
	writeMap(&b, td)
	var m bytes.Buffer
	if _, err := t.model.WriteTo(&m); err != nil {
		return 0, err
	}
	b.Write(binary.AppendUvarint(nil, uint64(m.Len())))
	b.Write(m.Bytes())
	if t.model2 != nil {
		if _, err := t.model2.WriteTo(&b); err != nil {
			return 0, err
		}
	}
	return b.WriteTo(w)
}

func writeString(b *bytes.Buffer, s string) {
	b.Write(binary.AppendUvarint(nil, uint64(len(s))))
	b.WriteString(s)
}

func writeMap(b *bytes.Buffer, m map[uint64]uint64) {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	var buf [16]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf[:8], k)
		binary.LittleEndian.PutUint64(buf[8:], m[k])
		b.Write(buf[:])
	}
}

// Read reads a tagger written by WriteTo.
func Read(data []byte) (*Tagger, error) {
	r := &reader{p: data}
	if string(r.bytes(len(magic))) != magic {
		return nil, fmt.Errorf("tag: not a tagger model")
	}
	t := &Tagger{}
	n := r.uvarint()
	if n == 0 || n > 1<<12 {
		return nil, fmt.Errorf("tag: bad class count")
	}
	for i := uint64(0); i < n && r.err == nil; i++ {
		t.upos = append(t.upos, r.string())
		t.xpos = append(t.xpos, r.string())
	}
	t.ambig = r.umap()
	td := r.umap()
	if r.err != nil {
		return nil, fmt.Errorf("tag: %w", r.err)
	}
	t.tagdict = make(map[uint64]uint16, len(td))
	for k, v := range td {
		if v >= n {
			return nil, fmt.Errorf("tag: bad tag dictionary class")
		}
		t.tagdict[k] = uint16(v)
	}
	n1 := r.uvarint()
	if r.err != nil || n1 > uint64(len(r.p)) {
		return nil, fmt.Errorf("tag: truncated model")
	}
	var err error
	if t.model, err = perceptron.ReadModel(r.p[:n1]); err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	if len(r.p) > int(n1) {
		if t.model2, err = perceptron.ReadModel(r.p[n1:]); err != nil {
			return nil, fmt.Errorf("tag: %w", err)
		}
		if t.model2.NClasses != len(t.upos) {
			return nil, fmt.Errorf("tag: second pass has %d classes, want %d", t.model2.NClasses, len(t.upos))
		}
	}
	if t.model.NClasses != len(t.upos) {
		return nil, fmt.Errorf("tag: model has %d classes, want %d", t.model.NClasses, len(t.upos))
	}
	return t, nil
}

type reader struct {
	p   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.p) {
		r.err = io.ErrUnexpectedEOF
		return nil
	}
	b := r.p[:n]
	r.p = r.p[n:]
	return b
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.p)
	if n <= 0 {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	r.p = r.p[n:]
	return v
}

func (r *reader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.p)) {
		r.err = io.ErrUnexpectedEOF
		return ""
	}
	return string(r.bytes(int(n)))
}

func (r *reader) umap() map[uint64]uint64 {
	n := r.uvarint()
	if n > uint64(len(r.p))/16 {
		r.err = io.ErrUnexpectedEOF
		return nil
	}
	m := make(map[uint64]uint64, n)
	for i := uint64(0); i < n; i++ {
		b := r.bytes(16)
		if b == nil {
			return nil
		}
		m[binary.LittleEndian.Uint64(b)] = binary.LittleEndian.Uint64(b[8:])
	}
	return m
}
