package perceptron

import (
	"bytes"
	"math/rand"
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
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(data)
		if err != nil {
			return
		}
		s := make([]int32, m.NClasses)
		m.Score([]uint64{1, 2, 3, 4}, s)
	})
}
