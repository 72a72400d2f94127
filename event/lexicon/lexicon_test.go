package lexicon

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"dyad/internal/sharedtest"
)

func mustDefault(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func mustParse(t testing.TB, src string) *Lexicon {
	t.Helper()
	l, diags := Parse("test.txt", strings.NewReader(src))
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	return l
}

func TestConstraints(t *testing.T) {
	for _, tc := range []struct {
		line string
		want int
	}{
		{"verb | call R:obj | 041 | -", 0},
		{"verb | promise R:iobj | 030 | -", 0},
		{"verb | meet R:with | 040 | -", 1},
		{"verb | refuse xcomp:* | 120 | -", 1},
		{"verb | refuse xcomp:meet | 125 | -", 2},
		{"verb | threaten xcomp:impose=sanction | 1312 | -", 3},
		{"verb | call prep:for | 020 | -", 1},
		{"verb | call prep:for=talk R:on | 026 | -", 3},
		{"verb | impose obj:embargo mod:arms R:on | 1622 | -", 3},
		{"verb | carry prt:out obj:airstrike R:on | 195 | -", 3},
		{"noun | visit R:to A:by | 042 | -", 2},
		{"noun | release prep:of=prisoner R:of | 0841 | -", 3},
		{"noun | talk R:between | 040 | recip", 1},
		{"verb | declare obj:martial+law | 1724 | -", 2},
		{"verb | accuse prep:of=war+crime/war+crimes R:obj | 1124 | -", 3},
		{"verb | accuse prep:of=war+crime/crime R:obj | 1124 | -", 2},
	} {
		e, err := parseLine(tc.line)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Constraints(); got != tc.want {
			t.Errorf("%s: Constraints() = %d, want %d", tc.line, got, tc.want)
		}
	}
}

func TestRule(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"verb | call R:with | 041 | recip", "verb:call.with#041"},
		{"verb | call R:obj | 041 | -", "verb:call#041"},
		{"noun | visit R:to | 042 | -", "noun:visit.to#042"},
		{"noun | visit R:to A:by | 042 | -", "noun:visit.to.A-by#042"},
		{"verb | impose obj:sanction/embargo R:on | 163 | -", "verb:impose.sanction.on#163"},
		{"verb | agree xcomp:meet/talk R:with | 036 | recip", "verb:agree.to-meet.with#036"},
		{"verb | threaten xcomp:impose=sanction/tariff | 1312 | -", "verb:threaten.to-impose=sanction#1312"},
		{"verb | call prep:for=ceasefire/truce | 0256 | -", "verb:call.for=ceasefire#0256"},
		{"verb | impose obj:embargo mod:arms R:on | 1622 | -", "verb:impose.embargo.arms.on#1622"},
		{"verb | back prt:down | 080 | -", "verb:back.down#080"},
		{"verb | promise R:iobj | 030 | -", "verb:promise.iobj#030"},
		{"verb | comment | 011 | neg", "verb:comment.neg#011"},
		{"verb | release obj:report | - | -", "verb:release.report"},
		{"cue | say | 010 | -", "cue:say#010"},
		{"cue | accord_to | - | -", "cue:accord_to"},
		{"light | carry prt:out | - | -", "light:carry.out"},
	} {
		e, err := parseLine(tc.line)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Rule(); got != tc.want {
			t.Errorf("%s: Rule() = %q, want %q", tc.line, got, tc.want)
		}
	}
	if (*Entry)(nil).Rule() != "" {
		t.Error("nil entry has a rule name")
	}
}

