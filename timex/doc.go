// Package timex finds time expressions in English news text and resolves
// them against the article's date.
//
// Find returns each expression with its byte span and two readings, since
// "on Wednesday" or "in November" name a different day or month depending
// on whether the sentence speaks of the past or of the future: Past is the
// reading for a report of what happened, Future the reading for a plan,
// forecast or threat. Expressions that carry their own date ("Feb. 12,
// 2025", "yesterday", "last week", "three years ago") have the same value in
// both.
//
// Values are ISO 8601 calendar dates cut to the expression's granularity:
// YYYY-MM-DD for a day, YYYY-MM for a month, YYYY for a year. A week
// ("this week", "last week", "two weeks ago", "over the weekend") is given
// as the date of its Monday, with Gran "week".
//
// The conventions, chosen for news reports:
//
//   - A bare weekday ("on Wednesday") is the most recent such day on or
//     before the article date for Past (a report dated Wednesday saying "on
//     Wednesday" means that day) and the first on or after it for Future.
//     "last Friday" is the most recent Friday before the article date,
//     "next Monday" the first Monday after it; both readings agree.
//   - A month without a year ("in November") is the most recent such month
//     not after the article's month for Past and the first not before it
//     for Future; "last November" and "next November" are strictly before
//     and after. A month and day without a year ("Feb. 12") works the same
//     way at the level of days.
//   - "last week" is the calendar week (Monday to Sunday) before the
//     article's week, "last month" and "last year" likewise; "earlier this
//     month" is the article's month. "last night" is the day before the
//     article date. "the weekend" is, for Past, the latest weekend that has
//     begun and, for Future, the weekend of the article's week.
//   - "N days/weeks/months/years/decades ago" counts back from the article
//     date and "N days from now" forward; number words are read ("three",
//     "twenty-five"), and a hedge ("nearly", "about", "more than"), a vague
//     count ("a few" = 3, "a couple" = 2, "several" = 3), decades and "and a
//     half" (read at the next finer unit: "a year and a half ago" is a
//     month) set Approx. "in three years" is not read: in news it is more
//     often a span ("the first time in three years") than a date.
//   - "since X" is resolved to the start, X, and its span includes "since".
//   - A year alone is taken as a date when its context says so ("in 2022",
//     "the 2022 invasion", "pre-2014"), not when it looks like a count
//     ("2000 troops").
//
// Spans leave out a leading "on", "in" or "at": for "on Wednesday" the span
// is "Wednesday". Words that change the meaning ("last", "next", "since",
// "ago", hedges, "early"/"mid"/"late", "this morning") are inside.
//
// Titles are not dates: "Saturday Night Live", "CBS This Morning", "USA
// Today", "the Sunday Times", "Bloody Sunday". Month names are matched only
// when capitalised, and "May" and "March", which are also a modal and a
// verb, only with a day, a year or a preceding preposition ("in May").
// Weekday abbreviations ("Sun", "Sat") are not matched. Durations ("for
// three years"), times of day and numeric dates other than YYYY-MM-DD
// ("2/12/2025", which is ambiguous) are not time expressions for this
// package.
package timex
