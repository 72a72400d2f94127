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
type Model struct {
	NClasses int
	Scale    float32 // a weight's value is its int16 times Scale

	mask  uint64
	slots []slot
	ents  []ent
}

// ent is one class weight of a feature; a feature's entries are adjacent.
type ent struct {
	class uint16
	w     int16
}

type slot struct {
	key   uint64
	start uint32
	n     uint32 // 0 marks an empty slot
}

func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

// build fills the hash table from features sorted by key; starts[i] is the
// first entry of feature i, whose entries run to starts[i+1] (or the end).
func (m *Model) build(keys []uint64, starts []uint32, ents []ent) {
	size := 16
	for size < 2*len(keys) {
		size <<= 1
	}
	m.mask = uint64(size - 1)
	m.slots = make([]slot, size)
	m.ents = ents
	for i, k := range keys {
		end := uint32(len(ents))
		if i+1 < len(keys) {
			end = starts[i+1]
		}
		h := mix(k) & m.mask
		for m.slots[h].n != 0 {
			h = (h + 1) & m.mask
		}
		m.slots[h] = slot{key: k, start: starts[i], n: end - starts[i]}
	}
}

// Features returns the number of features in the model.
func (m *Model) Features() int {
	n := 0
	for _, s := range m.slots {
		if s.n != 0 {
			n++
		}
	}
	return n
}

// Weights returns the number of stored weights.
func (m *Model) Weights() int { return len(m.ents) }

// Score adds the weights of feats to scores (len NClasses), in units of
// Scale. It first finds every feature's slot, then adds the entries, so that
// the memory loads of different features overlap.
func (m *Model) Score(feats []uint64, scores []int32) {
	var found [256]*slot
	for len(feats) > 0 {
		batch := feats
		if len(batch) > len(found) {
			batch = batch[:len(found)]
		}
		feats = feats[len(batch):]
		n := 0
		for _, f := range batch {
			h := mix(f) & m.mask
			for {
				s := &m.slots[h]
				if s.n == 0 {
					break
				}
				if s.key == f {
					found[n] = s
					n++
					break
				}
				h = (h + 1) & m.mask
			}
		}
		for _, s := range found[:n] {
			for _, e := range m.ents[s.start : s.start+s.n] {
				scores[e.class] += int32(e.w)
			}
		}
	}
}

const magic = "DYADPC1\n"

// WriteTo writes the model in dyad's compact binary form: features sorted by
// key, keys delta-encoded, entries as varints.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	type feat struct {
		key        uint64
		start, end uint32
	}
	var feats []feat
	for _, s := range m.slots {
		if s.n != 0 {
			feats = append(feats, feat{s.key, s.start, s.start + s.n})
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
	buf = binary.AppendUvarint(buf, uint64(len(m.ents)))
	cw.Write(buf)
	prev := uint64(0)
	for _, f := range feats {
		buf = binary.AppendUvarint(buf[:0], f.key-prev)
		prev = f.key
		buf = binary.AppendUvarint(buf, uint64(f.end-f.start))
		last := uint16(0)
		for i := f.start; i < f.end; i++ {
			e := m.ents[i]
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
