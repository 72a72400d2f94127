package store

import "dyad/record"

// Party is the actor or recipient of a merged event.
type Party struct {
	CAMEO   string `json:"cameo"`   // country + sector ("RUSGOV"), "" when unknown
	Country string `json:"country"` // ISO 3166 alpha-3, CAMEO region or IGO code
	Sector  string `json:"sector"`
	Name    string `json:"name"` // the most frequent canonical name in the mentions
}

// Event is a merged event: every stored mention that reports it, counted
// the way GDELT counts.
type Event struct {
	ID          int64            `json:"id"`         // stable for the same set of mentions; GDELT's GLOBALEVENTID
	Key         string           `json:"key"`        // the merge key: actor[/person]|recipient[/person]|root, or ||root@place; #doc when undated
	Date        string           `json:"date"`       // earliest date of its mentions, YYYY-MM-DD or ""
	LastDate    string           `json:"last_date"`  // latest date of its mentions
	FirstSeen   string           `json:"first_seen"` // earliest publication date of the articles reporting it
	LastSeen    string           `json:"last_seen"`  // latest publication date
	Event       string           `json:"event"`      // PLOVER type (the most frequent among the mentions)
	Mode        string           `json:"mode"`
	CAMEO       string           `json:"cameo"` // the most frequent CAMEO code among the mentions
	QuadClass   int              `json:"quad_class"`
	Goldstein   float64          `json:"goldstein"`
	Actor       Party            `json:"actor"`
	Recipient   Party            `json:"recipient"`
	Location    *record.Location `json:"location"` // the first mention's place, if any mention has one
	NumMentions int              `json:"num_mentions"`
	NumSources  int              `json:"num_sources"`  // distinct publishers
	NumArticles int              `json:"num_articles"` // distinct documents
	IsRoot      bool             `json:"is_root"`      // some mention is in its article's lead
	Confidence  float64          `json:"confidence"`   // the highest mention confidence
	SourceURL   string           `json:"source_url"`   // URL (else document id) of the first article
	Mentions    []string         `json:"mentions"`     // event record ids, in date then id order
}

// Mention is one stored event record with where it came from: GDELT's
// mentions table.
type Mention struct {
	record.Event
	MergedID int64  `json:"merged_id"`
	Source   string `json:"source"`   // the article's publisher
	URL      string `json:"url"`      // the article's URL
	Title    string `json:"title"`    // the article's title
	DocDate  string `json:"doc_date"` // the article's publication date
	IsRoot   bool   `json:"is_root"`  // in the article's lead
	Ingested string `json:"ingested"` // when the article was stored (RFC 3339)
}

// Conflict is a disagreement between articles: two counts of the same
// kind (killed, wounded, ...) attached to the same merged event whose
// ranges do not overlap.
type Conflict struct {
	MergedID int64      `json:"merged_id"`
	About    string     `json:"about"`
	Why      string     `json:"why"`
	Claims   []ClaimRef `json:"claims"`
}

// ClaimRef is one side of a cross-article conflict.
type ClaimRef struct {
	DocID    string          `json:"doc_id"`
	Source   string          `json:"source"`
	Quantity record.Quantity `json:"quantity"`
}

// Count is one row of a grouped count.
type Count struct {
	Group     string  `json:"group"` // the day, week, "ACTOR>RECIPIENT" dyad or PLOVER type
	QuadClass int     `json:"quad_class,omitempty"`
	Events    int     `json:"events"`    // merged events
	Mentions  int     `json:"mentions"`  // their mentions
	Goldstein float64 `json:"goldstein"` // sum of the merged events' Goldstein scores
}

// ActorCount is an actor code or name with how many merged events it takes
// part in.
type ActorCount struct {
	CAMEO  string `json:"cameo"`
	Name   string `json:"name"`
	Events int    `json:"events"`
}

// DocInfo describes one stored document.
type DocInfo struct {
	ID        string `json:"id"`
	Hash      string `json:"hash"`
	Date      string `json:"date"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Sentences int    `json:"sentences"`
	Events    int    `json:"events"`
	Ingested  string `json:"ingested"`
}

// Filter selects merged events (or mentions). Zero fields select all.
type Filter struct {
	From, To  string // dates, inclusive, YYYY-MM-DD
	Actor     string // actor CAMEO code prefix ("RUS" matches RUSGOV) or name
	Recipient string // recipient CAMEO code prefix or name
	Country   string // either side's country
	Type      string // PLOVER type
	CAMEO     string // CAMEO code prefix ("04" is the root)
	QuadClass int    // 1..4
	Text      string // full-text query over the sentences (FTS5 syntax)
	DocID     string // mentions of one document
	Merged    int64  // one merged event (Event.ID) and its mentions
	Limit     int    // page size; 0 means 100
	After     string // cursor returned by the previous page
	Order     string // "date" (default), "-date", "mentions", "goldstein"
}
