package cli

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"dyad/actor/data"
	"dyad/actor/dict"
	"dyad/engine"
	"dyad/event/lexicon"
	"dyad/petrarch"
)

// fileList is a flag that may be given several times.
type fileList []string

func (f *fileList) String() string { return strings.Join(*f, ",") }
func (f *fileList) Set(s string) error {
	*f = append(*f, s)
	return nil
}

// dictFlags are the flags that load third-party (PETRARCH/TABARI format)
// dictionaries.
type dictFlags struct {
	actors, agents, verbs fileList
	noBuiltin             bool
}

func (d *dictFlags) register(fs *flag.FlagSet) {
	fs.Var(&d.actors, "actors", "also resolve actors with the PETRARCH actor dictionary `FILE` (repeatable)")
	fs.Var(&d.agents, "agents", "also use the PETRARCH agent dictionary `FILE` for roles (repeatable)")
	fs.Var(&d.verbs, "verbs", "also code events with the PETRARCH verb dictionary `FILE`, converted to dyad's lexicon (repeatable)")
	fs.BoolVar(&d.noBuiltin, "no-builtin", false, "use only the dictionaries given with --actors, --agents and --verbs instead of dyad's own (dyad's reporting and light verbs stay)")
}

// config returns the engine configuration the flags ask for: dictionaries
// read from the files given, added to the built-in ones or replacing them.
// Malformed lines are reported with their file and line and skipped.
func (d *dictFlags) config(env Env) (engine.Config, error) {
	var cfg engine.Config
	if len(d.actors)+len(d.agents) > 0 {
		var merged *dict.Dict
		if !d.noBuiltin {
			b, diags, err := dict.Load(data.Files, "*.txt")
			if err != nil || len(diags) > 0 {
				return cfg, fmt.Errorf("built-in actor dictionary: %v %v", err, diags)
			}
			merged = b
		}
		add := func(x *dict.Dict) {
			if merged == nil {
				merged = x
			} else {
				merged.Merge(x)
			}
		}
		for _, path := range d.actors {
			var a *petrarch.Actors
			if err := readDict(env, path, func(name string, f *bufio.Reader) []petrarch.Diagnostic {
				var diags []petrarch.Diagnostic
				a, diags = petrarch.ReadActors(name, f)
				return diags
			}); err != nil {
				return cfg, err
			}
			add(a.ToDict())
		}
		for _, path := range d.agents {
			var a *petrarch.Agents
			if err := readDict(env, path, func(name string, f *bufio.Reader) []petrarch.Diagnostic {
				var diags []petrarch.Diagnostic
				a, diags = petrarch.ReadAgents(name, f)
				return diags
			}); err != nil {
				return cfg, err
			}
			add(a.ToDict())
		}
		cfg.Dict = merged
	}
	if len(d.verbs) > 0 {
		builtin, err := lexicon.Default()
		if err != nil {
			return cfg, err
		}
		var entries []*lexicon.Entry
		for _, e := range builtin.Entries() {
			if !d.noBuiltin || e.Kind == lexicon.Cue || e.Kind == lexicon.Light {
				entries = append(entries, e)
			}
		}
		for _, path := range d.verbs {
			var v *petrarch.Verbs
			if err := readDict(env, path, func(name string, f *bufio.Reader) []petrarch.Diagnostic {
				var diags []petrarch.Diagnostic
				v, diags = petrarch.ReadVerbs(name, f)
				return diags
			}); err != nil {
				return cfg, err
			}
			conv, diags := v.ToLexicon()
			printDiags(env, diags)
			entries = append(entries, conv...)
		}
		cfg.Lexicon = lexicon.New(entries)
	}
	return cfg, nil
}

// readDict opens a dictionary file, reads it and reports its diagnostics.
func readDict(env Env, path string, read func(string, *bufio.Reader) []petrarch.Diagnostic) error {
	f, err := os.Open(path)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	defer f.Close()
	printDiags(env, read(path, bufio.NewReader(f)))
	return nil
}

func printDiags(env Env, diags []petrarch.Diagnostic) {
	for i, d := range diags {
		if i == 20 {
			fmt.Fprintf(env.Stderr, "dyad: (and %d more)\n", len(diags)-20)
			break
		}
		fmt.Fprintf(env.Stderr, "dyad: %s (skipped)\n", d)
	}
}

// engine builds the engine dyad code and dyad eval run: the models from
// dir (or the built-in ones) and the dictionaries the flags ask for.
func (d *dictFlags) engine(env Env, dir string) (*engine.Engine, error) {
	p, err := loadPipeline(dir)
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	cfg, err := d.config(env)
	if err != nil {
		return nil, err
	}
	cfg.Pipeline = p
	eng, err := engine.New(cfg)
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	return eng, nil
}
