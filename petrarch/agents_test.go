package petrarch

import (
	"fmt"
	"strings"
	"testing"
)

func agentString(a Agent) string {
	code := "~" + a.Code
	if a.Prefix {
		code = a.Code + "~"
	}
	return strings.Join(a.Forms(), "|") + " " + code
}

func TestReadAgents(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		want  []string
		diags []string
	}{
		{"suffix code", "AMBASSADOR [~GOV] # LRP 02 Jun 2004\n", []string{"AMBASSADOR|AMBASSADORS ~GOV"}, nil},
		{"prefix code", "HUMAN_RIGHTS_BODY  [NGO~] # BNL\nRIGHTS_GROUP  [  NGO~]\n", []string{"HUMAN_RIGHTS_BODY|HUMAN_RIGHTS_BODIES NGO~", "RIGHTS_GROUP|RIGHTS_GROUPS NGO~"}, nil},
		{"irregular plural", "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nTHIEF {THIEVES}[~CRM]\n", []string{"ATTORNEY_GENERAL|ATTORNEYS_GENERAL ~GOV", "THIEF|THIEVES ~CRM"}, nil},
		{"no plural", "POLICE {} [ ~COP]\n", []string{"POLICE ~COP"}, nil},
		{"regular plurals", "ATTORNEY [~JUD]\nPOLICY [~GOV]\nWITNESS [~CVL]\nCHURCH [~REL]\n",
			[]string{"ATTORNEY|ATTORNEYS ~JUD", "POLICY|POLICIES ~GOV", "WITNESS|WITNESSES ~CVL", "CHURCH|CHURCHES ~REL"}, nil},
		{"markers", "!PERSON! = MAN, WOMEN , PERSON\nCONGRESS!PERSON! [~LEG]\n!PERSON!_OF_GOD [~REL]\n",
			[]string{"CONGRESSMAN ~LEG", "CONGRESSWOMEN ~LEG", "CONGRESSPERSON ~LEG", "MAN_OF_GOD ~REL", "WOMEN_OF_GOD ~REL", "PERSON_OF_GOD ~REL"}, nil},
		{"undefined marker", "!MINST!_OF_SILLY_WALKS [~GOV]\n", nil, []string{"t.txt:1: substitution marker !MINST! is not defined"}},
		{"bad marker definition", "!A = B\n", nil, []string{"t.txt:1: bad substitution marker definition"}},
		{"no code", "ISLAMIC_EXTREMIST\n", nil, []string{"t.txt:1: agent has no [code]"}},
		{"unclosed code", "DEPARMENT_OF_ENVIRONMENT [~ENV}\n", nil, []string{`t.txt:1: "[" without "]"`}},
		{"code without tilde", "A [GOV]\nB [~GOV~]\nC [~]\n", nil, []string{"t.txt:1: agent code [GOV]", "t.txt:2: agent code [~GOV~]", "t.txt:3: empty agent code"}},
		{"unclosed plural", "A {AS [~GOV]\n", nil, []string{`t.txt:1: "{" without "}"`}},
		{"two codes", "A [~GOV] [~MIL]\n", nil, []string{"t.txt:1: agent has 2 codes"}},
		{"comments", "<!-- PETRARCH -->\n# JOURNALISTS'_UNION  [~LABMED]\nMEDIA {} [~MED] # tb\n", []string{"MEDIA ~MED"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, diags := ReadAgents("t.txt", strings.NewReader(tt.src))
			var got []string
			for _, e := range a.Entries {
				got = append(got, agentString(e))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("entries:\n got %q\nwant %q", got, tt.want)
			}
			ds := diagStrings(diags)
			if len(ds) != len(tt.diags) {
				t.Fatalf("diagnostics %q, want %d matching %q", ds, len(tt.diags), tt.diags)
			}
			for i := range ds {
				if !strings.Contains(ds[i], tt.diags[i]) {
					t.Errorf("diagnostic %q does not contain %q", ds[i], tt.diags[i])
				}
			}
		})
	}
}

func TestReadDiscards(t *testing.T) {
	src := "# Story-level discards are indicated with a '+'.\nMONTHS LATER\n+World Golf Championships   # pas\nAFRICAN NATIONS CUP   # ab 13 Jun 2005 ;AB 13 JUN 2005\nBASEBALL_\n+\n"
	d, diags := ReadDiscards("d.txt", strings.NewReader(src))
	var got []string
	for _, e := range d.Entries {
		got = append(got, fmt.Sprintf("%s/%v/%d", strings.Join(e.Words(), " "), e.Story, e.Line))
	}
	want := []string{"MONTHS LATER/false/2", "World Golf Championships/true/3", "AFRICAN NATIONS CUP/false/4", "BASEBALL/false/5"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if ds := diagStrings(diags); len(ds) != 1 || ds[0] != "d.txt:6: empty discard phrase" {
		t.Errorf("diagnostics %q", ds)
	}
}
