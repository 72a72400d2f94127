package input

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"dyad/doc"
)

// ReadHTML reads data, the contents of the HTML file name, as one article
// whose ID is the file name without directory and extension.
//
// The text is taken from the <article> element with the most text, else
// from <main>, else from <body>, leaving out scripts, styles, navigation,
// headers, footers, asides, forms and the like. Block elements (paragraphs,
// headings, list items, divisions, line breaks...) end a paragraph;
// paragraphs are separated by a blank line ("\n\n") and runs of white space
// inside them become one space. The title is the og:title metadata or the
// <title>; the source is og:site_name; the URL is the canonical link or
// og:url; the date comes from the usual metadata (article:published_time,
// <meta name="date">, itemprop="datePublished", JSON-LD "datePublished", a
// <time datetime> inside the article...).
//
// When the file is skipped (empty, binary, not UTF-8, no text, text over
// the size limit) the returned Article is the zero Article and the
// diagnostics say why.
func ReadHTML(name string, data []byte, opts Options) (doc.Article, []doc.Diagnostic) {
	rep := &reporter{on: opts.OnDiagnostic}
	a := readHTML(name, data, opts, rep)
	return a, rep.list
}

func readHTML(name string, data []byte, opts Options, rep *reporter) doc.Article {
	data = bytes.TrimPrefix(data, bom)
	if !checkBytes(name, data, rep) {
		return doc.Article{}
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		rep.add(name, 0, "%s", err)
		return doc.Article{}
	}
	var m htmlMeta
	m.scan(root)
	text := mainText(root, &m)
	if !checkText(name, 0, text, opts, rep) {
		return doc.Article{}
	}
	a := doc.Article{ID: baseID(name), Source: m.siteName, URL: m.canonical, Title: m.ogTitle,
		Text: text, Origin: name}
	if a.URL == "" {
		a.URL = m.ogURL
	}
	if a.Title == "" {
		a.Title = m.title
	}
	date, bad := m.date()
	if date == "" && bad != "" {
		rep.add(name, 0, "unrecognised date %q", bad)
	}
	if a.Date = date; a.Date == "" {
		a.Date = opts.Date
	}
	return a
}

// Date metadata, best first.
const (
	rankPublished = iota // article:published_time and the like
	rankMetaDate         // <meta name="date"> and the like
	rankItemprop         // itemprop="datePublished"
	rankJSONLD           // "datePublished" in JSON-LD
	rankTime             // <time datetime> inside the article
	nRanks
)

var metaDates = map[string]int{
	"article:published_time": rankPublished,
	"og:published_time":      rankPublished,
	"date":                   rankMetaDate,
	"pubdate":                rankMetaDate,
	"publishdate":            rankMetaDate,
	"publish-date":           rankMetaDate,
	"publish_date":           rankMetaDate,
	"dc.date":                rankMetaDate,
	"dc.date.issued":         rankMetaDate,
	"dcterms.date":           rankMetaDate,
	"dcterms.issued":         rankMetaDate,
	"datepublished":          rankItemprop,
}

// htmlMeta is what a page says about itself.
type htmlMeta struct {
	title, ogTitle, siteName, canonical, ogURL string
	dates                                      [nRanks][]string
}

// date returns the best date the page gives, or when none can be read, the
// best of those that cannot.
func (m *htmlMeta) date() (date, bad string) {
	for _, vs := range m.dates {
		for _, v := range vs {
			if d, ok := parseDate(v); ok {
				return d, ""
			}
			if bad == "" {
				bad = v
			}
		}
	}
	return "", bad
}

var jsonLDDate = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]*)"`)

