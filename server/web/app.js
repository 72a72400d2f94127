// dyad's web UI: a single page over the JSON API with hash routes
//
//   #/events?FILTER&order=..&view=merged|mentions   the event browser
//   #/article/ID?event=RECORD-ID                    one article, marked up
//   #/timeline?FILTER&by=day|week                   cooperation and conflict over time
//   #/network?FILTER                                who acts on whom
//   #/articles                                      the stored articles
//   #/paste                                         code an article in place
//
// FILTER is the API's filter parameters (from, to, actor, recipient,
// country, type, cameo, quad, q, doc); the filter form edits them and
// they stay in the URL, so every view can be bookmarked.

import { get, FILTER_KEYS } from "./api.js";
import { h, clear } from "./dom.js";
import { PLOVER_TYPES } from "./cameo.js";
import { showEvents } from "./events.js";
import { showArticle } from "./article.js";
import { showTimeline } from "./timeline.js";
import { showNetwork } from "./network.js";
import { showPaste } from "./paste.js";
import { showDocuments } from "./documents.js";

const main = document.getElementById("main");
const form = document.getElementById("filters");
const statusEl = document.getElementById("status");
const errorEl = document.getElementById("error");

const FILTERED = new Set(["events", "timeline", "network"]);
const TITLES = { events: "Events", article: "Article", timeline: "Timeline", network: "Network", paste: "Paste an article", articles: "Articles" };

const routes = {
  events: showEvents,
  article: showArticle,
  timeline: showTimeline,
  network: showNetwork,
  paste: showPaste,
  articles: showDocuments,
};

let generation = 0;

/** parseHash splits "#/route/rest?query" into its parts. */
function parseHash() {
  let hash = location.hash.replace(/^#\/?/, "");
  let qs = "";
  const qi = hash.indexOf("?");
  if (qi >= 0) {
    qs = hash.slice(qi + 1);
    hash = hash.slice(0, qi);
  }
  const slash = hash.indexOf("/");
  const route = (slash >= 0 ? hash.slice(0, slash) : hash) || "events";
  let rest = slash >= 0 ? hash.slice(slash + 1) : "";
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // keep it as written
  }
  return { route, rest, params: new URLSearchParams(qs) };
}

/**
 * navigate goes to a route with query parameters (an object); empty
 * values are dropped.
 */
export function navigate(route, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && String(v) !== "") qs.set(k, String(v));
  }
  const q = qs.toString();
  const hash = "#/" + route + (q ? "?" + q : "");
  if (location.hash === hash) {
    render(); // same URL: reload the view
  } else {
    location.hash = hash;
  }
}

/** currentFilters returns the filter parameters of the current URL. */
export function currentFilters() {
  const { params } = parseHash();
  const out = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** setStatus shows a short message in the polite live region ("" clears it). */
export function setStatus(msg) {
  statusEl.textContent = msg || "";
}

/** showError shows an error in the alert region ("" or null clears it). */
export function showError(err) {
  clear(errorEl);
  if (!err) return;
  const msg = err instanceof Error ? err.message : String(err);
  errorEl.append(h("strong", null, "Error: "), msg);
}

function fillForm(params) {
  for (const el of form.elements) {
    if (!el.name) continue;
    el.value = params.get(el.name) || "";
  }
  const note = document.getElementById("f-doc-note");
  const doc = params.get("doc");
  note.hidden = !doc;
  clear(note);
  if (doc) {
    note.append(
      "Only events of article ",
      h("a", { href: "#/article/" + encodeURIComponent(doc) }, doc),
      ". ",
      h(
        "button",
        {
          type: "button",
          class: "link",
          onclick: () => {
            document.getElementById("f-doc").value = "";
            form.requestSubmit();
          },
        },
        "Show all articles"
      )
    );
  }
}

function formParams() {
  const out = {};
  for (const el of form.elements) {
    if (el.name && el.value.trim() !== "") out[el.name] = el.value.trim();
  }
  return out;
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const { route, params } = parseHash();
  const keep = {};
  for (const [k, v] of params) if (!FILTER_KEYS.includes(k) && k !== "cursor") keep[k] = v;
  navigate(FILTERED.has(route) ? route : "events", { ...formParams(), ...keep });
});

