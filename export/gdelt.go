package export

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"dyad/cameo"
	"dyad/record"
	"dyad/store"
)

// EventColumns are the 61 columns of the GDELT 2.0 event table in the
// order of the GDELT Event Codebook V2.0.
var EventColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
	"Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
	"Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
	"ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// MentionColumns are the 16 columns of the GDELT 2.0 mentions table in the
// order of the GDELT Event Codebook V2.0.
var MentionColumns = []string{
	"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
	"MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
	"InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
}

// line builds one tab-separated line; tabs and line breaks inside a field
// become spaces.
type line struct {
	b []byte
	n int // fields so far
}

func (l *line) sep() {
	if l.n > 0 {
		l.b = append(l.b, '\t')
	}
	l.n++
}

func (l *line) str(s string) {
	l.sep()
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\n' || c == '\r' {
			c = ' '
		}
		l.b = append(l.b, c)
	}
}

func (l *line) int(n int64) { l.sep(); l.b = strconv.AppendInt(l.b, n, 10) }

func (l *line) float(f float64, prec int) { l.sep(); l.b = strconv.AppendFloat(l.b, f, 'f', prec, 64) }

func (l *line) time(t time.Time, layout string) { l.sep(); l.b = t.AppendFormat(l.b, layout) }

func (l *line) empty(n int) {
	for range n {
		l.str("")
	}
}

// gdeltEvents writes the GDELT 2.0 event table.
type gdeltEvents struct {
	eventsOnly
	w   *bufio.Writer
	buf []byte
}

func (g *gdeltEvents) WriteEvent(e store.Event) error {
	l := line{b: g.buf[:0]}
	l.int(e.ID)
	date := e.Date
	if _, ok := day(date); !ok {
		date = e.FirstSeen // GDELT dates an event by its article when the text gives no date
	}
	if t, ok := day(date); ok {
		l.time(t, "20060102")
		l.time(t, "200601")
		l.time(t, "2006")
		l.float(float64(t.Year())+min(float64(t.YearDay())/365, 0.9999), 4) // the codebook's range is .0000-.9999
	} else {
		l.empty(4)
	}
	actorColumns(&l, e.Actor)
	actorColumns(&l, e.Recipient)
	l.int(b2i(e.IsRoot))
	if cameo.WellFormed(e.CAMEO) {
		l.str(e.CAMEO)
		l.str(e.CAMEO[:min(3, len(e.CAMEO))])
		l.str(e.CAMEO[:2])
	} else {
		l.empty(3)
	}
	if e.QuadClass >= 1 && e.QuadClass <= 4 {
		l.int(int64(e.QuadClass))
	} else {
		l.str("")
	}
	if e.Goldstein != 0 || cameo.WellFormed(e.CAMEO) {
		l.float(e.Goldstein, -1)
	} else {
		l.str("") // no event code, no score
	}
	l.int(int64(e.NumMentions))
	l.int(int64(e.NumSources))
	l.int(int64(e.NumArticles))
	l.str("") // AvgTone: dyad does not measure tone
	l.str("0")
	l.empty(7) // Actor1Geo
	l.str("0")
	l.empty(7) // Actor2Geo
	geoColumns(&l, e.Location)
	if t, ok := day(e.FirstSeen); ok {
		l.time(t, "20060102")
		l.b = append(l.b, "000000"...) // dyad keeps no time of day
	} else {
		l.str("")
	}
	l.str(e.SourceURL)
	l.b = append(l.b, '\n')
	g.buf = l.b
	if _, err := g.w.Write(l.b); err != nil {
		return fmt.Errorf("export: gdelt: %w", err)
	}
	return nil
}

func (g *gdeltEvents) Close() error {
	if err := g.w.Flush(); err != nil {
		return fmt.Errorf("export: gdelt: %w", err)
	}
	return nil
}

// gdeltMentions writes the GDELT 2.0 mentions table.
type gdeltMentions struct {
	mentionsOnly
	w   *bufio.Writer
	buf []byte
}

func (g *gdeltMentions) WriteMention(m store.Mention) error {
	l := line{b: g.buf[:0]}
	l.int(m.MergedID)
	eventTime := m.Date
	if eventTime == "" {
		eventTime = m.DocDate
	}
	l.str(stamp(eventTime, ""))
	l.str(stamp(m.DocDate, m.Ingested))
	l.str("1") // MentionType: WEB
	l.str(m.Source)
	id := m.URL
	if id == "" {
		id = m.DocID
	}
	l.str(id)
	l.int(int64(m.Sentence) + 1)
	l.int(offset(m.Actor))
	l.int(offset(m.Recipient))
	if m.Trigger.Text == "" && m.Trigger.Span == (record.Span{}) {
		l.int(-1)
	} else {
		l.int(int64(m.Trigger.Span[0]))
	}
	l.str("1") // InRawText: dyad codes the article's own sentences
	l.int(int64(math.Round(min(max(m.Confidence, 0), 1) * 100)))
	l.empty(4) // MentionDocLen, MentionDocTone, MentionDocTranslationInfo, Extras
	l.b = append(l.b, '\n')
	g.buf = l.b
	if _, err := g.w.Write(l.b); err != nil {
		return fmt.Errorf("export: gdelt-mentions: %w", err)
	}
	return nil
}

