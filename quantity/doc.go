// Package quantity finds quantities in a tagged and parsed English sentence
// and normalises them into record.Quantity values: how many, of what, how
// sure the text is, and which event the count belongs to.
//
// Find walks the words of one sentence from left to right and reads number
// phrases from the surface (digits, number words, scale words, vague counts,
// currency signs, percent signs, ranges and hedges); the dependency parse is
// used only to find the verb that governs a count, because tagger and parser
// errors around numbers are common and the surface is more reliable.
//
// # Values and ranges
//
// Value is the central value the text gives; Low and High are the range it
// implies. The rules are simple and fixed:
//
//   - an exact number N: Value = Low = High = N;
//   - a range "between A and B", "from A to B", "A to B", "A-B", "A or B":
//     Low = A, High = B, Value = (A+B)/2; a scale word on B alone also
//     scales A ("10 to 20 million");
//   - plural scale words count at least one and fewer than the next scale:
//     "dozens" 12..144 (Value 24), "hundreds" 100..1000 (200), "thousands"
//     1e3..1e6 (2e3), "millions" 1e6..1e9 (2e6), "billions" 1e9..1e12 (2e9),
//     "tens of" 10..100 (20) times what follows; "hundreds of thousands" is
//     1e5..1e6 (2e5);
//   - "several" is 2..9 (Value 3) and "a few" 2..5 (Value 3), times any scale
//     that follows: "several hundred thousand" is 2e5..9e5 (Value 3e5);
//   - lower bounds ("at least", "more than", "over", "upwards of", "no fewer
//     than", "N or more", "N-plus"): Low = the low end, High = 0;
//   - upper bounds ("up to", "as many as", "fewer than", "less than",
//     "under", "below", "at most", "no more than"): Low = 0, High = the high
//     end;
//   - "nearly", "almost", "close to", "just under": Low = 90% of the low end,
//     High = the high end;
//   - "about", "around", "approximately", "roughly", "some", "an estimated",
//     "or so": Low = 90% of the low end, High = 110% of the high end.
//
// JSON cannot encode infinity, so a quantity with no upper bound has High = 0
// while Low > 0: High < Low means "no upper bound" (see Unbounded). Every
// other quantity has Low <= Value <= High.
//
// # Units, kinds and hedges
//
// Unit is the lemma of the counted noun: the noun after the number ("156
// people" → people), the noun after "of" ("dozens of protesters" →
// protester), the time noun of a duration ("one-hour conversation" → hour),
// "percent" for "%", "percent" and "per cent", and the currency for money
// ("$", "US$", "dollars" → dollar; "€" → euro; "£" → pound; "¥" → yen). It is
// empty when the text leaves the noun out ("thousands fled").
//
// Kind says which event a count belongs to: killed, wounded, arrested,
// displaced or protesters, taken from the counted noun ("deaths",
// "protesters"), a modifier ("wounded soldiers"), the verb that governs it in
// the parse, or the verb next to it in the text ("killing at least 156
// people", "20 were arrested"). Durations, money and percentages have no
// Kind.
//
// Hedge is the bound or approximation word when there is one ("at least",
// "nearly", "about", "between", ...); otherwise the report cue closest to the
// quantity in the sentence: "as suggested" (or claimed, reported, ...) just
// after it, or "estimated", "reportedly", "allegedly", "suggested" before it.
//
// # What is not a quantity
//
// Years ("in 2022"), dates ("Feb 12", "12 February"), times of day
// ("10:30", "3 p.m."), ordinals ("second term", "21st"), ages ("aged 25",
// "a 25-year-old", "25 years old"), numbers inside names ("Resolution 2231",
// "Flight 17") and the pronoun "one" ("one of them") are skipped.
package quantity
