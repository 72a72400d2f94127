package petrarch

import (
	"fmt"
	"strings"
	"testing"
)

// tokenString writes tokens back in a normalised pattern syntax.
func tokenString(toks []Token) string {
	var b strings.Builder
	prep, noun := 0, 0
	for i, t := range toks {
		if noun != 0 && t.Noun != noun {
			b.WriteString("}")
			noun = 0
		}
		if prep != 0 && t.Prep != prep {
			b.WriteString(")")
			prep = 0
		}
		if i > 0 {
			if t.Joined {
				b.WriteString("_")
			} else {
				b.WriteString(" ")
			}
		}
		if t.Prep != 0 && t.Prep != prep {
			b.WriteString("(")
			prep = t.Prep
		}
		if t.Noun != 0 && t.Noun != noun {
			b.WriteString("{")
			noun = t.Noun
		}
		switch t.Kind {
		case Word, SynsetRef:
			b.WriteString(t.Text)
		default:
			b.WriteString(map[TokenKind]string{VerbSlot: "*", Source: "$", Target: "+", Compound: "%", Skip: "^"}[t.Kind])
		}
	}
	if noun != 0 {
		b.WriteString("}")
	}
	if prep != 0 {
		b.WriteString(")")
	}
	return b.String()
}

const verbSample = `<!-- sample -->
&CURRENCY
+DOLLARS
+SWISS FRANCS
+GOLD_
&AUXVERB3_
  +HAVE
+HAS
&FIGHT_OF_WORDS
+ARGUMENT

--- GRANT [070] ---
GRANT
GIVE {GAVE GIVEN GIVING }  # jw
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF } [171]
WIRE_+TAP
LASH OUT
- * &CURRENCY [903] # -PAS
- * + AGAINST $ [173]
- SUGGESTED_+ * DEMAND_&CURRENCY_CONVENTIONS  [111]
- IN_*_OUT [074]
- * (TO {BANNED PARTIES}) (IN &FIGHT_OF_WORDS) [1722]
- % * [030:030]
- * ^ WITH % [031]

--- EMPTY ---
SIT
`

func TestReadVerbs(t *testing.T) {
	v, diags := ReadVerbs("v.txt", strings.NewReader(verbSample))
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %q", diagStrings(diags))
	}
	if len(v.Synsets) != 3 || len(v.Blocks) != 2 || v.Patterns() != 7 {
		t.Fatalf("%d synsets, %d blocks, %d patterns", len(v.Synsets), len(v.Blocks), v.Patterns())
	}
	cur, ok := v.Synset("&CURRENCY")
	if !ok || !cur.Plural || len(cur.Members) != 3 || cur.Members[1].Text != "SWISS FRANCS" || cur.Members[2].Plural || !cur.Members[0].Plural {
		t.Errorf("&CURRENCY = %+v", cur)
	}
	if aux, ok := v.Synset("&AUXVERB3_"); !ok || aux.Plural || aux.Name != "&AUXVERB3" || len(aux.Members) != 2 {
		t.Errorf("&AUXVERB3 = %+v", aux)
	}
	b := v.Blocks[0]
	if b.Name != "GRANT" || b.Code != "070" || b.Line != 12 {
		t.Errorf("block = %q %q %d", b.Name, b.Code, b.Line)
	}
	var verbs []string
	for _, vb := range b.Verbs {
		verbs = append(verbs, fmt.Sprintf("%s/%d/%s/%v/%q", strings.Join(vb.Words, "_"), vb.Head, vb.Lemma(), vb.Forms, vb.Code))
	}
	wantVerbs := []string{
		`GRANT/0/grant/[]/""`,
		`GIVE/0/give/[GAVE GIVEN GIVING]/""`,
		`CORDON_OFF/0/cordon/[+CORDONED_OFF +CORDONS_OFF]/"171"`,
		`WIRE_TAP/1/tap/[]/""`,
		`LASH_OUT/0/lash/[]/""`,
	}
	if fmt.Sprint(verbs) != fmt.Sprint(wantVerbs) {
		t.Errorf("verbs:\n got %q\nwant %q", verbs, wantVerbs)
	}
	var pats []string
	for _, p := range b.Patterns {
		pats = append(pats, tokenString(p.Tokens)+" ["+p.Code+"]")
	}
	wantPats := []string{
		"* &CURRENCY [903]",
		"* + AGAINST $ [173]",
		"SUGGESTED_+ * DEMAND_&CURRENCY_CONVENTIONS [111]",
		"IN_*_OUT [074]",
		"* (TO {BANNED PARTIES}) (IN &FIGHT_OF_WORDS) [1722]",
		"% * [030:030]",
		"* ^ WITH % [031]",
	}
	if fmt.Sprint(pats) != fmt.Sprint(wantPats) {
		t.Errorf("patterns:\n got %q\nwant %q", pats, wantPats)
	}
	if p := b.Patterns[4]; p.Verb() != 0 || p.Tokens[1].Prep != 1 || p.Tokens[3].Noun != 1 || p.Tokens[5].Prep != 2 || p.Tokens[5].Kind != SynsetRef {
		t.Errorf("groups: %+v", p.Tokens)
	}
	if e := v.Blocks[1]; e.Name != "EMPTY" || e.Code != "" || len(e.Verbs) != 1 {
		t.Errorf("second block = %+v", e)
	}
}

func TestReadVerbsDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"pattern before a block", "- * X [010]\n", []string{"v.txt:1: pattern before the first verb block"}},
		{"verb before a block", "SAY\n", []string{"v.txt:1: verb before the first verb block"}},
		{"no code", "--- A [010] ---\nA\n- * X\n", []string{"v.txt:3: pattern has 0 [codes], want one"}},
		{"empty code", "--- A [010] ---\nA\n- * X []\n", []string{"v.txt:3: pattern has an empty code"}},
		{"no verb slot", "--- A [010] ---\nA\n- *SCEPTICAL [012]\n- X Y [010]\n", []string{`v.txt:3: pattern "*SCEPTICAL": bad word "*SCEPTICAL"`, "v.txt:4: pattern \"X Y\": want one * (the verb), found 0"}},
		{"two verb slots", "--- A [010] ---\nA\n- * X * [010]\n", []string{"found 2"}},
		{"unbalanced", "--- A [010] ---\nA\n- * VENTURE (WITH VISIT) VISIT) [010]\n- * (ON {X) [010]\n- * (ON [010]\n", []string{`v.txt:3: pattern "* VENTURE (WITH VISIT) VISIT)": unbalanced ")"`, `v.txt:4: pattern "* (ON {X)": unbalanced ")"`, `v.txt:5: pattern "* (ON": unclosed`}},
		{"undefined synset", "--- A [010] ---\nA\n- * (IN &WEATHER) [010]\n", []string{"v.txt:3: pattern \"* (IN &WEATHER)\": undefined synset &WEATHER"}},
		{"bad verbs", "--- A [010] ---\n+A_+B\nA_B\nA {B\nA [010] [020]\nA_+\n", []string{
			"v.txt:2: multi-word verb \"+A_+B\" marks two words", "v.txt:3: multi-word verb \"A_B\": mark the verb word", `v.txt:4: "{" without "}"`, "v.txt:5: verb has 2 [codes]", "v.txt:6: bad verb"}},
		{"synset twice", "&A\n+B\n&A\n+C\n", []string{"v.txt:3: synset &A defined twice"}},
		{"transformation", "~ a (a b ATTACK) SAY = a b 015\n", nil},
		{"synset defined after use", "--- A [010] ---\nA\n- * &LATER [010]\n&LATER\n+X\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ReadVerbs("v.txt", strings.NewReader(tt.src))
			ds := diagStrings(diags)
			if len(ds) != len(tt.want) {
				t.Fatalf("diagnostics %q, want %d matching %q", ds, len(tt.want), tt.want)
			}
			for i := range ds {
				if !strings.Contains(ds[i], tt.want[i]) {
					t.Errorf("diagnostic %q does not contain %q", ds[i], tt.want[i])
				}
			}
		})
	}
}
