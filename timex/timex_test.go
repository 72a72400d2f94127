package timex

import (
	"strings"
	"testing"
	"time"
)

// wed is the reference date of most cases: Wednesday, February 12, 2025.
var wed = time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)

// show writes an expression as "Text|Past|Future|Gran", with "~" after an
// approximate one.
func show(e Expr) string {
	s := e.Text + "|" + e.Past + "|" + e.Future + "|" + e.Gran
	if e.Approx {
		s += "~"
	}
	return s
}

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// Explicit dates.
		{"Feb. 12", []string{"Feb. 12|2025-02-12|2025-02-12|day"}},
		{"They met on Feb 12 in Riyadh.", []string{"Feb 12|2025-02-12|2025-02-12|day"}},
		{"February 12, 2025", []string{"February 12, 2025|2025-02-12|2025-02-12|day"}},
		{"February 12 2025", []string{"February 12 2025|2025-02-12|2025-02-12|day"}},
		{"12 February 2025", []string{"12 February 2025|2025-02-12|2025-02-12|day"}},
		{"on 12 Feb. 2024", []string{"12 Feb. 2024|2024-02-12|2024-02-12|day"}},
		{"2025-02-12", []string{"2025-02-12|2025-02-12|2025-02-12|day"}},
		{"Sept. 11, 2001", []string{"Sept. 11, 2001|2001-09-11|2001-09-11|day"}},
		{"March 3rd", []string{"March 3rd|2024-03-03|2025-03-03|day"}},
		{"on the 12th of February", []string{"the 12th of February|2025-02-12|2025-02-12|day"}},
		{"the 4th of July, 1776", []string{"the 4th of July, 1776|1776-07-04|1776-07-04|day"}},
		{"12th of February 2024", []string{"12th of February 2024|2024-02-12|2024-02-12|day"}},
		{"Feb. 14", []string{"Feb. 14|2024-02-14|2025-02-14|day"}},
		{"Feb. 10", []string{"Feb. 10|2025-02-10|2026-02-10|day"}},
		{"Dec 25", []string{"Dec 25|2024-12-25|2025-12-25|day"}},
		{"Feb. 29", []string{"Feb. 29|2024-02-29|2028-02-29|day"}},
		{"Feb. 12-14", []string{"Feb. 12|2025-02-12|2025-02-12|day"}},
		{"FEB. 12", []string{"FEB. 12|2025-02-12|2025-02-12|day"}},
		{"Feb. 30", nil},
		{"February 30, 2025", nil},
		{"2025-02-30", nil},
		{"2025-13-01", nil},
		{"2/12/2025", nil},

		// Weekdays.
		{"said on Wednesday", []string{"Wednesday|2025-02-12|2025-02-12|day"}},
		{"Monday", []string{"Monday|2025-02-10|2025-02-17|day"}},
		{"on Friday", []string{"Friday|2025-02-07|2025-02-14|day"}},
		{"on wednesday", []string{"wednesday|2025-02-12|2025-02-12|day"}},
		{"last Friday", []string{"last Friday|2025-02-07|2025-02-07|day"}},
		{"last Wednesday", []string{"last Wednesday|2025-02-05|2025-02-05|day"}},
		{"next Monday", []string{"next Monday|2025-02-17|2025-02-17|day"}},
		{"next Wednesday", []string{"next Wednesday|2025-02-19|2025-02-19|day"}},
		{"this past Sunday", []string{"this past Sunday|2025-02-09|2025-02-09|day"}},
		{"this coming Wednesday", []string{"this coming Wednesday|2025-02-19|2025-02-19|day"}},
		{"this Friday", []string{"this Friday|2025-02-07|2025-02-14|day"}},
		{"late on Thursday night", []string{"Thursday night|2025-02-06|2025-02-13|day"}},
		{"last Friday night", []string{"last Friday night|2025-02-07|2025-02-07|day"}},
		{"late Thursday", []string{"late Thursday|2025-02-06|2025-02-13|day"}},
		{"Wednesday, Feb. 12", []string{"Wednesday, Feb. 12|2025-02-12|2025-02-12|day"}},
		{"Tuesday 11 February 2025", []string{"Tuesday 11 February 2025|2025-02-11|2025-02-11|day"}},
		{"Wednesday's call", []string{"Wednesday|2025-02-12|2025-02-12|day"}},
		{"the anniversary of Bloody Sunday", nil},
		{"on Super Tuesday", nil},
		{"told the Sunday Times", nil},
		{"on \u201cSaturday Night Live\u201d", nil},
		{"Sunday Morning Futures", nil},
		{"Speaking to CBS This Morning on Monday", []string{"Monday|2025-02-10|2025-02-17|day"}},
		{"on Saturday night", []string{"Saturday night|2025-02-08|2025-02-15|day"}},

		// Days relative to the article date.
		{"today", []string{"today|2025-02-12|2025-02-12|day"}},
		{"Today", []string{"Today|2025-02-12|2025-02-12|day"}},
		{"tonight", []string{"tonight|2025-02-12|2025-02-12|day"}},
		{"yesterday", []string{"yesterday|2025-02-11|2025-02-11|day"}},
		{"tomorrow", []string{"tomorrow|2025-02-13|2025-02-13|day"}},
		{"yesterday morning", []string{"yesterday morning|2025-02-11|2025-02-11|day"}},
		{"tomorrow night", []string{"tomorrow night|2025-02-13|2025-02-13|day"}},
		{"last night", []string{"last night|2025-02-11|2025-02-11|day"}},
		{"this morning", []string{"this morning|2025-02-12|2025-02-12|day"}},
		{"earlier today", []string{"earlier today|2025-02-12|2025-02-12|day"}},
		{"the day before yesterday", []string{"the day before yesterday|2025-02-10|2025-02-10|day"}},
		{"the day after tomorrow", []string{"the day after tomorrow|2025-02-14|2025-02-14|day"}},
		{"told USA Today", nil},

		// Weeks, months and years relative to the article date.
		{"this week", []string{"this week|2025-02-10|2025-02-10|week"}},
		{"last week", []string{"last week|2025-02-03|2025-02-03|week"}},
		{"next week", []string{"next week|2025-02-17|2025-02-17|week"}},
		{"earlier this week", []string{"earlier this week|2025-02-10|2025-02-10|week"}},
		{"earlier in the week", []string{"earlier in the week|2025-02-10|2025-02-10|week"}},
		{"earlier this month", []string{"earlier this month|2025-02|2025-02|month"}},
		{"later this month", []string{"later this month|2025-02|2025-02|month"}},
		{"last month", []string{"last month|2025-01|2025-01|month"}},
		{"next month", []string{"next month|2025-03|2025-03|month"}},
		{"this month", []string{"this month|2025-02|2025-02|month"}},
		{"this year", []string{"this year|2025|2025|year"}},
		{"earlier this year", []string{"earlier this year|2025|2025|year"}},
		{"last year's election", []string{"last year|2024|2024|year"}},
		{"next year", []string{"next year|2026|2026|year"}},
		{"late last year", []string{"late last year|2024|2024|year"}},
		{"early next week", []string{"early next week|2025-02-17|2025-02-17|week"}},
		{"over the weekend", []string{"the weekend|2025-02-03|2025-02-10|week"}},
		{"last weekend", []string{"last weekend|2025-02-03|2025-02-03|week"}},
		{"next weekend", []string{"next weekend|2025-02-17|2025-02-17|week"}},
		{"over the last week", nil},
		{"in the next year", nil},
		{"a day earlier", nil},

		// Months.
		{"in November", []string{"November|2024-11|2025-11|month"}},
		{"in February", []string{"February|2025-02|2025-02|month"}},
		{"in March", []string{"March|2024-03|2025-03|month"}},
		{"in November 2024", []string{"November 2024|2024-11|2024-11|month"}},
		{"in Nov. 2024", []string{"Nov. 2024|2024-11|2024-11|month"}},
		{"March of 2023", []string{"March of 2023|2023-03|2023-03|month"}},
		{"last November", []string{"last November|2024-11|2024-11|month"}},
		{"last February", []string{"last February|2024-02|2024-02|month"}},
		{"next February", []string{"next February|2026-02|2026-02|month"}},
		{"next November", []string{"next November|2025-11|2025-11|month"}},
		{"this November", []string{"this November|2025-11|2025-11|month"}},
		{"early February", []string{"early February|2025-02|2025-02|month"}},
		{"in mid-February", []string{"mid-February|2025-02|2025-02|month"}},
		{"late November", []string{"late November|2024-11|2025-11|month"}},
		{"November's election", []string{"November|2024-11|2025-11|month"}},
		{"November elections", []string{"November|2024-11|2025-11|month"}},
		{"in April and May", []string{"April|2024-04|2025-04|month", "May|2024-05|2025-05|month"}},
		{"by May", []string{"May|2024-05|2025-05|month"}},
		{"since March", []string{"since March|2024-03|2025-03|month"}},
		{"May 5", []string{"May 5|2024-05-05|2025-05-05|day"}},
		{"Russia may join the talks", nil},
		{"Russia May Join Talks", nil},
		{"Theresa May said", nil},
		{"Protesters March in Paris", nil},
		{"thousands march", nil},
		{"April Ryan asked", nil},
		{"Jill June, Lori Smith", nil},
		{"The April survey", []string{"April|2024-04|2025-04|month"}},
		{"in Feb.", nil},
		{"Jan Smith", nil},
		{"in november", nil},

		// Years.
		{"in 2022", []string{"2022|2022|2022|year"}},
		{"the 2022 invasion", []string{"2022|2022|2022|year"}},
		{"a 2019 report", []string{"2019|2019|2019|year"}},
		{"since 2021", []string{"since 2021|2021|2021|year"}},
		{"pre-2014 borders", []string{"2014|2014|2014|year"}},
		{"in mid-2024", []string{"mid-2024|2024|2024|year"}},
		{"early 2023", []string{"early 2023|2023|2023|year"}},
		{"from 2014 to 2022", []string{"2014|2014|2014|year", "2022|2022|2022|year"}},
		{"between 2014-2022", []string{"2014|2014|2014|year", "2022|2022|2022|year"}},
		{"the year 2000", []string{"2000|2000|2000|year"}},
		{"in 1848", []string{"1848|1848|1848|year"}},
		{"2022 was a year of war", []string{"2022|2022|2022|year"}},
		{"the treaty (2019) says", []string{"2019|2019|2019|year"}},
		{"2000 troops", nil},
		{"sent 2000 troops", nil},
		{"$2022", nil},
		{"in 2,022 cases", nil},
		{"in 2022.5", nil},
		{"the 1990s", nil},
		{"in 2022%", nil},
		{"in 1500", nil},

		// Counts back from the article date.
		{"three days ago", []string{"three days ago|2025-02-09|2025-02-09|day"}},
		{"10 days ago", []string{"10 days ago|2025-02-02|2025-02-02|day"}},
		{"two weeks ago", []string{"two weeks ago|2025-01-27|2025-01-27|week"}},
		{"a week ago", []string{"a week ago|2025-02-03|2025-02-03|week"}},
		{"six months ago", []string{"six months ago|2024-08|2024-08|month"}},
		{"a year ago", []string{"a year ago|2024|2024|year"}},
		{"Three years ago", []string{"Three years ago|2022|2022|year"}},
		{"nearly three years ago", []string{"nearly three years ago|2022|2022|year~"}},
		{"about a year ago", []string{"about a year ago|2024|2024|year~"}},
		{"more than 20 years ago", []string{"more than 20 years ago|2005|2005|year~"}},
		{"a little more than a month ago", []string{"a little more than a month ago|2025-01|2025-01|month~"}},
		{"just two days ago", []string{"just two days ago|2025-02-10|2025-02-10|day"}},
		{"a few days ago", []string{"a few days ago|2025-02-09|2025-02-09|day~"}},
		{"a couple of weeks ago", []string{"a couple of weeks ago|2025-01-27|2025-01-27|week~"}},
		{"several years ago", []string{"several years ago|2022|2022|year~"}},
		{"twenty-five years ago", []string{"twenty-five years ago|2000|2000|year"}},
		{"twenty five years ago", []string{"twenty five years ago|2000|2000|year"}},
		{"1,000 years ago", []string{"1,000 years ago|1025|1025|year"}},
		{"two decades ago", []string{"two decades ago|2005|2005|year~"}},
		{"a year and a half ago", []string{"a year and a half ago|2023-08|2023-08|month~"}},
		{"two and a half years ago", []string{"two and a half years ago|2022-08|2022-08|month~"}},
		{"three days from now", []string{"three days from now|2025-02-15|2025-02-15|day"}},
		{"after 20 months of negotiations", nil},
		{"imprisoned for over three years", nil},
		{"3.5 years ago", nil},

		// Since.
		{"since Monday", []string{"since Monday|2025-02-10|2025-02-17|day"}},
		{"since last week", []string{"since last week|2025-02-03|2025-02-03|week"}},
		{"since Feb. 1", []string{"since Feb. 1|2025-02-01|2026-02-01|day"}},
		{"since early 2023", []string{"since early 2023|2023|2023|year"}},
		{"since then", nil},
		{"since the 2022 invasion", []string{"2022|2022|2022|year"}},

		// Several in one text.
		{"Trump said on Wednesday that he had met Putin in 2019 and would see him next month.",
			[]string{"Wednesday|2025-02-12|2025-02-12|day", "2019|2019|2019|year", "next month|2025-03|2025-03|month"}},
		{"Since Mr. Trump's re-election in November, Mr. Putin has praised him.",
			[]string{"November|2024-11|2025-11|month"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Find(tt.text, wed) {
			got = append(got, show(e))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestFindOtherDates(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text string
		ref  time.Time
		want string
	}{
		// A report dated Sunday: the weekend has begun.
		{"over the weekend", day(2025, 2, 16), "the weekend|2025-02-10|2025-02-10|week"},
		{"last weekend", day(2025, 2, 16), "last weekend|2025-02-03|2025-02-03|week"},
		// Sunday ends the ISO week.
		{"this week", day(2025, 2, 16), "this week|2025-02-10|2025-02-10|week"},
		{"next Sunday", day(2025, 2, 16), "next Sunday|2025-02-23|2025-02-23|day"},
		{"on Sunday", day(2025, 2, 16), "Sunday|2025-02-16|2025-02-16|day"},
		// Across a year boundary.
		{"last month", day(2025, 1, 5), "last month|2024-12|2024-12|month"},
		{"in December", day(2025, 1, 5), "December|2024-12|2025-12|month"},
		{"on Dec. 31", day(2025, 1, 5), "Dec. 31|2024-12-31|2025-12-31|day"},
		{"Monday", day(2025, 1, 1), "Monday|2024-12-30|2025-01-06|day"},
		{"last week", day(2025, 1, 1), "last week|2024-12-23|2024-12-23|week"},
		{"six months ago", day(2025, 3, 31), "six months ago|2024-09|2024-09|month"},
		// February 29 counted back from a leap day.
		{"a year ago", day(2024, 2, 29), "a year ago|2023|2023|year"},
		{"Feb. 29", day(2024, 2, 29), "Feb. 29|2024-02-29|2024-02-29|day"},
		// The examples' datelines.
		{"JERUSALEM, Nov 24 - A truce took hold", day(2023, 11, 24), "Nov 24|2023-11-24|2023-11-24|day"},
		{"since the Hamas attack on Oct. 7", day(2023, 11, 24), "Oct. 7|2023-10-07|2024-10-07|day"},
		// Only the date of the reference counts, in its own time zone.
		{"yesterday", time.Date(2025, 2, 12, 23, 30, 0, 0, time.FixedZone("EST", -5*3600)), "yesterday|2025-02-11|2025-02-11|day"},
		// Without a reference date only self-dated expressions resolve.
		{"on Wednesday", time.Time{}, "Wednesday|||day"},
		{"three years ago", time.Time{}, "three years ago|||year"},
		{"Feb. 12, 2025", time.Time{}, "Feb. 12, 2025|2025-02-12|2025-02-12|day"},
		{"in 2022", time.Time{}, "2022|2022|2022|year"},
		// Out of range years are left unresolved.
		{"2,000 years ago", day(1000, 1, 1), "2,000 years ago|||year"},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Find(tt.text, tt.ref) {
			got = append(got, show(e))
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("Find(%q, %s) = %q, want %q", tt.text, tt.ref.Format("2006-01-02"), got, tt.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	text := "Émigrés said on Wednesday—“nearly three years ago”—that…\nIn November 2024, talks began."
	got := Find(text, wed)
	want := []string{"Wednesday", "nearly three years ago", "November 2024"}
	if len(got) != len(want) {
		t.Fatalf("got %d expressions, want %d: %+v", len(got), len(want), got)
	}
	for k, e := range got {
		if e.Text != want[k] || text[e.Start:e.End] != e.Text || strings.Index(text, want[k]) != e.Start {
			t.Errorf("expression %d: %+v, want %q at %d", k, e, want[k], strings.Index(text, want[k]))
		}
	}
}
