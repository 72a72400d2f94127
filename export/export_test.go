package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"dyad/record"
	"dyad/store"
)

// testEvents are realistic merged events, each with the GDELT columns it
// must produce.
var testEvents = []struct {
	name  string
	ev    store.Event
	gdelt map[string]string
}{
	{
		name: "USAGOV to RUSGOV in Moscow",
		ev: store.Event{
			ID: 1001, Key: "USAGOV|RUSGOV|04@Moscow", Date: "2024-03-05", LastDate: "2024-03-06",
			FirstSeen: "2024-03-05", LastSeen: "2024-03-07", Event: "CONSULT", Mode: "phone", CAMEO: "041",
			QuadClass: 1, Goldstein: 1,
			Actor:       store.Party{CAMEO: "USAGOV", Country: "USA", Sector: "GOV", Name: "Antony Blinken"},
			Recipient:   store.Party{CAMEO: "RUSGOV", Country: "RUS", Sector: "GOV", Name: "Sergey Lavrov"},
			Location:    &record.Location{Name: "Moscow", Country: "RUS", Lat: 55.7522, Lon: 37.6156, Span: record.Span{10, 16}},
			NumMentions: 7, NumSources: 3, NumArticles: 4, IsRoot: true, Confidence: 0.92,
			SourceURL: "https://example.org/news/blinken-lavrov", Mentions: []string{"d1:0:0", "d2:3:1"},
		},
		gdelt: map[string]string{
			"GLOBALEVENTID": "1001", "SQLDATE": "20240305", "MonthYear": "202403", "Year": "2024",
			"FractionDate": "2024.1781", "Actor1Code": "USAGOV", "Actor1Name": "ANTONY BLINKEN",
			"Actor1CountryCode": "USA", "Actor1KnownGroupCode": "", "Actor1Type1Code": "GOV",
			"Actor2Code": "RUSGOV", "Actor2Name": "SERGEY LAVROV", "Actor2CountryCode": "RUS", "Actor2Type1Code": "GOV",
			"IsRootEvent": "1", "EventCode": "041", "EventBaseCode": "041", "EventRootCode": "04",
			"QuadClass": "1", "GoldsteinScale": "1", "NumMentions": "7", "NumSources": "3", "NumArticles": "4",
			"AvgTone": "", "Actor1Geo_Type": "0", "Actor2Geo_Type": "0",
			"ActionGeo_Type": "4", "ActionGeo_FullName": "Moscow, Russia", "ActionGeo_CountryCode": "RS",
			"ActionGeo_ADM1Code": "", "ActionGeo_Lat": "55.7522", "ActionGeo_Long": "37.6156", "ActionGeo_FeatureID": "",
			"DATEADDED": "20240305000000", "SOURCEURL": "https://example.org/news/blinken-lavrov",
		},
	},
	{
		name: "IGOUNO appeals to Syria, a country-level place",
		ev: store.Event{
			ID: 1002, Date: "2023-12-31", LastDate: "2023-12-31", FirstSeen: "2024-01-01", LastSeen: "2024-01-01",
			Event: "APPEAL", CAMEO: "0233", QuadClass: 1, Goldstein: 3.4,
			Actor:       store.Party{CAMEO: "IGOUNO", Country: "IGOUNO", Name: "United Nations"},
			Recipient:   store.Party{CAMEO: "SYRGOV", Country: "SYR", Sector: "GOV"},
			Location:    &record.Location{Name: "Syria", Country: "SYR", Lat: 35, Lon: 38},
			NumMentions: 1, NumSources: 1, NumArticles: 1, Confidence: 0.5, SourceURL: "doc-17",
		},
		gdelt: map[string]string{
			"SQLDATE": "20231231", "Year": "2023", "FractionDate": "2023.9999",
			"Actor1Code": "IGOUNO", "Actor1Name": "UNITED NATIONS", "Actor1CountryCode": "",
			"Actor1KnownGroupCode": "UNO", "Actor1Type1Code": "IGO",
			"Actor2Name": "SYRIA", "Actor2CountryCode": "SYR", "Actor2Type1Code": "GOV",
			"IsRootEvent": "0", "EventCode": "0233", "EventBaseCode": "023", "EventRootCode": "02", "GoldsteinScale": "3.4",
			"ActionGeo_Type": "1", "ActionGeo_FullName": "Syria", "ActionGeo_CountryCode": "SY",
			"ActionGeo_ADM1Code": "SY", "ActionGeo_FeatureID": "SY", "ActionGeo_Lat": "35", "ActionGeo_Long": "38",
			"DATEADDED": "20240101000000", "SOURCEURL": "doc-17",
		},
	},
	{
		name: "missing recipient, no place",
		ev: store.Event{
			ID: 1003, Date: "2022-02-24", FirstSeen: "2022-02-24", Event: "ASSAULT", CAMEO: "190", QuadClass: 4, Goldstein: -10,
			Actor:       store.Party{CAMEO: "RUSMIL", Country: "RUS", Sector: "MIL", Name: "Russian army"},
			NumMentions: 2, NumSources: 2, NumArticles: 2, Confidence: 0.7,
		},
		gdelt: map[string]string{
			"Actor1Code": "RUSMIL", "Actor1Name": "RUSSIAN ARMY", "Actor1Type1Code": "MIL",
			"Actor2Code": "", "Actor2Name": "", "Actor2CountryCode": "", "Actor2Type1Code": "",
			"EventCode": "190", "EventBaseCode": "190", "EventRootCode": "19", "QuadClass": "4", "GoldsteinScale": "-10",
			"ActionGeo_Type": "0", "ActionGeo_FullName": "", "ActionGeo_Lat": "", "SOURCEURL": "",
		},
	},
	{
		name: "tabs and newlines inside fields, Gaza",
		ev: store.Event{
			ID: 1004, Date: "2024-07-10", FirstSeen: "2024-07-11T08:30:00Z", CAMEO: "0431", QuadClass: 1, Goldstein: 2.8,
			Actor:       store.Party{CAMEO: "EGYGOV", Country: "EGY", Sector: "GOV", Name: "Abdel\tFattah\nel-Sisi"},
			Recipient:   store.Party{CAMEO: "PSERADHMS", Country: "PSE", Sector: "RAD", Name: "Hamas"},
			Location:    &record.Location{Name: "Gaza\r\nCity", Country: "PSE", Lat: 31.5017, Lon: 34.4668},
			NumMentions: 1, NumSources: 1, NumArticles: 1, SourceURL: "https://example.org/a\tb\nc",
		},
		gdelt: map[string]string{
			"Actor1Name": "ABDEL FATTAH EL-SISI", "Actor2Code": "PSERADHMS", "Actor2CountryCode": "PSE",
			"Actor2Type1Code": "RAD", "Actor2KnownGroupCode": "HMS",
			"ActionGeo_FullName": "Gaza  City, Palestine", "ActionGeo_CountryCode": "GZ",
			"DATEADDED": "20240711000000", "SOURCEURL": "https://example.org/a b c",
		},
	},
	{
		name: "no date anywhere, unknown code",
		ev: store.Event{
			ID: 1005, Actor: store.Party{CAMEO: "CVL", Sector: "CVL", Name: "protesters"}, NumMentions: 1, NumSources: 1, NumArticles: 1,
		},
		gdelt: map[string]string{
			"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": "", "DATEADDED": "",
			"Actor1Code": "CVL", "Actor1Type1Code": "CVL", "Actor1CountryCode": "",
			"EventCode": "", "EventBaseCode": "", "EventRootCode": "", "QuadClass": "", "GoldsteinScale": "",
		},
	},
	{
		name: "date from the article, US city, organisation codes",
		ev: store.Event{
			ID: 1006, FirstSeen: "2024-03-01", CAMEO: "112", QuadClass: 3, Goldstein: -2,
			Actor:       store.Party{CAMEO: "IMGMUSALQ", Country: "IMGMUSALQ", Name: "al-Qaeda"},
			Recipient:   store.Party{CAMEO: "IGOEUREEC", Country: "IGOEUREEC", Name: "European Union"},
			Location:    &record.Location{Name: "Washington", Country: "USA", Lat: 38.8951, Lon: -77.0364},
			NumMentions: 1, NumSources: 1, NumArticles: 1,
		},
		gdelt: map[string]string{
			"SQLDATE": "20240301", "FractionDate": "2024.1671",
			"Actor1Type1Code": "IMG", "Actor1Religion1Code": "MUS", "Actor1KnownGroupCode": "ALQ", "Actor1CountryCode": "",
			"Actor2Type1Code": "IGO", "Actor2CountryCode": "EUR", "Actor2KnownGroupCode": "EEC",
			"ActionGeo_Type": "3", "ActionGeo_FullName": "Washington, United States", "ActionGeo_CountryCode": "US",
		},
	},
}

