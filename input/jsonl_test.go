package input

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"dyad/doc"
)

// collect reads with read and returns the articles as "ID|Date|Origin|Text".
func collect(t *testing.T, read func(fn func(doc.Article) error) ([]doc.Diagnostic, error)) ([]string, []doc.Diagnostic) {
	t.Helper()
	var got []string
	diags, err := read(func(a doc.Article) error {
		got = append(got, a.ID+"|"+a.Date+"|"+a.Origin+"|"+a.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, diags
}

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name, in string
		opts     Options
		want     []string
		diags    []string
	}{
		{
			name: "ok.jsonl",
			in: `{"id":"a","date":"2025-02-12","source":"S","text":"One."}` + "\n" +
				"\n" +
				`{"text":"Two.","extra":[1,2]}` + "\r\n" +
				`{"id":7,"text":"  Three.\n","date":"Feb 12, 2025"}`,
			want: []string{"a|2025-02-12|ok.jsonl:1|One.", "ok.jsonl:3|2024-01-01|ok.jsonl:3|Two.",
				"7|2025-02-12|ok.jsonl:4|  Three.\n"},
			opts: Options{Date: "2024-01-01"},
		},
		{
			name: "bad.jsonl",
			in: "not json\n" +
				`{"text":"Good."}` + "\n" +
				`{"text":""}` + "\n" +
				`{"id":"x"}` + "\n" +
				`{"text":12}` + "\n" +
				`["text"]` + "\n" +
				`{"text":"Bad date.","date":"someday"}` + "\n" +
				"{\"text\":\"caf\xe9\"}\n" +
				`{"text":"Too long, too long."}` + "\n" +
				`{"text":"a"} {"text":"b"}` + "\n" +
				`{"id":true,"source":[{"code":"HUN"}],"title":null,"text":"c"}` + "\n" +
				`{"text":"Last."}`,
			opts: Options{MaxBytes: 12},
			want: []string{"bad.jsonl:2||bad.jsonl:2|Good.", "bad.jsonl:7||bad.jsonl:7|Bad date.",
				"bad.jsonl:11||bad.jsonl:11|c", "bad.jsonl:12||bad.jsonl:12|Last."},
			diags: []string{"1: not JSON", "3: no text", "4: no text", "5: text is not a string",
				"6: not a JSON object", "7: unrecognised date", "8: not valid UTF-8",
				"9: text is 19 bytes", "10: not JSON"},
		},
		{
			name:  "nul.jsonl",
			in:    `{"text":"a"}` + "\n\x00\x01\n" + `{"text":"b"}`,
			want:  []string{"nul.jsonl:1||nul.jsonl:1|a"},
			diags: []string{"2: binary data"},
		},
		{
			name:  "nultext.jsonl",
			in:    `{"text":"a\u0000b"}`,
			diags: []string{"1: binary data"},
		},
		{name: "empty.jsonl", in: "", diags: []string{"0: empty input"}},
		{name: "blank.jsonl", in: "\n \n\n", diags: []string{"0: empty input"}},
		{
			name: "bom.jsonl",
			in:   "\ufeff" + `{"text":"a"}`,
			want: []string{"bom.jsonl:1||bom.jsonl:1|a"},
		},
		{
			name:  "long.jsonl",
			in:    `{"text":"` + strings.Repeat("x", 200) + `"}` + "\n" + `{"text":"b"}`,
			opts:  Options{MaxBytes: 10},
			want:  []string{"long.jsonl:2||long.jsonl:2|b"},
			diags: []string{"1: text is 200 bytes"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := collect(t, func(fn func(doc.Article) error) ([]doc.Diagnostic, error) {
				return ReadJSONL(tt.name, strings.NewReader(tt.in), tt.opts, fn)
			})
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			checkDiags(t, diags, tt.name, tt.diags)
		})
	}
}

func TestReadJSONLHugeLine(t *testing.T) {
	text := strings.Repeat("Putin called Trump. ", 300_000) // 6 MB
	in := `{"text":"short"}` + "\n" + `{"id":"big","text":"` + text + `"}` + "\n" + `{"text":"after"}` + "\n"
	got, diags := collect(t, func(fn func(doc.Article) error) ([]doc.Diagnostic, error) {
		return ReadJSONL("huge.jsonl", strings.NewReader(in), Options{}, fn)
	})
	if len(diags) != 0 || len(got) != 3 || got[1] != "big||huge.jsonl:2|"+text || got[2] != "huge.jsonl:3||huge.jsonl:3|after" {
		t.Errorf("got %d articles, diagnostics %v", len(got), diags)
	}
}

func TestReadJSONLStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := ReadJSONL("s", strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), Options{}, func(doc.Article) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("got %v after %d articles, want stop after 1", err, n)
	}
}

