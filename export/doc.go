// Package export writes the event store's merged events and mentions in
// the formats people load elsewhere: GDELT 2.0 event and mentions tables
// (tab-separated, no header), CSV, Parquet (zstd) and JSON Lines.
//
// Every writer streams: rows go out as they are written (Parquet in row
// groups of at most 65,536 rows), so exporting a million events does not
// hold them in memory. New picks a writer by the names in Formats; a format
// takes either merged events or mentions, never both. ReadGDELT and
// ReadGDELTMentions read GDELT tables back strictly, for tests and for
// checking files before loading them elsewhere.
//
// GDELT.md beside this file documents which GDELT column comes from which
// field and which are left empty.
package export