var testMentions = []struct {
	name  string
	m     store.Mention
	gdelt map[string]string
}{
	{
		name: "full mention",
		m: store.Mention{
			Event: record.Event{
				Schema: record.Schema, ID: "d1:2:0", DocID: "d1", Sentence: 2, Span: record.Span{120, 210}, Date: "2024-03-05",
				Event: "CONSULT", Mode: "phone", CAMEO: "041", QuadClass: 1, Goldstein: 1,
				Actor:      &record.Actor{Text: "Blinken", Name: "Antony Blinken", CAMEO: "USAGOV", Country: "USA", Sector: "GOV", Span: record.Span{120, 127}},
				Recipient:  &record.Actor{Text: "Lavrov", Name: "Sergey Lavrov", CAMEO: "RUSGOV", Country: "RUS", Sector: "GOV", Span: record.Span{145, 151}},
				ReportedBy: &record.Actor{Text: "the State Department", CAMEO: "USAGOV"},
				Modality:   record.Asserted, Trigger: record.Trigger{Text: "spoke", Span: record.Span{128, 133}},
				Text: "Blinken spoke by phone with Lavrov\ton Tuesday,\nofficials said.", Confidence: 0.876,
			},
			MergedID: 1001, Source: "example.org", URL: "https://example.org/news/1", DocDate: "2024-03-06",
			IsRoot: true, Ingested: "2024-03-06T10:11:12Z",
		},
		gdelt: map[string]string{
			"GLOBALEVENTID": "1001", "EventTimeDate": "20240305000000", "MentionTimeDate": "20240306000000",
			"MentionType": "1", "MentionSourceName": "example.org", "MentionIdentifier": "https://example.org/news/1",
			"SentenceID": "3", "Actor1CharOffset": "120", "Actor2CharOffset": "145", "ActionCharOffset": "128",
			"InRawText": "1", "Confidence": "88", "MentionDocLen": "", "MentionDocTone": "",
		},
	},
	{
		name: "no recipient, no URL, no dates",
		m: store.Mention{
			Event: record.Event{
				ID: "d9:0:1", DocID: "d9", CAMEO: "190", QuadClass: 4, Goldstein: -10,
				Actor: &record.Actor{Text: "troops", CAMEO: "MIL", Sector: "MIL", Span: record.Span{4, 10}}, Confidence: 1,
			},
			MergedID: 1003, Source: "wire", Ingested: "2024-03-06T10:11:12+02:00",
		},
		gdelt: map[string]string{
			"EventTimeDate": "", "MentionTimeDate": "20240306081112", "MentionIdentifier": "d9", "SentenceID": "1",
			"Actor1CharOffset": "4", "Actor2CharOffset": "-1", "ActionCharOffset": "-1", "Confidence": "100",
		},
	},
}

