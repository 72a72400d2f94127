package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/record"
	"dyad/store"
)

// goodLine is a valid GDELT event line written by the exporter.
func goodLine(t testing.TB) []string {
	out := write(t, "gdelt", events()[:1], nil)
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\t")
}

func TestReadGDELTRejects(t *testing.T) {
	col := func(name string) int {
		for i, c := range EventColumns {
			if c == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	tests := []struct {
		name   string
		edit   func(f []string) []string
		column string // "" for a whole-line fault
	}{
		{"too few fields", func(f []string) []string { return f[:60] }, ""},
		{"too many fields", func(f []string) []string { return append(f, "x") }, ""},
		{"empty id", func(f []string) []string { f[0] = ""; return f }, "GLOBALEVENTID"},
		{"id not integer", func(f []string) []string { f[0] = "12a"; return f }, "GLOBALEVENTID"},
		{"bad date", func(f []string) []string { f[col("SQLDATE")] = "20240230"; return f }, "SQLDATE"},
		{"month disagrees", func(f []string) []string { f[col("MonthYear")] = "202404"; return f }, "MonthYear"},
		{"year disagrees", func(f []string) []string { f[col("Year")] = "2023"; return f }, "Year"},
		{"fraction disagrees", func(f []string) []string { f[col("FractionDate")] = "2024.5"; return f }, "FractionDate"},
		{"year without date", func(f []string) []string { f[col("SQLDATE")] = ""; return f }, "SQLDATE"},
		{"root flag 2", func(f []string) []string { f[col("IsRootEvent")] = "2"; return f }, "IsRootEvent"},
		{"quad class 5", func(f []string) []string { f[col("QuadClass")] = "5"; return f }, "QuadClass"},
		{"goldstein 11", func(f []string) []string { f[col("GoldsteinScale")] = "11"; return f }, "GoldsteinScale"},
		{"goldstein NaN", func(f []string) []string { f[col("GoldsteinScale")] = "NaN"; return f }, "GoldsteinScale"},
		{"tone text", func(f []string) []string { f[col("AvgTone")] = "low"; return f }, "AvgTone"},
		{"mentions empty", func(f []string) []string { f[col("NumMentions")] = ""; return f }, "NumMentions"},
		{"base code not prefix", func(f []string) []string { f[col("EventBaseCode")] = "042"; return f }, "EventBaseCode"},
		{"root code not prefix", func(f []string) []string { f[col("EventRootCode")] = "05"; return f }, "EventRootCode"},
		{"event code letters", func(f []string) []string { f[col("EventCode")] = "04a"; return f }, "EventCode"},
		{"base without code", func(f []string) []string { f[col("EventCode")] = ""; return f }, "EventCode"},
		{"geo type 6", func(f []string) []string { f[col("ActionGeo_Type")] = "6"; return f }, "ActionGeo_Type"},
		{"latitude 91", func(f []string) []string { f[col("ActionGeo_Lat")] = "91"; return f }, "ActionGeo_Lat"},
		{"longitude -181", func(f []string) []string { f[col("ActionGeo_Long")] = "-181"; return f }, "ActionGeo_Long"},
		{"latitude alone", func(f []string) []string { f[col("ActionGeo_Long")] = ""; return f }, "ActionGeo_Lat"},
		{"place with type 0", func(f []string) []string { f[col("Actor1Geo_FullName")] = "Paris"; return f }, "Actor1Geo_FullName"},
		{"dateadded 13 digits", func(f []string) []string { f[col("DATEADDED")] = "2024030500000"; return f }, "DATEADDED"},
		{"dateadded not a time", func(f []string) []string { f[col("DATEADDED")] = "20240305250000"; return f }, "DATEADDED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			good := strings.Join(goodLine(t), "\t")
			bad := strings.Join(tc.edit(goodLine(t)), "\t")
			err := ReadGDELT(strings.NewReader(good+"\n"+bad+"\n"), func(GDELTRow) error { return nil })
			var ge *GDELTError
			if !errors.As(err, &ge) {
				t.Fatalf("error %v, want a *GDELTError", err)
			}
			if ge.Line != 2 || ge.Column != tc.column {
				t.Errorf("line %d column %q (%v), want line 2 column %q", ge.Line, ge.Column, err, tc.column)
			}
		})
	}
}

func TestReadGDELTMentionsRejects(t *testing.T) {
	good := strings.Split(strings.TrimSuffix(string(write(t, "gdelt-mentions", nil, mentions()[:1])), "\n"), "\t")
	for col, v := range map[string]string{"MentionType": "0", "SentenceID": "0", "Actor1CharOffset": "-2",
		"InRawText": "2", "Confidence": "101", "EventTimeDate": "2024", "MentionDocTone": "x"} {
		f := append([]string(nil), good...)
		for i, c := range MentionColumns {
			if c == col {
				f[i] = v
			}
		}
		err := ReadGDELTMentions(strings.NewReader(strings.Join(f, "\t")), func(GDELTRow) error { return nil })
		var ge *GDELTError
		if !errors.As(err, &ge) || ge.Column != col || ge.Line != 1 {
			t.Errorf("%s=%q: %v, want a fault in that column", col, v, err)
		}
	}
}

func TestReadGDELTStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := ReadGDELT(bytes.NewReader(write(t, "gdelt", events(), nil)), func(GDELTRow) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("got %v after %d rows, want stop after 1", err, n)
	}
}

