// Package quote finds the quotations of an article and who said them, for
// the quotes of a document record (record.Quote).
//
// Direct quotations are found in the text itself, not in the parse: a pair
// of double quote marks — straight ("…"), curly (“…”) or guillemets («…») —
// delimits one quotation, whatever the sentence boundaries inside it. The
// quoted content, without the marks, surrounding spaces and a trailing comma
// (which belongs to the reporting frame: “We will win,” he said), is the
// quote's Text and Span. A multi-paragraph quotation written the newspaper
// way (no closing mark at the end of a paragraph, a fresh opening mark at the
// start of the next) gives one quote per paragraph; the later paragraphs take
// the speaker of the earlier one when they have no cue of their own. Single
// quote marks are not read as quotations (they double as apostrophes).
//
// A quotation split by its cue (“We will win,” he said, “and soon.”) is two
// quotes, each with its own contiguous span, the same cue and the same
// speaker: a span never covers the words of the frame.
//
// The cue of a direct quotation is the nearest reporting verb (say, state,
// tell, add, describe, concur, … see Cues) that governs the quoted words in
// the dependency tree; when the parse links the quotation to no reporting
// verb, it is the nearest one outside the quotation in the sentences it
// touches, or "according to X" there. The speaker is the subject of the cue
// (or X of "according to X"), resolved through the actor mentions to an
// entity with its canonical name and CAMEO code; a subject that is no actor
// is given by its words alone, and a quotation with no cue has no speaker.
//
// Indirect speech is the clausal complement of a reporting verb
// ("X said that …", "X reported the call lasted an hour"): the clause, less
// its "that" and final punctuation, is a quote with Direct false. A clause
// that contains another quotation (direct or indirect) is not reported
// itself: the inner quotation carries the outer speaker in ReportedBy.
//
// ReportedBy is set when the cue is itself the complement of another
// reporting verb: in "Peskov stated that Putin concurred that “…”" the
// quotation is Putin's, reported by Peskov.
package quote
