// Package actor finds the actors of an article — people, organisations,
// countries, places and groups — resolves each to a CAMEO actor code, and
// follows them through the article (coreference).
//
// It works on sentences that the language pipeline has tagged and parsed.
// A mention is a nominal phrase of the dependency tree: a name with its
// flat parts, titles (nmod:desc), compounds, adjectives and possessors
// ("Kremlin spokesman Dmitri S. Peskov", "the Ukrainian president",
// "Mr. Zelensky's office"), a country, demonym or capital, or a personal
// pronoun. Each mention is resolved with the actor dictionary (package
// dyad/actor/dict), date-aware: the article's date picks the office a
// person held, so "Mr. Putin" in 2025 is RUSGOV. What the dictionary does
// not know is resolved from the title and its nationality ("Ukrainian
// president" → UKRGOV) or left without a code rather than guessed.
//
// Mentions are then linked into entities: full names, surnames and
// honorifics of the same person; role descriptions to the holder named
// earlier; pronouns to the most salient compatible antecedent; "both
// leaders" to the last two persons in focus.
package actor
