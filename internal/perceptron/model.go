package perceptron

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a compiled, read-only perceptron. It is safe for concurrent use.
//
// Its in-memory layout is built at load time for scoring speed; the file
// format does not depend on it. Scoring is bound by memory: a model holds
// millions of features, and most lookups miss the processor's caches. So
// the features are split by their number of weights. The few with many
// (hot) are the ones scoring meets most often; they get a small table of
// their own that stays in cache, and those with weights for a good part of
// the classes store a full row of weights, four classes to a 64-bit word,
// which is added four rows at a time. The many rare features (cold) live
// in a large table, looked up only for the keys the hot table lacks.
type Model struct {
	NClasses int
	Scale    float32 // a weight's value is its int16 times Scale

	hot, cold table
	ents      []ent    // entries of the features, in key order
	dense     []uint64 // rows of the dense features (see denseBias)
	rowWords  int      // words in a dense row: NClasses/4 rounded up
	weights   int      // stored weights, sparse and dense
}

// ent is one class weight of a feature; a feature's entries are adjacent.
type ent struct {
	class uint16
	w     int16
}

// slot is a hash-table cell. For a sparse feature, start and n locate its
// entries in Model.ents; for a dense one, n has the denseFlag bit and
// start is the offset of its row in Model.dense.
type slot struct {
	key   uint64
	start uint32
	n     uint32 // weights; 0 marks an empty slot
}

const (
	denseFlag = 1 << 31
	// hotMin is the number of weights from which a feature is hot.
	hotMin = 8
	// maxFast is the largest class count of the fast adding path (add);
	// above it every feature is sparse and its entries are added one by
	// one.
	maxFast = 256
	// Class c of a dense row is the 16-bit lane c%4 of word c/4, holding
	// the weight plus denseBias, so that every lane is non-negative. Rows
	// are summed in 32-bit lanes (lanes 0 and 2 of a word apart from lanes
	// 1 and 3), which cannot carry from one lane into the next before
	// 65,536 rows.
	denseBias = 1 << 15
	lanes02   = 0x0000ffff0000ffff
	// chunk is the most keys looked up at once.
	chunk = 256
)

// isDense reports whether a feature with weights ents is stored as a
// dense row: it has weights for at least a quarter of the classes, none of
// them zero, in increasing class order (so that the entries can be
// recovered from the row).
func isDense(ents []ent, nClasses int) bool {
	if nClasses > maxFast || 4*len(ents) < nClasses {
		return false
	}
	for i, e := range ents {
		if e.w == 0 || (i > 0 && e.class <= ents[i-1].class) {
			return false
		}
	}
	return true
}

// table is an open-addressing hash table. A key's probe sequence starts at
// the first slot of a group of four (one 64-byte cache line when the slots
// are so aligned, which large allocations are) and goes on linearly.
type table struct {
	mask  uint64
	slots []slot
}

func newTable(n int) table {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return table{mask: uint64(size - 1), slots: make([]slot, size)}
}

func (t *table) home(k uint64) uint64 { return mix(k) & t.mask &^ 3 }

// inserter inserts slots into a table a batch at a time. Like lookups,
// insertions mostly miss the caches: it reads the home slots of a batch
// before probing from any, so that the misses overlap.
type inserter struct {
	t   *table
	n   int
	buf [64]slot
}

func (in *inserter) add(s slot) {
	in.buf[in.n] = s
	in.n++
	if in.n == len(in.buf) {
		in.flush()
	}
}

func (in *inserter) flush() {
	t := in.t
	var home [len(in.buf)]uint64
	var first [len(in.buf)]uint32 // weights in the home slot, read first
	for i, s := range in.buf[:in.n] {
		h := t.home(s.key)
		home[i], first[i] = h, t.slots[h].n
	}
	for i, s := range in.buf[:in.n] {
		h := home[i]
		if first[i] != 0 || t.slots[h].n != 0 {
			for t.slots[h].n != 0 {
				h = (h + 1) & t.mask
			}
		}
		t.slots[h] = s
	}
	in.n = 0
}

// find returns the slot of key k, probing from slot h, or nil.
func (t *table) find(k, h uint64) *slot {
	for {
		s := &t.slots[h]
		if s.n == 0 {
			return nil
		}
		if s.key == k {
			return s
		}
		h = (h + 1) & t.mask
	}
}

func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