func (g *gdeltMentions) Close() error {
	if err := g.w.Flush(); err != nil {
		return fmt.Errorf("export: gdelt-mentions: %w", err)
	}
	return nil
}

func offset(a *record.Actor) int64 {
	if a == nil {
		return -1
	}
	return int64(a.Span[0])
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// day parses the YYYY-MM-DD date at the start of s (a date or an RFC 3339
// time).
func day(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	return t, err == nil
}

// stamp gives GDELT's YYYYMMDDHHMMSS for a date, else for an RFC 3339 time
// (in UTC), else "".
func stamp(date, rfc3339 string) string {
	if t, ok := day(date); ok {
		return t.Format("20060102") + "000000"
	}
	if t, err := time.Parse(time.RFC3339, rfc3339); err == nil {
		return t.UTC().Format("20060102150405")
	}
	return ""
}

// CAMEO actor-code parts, three letters each: the types (sectors and
// organisation kinds), the religions, and the regions, which GDELT writes
// in the country column.
var (
	cameoTypes = set("AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO IMG INS INT JUD LAB LEG MED MIL MNC MOD NGM NGO OPP PKO PTY RAD REB REF REL SEP SET SPY UAF UIS")
	cameoFaith = set("ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MUS NRM PRO SFI SHI SHN SIK SUN TAO ZRO")
	cameoArea  = set("AFR ASA BLK CAS CAU CFR CRB EAF EAS EEU EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS SCN SEA WAF WEU WST")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// actorColumns writes the ten columns of one actor: the code, its name in
// upper case (the country's name when the store has none), then the code
// broken into its three-letter parts: the first part that is a country or
// region is the country, religions go to the religion columns, types
// (sectors, IGO, NGO, ...) to the type columns, and the first other part
// (UNO in IGOUNO) is the known group. The ethnic column stays empty.
func actorColumns(l *line, p store.Party) {
	var country, group, faith1, faith2 string
	var types []string
	code := p.CAMEO
	if len(code)%3 == 0 {
		for i := 0; i < len(code); i += 3 {
			c := code[i : i+3]
			switch {
			case cameoTypes[c]:
				types = append(types, c)
			case cameoFaith[c] && faith1 == "":
				faith1 = c
			case cameoFaith[c]:
				faith2 = c
			case country == "" && (i == 0 || cameoArea[c] || countryName(c) != ""):
				country = c
			case group == "":
				group = c
			}
		}
	} else if cameoTypes[p.Sector] {
		types = append(types, p.Sector)
	}
	name := p.Name
	if name == "" && code != "" {
		name = countryName(country)
	}
	l.str(code)
	l.str(strings.ToUpper(name))
	l.str(country)
	l.str(group)
	l.str("") // ethnic group: dyad's codes carry none
	l.str(faith1)
	l.str(faith2)
	for i := range 3 {
		if i < len(types) {
			l.str(types[i])
		} else {
			l.str("")
		}
	}
}

// geoColumns writes the eight ActionGeo columns for the event's place:
// type 1 (country) when the place's name is its country's, else 3 (US city)
// or 4 (world city); FIPS 10-4 country code; for a country, the FIPS code
// also as ADM1 code and feature id, as GDELT writes country matches.
func geoColumns(l *line, loc *record.Location) {
	if loc == nil {
		l.str("0")
		l.empty(7)
		return
	}
	c := countries()[loc.Country]
	fips := c.fips
	if loc.Country == "PSE" && loc.Lon < 34.7 {
		fips = "GZ"
	}
	isCountry := c.name != "" && strings.EqualFold(strings.TrimPrefix(loc.Name, "the "), c.name)
	switch {
	case isCountry:
		l.str("1")
		l.str(c.name)
	case loc.Country == "USA":
		l.str("3")
		l.str(join(loc.Name, c.name))
	default:
		l.str("4")
		l.str(join(loc.Name, c.name))
	}
	l.str(fips)
	if isCountry {
		l.str(fips)
	} else {
		l.str("")
	}
	l.str("") // ADM2Code: dyad's gazetteer has no GAUL codes
	l.float(loc.Lat, -1)
	l.float(loc.Lon, -1)
	if isCountry {
		l.str(fips)
	} else {
		l.str("") // FeatureID: no GNS ids in dyad's gazetteer
	}
}

func join(place, country string) string {
	if country == "" || place == "" {
		return place + country
	}
	return place + ", " + country
}

//go:embed data/fips.tsv
var fipsTSV string

type countryInfo struct{ fips, name string }

var countries = sync.OnceValue(func() map[string]countryInfo {
	m := map[string]countryInfo{}
	for ln := range strings.Lines(fipsTSV) {
		f := strings.Split(strings.TrimRight(ln, "\r\n"), "\t")
		if len(f) == 3 && !strings.HasPrefix(f[0], "#") {
			m[f[0]] = countryInfo{f[1], f[2]}
		}
	}
	return m
})

// countryName is the English name of a country code ("" when unknown).
func countryName(code string) string { return countries()[code].name }
