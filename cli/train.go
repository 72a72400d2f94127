package cli

import (
	"context"
	"os"

	"dyad/pipeline"
)

func runTrain(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "train", "[flags]", `
Rebuild dyad's statistical models — sentence splitter, part-of-speech
tagger, lemmatizer, dependency parser and named-entity recogniser (from
GUM's entity annotation, with a snapshot of the actor dictionary as its
gazetteer) — from the Universal Dependencies treebanks, and write them to
the models folder, from which they are embedded in the binary at the next
build. Training is deterministic: the same
treebanks and seed give byte-identical models. It takes a few minutes on two
cores.

Example (from the repository root, with the treebanks beside it):
  dyad train --ud ../shared/data/ud --out models && go build ./cmd/dyad`)
	def := pipeline.DefaultTrainConfig("", "")
	ud := fs.String("ud", "../shared/data/ud", "`DIR` holding ewt-train.conllu and gum-train.conllu")
	out := fs.String("out", "models", "`DIR` to write the model files to")
	seed := fs.Int64("seed", def.Seed, "random seed for shuffling and exploration")
	folds := fs.Int("folds", def.Folds, "jackknife folds used to give the parser realistic tags")
	quiet := fs.Bool("quiet", false, "print no progress")
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("train: unexpected arguments %q", fs.Args())
	}
	if _, err := os.Stat(*ud); err != nil {
		return usageError("train: treebank folder: %v", err)
	}
	cfg := pipeline.DefaultTrainConfig(*ud, *out)
	cfg.Seed, cfg.Folds = *seed, *folds
	if !*quiet {
		cfg.Log = env.Stderr
	}
	return pipeline.Train(ctx, cfg)
}
