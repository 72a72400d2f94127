package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"

	"dyad/internal/perceptron"
)

const magic = "DYADNER1"

// ErrFormat is returned (wrapped) when model data is malformed.
var ErrFormat = errors.New("ner: malformed model")

// WriteTo writes the model in dyad's binary form: a header, the entity
// types, the gazetteer (sorted phrase keys with their kinds) and the
// perceptron weights.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write(binary.AppendUvarint(nil, uint64(len(Types))))
	for _, t := range Types {
		b.Write(binary.AppendUvarint(nil, uint64(len(t))))
		b.WriteString(t)
	}
	keys := make([]uint64, 0, m.gaz.Len())
	if m.gaz != nil {
		for k := range m.gaz.kinds {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	maxWords := 0
	if m.gaz != nil {
		maxWords = m.gaz.maxWords
	}
	b.Write(binary.AppendUvarint(nil, uint64(maxWords)))
	b.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	var buf [9]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf[:8], k)
		buf[8] = m.gaz.kinds[k]
		b.Write(buf[:])
	}
	if _, err := m.model.WriteTo(&b); err != nil {
		return 0, fmt.Errorf("ner: %w", err)
	}
	return b.WriteTo(w)
}

// Read reads a model written by WriteTo.
func Read(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, fmt.Errorf("%w: not a NER model", ErrFormat)
	}
	p := data[len(magic):]
	uvarint := func() (uint64, bool) {
		v, n := binary.Uvarint(p)
		if n <= 0 {
			return 0, false
		}
		p = p[n:]
		return v, true
	}
	nt, ok := uvarint()
	if !ok || nt != uint64(len(Types)) {
		return nil, fmt.Errorf("%w: %d entity types, want %d", ErrFormat, nt, len(Types))
	}
	for _, t := range Types {
		n, ok := uvarint()
		if !ok || n > uint64(len(p)) || string(p[:n]) != t {
			return nil, fmt.Errorf("%w: entity types differ from %v", ErrFormat, Types)
		}
		p = p[n:]
	}
	maxWords, ok1 := uvarint()
	ng, ok2 := uvarint()
	if !ok1 || !ok2 || maxWords > maxGazWords || ng > uint64(len(p))/9 {
		return nil, fmt.Errorf("%w: bad gazetteer header", ErrFormat)
	}
	g := &Gazetteer{kinds: make(map[uint64]uint8, ng), maxWords: int(maxWords)}
	for i := uint64(0); i < ng; i++ {
		k := binary.LittleEndian.Uint64(p)
		if p[8] == 0 || int(p[8]) >= 1<<nGazKinds {
			return nil, fmt.Errorf("%w: bad gazetteer kind", ErrFormat)
		}
		g.kinds[k] = p[8]
		p = p[9:]
	}
	pm, err := perceptron.ReadModel(p)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	if pm.NClasses != nClasses() {
		return nil, fmt.Errorf("%w: %d classes, want %d", ErrFormat, pm.NClasses, nClasses())
	}
	return &Model{model: pm, gaz: g}, nil
}
