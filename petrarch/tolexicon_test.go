package petrarch

import (
	"fmt"
	"strings"
	"testing"

	"dyad/event/lexicon"
)

// entryString formats an entry in the lexicon's line syntax (written here
// so the test does not depend on the lexicon package's printer).
func entryString(e *lexicon.Entry) string {
	parts := []string{e.Head}
	if e.Prt != "" {
		parts = append(parts, "prt:"+e.Prt)
	}
	if e.Obj != nil {
		parts = append(parts, "obj:"+strings.Join(e.Obj, "/"))
	}
	if e.Xcomp != nil {
		parts = append(parts, "xcomp:"+strings.Join(e.Xcomp, "/"))
	}
	for i, p := range e.Preps {
		s := "prep:" + p
		if e.PrepLemmas != nil && e.PrepLemmas[i] != nil {
			s += "=" + strings.Join(e.PrepLemmas[i], "/")
		}
		parts = append(parts, s)
	}
	if e.Recipient != "" {
		parts = append(parts, "R:"+e.Recipient)
	}
	s := strings.Join(parts, " ") + " | " + e.CAMEO
	if e.Recip {
		s += " recip"
	}
	if e.Neg {
		s += " neg"
	}
	return s
}

func TestToLexicon(t *testing.T) {
	tests := []struct {
		name   string
		src    string // a verb block; patterns and verbs
		want   []string
		skips  []string // skip reasons of patterns, in any order
		approx int      // approximated patterns
	}{
		{"bare verbs", "--- ACCUSE [112] ---\nACCUSE\nCHARGE [1121]\nBLAME {BLAMED}\n",
			[]string{"accuse | 112", "charge | 1121", "blame | 112"}, nil, 0},
		{"null block code", "--- ASK [---] ---\nASK\nREQUEST [020]\n", []string{"request | 020"}, nil, 0},
		{"target after the verb", "--- ACCUSE [112] ---\nACCUSE\n- * + [1121]\n- * + &CURRENCY [1122]\n",
			[]string{"accuse | 112", "accuse R:obj | 1121", "accuse obj:dollars/dollar R:iobj | 1122"}, nil, 0},
		{"preposition before target", "--- COMPLAIN [---] ---\nCOMPLAIN\n- * AGAINST + [111]\n- * ABOUT [112]\n- * (TO) [113]\n- * CLAIM (AGAINST) + [114]\n",
			[]string{"complain R:against | 111", "complain R:about | 112", "complain R:to | 113", "complain obj:claim R:against | 114"}, nil, 0},
		{"objects", "--- IMPOSE [---] ---\nIMPOSE\n- * SANCTIONS [163]\n- * &CURRENCY [1631]\n- * {TRADE EMBARGO} [1632]\n- * DIPLOMATIC TIES [1633]\n",
			[]string{"impose obj:sanctions/sanction | 163", "impose obj:dollars/dollar | 1631", "impose obj:embargo | 1632", "impose obj:ties/tie | 1633"}, nil, 2},
		{"particles and prepositional objects", "--- SET [---] ---\nSET\n- * UP BARRICADE [144]\n- * OFF (FROM ^) [042]\n- * (TO {BANNED PARTIES}) [1722]\n- * RESISTANCE TO THE INVADING [114]\n",
			[]string{"set prt:up obj:barricade | 144", "set prt:off R:from | 042", "set prep:to=parties/party | 1722", "set obj:resistance prep:to=invading | 114"}, nil, 1},
		{"xcomp", "--- ASK [090] ---\nASK\nRECONSIDER [---]\n- * TO RECONSIDER [102]\n",
			[]string{"ask | 090", "ask xcomp:reconsider | 102", "reconsider xcomp:reconsider | 102"}, nil, 0},
		{"compound and negation", "--- AGREE [081] ---\nAGREE\n- * WITH % [031]\n- % * TALKS [032]\n- NOT * [112]\n- &NEG * AID [113]\n",
			[]string{"agree | 081", "agree R:with | 031 recip", "agree obj:talks/talk | 032 recip", "agree | 112 neg", "agree obj:aid | 113 neg"}, nil, 0},
		{"paired and special codes", "--- MEET [---] ---\nMEET\n- * (TO) [042:043]\n- * (BEFORE COURT) [:173]\n- * X [---]\n- * Y [def]\n- * Z [2101]\n",
			nil, []string{skipPaired, skipPairedNoSrc, skipNullCode, skipNotCAMEO, skipNotCAMEO}, 0},
		{"paired same code", "--- MEET [---] ---\nMEET\n- * TALKS [050:050]\n", []string{"meet obj:talks/talk | 050 recip"}, nil, 0},
		{"not expressible", "--- RUSH [042] ---\nRUSH\n- &MILITARY * [154]\n- SAID * [010]\n- + * IN $ [075]\n- * + THAT $ WILL PULLOUT [0356]\n- * HELP + [070]\n",
			[]string{"rush | 042"}, []string{skipBeforeVerb, skipBeforeVerb, skipTargetBefore, skipSourceAfter, skipTargetPlace}, 0},
		{"multi-word verbs", "--- CORDON [171] ---\n+CORDON_OFF {+CORDONED_OFF}\n+ASK_FOR [020]\n+TAKE_LEAVE\nWIRE_+TAP\n- * AREA [172]\n",
			[]string{"cordon prt:off | 171", "ask prep:for | 020", "take obj:leave | 171", "cordon prt:off obj:area | 172", "ask obj:area prep:for | 172"}, nil, 0},
		{"duplicates", "--- ASK [---] ---\nASK\n- * SUPPORT [020]\n- * SUPPORT [022]\n- * {HUMANITARIAN AID} [0233]\n- * AID [023]\n",
			[]string{"ask obj:support | 020", "ask obj:aid | 023"}, []string{skipDuplicate, skipDuplicate}, 0},
		{"pattern beats bare verb", "--- GRANT [070] ---\nGRANT\n- * ^ [071]\n", []string{"grant | 071"}, nil, 0},
	}
	const synsets = "&CURRENCY\n+DOLLARS\n&NEG\n+DID N'T\n+WILL NOT\n&MILITARY\n+TROOPS\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, diags := ReadVerbs("v.txt", strings.NewReader(synsets+tt.src))
			if len(diags) != 0 {
				t.Fatal(diagStrings(diags))
			}
			es, _ := v.ToLexicon()
			var got []string
			for _, e := range es {
				got = append(got, entryString(e))
				if e.Kind != lexicon.Verb || e.Conf != LexiconConf || e.File != "v.txt" || e.Line == 0 {
					t.Errorf("entry %+v", e)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("entries:\n got %q\nwant %q", got, tt.want)
			}
			sum := v.LexiconSummary()
			var skips []string
			for k, n := range sum.Patterns.Skips {
				for i := 0; i < n; i++ {
					skips = append(skips, k)
				}
			}
			if !sameSet(skips, tt.skips) {
				t.Errorf("skips:\n got %q\nwant %q", skips, tt.skips)
			}
			if sum.Patterns.Approximated != tt.approx {
				t.Errorf("approximated %d, want %d: %v", sum.Patterns.Approximated, tt.approx, sum.Patterns.Approximations)
			}
			if p := sum.Patterns; p.Converted+p.Approximated+p.Skipped != p.Read || p.Read != v.Patterns() {
				t.Errorf("pattern tally does not add up: %+v", p)
			}
			if sum.Entries != len(es) {
				t.Errorf("summary has %d entries, ToLexicon %d", sum.Entries, len(es))
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	n := map[string]int{}
	for _, s := range a {
		n[s]++
	}
	for _, s := range b {
		n[s]--
	}
	for _, c := range n {
		if c != 0 {
			return false
		}
	}
	return true
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{
		"sanctions": "sanction", "talks": "talk", "rallies": "rally", "witnesses": "witness",
		"boxes": "box", "churches": "church", "process": "process", "crisis": "crisis",
		"status": "status", "gas": "gas", "aid": "aid",
	} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}
