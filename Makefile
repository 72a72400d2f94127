# dyad — common tasks. `make test` is what CI runs.
SHARED ?= ../shared
UD     ?= $(SHARED)/data/ud

.PHONY: test bench eval lint train fuzz build

build:
	go build -o bin/dyad ./cmd/dyad

test:
	go test ./...

# Go benchmarks of every stage, on one core as the README reports them.
bench:
	GOMAXPROCS=1 go test -run '^$$' -bench . -benchmem ./...

# Accuracy on the UD test splits (needs ../shared).
eval: build
	./bin/dyad eval --parser $(UD)/ewt-test.conllu
	./bin/dyad eval --parser $(UD)/gum-test.conllu

lint:
	gofmt -l . | tee /dev/stderr | (! read)
	go vet ./...
	go mod tidy -diff
	go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# Rebuild the models from the treebanks (deterministic), then the binary.
train:
	go run ./cmd/dyad train --ud $(UD) --out models
	$(MAKE) build

fuzz:
	go test ./text -run '^$$' -fuzz FuzzSplit -fuzztime 30s
	go test ./input -run '^$$' -fuzz FuzzReadJSONL -fuzztime 30s
	go test ./pipeline -run '^$$' -fuzz FuzzAnnotate -fuzztime 60s
