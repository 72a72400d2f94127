package input

import (
	"strconv"
	"strings"
	"testing"

	"dyad/doc"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name, in string
		opts     Options
		want     doc.Article // Origin and ID are filled in from name
		diags    []string    // diagnostics as "line: message prefix"
	}{
		{
			name: "x/plain.txt",
			in:   "Putin spoke.\n\nTrump called.\n",
			want: doc.Article{Text: "Putin spoke.\n\nTrump called.\n"},
		},
		{
			name: "headers.txt",
			in:   "Date: 2025-02-12\nSOURCE: The Times\nurl: https://x.test/a\nTitle:  Talks  \n\n  Putin spoke.\n",
			want: doc.Article{Date: "2025-02-12", Source: "The Times", URL: "https://x.test/a",
				Title: "Talks", Text: "  Putin spoke.\n"},
		},
		{
			name: "crlf.txt",
			in:   "Title: Talks\r\n\r\nText\r\n",
			want: doc.Article{Title: "Talks", Text: "Text\r\n"},
		},
		{
			name: "partial.txt",
			in:   "Date: 2025-02-12\nPutin spoke: yes.\n\nMore.",
			want: doc.Article{Text: "Date: 2025-02-12\nPutin spoke: yes.\n\nMore."},
		},
		{
			name: "unknownkey.txt",
			in:   "Date: 2025-02-12\nAuthor: Smith\n\nText",
			want: doc.Article{Text: "Date: 2025-02-12\nAuthor: Smith\n\nText"},
		},
		{
			name: "noblank.txt",
			in:   "Title: only a header",
			want: doc.Article{Text: "Title: only a header"},
		},
		{
			name: "leadingblank.txt",
			in:   "\nDate: 2025-02-12\n\nText",
			want: doc.Article{Text: "\nDate: 2025-02-12\n\nText"},
		},
		{
			name: "bom.txt",
			in:   "\ufeffDate: 12 Feb 2025\n\nText",
			want: doc.Article{Date: "2025-02-12", Text: "Text"},
		},
		{
			name: "bomonly.txt",
			in:   "\ufeffText",
			want: doc.Article{Text: "Text"},
		},
		{
			name: "default.txt",
			in:   "Text",
			opts: Options{Date: "2024-01-01"},
			want: doc.Article{Date: "2024-01-01", Text: "Text"},
		},
		{
			name: "longdate.txt",
			in:   "Date: February 12, 2025\n\nText",
			opts: Options{Date: "2024-01-01"},
			want: doc.Article{Date: "2025-02-12", Text: "Text"},
		},
		{
			name:  "baddate.txt",
			in:    "Title: T\nDate: soon\n\nText",
			opts:  Options{Date: "2024-01-01"},
			want:  doc.Article{Title: "T", Date: "2024-01-01", Text: "Text"},
			diags: []string{"2: unrecognised date"},
		},
		{name: "empty.txt", in: "", diags: []string{"0: empty file"}},
		{name: "blank.txt", in: " \n\t\n", diags: []string{"0: no text"}},
		{name: "headeronly.txt", in: "Title: T\n\n \n", diags: []string{"0: no text"}},
		{name: "nul.txt", in: "a\nb\x00c", diags: []string{"2: binary"}},
		{name: "latin1.txt", in: "a\nb\nca\xe9\n", diags: []string{"3: not valid UTF-8"}},
		{name: "utf16.txt", in: "\xff\xfea\x00", diags: []string{"0: UTF-16"}},
		{name: "big.txt", in: "Title: T\n\n" + strings.Repeat("a", 11), opts: Options{MaxBytes: 10},
			diags: []string{"0: text is 11 bytes, over the size limit of 10"}},
		{name: "fits.txt", in: "Title: T\n\n" + strings.Repeat("a", 10), opts: Options{MaxBytes: 10},
			want: doc.Article{Title: "T", Text: strings.Repeat("a", 10)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var streamed []doc.Diagnostic
			tt.opts.OnDiagnostic = func(d doc.Diagnostic) { streamed = append(streamed, d) }
			got, diags := ReadText(tt.name, []byte(tt.in), tt.opts)
			want := tt.want
			if want.Text != "" {
				want.ID = baseID(tt.name)
				want.Origin = tt.name
			}
			if got != want {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
			checkDiags(t, diags, tt.name, tt.diags)
			if len(streamed) != len(diags) {
				t.Errorf("OnDiagnostic saw %d diagnostics, want %d", len(streamed), len(diags))
			}
		})
	}
}

// checkDiags compares diagnostics with "line: message prefix" strings.
func checkDiags(t *testing.T, got []doc.Diagnostic, origin string, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got diagnostics %v, want %q", got, want)
		return
	}
	for i, d := range got {
		line, msg, _ := strings.Cut(want[i], ": ")
		if d.Origin != origin || strconv.Itoa(d.Line) != line || !strings.HasPrefix(d.Message, msg) {
			t.Errorf("diagnostic %d: got %q, want %s:%s", i, d, origin, want[i])
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-02-12", "2025-02-12"},
		{" 2025-02-12 ", "2025-02-12"},
		{"2025-2-3", "2025-02-03"},
		{"2025/02/12", "2025-02-12"},
		{"2025-02-12T10:00:00Z", "2025-02-12"},
		{"2025-02-12T23:30:00-05:00", "2025-02-12"},
		{"2025-02-12 10:00", "2025-02-12"},
		{"February 12, 2025", "2025-02-12"},
		{"February 12 2025", "2025-02-12"},
		{"Feb. 12, 2025", "2025-02-12"},
		{"12 Feb 2025", "2025-02-12"},
		{"12 february 2025", "2025-02-12"},
		{"Wednesday, February 12, 2025", "2025-02-12"},
		{"Wed, 12 Feb 2025 10:00:00 +0000", "2025-02-12"},
		{"Sept. 3rd, 2024", "2024-09-03"},
		{"October 1st, 2024 at 10:00", "2024-10-01"},
		{"2024-02-29", "2024-02-29"},
		{"2025-02-29", ""},
		{"2025-13-01", ""},
		{"February 30, 2025", ""},
		{"12/02/2025", ""},
		{"Feb 2025", ""},
		{"soon", ""},
		{"", ""},
		{"20250212", ""},
		{"yesterday, February 12, 2025", ""},
		{"February 12, 25", ""},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}