// build fills the hash tables from features sorted by key; starts[i] is the
// first entry of feature i, whose entries run to starts[i+1] (or the end).
func (m *Model) build(keys []uint64, starts []uint32, ents []ent) {
	feat := func(i int) []ent {
		end := uint32(len(ents))
		if i+1 < len(keys) {
			end = starts[i+1]
		}
		return ents[starts[i]:end]
	}
	m.weights = len(ents)
	m.rowWords = (m.NClasses + 3) / 4
	nHot, nDense := 0, 0
	for i := range keys {
		e := feat(i)
		switch {
		case isDense(e, m.NClasses):
			nDense++
		case len(e) >= hotMin:
			nHot++
		}
	}
	m.hot, m.cold = newTable(nHot+nDense), newTable(len(keys)-nHot-nDense)
	m.ents = ents // those of dense features stay, unused
	m.dense = make([]uint64, nDense*m.rowWords)
	hot, cold := &inserter{t: &m.hot}, &inserter{t: &m.cold}
	rowAt := uint32(0)
	for i, k := range keys {
		e := feat(i)
		n := uint32(len(e))
		switch {
		case isDense(e, m.NClasses):
			row := m.dense[rowAt : int(rowAt)+m.rowWords]
			for c := 0; c < m.NClasses; c++ {
				w := int32(0)
				if len(e) > 0 && int(e[0].class) == c {
					w, e = int32(e[0].w), e[1:]
				}
				row[c/4] |= uint64(w+denseBias) << (16 * (c % 4))
			}
			hot.add(slot{key: k, start: rowAt, n: n | denseFlag})
			rowAt += uint32(m.rowWords)
		case n >= hotMin:
			hot.add(slot{key: k, start: starts[i], n: n})
		default:
			cold.add(slot{key: k, start: starts[i], n: n})
		}
	}
	hot.flush()
	cold.flush()
}

// entries appends the weights of the feature in slot s to buf, in class
// order.
func (m *Model) entries(s *slot, buf []ent) []ent {
	if s.n&denseFlag == 0 {
		return append(buf, m.ents[s.start:s.start+s.n]...)
	}
	row := m.dense[s.start : int(s.start)+m.rowWords]
	for c := 0; c < m.NClasses; c++ {
		w := int16(uint16(row[c/4]>>(16*(c%4))) - denseBias)
		if w != 0 {
			buf = append(buf, ent{uint16(c), w})
		}
	}
	return buf
}

// Features returns the number of features in the model.
func (m *Model) Features() int {
	n := 0
	for _, t := range []*table{&m.hot, &m.cold} {
		for _, s := range t.slots {
			if s.n != 0 {
				n++
			}
		}
	}
	return n
}

// Weights returns the number of stored weights.
func (m *Model) Weights() int { return m.weights }

// Score adds the weights of feats to scores (len NClasses), in units of
// Scale.
func (m *Model) Score(feats []uint64, scores []int32) {
	var found [chunk]*slot
	var first [chunk]ent
	for len(feats) > 0 {
		keys := feats[:min(len(feats), chunk)]
		feats = feats[len(keys):]
		m.lookup(keys, found[:len(keys)], first[:len(keys)])
		m.add(found[:len(keys)], first[:len(keys)], scores)
	}
}

// ScoreEach scores several feature sets at once: feats holds sets of
// width keys one after another, and the weights of set i are added to
// scores[i*NClasses:(i+1)*NClasses]. It gives the same scores as one Score
// call per set, faster: the memory loads of all the sets overlap.
func (m *Model) ScoreEach(feats []uint64, width int, scores []int32) {
	if width <= 0 {
		return
	}
	if width > chunk {
		for i := 0; (i+1)*width <= len(feats); i++ {
			m.Score(feats[i*width:(i+1)*width], scores[i*m.NClasses:(i+1)*m.NClasses])
		}
		return
	}
	var found [chunk]*slot
	var first [chunk]ent
	sets := len(feats) / width
	per := chunk / width // sets looked up at once
	for i := 0; i < sets; i += per {
		n := min(per, sets-i)
		keys := feats[i*width : (i+n)*width]
		m.lookup(keys, found[:len(keys)], first[:len(keys)])
		for j := 0; j < n; j++ {
			at := (i + j) * m.NClasses
			m.add(found[j*width:(j+1)*width], first[j*width:(j+1)*width], scores[at:at+m.NClasses])
		}
	}
}

