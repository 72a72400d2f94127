// Package dict reads dyad's actor dictionaries (the line format of
// actor/data/FORMAT.md) into typed records and answers the look-ups the
// actor resolver needs: which countries, regions, organisations and persons
// a phrase can name on a given date (LookupName), and which CAMEO sector a
// role word denotes (LookupRole).
//
// Parse reads one file and never stops at a bad line: each malformed line
// becomes a Diagnostic (file, line, message) and is skipped. Load reads
// every file of an fs.FS that matches a pattern, and Default loads, once,
// the files embedded in package dyad/actor/data.
//
// A Dict is safe for concurrent look-ups once built; Merge must not run
// concurrently with anything else on the same Dict.
package dict