func TestLookupOrder(t *testing.T) {
	l := mustParse(t, `
verb | call R:obj | 041 | -
verb | call prep:for | 020 | -
verb | call prep:for=ceasefire | 0256 | -
verb | call R:on | 020 | -
noun | call R:with | 041 | recip
cue | say | 010 | -
light | carry prt:out | - | -
`)
	var got []string
	for _, e := range l.Lookup(Verb, "call") {
		got = append(got, e.Rule())
	}
	want := []string{"verb:call.for=ceasefire#0256", "verb:call.for#020", "verb:call.on#020", "verb:call#041"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Lookup(Verb, call) = %q, want %q", got, want)
	}
	if n := len(l.Lookup(Noun, "call")); n != 1 {
		t.Errorf("Lookup(Noun, call) has %d entries, want 1", n)
	}
	if es := l.Lookup(Verb, "say"); es != nil {
		t.Errorf("Lookup(Verb, say) = %v, want none (say is a cue)", es)
	}
	if e, ok := l.Cue("say"); !ok || e.CAMEO != "010" {
		t.Errorf("Cue(say) = %v, %v", e, ok)
	}
	if _, ok := l.Cue("call"); ok {
		t.Error("Cue(call) found")
	}
	if !l.IsLight("carry") || l.IsLight("call") {
		t.Error("IsLight wrong")
	}
	if n := len(l.Entries()); n != 7 {
		t.Errorf("%d entries, want 7", n)
	}
}

