// Package petrarch reads the dictionaries of the PETRARCH and TABARI event
// coders so that dyad can run with third-party vocabularies: actor
// dictionaries (ReadActors), agent dictionaries (ReadAgents), discard lists
// (ReadDiscards) and verb-pattern dictionaries (ReadVerbs), in the line
// formats defined by PETRARCH's reader (PETRreader.py) and used by the
// Phoenix dictionaries.
//
// Every reader keeps going past a bad line: the line becomes a Diagnostic
// (file, line, message) and is skipped; the other lines are kept. The
// readers accept both generations of the format: the PETRARCH 1 verb
// patterns (word sequences with "_" and " " connectors) and the PETRARCH 2
// patterns of CAMEO.2.0.txt ("(PREP NOUN)" prepositional phrases and
// "{MODIFIER HEAD}" noun phrases).
//
// The data types keep what the files say, as written (upper-case phrases,
// codes inside their brackets), and the conversions turn them into dyad's
// own structures:
//
//   - (*Actors).ToDict and (*Agents).ToDict build a *dict.Dict (package
//     dyad/actor/dict) that can be merged into, or used instead of, the
//     built-in actor dictionary;
//   - (*Verbs).ToLexicon approximates each verb pattern by dependency
//     constraints as event-lexicon entries (package dyad/event/lexicon),
//     and counts every pattern it could express exactly, only
//     approximately, or not at all (LexiconSummary).
//
// Common syntax of all four files: blank lines are ignored; "<!-- ... -->"
// is a comment, within a line or over several lines; a line that starts
// with "<!" is skipped whole; "#" and the legacy TABARI ";" start a comment
// that runs to the end of the line, except inside "[...]" (so the codes
// "[###]" and "[ELI]# note" read as intended). An optional UTF-8 BOM and
// CRLF line ends are accepted.
package petrarch