// lookup sets found[i] to the slot of keys[i] (at most chunk keys), or to
// nil when the model lacks it, and first[i] to the first entry of a
// sparse feature found.
//
// Most lookups miss the processor's caches, so lookup is written to wait
// for many memory loads at once rather than one after another: it reads
// the first slot of every key's probe sequence before examining any, with
// no branch on what it reads, so that the processor can fetch them all in
// parallel; and it reads the first entry of each feature as soon as it
// finds it, for add. The cold table is searched only for the keys the hot
// table lacks.
func (m *Model) lookup(keys []uint64, found []*slot, first []ent) {
	var home, key [chunk]uint64
	var cold [chunk]uint16 // indexes of the keys the hot table lacks
	keys = keys[:min(len(keys), chunk)]
	found, first = found[:len(keys)], first[:len(keys)]
	t := &m.hot
	for i, k := range keys {
		h := t.home(k)
		home[i], key[i] = h, t.slots[h].key
	}
	nc := 0
	for i, k := range keys {
		s := &t.slots[home[i]]
		if key[i] != k || s.n == 0 {
			s = t.find(k, home[i])
		}
		found[i] = s
		switch {
		case s == nil:
			cold[nc] = uint16(i)
			nc++
		case s.n&denseFlag == 0:
			first[i] = m.ents[s.start]
		}
	}
	t = &m.cold
	for _, i := range cold[:nc] {
		h := t.home(keys[i])
		home[i], key[i] = h, t.slots[h].key
	}
	for _, i := range cold[:nc] {
		s := &t.slots[home[i]]
		if key[i] != keys[i] || s.n == 0 {
			s = t.find(keys[i], home[i])
		}
		found[i] = s
		if s != nil {
			first[i] = m.ents[s.start]
		}
	}
}

// add adds to scores the weights of the features in found (at most chunk
// of them, nil for absent ones), given the first entry of each sparse one.
func (m *Model) add(found []*slot, first []ent, scores []int32) {
	found = found[:min(len(found), chunk)]
	first = first[:len(found)]
	if m.NClasses > maxFast {
		for _, s := range found {
			if s != nil {
				for _, e := range m.ents[s.start : s.start+s.n] {
					scores[e.class] += int32(e.w)
				}
			}
		}
		return
	}
	scores = scores[:m.NClasses]
	var rows [chunk]uint32
	nRows := 0
	for _, s := range found {
		if s != nil && s.n&denseFlag != 0 {
			rows[nRows] = s.start
			nRows++
		}
	}
	var sparse [maxFast]int32
	for i, s := range found {
		if s == nil || s.n&denseFlag != 0 {
			continue
		}
		e := first[i]
		sparse[uint8(e.class)] += int32(e.w)
		for _, e := range m.ents[s.start+1 : s.start+s.n] {
			sparse[uint8(e.class)] += int32(e.w)
		}
	}
	if nRows == 0 {
		for c := range scores {
			scores[c] += sparse[uint8(c)]
		}
		return
	}
	// Dense rows, four at a time: even lanes into even, odd into odd.
	var even, odd [maxFast / 4]uint64
	w := m.rowWords
	ev, od := even[:w], odd[:w]
	r := rows[:nRows]
	for ; len(r) >= 4; r = r[4:] {
		r0 := m.dense[r[0]:][:len(ev)]
		r1 := m.dense[r[1]:][:len(ev)]
		r2 := m.dense[r[2]:][:len(ev)]
		r3 := m.dense[r[3]:][:len(ev)]
		for j := range ev {
			a, b, c, d := r0[j], r1[j], r2[j], r3[j]
			ev[j] += a&lanes02 + b&lanes02 + c&lanes02 + d&lanes02
			od[j] += a>>16&lanes02 + b>>16&lanes02 + c>>16&lanes02 + d>>16&lanes02
		}
	}
	for _, at := range r {
		row := m.dense[at:][:len(ev)]
		for j := range ev {
			ev[j] += row[j] & lanes02
			od[j] += row[j] >> 16 & lanes02
		}
	}
	bias := uint32(nRows) * denseBias
	for c := range scores {
		lane := even[uint8(c)/4]
		if c%2 == 1 {
			lane = odd[uint8(c)/4]
		}
		sum := uint32(lane >> (32 * (c % 4 / 2)))
		scores[c] += sparse[uint8(c)] + int32(sum-bias)
	}
}

const magic = "DYADPC1\n"

