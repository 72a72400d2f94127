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
		right[i], _ = t.predict(m, t.hashes(in.forms, nil), nil, nil, nil)
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

// rightFeatures appends the second pass's features: first-pass classes of
// the next two words.
func rightFeatures(f []uint64, w []wordHashes, right []int, i, p1 int) []uint64 {
	H1, H2, H3 := perceptron.H1, perceptron.H2, perceptron.H3
	r1, r2 := uint64(5), uint64(6)
	if i+1 < len(right) {
		r1 = uint64(right[i+1] + 10)
	}
	if i+2 < len(right) {
		r2 = uint64(right[i+2] + 10)
	}
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

// Tag fills UPOS and XPOS of every word of the sentence.
func (t *Tagger) Tag(words []doc.Word) {
	forms := make([]string, len(words))
	for i := range words {
		forms[i] = words[i].Form
	}
	classes := t.TagForms(forms, nil)
	for i, c := range classes {
		words[i].UPOS, words[i].XPOS = t.upos[c], t.xpos[c]
	}
}

// SecondPassMargin is how far, in model units, the first pass's best tag
// must lead its runner-up for the second pass to leave the word alone. Most
// words are that sure; skipping them makes tagging twice as fast at no
// measurable cost in accuracy (tuned on the EWT and GUM dev splits).
var SecondPassMargin float32 = 12

// TagForms tags the words given as forms and returns their classes (see
// UPOS and XPOS), reusing buf when it is large enough.
func (t *Tagger) TagForms(forms []string, buf []int) []int {
	wf := t.hashes(forms, make([]wordHashes, 0, len(forms)))
	if t.model2 == nil {
		out, _ := t.predict(t.model, wf, nil, nil, buf)
		return out
	}
	first, sure := t.predict(t.model, wf, nil, nil, nil)
	out, _ := t.predict(t.model2, wf, first, sure, buf)
	return out
}

// predict tags the words left to right with model m. In the second pass,
// right holds the first pass's classes and sure the words it was sure of,
// which keep their first-pass class. It returns the classes and, for each
// word, whether the best class led the runner-up by SecondPassMargin.
func (t *Tagger) predict(m *perceptron.Model, wf []wordHashes, right []int, sure []bool, buf []int) ([]int, []bool) {
	out := buf[:0]
	var sureOut []bool
	if right == nil {
		sureOut = make([]bool, len(wf))
	}
	scores := make([]int32, len(t.upos))
	feats := make([]uint64, 0, 64)
	limit := int32(math.MaxInt32)
	if l := float64(SecondPassMargin) / float64(m.Scale); l < math.MaxInt32 {
		limit = int32(l)
	}
	p1, p2 := -1, -2
	for i := range wf {
		c, ok := t.tagdict[wf[i].exact]
		guess := int(c)
		switch {
		case ok:
			if sureOut != nil {
				sureOut[i] = true
			}
		case sure != nil && sure[i]:
			guess = right[i]
		default:
			feats = t.features(feats[:0], wf, i, p1, p2)
			if right != nil {
				feats = rightFeatures(feats, wf, right, i, p1)
			}
			clear(scores)
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
			if sureOut != nil {
				sureOut[i] = scores[guess]-second >= limit
			}
		}
		out = append(out, guess)
		p2, p1 = p1, guess
	}
	return out, sureOut
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
