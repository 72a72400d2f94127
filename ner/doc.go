// Package ner is dyad's statistical named-entity recogniser: a greedy
// left-to-right averaged perceptron that labels a tagged sentence's words
// with BIO labels and returns the named mentions it finds — people (PERSON),
// organisations (ORG), geo-political entities (GPE: countries, cities,
// states), other locations (LOC: continents, regions, seas, rivers,
// mountains, buildings), nationalities and religious or political groups
// (NORP) and named events (EVENT).
//
// # Model
//
// Features are the word, its lowercased form, prefixes and suffixes, shape
// and capitalisation; the two words on either side; the UPOS and XPOS tags
// of the word and its neighbours (from dyad's tagger: a model is trained on
// predicted, not gold, tags); the two previous labels; and gazetteer
// features: which dictionary phrases (countries, demonyms, capitals,
// regions, organisations, people and role words of package dyad/actor/dict,
// and dyad's own short lists of group words and common personal names)
// cover the word, and where in the phrase it stands. The gazetteer is a
// snapshot taken at training time and stored in the model, so a model
// behaves the same whatever the dictionary becomes later.
//
// Training shows the model the gold previous labels (on this small corpus
// that is three to four points of F1 better than showing it its own
// predictions); decoding is greedy and never puts an I after an O or after
// a label of another type. A beam over whole label sequences scored by this
// locally trained model does worse: it is not trained for it.
//
// # Training data
//
// Models are trained on the entity annotation of the GUM corpus (the
// Entity attribute of the CoNLL-U MISC column; see GoldMentions). GUM
// marks every mention, named or not ("the president", "it", "Paris"),
// nested, with an entity type. ner keeps the named ones and reduces each to
// its name:
//
//   - A mention is named when its syntactic head (the first word of the
//     mention whose head lies outside it) is a proper noun (UPOS PROPN).
//     The Wikification field is not used: GUM copies it to every mention
//     of an entity, pronouns included.
//   - The name is the stretch of name-like words around the head — proper
//     nouns, numbers and capitalised words, joined across "of", "the",
//     "and", "for", "on", "de", "&", "-" and the like when a name-like word
//     follows (but not across "and" to a conjunct of the head: "Mexico and
//     Canada" are two names) — inside the mention. Determiners, possessive endings,
//     appositions and relative clauses fall outside it: GUM's "the
//     University of Portsmouth, United Kingdom" gives "University of
//     Portsmouth". Titles written with capitals stay in the name
//     ("President Obama"), as in re3d.
//   - Nested names keep the outermost: "Leiden University Library" is one
//     ORG, not also "Leiden University" and "Leiden". A name inside a
//     mention that is not named ("the president of France") is kept.
//   - Types: person → PERSON, organization → ORG, event → EVENT, place → LOC
//     when the name is a continent, a region or a natural or built feature
//     (it has a word such as "River", "Sea", "Mount", "Street" or
//     "Airport", or is a region of the dictionary), GPE otherwise. An
//     organization whose name is a country's ("Sweden voted") is GPE, as
//     GPE covers a country as a polity too. A person whose name is only a
//     role word ("as President") is dropped. A name that is only a demonym
//     ("Americans", "the Dutch") of a person, organization or people-like
//     mention is NORP; other GUM types (abstract, object, time, ...) are
//     dropped, and so are names of languages. Dropped names still hide the
//     names inside them (a film title's place name is no GPE).
//   - A capitalised demonym outside every kept name ("American" in
//     "American troops") is NORP: GUM does not mark such adjectives, so this
//     is derived from the dictionary's demonyms and a short list of
//     religious and ethnic group words.
package ner
