package text

import (
	"bytes"
	"sync"

	"dyad/models"
)

var loadDefault = sync.OnceValue(func() *Segmenter {
	b, err := models.Open("segmenter.bin")
	if err != nil {
		return nil
	}
	s, err := ReadSegmenter(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	return s
})

// Default returns the sentence splitter embedded in the binary
// (models/segmenter.bin, built by `dyad train` from the UD English EWT and
// GUM training sets). It returns nil, which splits by rules, if the model is
// missing or cannot be read. The model is read once, on first use, and
// shared.
func Default() *Segmenter { return loadDefault() }
