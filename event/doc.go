// Package event codes events: it reads who did what to whom from the
// dependency trees of an article's sentences, using the event lexicon
// (package dyad/event/lexicon) for the "what" and the actors found by
// package dyad/actor for the "who".
//
// For each word that heads a lexicon entry (a verb such as "attack", a
// noun such as "talks" or "invasion"), the entry with the most constraints
// that hold on the tree is chosen. The actor is the subject — the agent of a
// passive, the controller of an infinitive ("agreed to meet"), the subject
// of the clause a participle hangs from, the noun a relative clause
// modifies, the subject of a light verb ("had a call with"), a possessor
// ("Russia's invasion") or a "by" phrase. The recipient is the slot the
// entry names: the object, or the complement of a preposition. Coordinated
// actors each get their event, and reciprocal entries ("meet", "agree")
// give both directions.
//
// Each event is then placed in its context: attribution ("X said that",
// "according to X") fills reported_by; negation marks the event negated;
// auxiliaries and governing verbs give its modality (intended,
// hypothetical); a time expression attached to the clause gives its date,
// and a place phrase its location.
package event
