// Package perceptron is the multi-class averaged perceptron that dyad's
// tagger and parser are trained with, and the compact model they run with.
//
// Features are 64-bit hashes chosen by the caller (see H1, H2, H3). Weights are
// stored sparsely: each feature keeps only the classes it was ever updated
// for, which keeps both training memory and the final model small. A trained
// model is averaged, pruned and quantised to 16-bit integers (Compile), and
// stored in a compact binary form that loads into an open-addressing hash
// table without per-feature allocations (Model.WriteTo, ReadModel).
package perceptron

import (
	"math"
	"sort"
)

type entry struct {
	class int32
	ts    int32   // instance count at the last change of w
	w     float32 // current weight
	total float64 // sum of w over all instances up to ts
}

// Trainer accumulates an averaged perceptron. It is not safe for concurrent
// use.
type Trainer struct {
	nClasses int
	index    map[uint64]int32
	rows     [][]entry
	now      int32 // instances seen
}

// NewTrainer returns a trainer for nClasses classes.
func NewTrainer(nClasses int) *Trainer {
	return &Trainer{nClasses: nClasses, index: make(map[uint64]int32, 1<<16)}
}

// NClasses returns the number of classes.
func (t *Trainer) NClasses() int { return t.nClasses }

// Tick marks the start of a new training instance. Averaging weighs each
// weight by the number of instances it stayed unchanged.
func (t *Trainer) Tick() { t.now++ }

// Score adds the current weights of feats to scores (len NClasses).
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += e.w
		}
	}
}

// Update moves weight from class wrong to class right for every feature.
// It does nothing when right == wrong.
func (t *Trainer) Update(feats []uint64, right, wrong int) {
	if right == wrong {
		return
	}
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.rows))
			t.index[f] = r
			t.rows = append(t.rows, nil)
		}
		t.bump(r, right, 1)
		t.bump(r, wrong, -1)
	}
}

func (t *Trainer) bump(r int32, class int, d float32) {
	row := t.rows[r]
	for i := range row {
		e := &row[i]
		if int(e.class) == class {
			e.total += float64(t.now-e.ts) * float64(e.w)
			e.ts = t.now
			e.w += d
			return
		}
	}
	t.rows[r] = append(row, entry{class: int32(class), ts: t.now, w: d})
}

// Features returns the number of distinct features with weights.
func (t *Trainer) Features() int { return len(t.rows) }

// Compile averages the weights, drops every weight whose absolute averaged
// value is below minWeight, and quantises the rest to int16 with one scale
// for the whole model.
func (t *Trainer) Compile(minWeight float64) *Model {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	now := float64(t.now)
	if now == 0 {
		now = 1
	}
	avg := func(e entry) float64 {
		return (e.total + float64(t.now-e.ts)*float64(e.w)) / now
	}
	maxAbs := 0.0
	for _, row := range t.rows {
		for _, e := range row {
			maxAbs = math.Max(maxAbs, math.Abs(avg(e)))
		}
	}
	scale := maxAbs / 32000
	if scale == 0 {
		scale = 1
	}
	minWeight = math.Max(minWeight, scale/2)
	var ents []ent
	var fkeys []uint64
	var starts []uint32
	for _, k := range keys {
		row := append([]entry(nil), t.rows[t.index[k]]...)
		sort.Slice(row, func(i, j int) bool { return row[i].class < row[j].class })
		n := 0
		for _, e := range row {
			a := avg(e)
			if math.Abs(a) < minWeight {
				continue
			}
			if q := math.Round(a / scale); q != 0 {
				ents = append(ents, ent{uint16(e.class), int16(q)})
				n++
			}
		}
		if n > 0 {
			fkeys = append(fkeys, k)
			starts = append(starts, uint32(len(ents)-n))
		}
	}
	m := &Model{NClasses: t.nClasses, Scale: float32(scale)}
	m.build(fkeys, starts, ents)
	return m
}
