// Package input reads news articles from plain text, JSON lines, JSON and
// HTML files, from directories of such files, and from standard input, and
// turns each into a doc.Article.
//
// Input that cannot be used (not UTF-8, binary, empty, a line that is not
// JSON, text over the size limit) is reported as a doc.Diagnostic that names
// the file and, where there is one, the line, and is skipped; the rest of the
// input is still read. An article's Text is kept exactly as given (a plain
// text file loses only its header block and a leading byte order mark), since
// every later span is a byte offset into it.
package input
