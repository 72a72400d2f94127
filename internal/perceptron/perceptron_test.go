package perceptron

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"slices"
	"testing"
)

// TestLearnsSeparable trains on a small linearly separable problem and
// checks the compiled model, before and after a write/read round trip.
func TestLearnsSeparable(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	type ex struct {
		feats []uint64
		class int
	}
	var data []ex
	for i := 0; i < 300; i++ {
		c := rng.Intn(3)
		// one feature names the class; two are noise
		data = append(data, ex{[]uint64{H1(1, uint64(c)), H1(2, uint64(rng.Intn(50))), H1(3, uint64(rng.Intn(50)))}, c})
	}
	tr := NewTrainer(3)
	scores := make([]float32, 3)
	for ep := 0; ep < 5; ep++ {
		for _, e := range data {
			tr.Tick()
			clear(scores)
			tr.Score(e.feats, scores)
			best := 0
			for k, v := range scores {
				if v > scores[best] {
					best = k
				}
			}
			tr.Update(e.feats, e.class, best)
		}
	}
	m := tr.Compile(0)
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, model := range []*Model{m, m2} {
		errs := 0
		is := make([]int32, 3)
		for _, e := range data {
			clear(is)
			model.Score(e.feats, is)
			best := 0
			for k, v := range is {
				if v > is[best] {
					best = k
				}
			}
			if best != e.class {
				errs++
			}
		}
		if errs > 0 {
			t.Errorf("%d errors on separable data", errs)
		}
	}
	if m2.Features() != m.Features() || m2.Weights() != m.Weights() {
		t.Errorf("round trip changed the model: %d/%d features, %d/%d weights", m2.Features(), m.Features(), m2.Weights(), m.Weights())
	}
}

func TestReadModelRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte(magic), []byte(magic + "\x03\x00\x00\x80\x3f\x05\x05"), []byte("xx")} {
		if _, err := ReadModel(b); err == nil {
			t.Errorf("ReadModel(%q) succeeded", b)
		}
	}
}

func FuzzReadModel(f *testing.F) {
	tr := NewTrainer(4)
	tr.Tick()
	tr.Update([]uint64{1, 2, 3}, 1, 2)
	var b bytes.Buffer
	tr.Compile(0).WriteTo(&b)
	f.Add(b.Bytes())
	f.Add(randomModel(rand.New(rand.NewSource(1)), 5, 50))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(data)
		if err != nil {
			return
		}
		_, feats := refModel(t, data)
		keys := []uint64{1, 2, 3, 4}
		for k := range feats {
			keys = append(keys, k)
		}
		got, want := make([]int32, m.NClasses), make([]int32, m.NClasses)
		m.Score(keys, got)
		refScore(feats, keys, want)
		if !slices.Equal(got, want) {
			t.Fatalf("Score differs from the reference")
		}
	})
}

// refModel decodes the binary form naively, feature by feature, for
// checking the scores of the compact layout.
func refModel(t testing.TB, data []byte) (nClasses int, feats map[uint64][]ent) {
	t.Helper()
	p := data[len(magic):]
	next := func() uint64 {
		v, n := binary.Uvarint(p)
		p = p[n:]
		return v
	}
	nClasses = int(next())
	p = p[4:]
	nf := next()
	next()
	feats = map[uint64][]ent{}
	key := uint64(0)
	for i := uint64(0); i < nf; i++ {
		key += next()
		n := next()
		c := uint64(0)
		for j := uint64(0); j < n; j++ {
			c += next()
			v, k := binary.Varint(p)
			p = p[k:]
			feats[key] = append(feats[key], ent{uint16(c), int16(v)})
		}
	}
	return nClasses, feats
}

// refScore adds the weights of keys to scores the simple way.
func refScore(feats map[uint64][]ent, keys []uint64, scores []int32) {
	for _, k := range keys {
		for _, e := range feats[k] {
			scores[e.class] += int32(e.w)
		}
	}
}

// randomModel writes a model of n features with between 1 and nClasses
// weights each (so that some are cold, some hot, some dense), in the
// binary form.
func randomModel(rng *rand.Rand, nClasses, n int) []byte {
	tr := NewTrainer(nClasses)
	for i := 0; i < n; i++ {
		tr.Tick()
		k := uint64(rng.Int63())
		for j := rng.Intn(nClasses) / (1 + rng.Intn(4)); j >= 0; j-- {
			right, wrong := rng.Intn(nClasses), rng.Intn(nClasses)
			tr.Update([]uint64{k}, right, wrong)
		}
	}
	var b bytes.Buffer
	tr.Compile(0).WriteTo(&b)
	return b.Bytes()
}

// TestScoreMatchesReference checks Score and ScoreEach against a naive
// decoding of the same model, with small and large class counts, present
// and absent keys, duplicate keys and batches over the lookup chunk, and
// checks that writing the model back gives the same bytes.
func TestScoreMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for _, nc := range []int{2, 3, 40, 107, 300} {
		data := randomModel(rng, nc, 3000)
		m, err := ReadModel(data)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), data) {
			t.Fatalf("%d classes: writing the model back changed its bytes", nc)
		}
		_, feats := refModel(t, data)
		var known []uint64
		for k := range feats {
			known = append(known, k)
		}
		slices.Sort(known)
		for _, width := range []int{1, 5, 77, 300} {
			keys := make([]uint64, 0, 4*width)
			for len(keys) < cap(keys) {
				if rng.Intn(3) == 0 {
					keys = append(keys, uint64(rng.Int63())) // absent
				} else {
					keys = append(keys, known[rng.Intn(len(known))])
				}
			}
			keys[len(keys)-1] = keys[0] // a duplicate
			want := make([]int32, 4*nc)
			for i := 0; i < 4; i++ {
				refScore(feats, keys[i*width:(i+1)*width], want[i*nc:(i+1)*nc])
			}
			got := make([]int32, 4*nc)
			m.ScoreEach(keys, width, got)
			if !slices.Equal(got, want) {
				t.Fatalf("%d classes, sets of %d: ScoreEach differs from the reference", nc, width)
			}
			clear(got)
			for i := 0; i < 4; i++ {
				m.Score(keys[i*width:(i+1)*width], got[i*nc:(i+1)*nc])
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%d classes, %d keys: Score differs from the reference", nc, width)
			}
		}
	}
}

func BenchmarkScore(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	m, err := ReadModel(randomModel(rng, 104, 200000))
	if err != nil {
		b.Fatal(err)
	}
	keys := make([]uint64, 100)
	scores := make([]int32, m.NClasses)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range keys {
			keys[j] = uint64(rng.Int63())
		}
		clear(scores)
		m.Score(keys, scores)
	}
}
