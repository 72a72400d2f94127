// Package record holds dyad's output records, the JSON shapes of the public
// contract: the event record (one event a line, `dyad code`'s default
// format) and the document record (`--format doc`) with its entities,
// events, quotes, quantities and conflicts.
//
// Every span is a pair of byte offsets [start, end) into the document's
// text as it was read (UTF-8), so any field can be traced back to the
// characters it came from. Adding a field is compatible; changing the
// meaning of one needs a new Schema number.
package record