func events() []store.Event {
	var out []store.Event
	for _, tc := range testEvents {
		out = append(out, tc.ev)
	}
	return out
}

func mentions() []store.Mention {
	var out []store.Mention
	for _, tc := range testMentions {
		out = append(out, tc.m)
	}
	return out
}

// write writes records in a format and returns the bytes.
func write(t testing.TB, format string, evs []store.Event, ms []store.Mention) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if err := w.WriteEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range ms {
		if err := w.WriteMention(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestColumnLists(t *testing.T) {
	if len(EventColumns) != 61 || len(MentionColumns) != 16 {
		t.Fatalf("%d event columns, %d mention columns; want 61 and 16", len(EventColumns), len(MentionColumns))
	}
	// Spot checks against the codebook's numbering (0-based).
	for i, want := range map[int]string{0: "GLOBALEVENTID", 5: "Actor1Code", 15: "Actor2Code", 25: "IsRootEvent",
		30: "GoldsteinScale", 34: "AvgTone", 35: "Actor1Geo_Type", 39: "Actor1Geo_ADM2Code", 43: "Actor2Geo_Type",
		51: "ActionGeo_Type", 58: "ActionGeo_FeatureID", 59: "DATEADDED", 60: "SOURCEURL"} {
		if EventColumns[i] != want {
			t.Errorf("EventColumns[%d] = %s, want %s", i, EventColumns[i], want)
		}
	}
	if MentionColumns[6] != "SentenceID" || MentionColumns[15] != "Extras" {
		t.Errorf("MentionColumns out of order: %v", MentionColumns)
	}
	for _, c := range []struct {
		cols []string
		row  any
	}{{EventRowColumns, EventRow{}}, {MentionRowColumns, MentionRow{}}} {
		var got []string
		for _, f := range parquet.SchemaOf(c.row).Fields() {
			got = append(got, f.Name())
		}
		if !slices.Equal(got, c.cols) {
			t.Errorf("parquet columns %v\nwant %v", got, c.cols)
		}
	}
}

func TestGDELTEvents(t *testing.T) {
	out := write(t, "gdelt", events(), nil)
	if bytes.Count(out, []byte("\n")) != len(testEvents) {
		t.Fatalf("%d lines for %d events:\n%s", bytes.Count(out, []byte("\n")), len(testEvents), out)
	}
	i := 0
	err := ReadGDELT(bytes.NewReader(out), func(r GDELTRow) error {
		tc := testEvents[i]
		i++
		for col, want := range tc.gdelt {
			if got := r.Get(col); got != want {
				t.Errorf("%s: %s = %q, want %q", tc.name, col, got, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestGDELTMentions(t *testing.T) {
	out := write(t, "gdelt-mentions", nil, mentions())
	i := 0
	err := ReadGDELTMentions(bytes.NewReader(out), func(r GDELTRow) error {
		tc := testMentions[i]
		i++
		for col, want := range tc.gdelt {
			if got := r.Get(col); got != want {
				t.Errorf("%s: %s = %q, want %q", tc.name, col, got, want)
			}
		}
		return nil
	})
	if err != nil || i != len(testMentions) {
		t.Fatalf("read %d of %d: %v", i, len(testMentions), err)
	}
}

func TestParquet(t *testing.T) {
	out := write(t, "parquet", events(), nil)
	rows, err := parquet.Read[EventRow](bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(testEvents) {
		t.Fatalf("%d rows, want %d", len(rows), len(testEvents))
	}
	for i, tc := range testEvents {
		if want := NewEventRow(tc.ev); !reflect.DeepEqual(rows[i], want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, rows[i], want)
		}
	}
	if rows[0].Location == nil || *rows[0].Location != "Moscow" || *rows[0].Lat != 55.7522 || rows[2].Location != nil || rows[2].Lat != nil {
		t.Errorf("optional location columns wrong: %+v %+v", rows[0], rows[2])
	}
	f, err := parquet.OpenFile(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range f.Metadata().RowGroups[0].Columns {
		if c.MetaData.Codec.String() != "ZSTD" {
			t.Errorf("column %v compressed with %v, want ZSTD", c.MetaData.PathInSchema, c.MetaData.Codec)
		}
	}

	out = write(t, "parquet-mentions", nil, mentions())
	mrows, err := parquet.Read[MentionRow](bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range testMentions {
		if want := NewMentionRow(tc.m); !reflect.DeepEqual(mrows[i], want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, mrows[i], want)
		}
	}
	if mrows[0].ReportedBy != "the State Department" || mrows[0].Trigger != "spoke" || mrows[0].Sentence != 2 {
		t.Errorf("mention row: %+v", mrows[0])
	}
}

func TestCSV(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(write(t, "csv", events(), nil))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], EventRowColumns) || len(recs) != len(testEvents)+1 {
		t.Fatalf("header %v, %d records", recs[0], len(recs))
	}
	get := func(rec []string, col string) string { return rec[slices.Index(EventRowColumns, col)] }
	first := recs[1]
	for col, want := range map[string]string{"id": "1001", "date": "2024-03-05", "cameo": "041", "quad_class": "1",
		"actor_cameo": "USAGOV", "actor_name": "Antony Blinken", "recipient_country": "RUS", "location": "Moscow",
		"lat": "55.7522", "lon": "37.6156", "num_articles": "4", "is_root": "true", "confidence": "0.92"} {
		if got := get(first, col); got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
	if get(recs[3], "location") != "" || get(recs[3], "lat") != "" {
		t.Errorf("event without place: %v", recs[3])
	}
	if get(recs[4], "actor_name") != "Abdel\tFattah\nel-Sisi" {
		t.Errorf("CSV must keep tabs and newlines quoted: %q", get(recs[4], "actor_name"))
	}

	recs, err = csv.NewReader(bytes.NewReader(write(t, "csv-mentions", nil, mentions()))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], MentionRowColumns) || len(recs) != len(testMentions)+1 {
		t.Fatalf("header %v, %d records", recs[0], len(recs))
	}
	want := []string{"d1:2:0", "1001", "d1", "2", "2024-03-05", "CONSULT", "phone", "041", "1", "1", "USAGOV",
		"Antony Blinken", "RUSGOV", "Sergey Lavrov", "the State Department", "false", "asserted", "spoke", "0.876",
		"example.org", "https://example.org/news/1", testMentions[0].m.Text}
	if !slices.Equal(recs[1], want) {
		t.Errorf("mention record\n got %q\nwant %q", recs[1], want)
	}
}

func TestJSONL(t *testing.T) {
	dec := json.NewDecoder(bytes.NewReader(write(t, "jsonl", events(), nil)))
	for _, tc := range testEvents {
		var e store.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(e, tc.ev) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, e, tc.ev)
		}
	}
	out := write(t, "jsonl-mentions", nil, mentions())
	if n := bytes.Count(out, []byte("\n")); n != len(testMentions) {
		t.Fatalf("%d lines, want %d", n, len(testMentions))
	}
	var m store.Mention
	if err := json.Unmarshal(bytes.SplitN(out, []byte("\n"), 2)[0], &m); err != nil || !reflect.DeepEqual(m, testMentions[0].m) {
		t.Errorf("mention round trip: %v\n got %+v\nwant %+v", err, m, testMentions[0].m)
	}
}

func TestNew(t *testing.T) {
	for _, f := range Formats {
		w, err := New(f, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if IsMentions(f) {
			err = w.WriteEvent(store.Event{})
		} else {
			err = w.WriteMention(store.Mention{})
		}
		if !errors.Is(err, ErrKind) {
			t.Errorf("%s: wrong kind gave %v, want ErrKind", f, err)
		}
		if err := w.Close(); err != nil {
			t.Errorf("%s: close: %v", f, err)
		}
	}
	if _, err := New("xml", io.Discard); err == nil || !strings.Contains(err.Error(), "gdelt-mentions") {
		t.Errorf("unknown format: %v", err)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	for _, f := range Formats {
		w, _ := New(f, failWriter{})
		var err error
		for range 3000 {
			if IsMentions(f) {
				err = w.WriteMention(testMentions[0].m)
			} else {
				err = w.WriteEvent(testEvents[0].ev)
			}
			if err != nil {
				break
			}
		}
		if err == nil {
			err = w.Close()
		}
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: error %v, want disk full", f, err)
		}
	}
}

// TestFIPSTable checks the ISO → FIPS table against the gazetteer's
// countries: every one has a FIPS code but the two that have none of their
// own, and no two countries share a code (Kosovo has two ISO-style keys).
func TestFIPSTable(t *testing.T) {
	data, err := os.ReadFile("../geo/data/places.tsv")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for ln := range strings.Lines(string(data)) {
		if f := strings.Split(ln, "\t"); len(f) > 2 && !strings.HasPrefix(ln, "#") {
			seen[f[1]] = true
		}
	}
	if len(seen) < 200 {
		t.Fatalf("only %d countries in the gazetteer", len(seen))
	}
	for iso := range seen {
		if _, ok := countries()[iso]; !ok && iso != "ALA" && iso != "BES" {
			t.Errorf("no FIPS code for %s", iso)
		}
	}
	byFIPS := map[string]string{}
	for iso, c := range countries() {
		if len(iso) != 3 || len(c.fips) != 2 || c.name == "" {
			t.Errorf("bad entry %s %+v", iso, c)
		}
		if other, ok := byFIPS[c.fips]; ok && c.fips != "KV" {
			t.Errorf("%s and %s share FIPS %s", iso, other, c.fips)
		}
		byFIPS[c.fips] = iso
	}
}
