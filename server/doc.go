// Package server is dyad's HTTP layer: a JSON API over an event store
// (package store) and the engine that codes articles (package engine), and
// the embedded web UI.
//
// The API is described by the OpenAPI 3.1 document openapi.json, served at
// /api/openapi.json. Reads (events, timeline, dyads, actors, documents,
// conflicts) are open; writes (POST /api/documents) need a bearer token the
// server was configured with, and are refused when it has none. Every
// response is JSON, errors included ({"error": "message"}), except the UI's
// static files. Request bodies, page sizes and store query times are
// bounded; query parameters reach the store as values of a store.Filter,
// which binds them as SQL parameters.
//
// Store reads run a few at a time (Config.MaxQueries), each within
// Config.QueryTimeout, and their answers are cached until the database
// changes, so that a dashboard asking the same questions again costs
// little. Posted articles are coded by the engine on a bounded number of
// goroutines (Config.Workers) and stored with one store.Put.
package server
