package input

import (
	"strings"
	"testing"

	"dyad/doc"
)

func TestReadHTML(t *testing.T) {
	tests := []struct {
		name, in string
		opts     Options
		want     doc.Article // Origin and ID are filled in from name
		diags    []string
	}{
		{
			name: "page.html",
			in: `<!DOCTYPE html><html><head>
<title>Talks begin - The Paper</title>
<meta property="og:title" content="Talks  begin">
<meta property="og:site_name" content="The Paper">
<meta property="article:published_time" content="2025-02-12T10:00:00Z">
<link rel="canonical" href="https://paper.test/talks">
<style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><h1>The Paper</h1></header>
<article>
  <h1>Talks   begin</h1>
  <p>President Trump said on <b>Wednesday</b> that he
     had spoken with&nbsp;Mr. Putin.</p>
  <script>track()</script>
  <p>Kremlin spokesman<br>Dmitri S. Peskov agreed.</p>
  <aside>Read more</aside>
  <ul><li>One</li><li>Two &amp; three</li></ul>
</article>
<footer>© The Paper</footer>
</body></html>`,
			want: doc.Article{Title: "Talks begin", Source: "The Paper", URL: "https://paper.test/talks",
				Date: "2025-02-12",
				Text: "Talks begin\n\nPresident Trump said on Wednesday that he had spoken with Mr. Putin.\n\n" +
					"Kremlin spokesman\n\nDmitri S. Peskov agreed.\n\nOne\n\nTwo & three"},
		},
		{
			name: "plain.htm",
			in:   "<title> A\n title </title><p>One.<p>Two.<div>Three <span>four</span></div>",
			opts: Options{Date: "2024-01-01"},
			want: doc.Article{Title: "A title", Date: "2024-01-01", Text: "One.\n\nTwo.\n\nThree four"},
		},
		{
			name: "main.html",
			in:   `<body><div>Menu</div><main><p>Body text.</p><time datetime="2025-03-01">March 1</time></main></body>`,
			want: doc.Article{Date: "2025-03-01", Text: "Body text.\n\nMarch 1"},
		},
		{
			name: "longest.html",
			in:   `<body><article><p>Teaser.</p></article><article><p>The whole story is here.</p></article></body>`,
			want: doc.Article{Text: "The whole story is here."},
		},
		{
			name: "metadate.html",
			in:   `<head><meta name="DC.date.issued" content="12 Feb 2025"></head><body><p>Text.</p></body>`,
			want: doc.Article{Date: "2025-02-12", Text: "Text."},
		},
		{
			name: "itemprop.html",
			in:   `<body><article><span itemprop="datePublished" content="2025-02-10">Feb 10</span><p>Text.</p><time datetime="2025-02-01"></time></article></body>`,
			want: doc.Article{Date: "2025-02-10", Text: "Feb 10\n\nText."},
		},
		{
			name: "jsonld.html",
			in: `<head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-02-11T08:00:00+01:00"}</script></head>` +
				`<body><p>Text.</p></body>`,
			want: doc.Article{Date: "2025-02-11", Text: "Text."},
		},
		{
			name: "form.html",
			in:   `<body><form id="aspnetForm"><p>All the text is in a form.</p><script>x()</script></form></body>`,
			want: doc.Article{Text: "All the text is in a form."},
		},
		{
			name:  "baddate.html",
			in:    `<meta name="date" content="someday"><p>Text.</p>`,
			opts:  Options{Date: "2024-01-01"},
			want:  doc.Article{Date: "2024-01-01", Text: "Text."},
			diags: []string{`0: unrecognised date "someday"`},
		},
		{name: "notext.html", in: `<html><head><title>T</title></head><body><script>x()</script></body></html>`,
			diags: []string{"0: no text"}},
		{name: "empty.html", in: ``, diags: []string{"0: empty file"}},
		{name: "latin1.html", in: "<p>\n\ncaf\xe9</p>", diags: []string{"3: not valid UTF-8"}},
		{name: "nul.html", in: "<p>a\x00</p>", diags: []string{"1: binary"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := ReadHTML(tt.name, []byte(tt.in), tt.opts)
			want := tt.want
			if want.Text != "" {
				want.ID = baseID(tt.name)
				want.Origin = tt.name
			}
			if got != want {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
			checkDiags(t, diags, tt.name, tt.diags)
		})
	}
}

func TestReadHTMLSizeLimit(t *testing.T) {
	in := "<p>" + strings.Repeat("word ", 10) + "</p><script>" + strings.Repeat("x", 100) + "</script>"
	if a, diags := ReadHTML("ok.html", []byte(in), Options{MaxBytes: 60}); a.Text == "" {
		t.Errorf("markup counted against the limit: %v", diags)
	}
	if a, diags := ReadHTML("big.html", []byte(in), Options{MaxBytes: 40}); a.Text != "" || len(diags) != 1 {
		t.Errorf("got %q, %v; want the text over the limit skipped", a.Text, diags)
	}
}