func (m *htmlMeta) scan(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "title":
			if m.title == "" && n.Namespace == "" {
				m.title = collapse(textContent(n))
			}
		case "meta":
			key := strings.ToLower(firstAttr(n, "property", "name", "itemprop"))
			content := strings.TrimSpace(attr(n, "content"))
			switch key {
			case "og:title":
				m.ogTitle = collapse(content)
			case "og:site_name":
				m.siteName = collapse(content)
			case "og:url":
				m.ogURL = content
			}
			if rank, ok := metaDates[key]; ok && content != "" {
				m.dates[rank] = append(m.dates[rank], content)
			}
		case "link":
			if strings.EqualFold(attr(n, "rel"), "canonical") {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case "script":
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				for _, sm := range jsonLDDate.FindAllStringSubmatch(textContent(n), -1) {
					m.dates[rankJSONLD] = append(m.dates[rankJSONLD], sm[1])
				}
			}
		}
		if n.Data != "meta" && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			v := firstAttr(n, "content", "datetime")
			if v == "" {
				v = collapse(textContent(n))
			}
			if v != "" {
				m.dates[rankItemprop] = append(m.dates[rankItemprop], v)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.scan(c)
	}
}

// dropped elements hold no article text.
var dropped = map[string]bool{
	"script": true, "style": true, "nav": true, "header": true, "footer": true, "aside": true,
	"form": true, "noscript": true, "svg": true, "template": true, "head": true, "title": true,
	"iframe": true, "button": true, "select": true, "textarea": true,
}

// droppedLoose is used when dropping all of the above leaves no text: some
// pages wrap their whole body in a <form>.
var droppedLoose = map[string]bool{
	"script": true, "style": true, "noscript": true, "svg": true, "template": true,
	"head": true, "title": true, "iframe": true,
}

// blocks are the elements that end a paragraph.
var blocks = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "li": true, "br": true, "blockquote": true, "section": true, "tr": true,
	"article": true, "main": true, "body": true, "ul": true, "ol": true, "dl": true,
	"dt": true, "dd": true, "table": true, "pre": true, "hr": true, "figure": true,
	"figcaption": true, "address": true, "caption": true,
}

// mainText finds the page's main content and returns its text. A <time
// datetime> inside the content is noted in m.
func mainText(root *html.Node, m *htmlMeta) string {
	var articles []*html.Node
	var mainEl, body *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "article":
				articles = append(articles, n)
			case n.Data == "main" && mainEl == nil:
				mainEl = n
			case n.Data == "body" && body == nil:
				body = n
			case dropped[n.Data]:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	content, text := root, ""
	for _, a := range articles {
		if t := extract(a, dropped); len(t) > len(text) {
			content, text = a, t
		}
	}
	for _, n := range []*html.Node{mainEl, body, root} {
		if text == "" && n != nil {
			content, text = n, extract(n, dropped)
		}
	}
	if text == "" {
		content, text = root, extract(root, droppedLoose)
	}
	if content != root && content != body {
		if t := findTime(content); t != "" {
			m.dates[rankTime] = append(m.dates[rankTime], t)
		}
	}
	return text
}

// findTime returns the datetime of the first <time> under n.
func findTime(n *html.Node) string {
	if n.Type == html.ElementNode && n.Data == "time" {
		if v := strings.TrimSpace(attr(n, "datetime")); v != "" {
			return v
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if v := findTime(c); v != "" {
			return v
		}
	}
	return ""
}

// extract returns the text under n, leaving out the elements in drop.
func extract(n *html.Node, drop map[string]bool) string {
	var t textBuilder
	t.walk(n, drop)
	return t.b.String()
}

// textBuilder writes text as paragraphs separated by blank lines, each
// with its white space collapsed.
type textBuilder struct {
	b          strings.Builder
	space, brk bool // pending space, pending paragraph break
}

func (t *textBuilder) walk(n *html.Node, drop map[string]bool) {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data)
		return
	case html.ElementNode:
		if drop[n.Data] {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := blocks[n.Data] && n.Type == html.ElementNode
	if block {
		t.brk = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c, drop)
	}
	if block {
		t.brk = true
	}
}

func (t *textBuilder) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			t.space = true
			continue
		}
		if t.b.Len() > 0 {
			if t.brk {
				t.b.WriteString("\n\n")
			} else if t.space {
				t.b.WriteByte(' ')
			}
		}
		t.brk, t.space = false, false
		t.b.WriteRune(r)
	}
}

// collapse trims s and turns each run of white space in it into one space.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// textContent returns all the text under n.
func textContent(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textContent(c))
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// firstAttr returns the value of the first of keys that n has.
func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := attr(n, k); v != "" {
			return v
		}
	}
	return ""
}