document.getElementById("f-clear").addEventListener("click", () => {
  const { route, params } = parseHash();
  const keep = {};
  for (const [k, v] of params) if (!FILTER_KEYS.includes(k) && k !== "cursor") keep[k] = v;
  navigate(FILTERED.has(route) ? route : "events", keep);
});

// Actor names and codes for the actor and recipient inputs.
const actorList = document.getElementById("actor-list");
let actorTimer = 0;
let actorQuery = null;
function suggestActors(ev) {
  const q = ev.target.value.trim();
  clearTimeout(actorTimer);
  if (q.length < 2 || q === actorQuery) return;
  actorTimer = setTimeout(async () => {
    actorQuery = q;
    try {
      const data = await get("/api/actors", { q, limit: 20 });
      clear(actorList);
      for (const a of data.actors || []) {
        actorList.append(h("option", { value: a.cameo || a.name }, `${a.name || a.cameo} — ${a.events} events`));
      }
    } catch {
      // suggestions are a convenience; the filter works without them
    }
  }, 250);
}
document.getElementById("f-actor").addEventListener("input", suggestActors);
document.getElementById("f-recipient").addEventListener("input", suggestActors);
const typeList = document.getElementById("type-list");
for (const t of PLOVER_TYPES) typeList.append(h("option", { value: t }));

async function health() {
  const el = document.getElementById("health");
  try {
    const data = await get("/healthz");
    el.textContent = `${data.documents} articles · ${data.events} events`;
  } catch (err) {
    el.textContent = "server unreachable";
    el.title = err.message;
  }
}

async function render() {
  const gen = ++generation;
  const { route, rest, params } = parseHash();
  const show = routes[route];
  for (const a of document.querySelectorAll("nav a[data-route]")) {
    if (a.dataset.route === route || (route === "article" && a.dataset.route === "articles")) {
      a.setAttribute("aria-current", "page");
    } else {
      a.removeAttribute("aria-current");
    }
  }
  form.hidden = !FILTERED.has(route);
  if (!form.hidden) {
    fillForm(params);
    // the filter links of other views keep the route's own options
    for (const a of document.querySelectorAll("nav a[data-route]")) {
      const r = a.dataset.route;
      const qs = new URLSearchParams();
      if (FILTERED.has(r)) for (const k of FILTER_KEYS) if (params.get(k)) qs.set(k, params.get(k));
      a.href = "#/" + r + (qs.toString() ? "?" + qs : "");
    }
  }
  showError(null);
  clear(main);
  health();
  document.body.dataset.route = route;
  document.title = (TITLES[route] || "dyad") + " — dyad";
  if (!show) {
    main.append(h("h1", null, "Not found"), h("p", null, "There is no view called “", route, "”. ", h("a", { href: "#/events" }, "Go to the events.")));
    return;
  }
  const ctx = {
    params,
    rest,
    // alive tells an asynchronous view whether it is still the current one
    alive: () => gen === generation,
    navigate,
    setStatus,
    showError,
    filters: currentFilters,
  };
  setStatus("Loading…");
  main.setAttribute("aria-busy", "true");
  try {
    await show(main, ctx);
    if (ctx.alive()) setStatus("");
  } catch (err) {
    if (!ctx.alive()) return;
    setStatus("");
    showError(err);
    if (!main.firstChild) main.append(h("p", { class: "empty" }, "This view could not be loaded."));
  } finally {
    if (ctx.alive()) main.removeAttribute("aria-busy");
  }
}

window.addEventListener("hashchange", () => {
  render();
});

document.getElementById("skip-link").addEventListener("click", (ev) => {
  ev.preventDefault();
  main.focus();
});

if (!location.hash || location.hash === "#" || location.hash === "#/") {
  history.replaceState(null, "", "#/events");
}
render();