// FuzzReadGDELT feeds outside input to the strict reader: it must not
// panic, and every row it accepts has the 61 columns.
func FuzzReadGDELT(f *testing.F) {
	f.Add(write(f, "gdelt", events(), nil))
	f.Add([]byte("1\t2\n"))
	f.Add([]byte(strings.Repeat("\t", 60) + "\n"))
	f.Add([]byte("1" + strings.Repeat("\t", 25) + "0" + strings.Repeat("\t", 5) + "1\t1\t1\t\t0" + strings.Repeat("\t", 8) + "0" + strings.Repeat("\t", 8) + "0" + strings.Repeat("\t", 9) + "\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = ReadGDELT(bytes.NewReader(data), func(r GDELTRow) error {
			if len(r.Fields) != 61 {
				t.Fatalf("accepted a row of %d fields", len(r.Fields))
			}
			return nil
		})
		_ = ReadGDELTMentions(bytes.NewReader(data), func(r GDELTRow) error {
			if len(r.Fields) != 16 {
				t.Fatalf("accepted a mention row of %d fields", len(r.Fields))
			}
			return nil
		})
	})
}

// FuzzGDELTRoundTrip checks that whatever text the store holds, the GDELT
// writers produce lines the strict readers accept, one line a record.
func FuzzGDELTRoundTrip(f *testing.F) {
	f.Add("Moscow", "RUS", "USAGOV", "Antony\tBlinken", "https://x/\n", "2024-03-05", "041", 55.75, 37.61, 0.9)
	f.Add("", "", "IGOUNO", "", "", "", "", 0.0, 0.0, 0.0)
	f.Add("Gaza", "PSE", "PSERADHMS", "\r", "a\tb", "2024-02-29T10:00:00Z", "1", -91.0, 200.0, 2.0)
	f.Fuzz(func(t *testing.T, place, country, code, name, url, date, cameo string, lat, lon, conf float64) {
		e := store.Event{ID: 7, Date: date, FirstSeen: date, CAMEO: cameo, QuadClass: 2, Goldstein: 2,
			Actor: store.Party{CAMEO: code, Name: name}, Recipient: store.Party{CAMEO: code, Country: country},
			SourceURL: url, NumMentions: 1, NumSources: 1, NumArticles: 1}
		if utf8.ValidString(place) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 {
			e.Location = &record.Location{Name: place, Country: country, Lat: lat, Lon: lon}
		}
		n := 0
		if err := ReadGDELT(bytes.NewReader(write(t, "gdelt", []store.Event{e}, nil)), func(GDELTRow) error { n++; return nil }); err != nil || n != 1 {
			t.Fatalf("%d rows: %v", n, err)
		}
		m := store.Mention{Event: record.Event{ID: "d:0:0", Date: date, Confidence: conf, Actor: &record.Actor{}}, MergedID: 7, Source: name, URL: url, DocDate: date}
		n = 0
		if err := ReadGDELTMentions(bytes.NewReader(write(t, "gdelt-mentions", nil, []store.Mention{m})), func(GDELTRow) error { n++; return nil }); err != nil || n != 1 {
			t.Fatalf("%d mention rows: %v", n, err)
		}
	})
}
