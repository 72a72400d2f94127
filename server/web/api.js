// Calls to dyad's JSON API (see the API reference served at
// /api/openapi.json). Errors come back as {"error": "..."}; request()
// turns them, and network failures, into an APIError with that message.

/** FILTER_KEYS are the query parameters every filtered endpoint takes. */
export const FILTER_KEYS = ["from", "to", "actor", "recipient", "country", "type", "cameo", "quad", "q", "doc"];

/** APIError is a failed API call: the server's message and HTTP status. */
export class APIError extends Error {
  constructor(message, status) {
    super(message);
    this.name = "APIError";
    this.status = status;
  }
}

/** query builds "?a=1&b=2" from an object or URLSearchParams, skipping empty values. */
export function query(params) {
  const out = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params || {});
  for (const [k, v] of entries) {
    if (v !== undefined && v !== null && String(v).trim() !== "") out.set(k, String(v).trim());
  }
  const q = out.toString();
  return q ? "?" + q : "";
}

/** filters keeps the filter parameters of params (URLSearchParams). */
export function filters(params) {
  const out = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v !== null && v.trim() !== "") out[k] = v.trim();
  }
  return out;
}

async function request(method, path, { params, body, token, signal } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = "Bearer " + token;
  let resp;
  try {
    resp = await fetch(path + query(params), { method, headers, body, signal });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new APIError(`cannot reach the server (${err.message})`, 0);
  }
  const raw = await resp.text();
  let data = null;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    data = null;
  }
  if (!resp.ok) {
    const msg = data && typeof data.error === "string" && data.error ? data.error : `${resp.status} ${resp.statusText}`.trim();
    throw new APIError(msg, resp.status);
  }
  if (data === null) throw new APIError(`${method} ${path}: the response is not JSON`, resp.status);
  return data;
}

/** get fetches path with query parameters and returns the decoded JSON. */
export function get(path, params, signal) {
  return request("GET", path, { params, signal });
}

/** post sends body (a string) to path, with a bearer token when given. */
export function post(path, body, token) {
  return request("POST", path, { body, token });
}

const docCache = new Map();

/**
 * getDocument returns {document, text} for a stored document id, keeping
 * the last few in memory (event rows open the same article repeatedly).
 */
export async function getDocument(id) {
  if (docCache.has(id)) return docCache.get(id);
  const p = get("/api/documents/" + encodeURIComponent(id));
  docCache.set(id, p);
  p.catch(() => docCache.delete(id));
  if (docCache.size > 20) docCache.delete(docCache.keys().next().value);
  return p;
}
