package ner

import (
	"fmt"
	"testing"
)

func TestLabelsRoundTrip(t *testing.T) {
	for _, c := range []struct {
		n    int
		in   []Mention
		want string
	}{
		{5, []Mention{{0, 2, Person}, {3, 4, GPE}}, "[{0 2 PERSON} {3 4 GPE}]"},
		{3, []Mention{{0, 1, Org}, {1, 3, Org}}, "[{0 1 ORG} {1 3 ORG}]"}, // adjacent, same type
		{3, []Mention{{0, 2, Person}, {1, 3, GPE}}, "[{0 2 PERSON}]"},     // overlap: first kept
		{3, []Mention{{0, 4, Person}, {2, 2, GPE}, {1, 2, "TIME"}}, "[]"},
	} {
		got := mentions(labels(c.n, c.in))
		if fmt.Sprint(got) != c.want && !(len(got) == 0 && c.want == "[]") {
			t.Errorf("%v: got %v, want %s", c.in, got, c.want)
		}
	}
}

func TestMentionsFromStrayInside(t *testing.T) {
	// An I that does not continue its type starts a mention.
	got := mentions([]int{outside, insideClass(0), insideClass(0), insideClass(1), beginClass(2)})
	want := "[{1 3 PERSON} {3 4 ORG} {4 5 GPE}]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestAllowed(t *testing.T) {
	for _, c := range []struct {
		prev, c int
		want    bool
	}{
		{-1, insideClass(0), false},
		{-1, beginClass(0), true},
		{outside, insideClass(1), false},
		{beginClass(1), insideClass(1), true},
		{insideClass(1), insideClass(1), true},
		{beginClass(1), insideClass(2), false},
		{insideClass(3), outside, true},
	} {
		if got := allowed(c.prev, c.c); got != c.want {
			t.Errorf("allowed(%d, %d) = %v", c.prev, c.c, got)
		}
	}
}
