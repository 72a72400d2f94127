package actor_test

import (
	"strings"
	"sync"
	"testing"

	"dyad/actor"
	"dyad/actor/dict"
	"dyad/pipeline"
)

var (
	setupOnce sync.Once
	pipe      *pipeline.Pipeline
	res       *actor.Resolver
	setupErr  error
)

func setup(t testing.TB) (*pipeline.Pipeline, *actor.Resolver) {
	t.Helper()
	setupOnce.Do(func() {
		pipe, setupErr = pipeline.Default()
		if setupErr != nil {
			return
		}
		var d *dict.Dict
		d, setupErr = dict.Default()
		res = actor.New(d)
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return pipe, res
}

func resolve(t testing.TB, text, date string) *actor.Result {
	p, r := setup(t)
	d, err := dict.ParseDate(date)
	if err != nil {
		t.Fatal(err)
	}
	return r.Resolve(text, p.Annotate(text), d)
}

// mentionCode finds the mention with exactly this text and returns its
// resolved code and entity name.
func mentionCode(t *testing.T, r *actor.Result, text string) (code, name string) {
	t.Helper()
	for _, m := range r.Mentions {
		if m.Text == text {
			name, code, _, _ = m.Resolved()
			return code, name
		}
	}
	var all []string
	for _, m := range r.Mentions {
		all = append(all, m.Text)
	}
	t.Fatalf("no mention %q; mentions: %s", text, strings.Join(all, " | "))
	return "", ""
}

// TestNoBareTitle: when the parse splits "President Putin", the title is
// not a mention of its own.
func TestNoBareTitle(t *testing.T) {
	text := "President Trump spoke with President Putin by phone on Tuesday."
	for _, m := range resolve(t, text, "2025-03-18").Mentions {
		if m.Text == "President" {
			t.Errorf("%q: a mention of the bare title", text)
		}
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		text, date, mention, code, name string
	}{
		{"Kremlin spokesman Dmitri S. Peskov said the talks went well.", "2025-02-12", "Kremlin spokesman Dmitri S. Peskov", "RUSGOV", "Dmitry Peskov"},
		{"Mr. Putin met the envoy in Moscow.", "2025-02-12", "Mr. Putin", "RUSGOV", "Vladimir Putin"},
		{"The Ukrainian president thanked the nurses.", "2025-02-12", "Ukrainian president", "UKRGOV", ""},
		{"Russian troops shelled the town.", "2025-02-12", "Russian troops", "RUSMIL", ""},
		{"U.S. Secretary of Defense Pete Hegseth spoke on Wednesday.", "2025-02-12", "U.S. Secretary of Defense Pete Hegseth", "USAGOV", "Pete Hegseth"},
		{"The United Nations welcomed the initiative.", "2025-02-12", "United Nations", "IGOUNO", "United Nations"},
		{"The Kremlin rejected the plan.", "2025-02-12", "Kremlin", "RUSGOV", "Kremlin"},
		{"Moscow rejected the plan.", "2025-02-12", "Moscow", "RUSGOV", "Moscow"},
		{"He visited Moscow last week.", "2025-02-12", "Moscow", "RUS", "Moscow"},
		{"Mr. Trump spoke to reporters.", "2019-06-01", "Mr. Trump", "USAGOV", "Donald Trump"},
		{"Mr. Trump spoke to reporters.", "2022-06-01", "Mr. Trump", "USAELI", "Donald Trump"},
		// A title and a name the parse hangs on the verb separately.
		{"President Trump spoke with President Putin by phone on Tuesday.", "2025-03-18", "President Putin", "RUSGOV", "Vladimir Putin"},
		{"Trump called President Putin on Tuesday.", "2025-03-18", "President Putin", "RUSGOV", "Vladimir Putin"},
		// A capital as the agent of a noun acts, as a subject does.
		{"Poland's parliament has demanded an immediate admission by Moscow that Soviet forces murdered Polish officers.", "1995-03-18", "Moscow", "RUSGOV", ""},
		// A known surname tagged as a plural noun at the start of a sentence.
		{"Sanders criticized Clinton on Tuesday.", "2016-03-18", "Sanders", "USALEG", "Bernie Sanders"},
	}
	for _, tc := range tests {
		r := resolve(t, tc.text, tc.date)
		code, name := mentionCode(t, r, tc.mention)
		if code != tc.code || tc.name != "" && name != tc.name {
			t.Errorf("%q in %q (%s): got %s %q, want %s %q", tc.mention, tc.text, tc.date, code, name, tc.code, tc.name)
		}
	}
}

func TestCoreference(t *testing.T) {
	text := "Kremlin spokesman Dmitri S. Peskov spoke on Monday. Mr. Peskov said he would travel. " +
		"President Volodymyr Zelensky of Ukraine arrived later. The Ukrainian president thanked Mr. Peskov."
	r := resolve(t, text, "2025-02-12")
	byName := map[string][]string{}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			byName[e.Name] = append(byName[e.Name], m.Text)
		}
	}
	if got := strings.Join(byName["Dmitry Peskov"], "|"); got != "Kremlin spokesman Dmitri S. Peskov|Mr. Peskov|he|Mr. Peskov" {
		t.Errorf("Peskov's mentions: %q", got)
	}
	if got := strings.Join(byName["Volodymyr Zelensky"], "|"); got != "President Volodymyr Zelensky of Ukraine|Ukrainian president" {
		t.Errorf("Zelensky's mentions: %q", got)
	}
}

func TestPronounBinding(t *testing.T) {
	// "him" cannot be the subject of its own clause: it is Mr. Trump.
	text := "Since Mr. Trump's re-election, Mr. Putin has expressed admiration for him."
	r := resolve(t, text, "2025-02-12")
	for _, m := range r.Mentions {
		if m.Text == "him" {
			if m.Entity == nil || m.Entity.Name != "Donald Trump" {
				t.Fatalf("him → %+v, want Donald Trump", m.Entity)
			}
			return
		}
	}
	t.Fatal("no mention of him")
}

func TestGroup(t *testing.T) {
	text := "Mr. Trump called Mr. Putin. Both leaders agreed to meet."
	r := resolve(t, text, "2025-02-12")
	for _, m := range r.Mentions {
		if strings.EqualFold(m.Text, "Both leaders") || m.Text == "leaders" {
			if len(m.Members) != 2 || m.Members[0] == nil || m.Members[1] == nil {
				t.Fatalf("%q members: %v", m.Text, m.Members)
			}
			return
		}
	}
	t.Fatal("no group mention")
}

func BenchmarkResolve(b *testing.B) {
	p, r := setup(b)
	text := "Kremlin spokesman Dmitri S. Peskov reported that the call lasted nearly an hour and a half, and he noted that both leaders agreed to meet in person, with Mr. Putin inviting Mr. Trump to Moscow. Mr. Peskov stated that Mr. Putin concurred with Mr. Trump."
	sents := p.Annotate(text)
	d := dict.Date{Y: 2025, M: 2, D: 12}
	b.ResetTimer()
	for range b.N {
		r.Resolve(text, sents, d)
	}
}
