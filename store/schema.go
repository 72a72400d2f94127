package store

// migrations are applied in order; the database's user_version says how
// many have run. Never edit a released migration: add another.
var migrations = []string{
	// 1: documents and everything coded in them, merged events, conflicts.
	`
CREATE TABLE documents (
	id         TEXT PRIMARY KEY,
	hash       TEXT NOT NULL,
	date       TEXT NOT NULL,
	source     TEXT NOT NULL,
	source_key TEXT NOT NULL, -- publisher for counting sources: source, else URL host
	title      TEXT NOT NULL,
	url        TEXT NOT NULL,
	text       TEXT NOT NULL,
	diagnostics TEXT NOT NULL, -- JSON list
	n_sentences  INTEGER NOT NULL,
	n_entities   INTEGER NOT NULL,
	n_mentions   INTEGER NOT NULL,
	n_quotes     INTEGER NOT NULL,
	n_quantities INTEGER NOT NULL,
	n_conflicts  INTEGER NOT NULL,
	ingested   TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE sentences (
	rowid  INTEGER PRIMARY KEY,
	doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx    INTEGER NOT NULL,
	begin_off INTEGER NOT NULL,
	end_off   INTEGER NOT NULL,
	UNIQUE (doc_id, idx)
);
-- Contentless: the text is in documents.text; rows are deleted by rowid.
CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE entities (
	doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord     INTEGER NOT NULL,
	name    TEXT NOT NULL,
	type    TEXT NOT NULL,
	cameo   TEXT NOT NULL,
	record  TEXT NOT NULL,
	PRIMARY KEY (doc_id, ord)
) WITHOUT ROWID;

CREATE TABLE mentions (
	id        TEXT PRIMARY KEY,
	doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord       INTEGER NOT NULL,
	sentence  INTEGER NOT NULL,
	date      TEXT NOT NULL, -- the event's date, else the article's, YYYY-MM-DD or ''
	event     TEXT NOT NULL,
	mode      TEXT NOT NULL,
	cameo     TEXT NOT NULL,
	quad      INTEGER NOT NULL,
	goldstein REAL NOT NULL,
	actor_cameo   TEXT NOT NULL,
	actor_country TEXT NOT NULL,
	actor_sector  TEXT NOT NULL,
	actor_name    TEXT NOT NULL,
	recipient_cameo   TEXT NOT NULL,
	recipient_country TEXT NOT NULL,
	recipient_sector  TEXT NOT NULL,
	recipient_name    TEXT NOT NULL,
	confidence REAL NOT NULL,
	is_root    INTEGER NOT NULL,
	merge_key  TEXT NOT NULL,
	merged_id  INTEGER NOT NULL DEFAULT 0,
	record     TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id, ord);
CREATE INDEX mentions_key ON mentions(merge_key, date);
CREATE INDEX mentions_merged ON mentions(merged_id);
CREATE INDEX mentions_date ON mentions(date);

CREATE TABLE quotes (
	doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord     INTEGER NOT NULL,
	speaker TEXT NOT NULL,
	record  TEXT NOT NULL,
	PRIMARY KEY (doc_id, ord)
) WITHOUT ROWID;

CREATE TABLE quantities (
	doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord      INTEGER NOT NULL,
	sentence INTEGER NOT NULL,
	kind     TEXT NOT NULL,
	unit     TEXT NOT NULL,
	record   TEXT NOT NULL,
	PRIMARY KEY (doc_id, ord)
) WITHOUT ROWID;

CREATE TABLE doc_conflicts (
	doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord     INTEGER NOT NULL,
	record  TEXT NOT NULL,
	PRIMARY KEY (doc_id, ord)
) WITHOUT ROWID;

CREATE TABLE events (
	id         INTEGER PRIMARY KEY,
	key        TEXT NOT NULL,
	date       TEXT NOT NULL,
	last_date  TEXT NOT NULL,
	first_seen TEXT NOT NULL,
	last_seen  TEXT NOT NULL,
	event      TEXT NOT NULL,
	mode       TEXT NOT NULL,
	cameo      TEXT NOT NULL,
	quad       INTEGER NOT NULL,
	goldstein  REAL NOT NULL,
	actor_cameo   TEXT NOT NULL,
	actor_country TEXT NOT NULL,
	actor_sector  TEXT NOT NULL,
	actor_name    TEXT NOT NULL,
	recipient_cameo   TEXT NOT NULL,
	recipient_country TEXT NOT NULL,
	recipient_sector  TEXT NOT NULL,
	recipient_name    TEXT NOT NULL,
	location     TEXT NOT NULL, -- JSON object or ''
	num_mentions INTEGER NOT NULL,
	num_sources  INTEGER NOT NULL,
	num_articles INTEGER NOT NULL,
	is_root      INTEGER NOT NULL,
	confidence   REAL NOT NULL,
	source_url   TEXT NOT NULL
);
CREATE INDEX events_key ON events(key, last_date);
CREATE INDEX events_date ON events(date, id);
-- Covers counts by day and dyad, and timelines (by day and quad class)
-- filtered by country or actor.
CREATE INDEX events_counts ON events(date, actor_cameo, recipient_cameo, quad, num_mentions, goldstein);
CREATE INDEX events_timeline ON events(date, quad, num_mentions, goldstein, actor_country, recipient_country, actor_cameo);
CREATE INDEX events_actor ON events(actor_cameo, date);
-- Covers counts by dyad.
CREATE INDEX events_dyad ON events(actor_cameo, recipient_cameo, num_mentions, goldstein);
CREATE INDEX events_recipient ON events(recipient_cameo, date);

CREATE TABLE cross_conflicts (
	key       TEXT NOT NULL,
	merged_id INTEGER NOT NULL,
	about     TEXT NOT NULL,
	why       TEXT NOT NULL,
	claims    TEXT NOT NULL -- JSON list of ClaimRef
);
CREATE INDEX cross_conflicts_key ON cross_conflicts(key);
CREATE INDEX cross_conflicts_merged ON cross_conflicts(merged_id);
`,
}