// WriteTo writes the model in dyad's compact binary form: features sorted by
// key, keys delta-encoded, entries as varints.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	type feat struct {
		key  uint64
		slot *slot
	}
	var feats []feat
	for _, t := range []*table{&m.hot, &m.cold} {
		for i := range t.slots {
			if s := &t.slots[i]; s.n != 0 {
				feats = append(feats, feat{s.key, s})
			}
		}
	}
	slices.SortFunc(feats, func(a, b feat) int { return cmp.Compare(a.key, b.key) })
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := &countWriter{w: bw}
	buf := make([]byte, 0, 64)
	cw.Write([]byte(magic))
	buf = binary.AppendUvarint(buf[:0], uint64(m.NClasses))
	buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(m.Scale))
	buf = binary.AppendUvarint(buf, uint64(len(feats)))
	buf = binary.AppendUvarint(buf, uint64(m.weights))
	cw.Write(buf)
	prev := uint64(0)
	var ents []ent
	for _, f := range feats {
		ents = m.entries(f.slot, ents[:0])
		buf = binary.AppendUvarint(buf[:0], f.key-prev)
		prev = f.key
		buf = binary.AppendUvarint(buf, uint64(len(ents)))
		last := uint16(0)
		for _, e := range ents {
			buf = binary.AppendUvarint(buf, uint64(e.class-last))
			last = e.class
			buf = binary.AppendVarint(buf, int64(e.w))
		}
		cw.Write(buf)
	}
	if cw.err != nil {
		return cw.n, cw.err
	}
	return cw.n, bw.Flush()
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// ErrFormat is returned (wrapped) when model data is malformed.
var ErrFormat = errors.New("perceptron: malformed model")

// ReadModel reads a model written by WriteTo from data.
func ReadModel(data []byte) (*Model, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: bad header", ErrFormat)
	}
	p := data[len(magic):]
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(p)
		if n <= 0 {
			return 0, false
		}
		p = p[n:]
		return v, true
	}
	nc, ok := next()
	if !ok || nc == 0 || nc > 1<<16 || len(p) < 4 {
		return nil, fmt.Errorf("%w: bad class count", ErrFormat)
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(p))
	p = p[4:]
	nf, ok1 := next()
	nw, ok2 := next()
	if !ok1 || !ok2 || nf > uint64(len(p)) || nw > uint64(len(p)) {
		return nil, fmt.Errorf("%w: bad sizes", ErrFormat)
	}
	keys := make([]uint64, nf)
	starts := make([]uint32, nf)
	ents := make([]ent, 0, nw)
	key := uint64(0)
	for i := range keys {
		d, ok1 := next()
		n, ok2 := next()
		if !ok1 || !ok2 || n == 0 || n > nc || (i > 0 && d == 0) {
			return nil, fmt.Errorf("%w: feature %d", ErrFormat, i)
		}
		key += d
		keys[i] = key
		starts[i] = uint32(len(ents))
		c := uint64(0)
		for j := uint64(0); j < n; j++ {
			dc, ok := next()
			if !ok {
				return nil, fmt.Errorf("%w: feature %d", ErrFormat, i)
			}
			c += dc
			v, k := binary.Varint(p)
			if k <= 0 || c >= nc || v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("%w: feature %d", ErrFormat, i)
			}
			p = p[k:]
			ents = append(ents, ent{uint16(c), int16(v)})
		}
	}
	if len(p) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrFormat, len(p))
	}
	m := &Model{NClasses: int(nc), Scale: scale}
	m.build(keys, starts, ents)
	return m, nil
}

// Feature keys are built by mixing a template number with values.

const (
	prime64  = 0x100000001b3
	offset64 = 0xcbf29ce484222325
)

// HashString returns a 64-bit hash of s (FNV-1a).
func HashString(s string) uint64 {
	h := uint64(offset64)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return h
}

// H1 hashes a template id with one value.
func H1(t, a uint64) uint64 { return fin(step(seed(t), a)) }

// H2 hashes a template id with two values.
func H2(t, a, b uint64) uint64 { return fin(step(step(seed(t), a), b)) }

// H3 hashes a template id with three values.
func H3(t, a, b, c uint64) uint64 { return fin(step(step(step(seed(t), a), b), c)) }

func seed(t uint64) uint64 { return t*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019 }
func step(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	return h * 0xbf58476d1ce4e5b9
}
func fin(h uint64) uint64 { return h ^ h>>31 }
