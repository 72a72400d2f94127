package text

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"math/rand/v2"
	"strings"

	"dyad/conllu"
)

// Training settings.
const (
	segBits   = 18 // weight table of 1<<20 entries
	segEpochs = 8
)

// TrainSegmenter trains a sentence splitter on treebanks. Each treebank's
// running text is rebuilt as RawText does, except that some paragraph breaks
// are single newlines and some paragraphs are wrapped at a line width, so
// that the model learns what a lone newline says; the text is tokenized and
// every candidate boundary becomes a training example labelled by the gold
// sentence ends. Training is deterministic for a given seed.
func TrainSegmenter(treebanks [][]*conllu.Sentence, seed int64) (*Segmenter, error) {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5e9))
	var feats []uint32 // features of all examples, back to back
	var offs []int     // offs[k]:offs[k+1] are example k's features
	var labels []bool
	shift := 64 - segBits
	var buf []fhash
	var cache featCache
	ends := make(map[int]bool)
	for _, tb := range treebanks {
		for _, variant := range []int{0, 1} {
			text, spans := trainingText(tb, rng, variant == 1)
			clear(ends)
			for _, sp := range spans {
				ends[sp.end] = true
			}
			toks := scan(text, nil)
			cache = featCache{}
			for i := 0; i+1 < len(toks); i++ {
				if decideHard(text, toks, i) != hardCandidate {
					continue
				}
				buf = cache.features(text, toks, i, buf[:0])
				offs = append(offs, len(feats))
				for _, f := range buf {
					feats = append(feats, uint32(f>>shift))
				}
				labels = append(labels, ends[toks[i].end])
			}
		}
	}
	offs = append(offs, len(feats))
	if len(labels) == 0 {
		return nil, errors.New("text: no training examples in the treebanks")
	}
	n := 1 << segBits
	w := make([]float32, n)
	acc := make([]float64, n) // sum over updates of c*delta, for averaging
	order := make([]int, len(labels))
	for i := range order {
		order[i] = i
	}
	c := 1.0
	for epoch := 0; epoch < segEpochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			fs := feats[offs[k]:offs[k+1]]
			var sum float32
			for _, f := range fs {
				sum += w[f]
			}
			if (sum > 0) != labels[k] {
				d := float32(-1)
				if labels[k] {
					d = 1
				}
				for _, f := range fs {
					w[f] += d
					acc[f] += c * float64(d)
				}
			}
			c++
		}
	}
	for i := range w {
		w[i] -= float32(acc[i] / c)
	}
	return &Segmenter{bits: segBits, weights: w}, nil
}

type trainSpan struct{ start, end int }

// trainingText rebuilds the running text of a treebank as RawText does.
// With varied true, half of the paragraph breaks are single newlines and a third of the
// paragraphs are wrapped at a width of 60 to 80 columns.
func trainingText(sents []*conllu.Sentence, rng *rand.Rand, varied bool) (string, []trainSpan) {
	var b strings.Builder
	spans := make([]trainSpan, 0, len(sents))
	wrap := 0
	lineStart := 0
	for i, s := range sents {
		txt := s.Text
		if txt == "" {
			continue
		}
		if i > 0 {
			if s.NewDoc || s.NewPar {
				if varied && rng.IntN(2) == 0 {
					b.WriteString("\n")
				} else {
					b.WriteString("\n\n")
				}
				wrap = 0
				if varied && rng.IntN(3) == 0 {
					wrap = 60 + rng.IntN(21)
				}
				lineStart = b.Len()
			} else if wrap > 0 && b.Len()-lineStart+1+firstWordLen(txt) > wrap {
				b.WriteByte('\n')
				lineStart = b.Len()
			} else {
				b.WriteByte(' ')
			}
		}
		start := b.Len()
		if wrap > 0 {
			// wrap inside the sentence
			for j := 0; j < len(txt); j++ {
				c := txt[j]
				if c == ' ' && b.Len()-lineStart+1+firstWordLen(txt[j+1:]) > wrap {
					c = '\n'
					b.WriteByte(c)
					lineStart = b.Len()
					continue
				}
				b.WriteByte(c)
			}
		} else {
			b.WriteString(txt)
		}
		spans = append(spans, trainSpan{start, b.Len()})
	}
	return b.String(), spans
}

func firstWordLen(s string) int {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return i
	}
	return len(s)
}

// The model file: a magic line, the table size in bits (one byte), the
// quantisation step (little-endian float64), the number of non-zero
// weights (uvarint), then for each weight its index as the uvarint
// difference from the previous one and its value in steps as a varint; a
// little-endian CRC-32 (IEEE) of everything before it ends the file.
const segMagic = "dyad-segmenter 1\n"

// WriteTo writes the model in its compact binary form. Weights too small to
// change a decision are dropped.
func (s *Segmenter) WriteTo(w io.Writer) (int64, error) {
	if s == nil || s.weights == nil {
		return 0, errors.New("text: no model to write")
	}
	var maxAbs float64
	for _, v := range s.weights {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var body []byte
	body = append(body, segMagic...)
	body = append(body, s.bits)
	body = binary.LittleEndian.AppendUint64(body, math.Float64bits(scale))
	count := 0
	for _, v := range s.weights {
		if math.Round(float64(v)/scale) != 0 {
			count++
		}
	}
	body = binary.AppendUvarint(body, uint64(count))
	prev := 0
	for i, v := range s.weights {
		q := math.Round(float64(v) / scale)
		if q == 0 {
			continue
		}
		body = binary.AppendUvarint(body, uint64(i-prev))
		body = binary.AppendVarint(body, int64(q))
		prev = i
	}
	body = binary.LittleEndian.AppendUint32(body, crc32.ChecksumIEEE(body))
	n, err := w.Write(body)
	return int64(n), err
}

// ReadSegmenter reads a model written by WriteTo.
func ReadSegmenter(r io.Reader) (*Segmenter, error) {
	data, err := io.ReadAll(bufio.NewReader(io.LimitReader(r, 64<<20)))
	if err != nil {
		return nil, fmt.Errorf("text: reading segmenter: %w", err)
	}
	bad := func(what string) error { return fmt.Errorf("text: bad segmenter model: %s", what) }
	if len(data) < len(segMagic)+1+8+1+4 || string(data[:len(segMagic)]) != segMagic {
		return nil, bad("not a dyad segmenter model")
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, bad("checksum mismatch")
	}
	p := body[len(segMagic):]
	bits := p[0]
	if bits < 8 || bits > 26 {
		return nil, bad("table size")
	}
	scale := math.Float64frombits(binary.LittleEndian.Uint64(p[1:9]))
	if math.IsNaN(scale) || math.IsInf(scale, 0) || scale <= 0 {
		return nil, bad("scale")
	}
	p = p[9:]
	count, k := binary.Uvarint(p)
	if k <= 0 || count > 1<<bits {
		return nil, bad("weight count")
	}
	p = p[k:]
	w := make([]float32, 1<<bits)
	idx := uint64(0)
	for j := uint64(0); j < count; j++ {
		d, k := binary.Uvarint(p)
		if k <= 0 {
			return nil, bad("truncated")
		}
		p = p[k:]
		v, k := binary.Varint(p)
		if k <= 0 {
			return nil, bad("truncated")
		}
		p = p[k:]
		idx += d
		if idx >= uint64(len(w)) {
			return nil, bad("weight index out of range")
		}
		w[idx] = float32(float64(v) * scale)
	}
	if len(p) != 0 {
		return nil, bad("trailing bytes")
	}
	return &Segmenter{bits: bits, weights: w}, nil
}