func TestReadJSON(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		diags    []string
	}{
		{
			name: "array.json",
			in: "\n [\n  {\"id\": \"a\", \"text\": \"One.\"},\n  {\"text\": \"Two.\"},\n" +
				"  {\"text\": \"\"},\n  42,\n  {\n   \"text\": \"Three.\"\n  }\n ]\n",
			want:  []string{"a||array.json:3|One.", "array.json:4||array.json:4|Two.", "array.json:7||array.json:7|Three."},
			diags: []string{"5: no text", "6: not a JSON object"},
		},
		{
			name: "minified.json",
			in:   `[{"text":"One."},{"text":"Two."}]`,
			want: []string{"minified.json:1||minified.json:1|One.", "minified.json:1||minified.json:1|Two."},
		},
		{
			name: "object.json",
			in:   "{\n  \"id\": \"obj\",\n  \"date\": \"2025-02-12\",\n  \"text\": \"One.\"\n}\n",
			want: []string{"obj|2025-02-12|object.json:1|One."},
		},
		{
			name: "objects.json",
			in:   "{\n \"text\": \"One.\"\n}\n{\n \"text\": \"Two.\"\n}\n",
			want: []string{"objects.json:1||objects.json:1|One.", "objects.json:4||objects.json:4|Two."},
		},
		{
			name:  "lines.json",
			in:    "{\"text\": \"One.\"}\nnope\n{\"text\": \"Two.\"}\n",
			want:  []string{"lines.json:1||lines.json:1|One.", "lines.json:3||lines.json:3|Two."},
			diags: []string{"2: not JSON"},
		},
		{
			name:  "broken.json",
			in:    "[\n{\"text\": \"One.\"},\n{\"text\": \"Two.\" x},\n{\"text\": \"Three.\"}\n]",
			want:  []string{"broken.json:2||broken.json:2|One."},
			diags: []string{"3: not JSON"},
		},
		{
			name:  "truncated.json",
			in:    "[\n{\"text\": \"One.\"},\n{\"text\": ",
			want:  []string{"truncated.json:2||truncated.json:2|One."},
			diags: []string{"3: unexpected end"},
		},
		{
			name:  "latin1.json",
			in:    "[{\"text\": \"One.\"},\n{\"text\":\n\"caf\xe9\"},\n{\"text\": \"Two.\"}]",
			want:  []string{"latin1.json:1||latin1.json:1|One.", "latin1.json:4||latin1.json:4|Two."},
			diags: []string{"3: not valid UTF-8"},
		},
		{
			name:  "trailing.json",
			in:    "[{\"text\": \"One.\"}]\n]",
			want:  []string{"trailing.json:1||trailing.json:1|One."},
			diags: []string{"2: unexpected data"},
		},
		{name: "empty.json", in: " \n", diags: []string{"0: empty input"}},
		{name: "emptyarray.json", in: "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := collect(t, func(fn func(doc.Article) error) ([]doc.Diagnostic, error) {
				return ReadJSON(tt.name, strings.NewReader(tt.in), Options{}, fn)
			})
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			checkDiags(t, diags, tt.name, tt.diags)
		})
	}
}

func TestLineReader(t *testing.T) {
	in := "ab\n" + strings.Repeat("x", 100) + "\n\ncd\r\n" + strings.Repeat("y", 11) + "\n12345678901\n123456789012"
	lr := &lineReader{r: bufio.NewReaderSize(strings.NewReader(in), 16), limit: 11}
	var got []string
	for {
		line, long, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d:%q:%v", lr.n, line, long))
	}
	want := []string{`1:"ab":false`, `2:"":true`, `3:"":false`, `4:"cd\r":false`, `5:"yyyyyyyyyyy":false`, `6:"12345678901":false`, `7:"":true`}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
