package ner

import (
	"fmt"
	"testing"
)

func TestGazetteerMatch(t *testing.T) {
	g := testGazetteer(t)
	forms := []string{"The", "United", "States", "and", "President", "Vladimir", "Putin", "’s", "Swedish", "UN"}
	got := g.match(forms, nil)
	want := map[int][nGazKinds]uint8{
		1: {0: posBegin},               // United (country)
		2: {0: posEnd},                 // States
		4: {6: posSingle},              // President (role)
		5: {5: posBegin, 7: posSingle}, // Vladimir (person, and a first name)
		6: {5: posEnd},                 // Putin: the longer match wins
		8: {1: posSingle},              // Swedish (demonym)
		9: {4: posSingle},              // UN (org)
	}
	for i := range forms {
		if got[i] != want[i] {
			t.Errorf("%s: got %v, want %v", forms[i], got[i], want[i])
		}
	}
}

func TestGazetteerPhraseKinds(t *testing.T) {
	g := testGazetteer(t)
	for _, c := range []struct {
		forms []string
		want  uint8
	}{
		{[]string{"AMERICA"}, gazCountry},
		{[]string{"Americans"}, gazDemonym},
		{[]string{"North", "America"}, gazRegion},
		{[]string{"Washington"}, gazMetonym},
		{[]string{"Kurds"}, gazDemonym}, // dyad's own group words
		{[]string{"Paris", "Hilton"}, 0},
		{nil, 0},
	} {
		if got := g.phraseKinds(c.forms); got != c.want {
			t.Errorf("%v: got %b, want %b", c.forms, got, c.want)
		}
	}
	var empty *Gazetteer
	if empty.Len() != 0 || empty.phraseKinds([]string{"France"}) != 0 || fmt.Sprint(empty.match([]string{"a"}, nil)) != "[[0 0 0 0 0 0 0 0]]" {
		t.Error("a nil gazetteer matches nothing")
	}
}
