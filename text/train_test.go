package text

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"dyad/conllu"
	"dyad/internal/sharedtest"
	"dyad/models"
)

// udDir is where the shared UD treebanks are, relative to this package.
var udDir = filepath.Join("..", "..", "shared", "data", "ud")

// readUD reads a shared treebank, skipping the test when it is absent.
func readUD(t testing.TB, name string) []*conllu.Sentence { return sharedtest.ReadUD(t, name) }

func trainingSets(t testing.TB) [][]*conllu.Sentence {
	return [][]*conllu.Sentence{readUD(t, "ewt-train"), readUD(t, "gum-train")}
}

// TestTrainDefaultModel trains the segmenter as `dyad train` does and
// checks that training is deterministic and the model small.
func TestTrainDefaultModel(t *testing.T) {
	tbs := trainingSets(t)
	start := time.Now()
	seg, err := TrainSegmenter(tbs, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v", time.Since(start).Round(time.Millisecond))
	var buf bytes.Buffer
	n, err := seg.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo returned %d, wrote %d bytes", n, buf.Len())
	}
	t.Logf("model size %d bytes", n)
	if n > 2<<20 {
		t.Errorf("model is %d bytes, want under 2 MB", n)
	}
	again, err := TrainSegmenter(tbs, 1)
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if _, err := again.WriteTo(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("training twice with one seed gave different models")
	}
	if emb, err := models.Open("segmenter.bin"); err == nil && !bytes.Equal(buf.Bytes(), emb) {
		t.Log("the embedded model differs from a fresh training; rebuild the models with dyad train")
	}
}
