# dyad — common tasks. `make test` is what CI runs.
SHARED ?= ../shared
UD     ?= $(SHARED)/data/ud
GOLD   ?= $(SHARED)/data/gold
FUZZTIME ?= 15s

.PHONY: test bench eval lint train fuzz build load

build:
	go build -o bin/dyad ./cmd/dyad

test:
	go test ./...

# Go benchmarks of every stage, on one core as the README reports them.
bench:
	GOMAXPROCS=1 go test -run '^$$' -bench . -benchmem ./...

# The API under load: 100,000 events, 200 requests/s (about a minute).
load:
	go test ./server -run TestLoad -load -v -timeout 30m

# Accuracy on the UD test splits (needs ../shared).
eval: build
	./bin/dyad eval --parser $(UD)/ewt-test.conllu
	./bin/dyad eval --parser $(UD)/gum-test.conllu
	./bin/dyad eval $(GOLD)/plover-gsr-dev.json
	./bin/dyad eval $(GOLD)/conflibert/cameo_class_train.tsv
	./bin/dyad eval $(GOLD)/conflibert/cameo_ner_train.txt
	./bin/dyad eval $(GOLD)/re3d
	./bin/dyad eval --no-builtin --actors $(GOLD)/petrarch-unittest/PETR.Validate.actors.txt \
		--agents $(GOLD)/petrarch-unittest/PETR.Validate.agents.txt \
		--verbs $(GOLD)/petrarch-unittest/PETR.Validate.verbs.txt $(GOLD)/petrarch-unittest/PETR.UnitTest.records.xml

lint:
	gofmt -l . | tee /dev/stderr | (! read)
	go vet ./...
	go mod tidy -diff
	go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# Rebuild the models from the treebanks (deterministic), then the binary.
train:
	go run ./cmd/dyad train --ud $(UD) --out models
	$(MAKE) build

fuzz: # every reader of outside input, $(FUZZTIME) each
	go test ./actor/dict -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	go test ./cameo -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	go test ./conllu -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	go test ./engine -run '^$$' -fuzz '^FuzzCode$$' -fuzztime $(FUZZTIME)
	go test ./eval -run '^$$' -fuzz '^FuzzReadBIO$$' -fuzztime $(FUZZTIME)
	go test ./export -run '^$$' -fuzz '^FuzzReadGDELT$$' -fuzztime $(FUZZTIME)
	go test ./export -run '^$$' -fuzz '^FuzzGDELTRoundTrip$$' -fuzztime $(FUZZTIME)
	go test ./eval -run '^$$' -fuzz '^FuzzReadClass$$' -fuzztime $(FUZZTIME)
	go test ./eval -run '^$$' -fuzz '^FuzzReadDyadGold$$' -fuzztime $(FUZZTIME)
	go test ./eval -run '^$$' -fuzz '^FuzzReadPetrarch$$' -fuzztime $(FUZZTIME)
	go test ./eval -run '^$$' -fuzz '^FuzzReadPloverGold$$' -fuzztime $(FUZZTIME)
	go test ./eval -run '^$$' -fuzz '^FuzzReadRe3dSource$$' -fuzztime $(FUZZTIME)
	go test ./event/lexicon -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	go test ./geo -run '^$$' -fuzz '^FuzzLookup$$' -fuzztime $(FUZZTIME)
	go test ./geo -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	go test ./input -run '^$$' -fuzz '^FuzzReadHTML$$' -fuzztime $(FUZZTIME)
	go test ./input -run '^$$' -fuzz '^FuzzReadJSONL$$' -fuzztime $(FUZZTIME)
	go test ./input -run '^$$' -fuzz '^FuzzReadText$$' -fuzztime $(FUZZTIME)
	go test ./lemma -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	go test ./ner -run '^$$' -fuzz '^FuzzParseGUMEntities$$' -fuzztime $(FUZZTIME)
	go test ./server -run '^$$' -fuzz '^FuzzParseFilter$$' -fuzztime $(FUZZTIME)
	go test ./store -run '^$$' -fuzz '^FuzzPut$$' -fuzztime $(FUZZTIME)
	go test ./server -run '^$$' -fuzz '^FuzzParseArticles$$' -fuzztime $(FUZZTIME)
	go test ./ner -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	go test ./petrarch -run '^$$' -fuzz '^FuzzReadActors$$' -fuzztime $(FUZZTIME)
	go test ./petrarch -run '^$$' -fuzz '^FuzzReadAgents$$' -fuzztime $(FUZZTIME)
	go test ./petrarch -run '^$$' -fuzz '^FuzzReadDiscards$$' -fuzztime $(FUZZTIME)
	go test ./petrarch -run '^$$' -fuzz '^FuzzReadVerbs$$' -fuzztime $(FUZZTIME)
	go test ./pipeline -run '^$$' -fuzz '^FuzzAnnotate$$' -fuzztime $(FUZZTIME)
	go test ./text -run '^$$' -fuzz '^FuzzSplit$$' -fuzztime $(FUZZTIME)
	go test ./timex -run '^$$' -fuzz '^FuzzFind$$' -fuzztime $(FUZZTIME)
