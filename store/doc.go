// Package store keeps coded documents in an embedded SQLite database
// (modernc.org/sqlite, pure Go) and merges the reports of one event across
// articles.
//
// A document is stored whole or not at all: its text, sentences (with a
// full-text index), entities, event mentions, quotes, quantities and
// conflicts go in with one transaction, and so does the update of the
// merged events they touch. Event mentions that share an actor code, a
// recipient code (and the person named, where a side is a named person)
// and a CAMEO root, and whose dates lie within the merge window of each
// other (single linkage: a chain of reports a day apart is one event),
// form one merged event with GDELT's counters (NumMentions, NumSources,
// NumArticles, IsRootEvent). Merging is incremental: storing a document
// recomputes only the merged events around the dates its mentions touch,
// and the result is the same as a full Rebuild.
package store
