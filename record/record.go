package record

// Schema is the version of the record shapes written by this package.
const Schema = 1

// Span is a pair of byte offsets [start, end) into a document's text.
type Span [2]int

// Actor is who does something, who it is done to, or who reports it.
type Actor struct {
	Text    string `json:"text"`    // the words of the mention
	Name    string `json:"name"`    // canonical name ("Vladimir Putin"), "" when unknown
	CAMEO   string `json:"cameo"`   // country + sector ("RUSGOV"), "" when unknown
	Country string `json:"country"` // ISO 3166 alpha-3, CAMEO region or IGO code
	Sector  string `json:"sector"`  // CAMEO sector code ("GOV"), "" when unknown
	Entity  string `json:"entity,omitempty"`
	Span    Span   `json:"span"`
}

// Location is where an event took place.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Span    Span    `json:"span"`
}

// Trigger is the words that express an event.
type Trigger struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Modalities of an event.
const (
	Asserted     = "asserted"
	Intended     = "intended"
	Hypothetical = "hypothetical"
	PastHabitual = "past-habitual"
)

// Event is one coded event: who did what to whom, when and where, and
// according to whom.
type Event struct {
	Schema     int       `json:"schema"`
	ID         string    `json:"id"` // doc_id:sentence:n
	DocID      string    `json:"doc_id"`
	Sentence   int       `json:"sentence"` // 0-based index into the document's sentences
	Span       Span      `json:"span"`     // the sentence
	Date       string    `json:"date"`     // YYYY-MM-DD, "" when neither text nor article gives one
	Event      string    `json:"event"`    // PLOVER type
	Mode       string    `json:"mode"`
	Context    []string  `json:"context"`
	CAMEO      string    `json:"cameo"`
	QuadClass  int       `json:"quad_class"`
	Goldstein  float64   `json:"goldstein"`
	Actor      *Actor    `json:"actor"`
	Recipient  *Actor    `json:"recipient"`
	ReportedBy *Actor    `json:"reported_by"`
	Location   *Location `json:"location"`
	Negated    bool      `json:"negated"`
	Modality   string    `json:"modality"`
	Trigger    Trigger   `json:"trigger"`
	Text       string    `json:"text"` // the sentence
	Rule       string    `json:"rule"`
	Confidence float64   `json:"confidence"`
	// Explain, when asked for, shows the tree fragment and the lexicon
	// entry that produced the event.
	Explain string `json:"explain,omitempty"`
}

// Mention is one place an entity is mentioned.
type Mention struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Entity types.
const (
	Person = "PERSON"
	Org    = "ORG"
	GPE    = "GPE"
	Loc    = "LOC"
	NORP   = "NORP"
	EventT = "EVENT"
	Other  = "OTHER"
)

// Entity is a person, organisation, place or group, with every mention
// of it in the document.
type Entity struct {
	ID       string    `json:"id"` // "e1", "e2", ... in order of first mention
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	CAMEO    string    `json:"cameo"`
	Country  string    `json:"country"`
	Sector   string    `json:"sector"`
	Role     string    `json:"role"`
	Org      string    `json:"org"`
	Former   bool      `json:"former,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Speaker is who a quotation is attributed to.
type Speaker struct {
	Entity string `json:"entity"`
	Name   string `json:"name"`
	CAMEO  string `json:"cameo"`
	Span   Span   `json:"span"`
}

// Quote is a direct or indirect quotation.
type Quote struct {
	Text       string   `json:"text"`
	Span       Span     `json:"span"`
	Direct     bool     `json:"direct"`
	Cue        string   `json:"cue"`
	Speaker    *Speaker `json:"speaker"`
	ReportedBy *Speaker `json:"reported_by,omitempty"`
}

// Quantity is a number with what it counts and how sure the text is.
type Quantity struct {
	Text       string   `json:"text"`
	Span       Span     `json:"span"`
	Value      float64  `json:"value"`
	Low        float64  `json:"low"`
	High       float64  `json:"high"`
	Unit       string   `json:"unit"`
	Kind       string   `json:"kind,omitempty"` // killed, wounded, arrested, ... when an event count
	Hedge      string   `json:"hedge"`
	ReportedBy *Speaker `json:"reported_by"`
}

// Conflict is two or more quantity claims about the same thing that
// cannot all be true.
type Conflict struct {
	About  string `json:"about"`
	Claims []int  `json:"claims"` // indexes into Document.Quantities
	Why    string `json:"why"`
}

// SentenceSpan is a sentence's place in the text.
type SentenceSpan struct {
	Span Span `json:"span"`
}

// Diagnostic is a problem found in one document.
type Diagnostic struct {
	Span    Span   `json:"span"`
	Message string `json:"message"`
}

// Document is everything dyad found in one article.
type Document struct {
	Schema      int            `json:"schema"`
	DocID       string         `json:"doc_id"`
	Date        string         `json:"date"`
	Source      string         `json:"source"`
	Title       string         `json:"title"`
	URL         string         `json:"url,omitempty"`
	Sentences   []SentenceSpan `json:"sentences"`
	Entities    []Entity       `json:"entities"`
	Events      []Event        `json:"events"`
	Quotes      []Quote        `json:"quotes"`
	Quantities  []Quantity     `json:"quantities"`
	Conflicts   []Conflict     `json:"conflicts"`
	Diagnostics []Diagnostic   `json:"diagnostics"`
}