func TestNew(t *testing.T) {
	a := &Entry{Kind: Verb, Head: "meet", CAMEO: "040", Conf: 1}
	b := &Entry{Kind: Verb, Head: "meet", Recipient: "with", CAMEO: "040", Conf: 1}
	c := &Entry{Kind: Verb, Head: "meet", Recipient: "obj", CAMEO: "040", Conf: 1}
	l := New([]*Entry{a, nil, b, c})
	if got := l.Entries(); !reflect.DeepEqual(got, []*Entry{a, b, c}) {
		t.Errorf("Entries() = %v", got)
	}
	if got := l.Lookup(Verb, "meet"); !reflect.DeepEqual(got, []*Entry{b, a, c}) {
		t.Errorf("Lookup = %v, want most constraints first, then input order", got)
	}
	if New(nil).Lookup(Verb, "meet") != nil {
		t.Error("empty lexicon found something")
	}
	var nl *Lexicon
	if nl.Entries() != nil || nl.Lookup(Verb, "x") != nil || nl.IsLight("hold") {
		t.Error("nil lexicon is not empty")
	}
	if _, ok := nl.Cue("say"); ok {
		t.Error("nil lexicon has a cue")
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":    {Data: []byte("verb | meet R:with | 040 | recip\ncue | say | 010 | -\n")},
		"b.txt":    {Data: []byte("verb | meet R:with | 046 | recip\nverb | bad\nlight | hold | - | -\n")},
		"skip.md":  {Data: []byte("not a lexicon")},
		"d/in.txt": {Data: []byte("verb | ignored | 010 | -\n")},
	}
	l, diags, err := Load(fsys, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{"b.txt:2: 2 fields, want 4 (KIND | PATTERN | CAMEO | OPTIONS)", "b.txt:1: same pattern as a.txt:1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	if n := len(l.Entries()); n != 3 {
		t.Errorf("%d entries, want 3", n)
	}
	if es := l.Lookup(Verb, "meet"); len(es) != 1 || es[0].CAMEO != "040" {
		t.Errorf("the first file's entry should win: %v", es)
	}
	if _, _, err := Load(fsys, "*.none"); err == nil {
		t.Error("no error for a pattern that matches nothing")
	}
	if _, _, err := Load(fsys, "[bad"); err == nil {
		t.Error("no error for a bad pattern")
	}
}

func TestDefault(t *testing.T) {
	l := mustDefault(t)
	l2, _ := Default()
	if l != l2 {
		t.Error("Default loaded twice")
	}
	perKind := map[Kind]int{}
	perRoot := map[string]int{}
	for _, e := range l.Entries() {
		perKind[e.Kind]++
		if e.CAMEO != "" && e.Kind != Cue {
			perRoot[e.CAMEO[:2]]++
		}
	}
	total := len(l.Entries())
	t.Logf("%d entries: %d verb, %d noun, %d cue, %d light", total, perKind[Verb], perKind[Noun], perKind[Cue], perKind[Light])
	var roots []string
	for r, n := range perRoot {
		roots = append(roots, r+":"+itoa(n))
	}
	sort.Strings(roots)
	t.Logf("verb and noun entries per CAMEO root: %s", strings.Join(roots, " "))
	if total < 1500 {
		t.Errorf("%d entries, want at least 1500", total)
	}
	for k, min := range map[Kind]int{Verb: 1000, Noun: 300, Cue: 30, Light: 15} {
		if perKind[k] < min {
			t.Errorf("%d %s entries, want at least %d", perKind[k], k, min)
		}
	}
	for r := 1; r <= 20; r++ {
		root := itoa(r)
		if r < 10 {
			root = "0" + root
		}
		if perRoot[root] == 0 {
			t.Errorf("no entry for CAMEO root %s", root)
		}
	}
}

// TestDefaultPhrases checks that the built-in lexicon has the entries for
// the phrasings dyad must code (by rule name, which names the pattern).
func TestDefaultPhrases(t *testing.T) {
	l := mustDefault(t)
	rules := map[string]bool{}
	for _, e := range l.Entries() {
		rules[e.Rule()] = true
	}
	for _, r := range []string{
		"verb:call#041",                         // Trump called Putin
		"verb:call.with#041",                    // called with
		"noun:call.phone.with#041",              // a phone call with
		"noun:call.phone.between#041",           // a phone call between
		"verb:call.on#020",                      // called on X
		"verb:call.to-release.on#0253",          // called on X to release
		"verb:call.for=ceasefire#0256",          // called for a ceasefire
		"verb:call.off.talk#164",                // called off the talks
		"noun:talk.with#040",                    // (held) talks with
		"noun:talk.between#040",                 // talks between X and Y
		"verb:agree.to-meet#036",                // agreed to meet
		"verb:invite.to-visit#036",              // invited X to visit
		"noun:admiration.for#051",               // expressed admiration for
		"verb:welcome#051",                      // welcomed
		"verb:welcome.to#043",                   // welcomed X to Beijing
		"verb:release.prisoner#0841",            // released prisoners
		"noun:release.of=prisoner.of#0841",      // the release of prisoners
		"verb:visit#042",                        // visited
		"noun:visit.to.A-by#042",                // a visit to Moscow by Xi
		"verb:host#043",                         // hosted
		"verb:criticize#111",                    // criticized
		"verb:accuse.of#112",                    // accused X of
		"verb:accuse.of=espionage#1125",         // accused X of espionage
		"verb:impose.sanction.on#163",           // imposed sanctions on
		"noun:sanction.on#163",                  // sanctions on
		"noun:sanction.against#163",             // sanctions against
		"verb:attack#190",                       // attacked
		"noun:attack.on#190",                    // an attack on
		"verb:kill#190",                         // killed
		"verb:arrest#173",                       // arrested
		"verb:protest.against#140",              // protested against
		"noun:protest.against#140",              // a protest against
		"verb:demand#100",                       // demanded
		"verb:urge#020",                         // urged
		"verb:reject#120",                       // rejected
		"verb:refuse.to-*#120",                  // refused to
		"verb:sign.agreement.with#057",          // signed an agreement with
		"noun:agreement.with#057",               // an agreement with
		"verb:pledge.aid#033",                   // pledged aid
		"verb:deploy.troop.to#154",              // deployed troops to
		"verb:meet#040",                         // met
		"verb:discuss#040",                      // discussed
		"verb:negotiate.with#046",               // negotiated with
		"noun:negotiation.with#046",             // negotiations with
		"verb:mediate.between#045",              // mediated between
		"verb:threaten#130",                     // threatened
		"verb:threaten.to-impose=sanction#1312", // threatened to impose sanctions
		"verb:warn#130",                         // warned
		"verb:condemn#111",                      // condemned
		"verb:deny.allegation#016",              // denied the allegations
		"verb:praise#051",                       // praised
		"verb:support#051",                      // supported
		"verb:apologize.to#055",                 // apologized to
		"verb:investigate#090",                  // investigated
		"verb:expel#166",                        // expelled
		"verb:withdraw.troop.from#0874",         // withdrew troops from
		"noun:ceasefire#0871",                   // a ceasefire
		"verb:seize#171",                        // seized
		"verb:bomb#183",                         // bombed
		"verb:shell#194",                        // shelled
		"verb:fire.missile.at#195",              // fired missiles at
		"verb:abduct#181",                       // abducted
		"verb:assassinate#186",                  // assassinated
		"noun:invasion.of#192",                  // the invasion of Ukraine
		"noun:invasion.of.A-by#192",             // the invasion of Ukraine by Russia
		"verb:comment.neg#011",                  // did not comment
		"cue:say#010", "cue:state#010", "cue:report", "cue:note#010", "cue:confirm#010",
		"cue:announce#010", "cue:tell#010", "cue:add#010", "cue:claim#010", "cue:indicate#010",
		"cue:accord_to",
		"light:have", "light:hold", "light:make", "light:pay", "light:conduct", "light:carry.out",
		"light:launch", "light:stage", "light:give", "light:take", "light:exchange", "light:open",
		"light:begin", "light:resume",
	} {
		if !rules[r] {
			t.Errorf("no entry named %s", r)
		}
	}
}

func TestDefaultRulesUnique(t *testing.T) {
	seen := map[string]*Entry{}
	for _, e := range mustDefault(t).Entries() {
		if f, ok := seen[e.Rule()]; ok {
			t.Errorf("%s:%d and %s:%d are both named %s", f.File, f.Line, e.File, e.Line, e.Rule())
		}
		seen[e.Rule()] = e
	}
}

// TestDefaultNoDeadEntries fails on an entry that can never be used
// because an earlier one with as many constraints accepts everything it
// accepts.
func TestDefaultNoDeadEntries(t *testing.T) {
	for _, p := range deadEntries(mustDefault(t)) {
		t.Errorf("%s:%d %s can never win over %s:%d %s", p[1].File, p[1].Line, p[1], p[0].File, p[0].Line, p[0])
	}
}

// excluded lists CAMEO codes of the codebook that the built-in lexicon
// deliberately has no entry for, each with its reason. Root codes (two
// digits) are headings: they count as covered when a code under them is.
var excluded = map[string]string{}

// TestCoverage checks the built-in lexicon against the CAMEO codebook in
// ../shared: every code has an entry (or is excluded with a reason), and
// every code used exists in the codebook.
func TestCoverage(t *testing.T) {
	path := sharedtest.Need(t, filepath.Join("..", "..", "..", "shared", "reference", "cameo-eventcodes.tsv"))
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	codebook := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		code, _, _ := strings.Cut(sc.Text(), "\t")
		if ValidateCAMEO(code) == nil {
			codebook[code] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(codebook) < 300 {
		t.Fatalf("read %d codes from %s, want about 310", len(codebook), path)
	}
	used := map[string]bool{}
	for _, e := range mustDefault(t).Entries() {
		if e.CAMEO == "" {
			continue
		}
		used[e.CAMEO] = true
		used[e.CAMEO[:2]] = true
		if !codebook[e.CAMEO] {
			t.Errorf("%s:%d: code %s is not in the CAMEO codebook", e.File, e.Line, e.CAMEO)
		}
	}
	var missing []string
	for code := range codebook {
		if !used[code] && excluded[code] == "" {
			missing = append(missing, code)
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("%d codes have no entry and are not excluded: %s", len(missing), strings.Join(missing, " "))
	}
	for code, why := range excluded {
		if used[code] {
			t.Errorf("code %s is excluded (%s) but has entries", code, why)
		}
	}
	t.Logf("%d of %d codebook codes covered, %d excluded", len(codebook)-len(missing)-len(excluded), len(codebook), len(excluded))
}
