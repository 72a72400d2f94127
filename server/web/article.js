// The article view: the text with entity mentions, event triggers (and
// the actor and recipient of each event), quotes and quantities marked,
// and a side panel listing them. Clicking or focusing a mark shows what it
// is in the inspector; selecting an event highlights its trigger, actor
// and recipient in the text.

import { get, getDocument } from "./api.js";
import { h, clear, fmtNum, party, docHref, plural } from "./dom.js";
import { cameoName, QUADS } from "./cameo.js";
import { ByteText, renderMarked } from "./marks.js";

/** showArticle renders the #/article/ID view into main. */
export async function showArticle(main, ctx) {
  const id = ctx.rest;
  if (!id) {
    main.append(h("h1", null, "No article"), h("p", null, "Pick one from ", h("a", { href: "#/articles" }, "the articles"), "."));
    return;
  }
  ctx.setStatus("Loading the article…");
  let data;
  try {
    data = await getDocument(id);
  } catch (err) {
    if (err.status === 404 && ctx.alive()) {
      main.append(
        h("h1", null, "No such article"),
        h("div", { class: "empty", "data-testid": "empty" }, h("p", null, "No stored article has the id “", id, "”. "), h("p", null, "See ", h("a", { href: "#/articles" }, "the stored articles"), "."))
      );
    }
    throw err;
  }
  if (!ctx.alive()) return;
  const view = renderArticle(data.document || {}, data.text || "", { stored: true });
  main.append(view.root);
  document.title = `${(data.document && data.document.title) || id} — dyad`;
  const want = ctx.params.get("event");
  if (want) view.selectEventById(want, true);
  loadCrossConflicts(view, id, ctx);
}

async function loadCrossConflicts(view, id, ctx) {
  try {
    const data = await get("/api/conflicts", { doc: id });
    if (!ctx.alive()) return;
    view.setCrossConflicts(data.conflicts || []);
  } catch (err) {
    if (ctx.alive()) view.setCrossConflicts(null, err);
  }
}

let views = 0;

const KINDS = [
  ["ent", "Entities", "m-ent"],
  ["trig", "Event triggers", "m-trig"],
  ["quote", "Quotes", "m-quote"],
  ["qty", "Quantities", "m-qty"],
  ["speaker", "Speaker labels", "speaker-label"],
];

/**
 * renderArticle builds the article view of a document record and its
 * text. It returns {root, selectEvent(i), selectEventById(id, scroll),
 * setCrossConflicts(list, err)}. opts.stored tells whether the document
 * is in the store (its events can then be looked up across articles).
 */
export function renderArticle(doc, text, opts = {}) {
  const bt = new ByteText(text);
  const events = Array.isArray(doc.events) ? doc.events : [];
  const entities = Array.isArray(doc.entities) ? doc.entities : [];
  const quotes = Array.isArray(doc.quotes) ? doc.quotes : [];
  const quantities = Array.isArray(doc.quantities) ? doc.quantities : [];
  const conflicts = Array.isArray(doc.conflicts) ? doc.conflicts : [];
  const uid = ++views; // keeps element ids unique when several views are on a page
  const inspH = `insp-h-${uid}`;

  // Every span to mark, with what it is.
  const anns = [];
  const add = (span, ann) => {
    if (bt.valid(span)) anns.push({ start: span[0], end: span[1], ...ann });
  };
  entities.forEach((e) => (e.mentions || []).forEach((m) => add(m.span, { kind: "ent", entity: e, mention: m })));
  events.forEach((ev, i) => {
    if (ev.trigger) add(ev.trigger.span, { kind: "trig", event: i, record: ev });
    if (ev.actor) add(ev.actor.span, { kind: "arg", role: "actor", event: i, party: ev.actor });
    if (ev.recipient) add(ev.recipient.span, { kind: "arg", role: "recipient", event: i, party: ev.recipient });
    if (ev.reported_by) add(ev.reported_by.span, { kind: "arg", role: "source", event: i, party: ev.reported_by });
  });
  quotes.forEach((q, i) => {
    add(q.span, { kind: "quote", quote: i, speakerName: (q.speaker && q.speaker.name) || "", direct: !!q.direct });
    if (q.speaker) add(q.speaker.span, { kind: "arg", role: "speaker", quote: i, party: q.speaker });
  });
  quantities.forEach((q, i) => add(q.span, { kind: "qty", quantity: i, record: q }));

  const textEl = h("div", {
    class: "doc-text",
    "data-testid": "article-text",
    lang: "en",
    "aria-label": "Article text; marked words can be activated for details",
  });
  // Blank lines around the text are not drawn (spans never start there).
  let from = 0;
  let to = bt.length;
  const blank = (b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
  while (from < to && blank(bt.bytes[from])) from++;
  while (to > from && blank(bt.bytes[to - 1])) to--;
  textEl.append(renderMarked(bt, anns, makeMark, from, to));

  const inspector = h(
    "section",
    { class: "inspector", "aria-labelledby": inspH, "aria-live": "polite", "data-testid": "inspector" },
    h("h2", { id: inspH }, "Details"),
    h("p", { class: "sub" }, "Select an event, a quote or a marked word to see its codes.")
  );

  // The legend doubles as the switches that show or hide each kind of mark.
  const legend = h("fieldset", { class: "legend" }, h("legend", null, "Show in the text"));
  for (const [kind, label, cls] of KINDS) {
    const idAttr = `show-${kind}-${uid}`;
    const box = h("input", {
      type: "checkbox",
      id: idAttr,
      checked: true,
      onchange: (e) => textEl.classList.toggle(`hide-${kind}`, !e.target.checked),
    });
    legend.append(h("span", { class: "switch" }, box, h("label", { for: idAttr }, h("span", { class: `swatch ${cls}` }, "abc"), " ", label)));
  }
  legend.append(
    h("span", { class: "key" }, h("span", { class: "hl-actor" }, "actor"), " ", h("span", { class: "hl-trigger" }, "trigger"), " ", h("span", { class: "hl-recipient" }, "recipient"), " of the selected event")
  );

  // Side panel lists.
  const evList = h("ol", { class: "items", "data-testid": "event-list" });
  const evButtons = [];
  events.forEach((ev, i) => {
    const btn = h(
      "button",
      { type: "button", class: "item", "aria-pressed": "false", onclick: () => selectEvent(i, true) },
      eventSummary(ev)
    );
    evButtons.push(btn);
    evList.append(
      h(
        "li",
        {
          "data-testid": "event-item",
          "data-event-id": ev.id || "",
          "data-event-cameo": ev.cameo || "",
          "data-event-type": ev.event || "",
          "data-actor-cameo": (ev.actor && ev.actor.cameo) || "",
          "data-recipient-cameo": (ev.recipient && ev.recipient.cameo) || "",
          class: `quad-${ev.quad_class || 0}`,
        },
        btn
      )
    );
  });

  const quoteList = h("ol", { class: "items", "data-testid": "quote-list" });
  quotes.forEach((q, i) => {
    const sp = q.speaker;
    quoteList.append(
      h(
        "li",
        { "data-testid": "quote-item", "data-speaker": (sp && sp.name) || "" },
        h(
          "button",
          { type: "button", class: "item", onclick: () => selectQuote(i) },
          h("span", { class: q.direct ? "qtext direct" : "qtext" }, q.direct ? `“${q.text}”` : q.text),
          h("span", { class: "who" }, "— ", sp ? party(sp) : "no speaker found", q.cue ? `, ${q.cue}` : "", q.direct ? "" : " (indirect)"),
          q.reported_by ? h("span", { class: "who" }, "according to ", party(q.reported_by)) : null
        )
      )
    );
  });

  const qtyList = h("ol", { class: "items", "data-testid": "quantity-list" });
  quantities.forEach((q, i) => {
    qtyList.append(
      h("li", { "data-testid": "quantity-item" }, h("button", { type: "button", class: "item", onclick: () => selectQuantity(i) }, quantitySummary(q)))
    );
  });

  const conflictList = h("ol", { class: "items", "data-testid": "conflict-list" });
  conflicts.forEach((c, i) => {
    const claims = (c.claims || []).map((k) => quantities[k]).filter(Boolean);
    conflictList.append(
      h(
        "li",
        { "data-testid": "conflict" },
        h(
          "button",
          { type: "button", class: "item", onclick: () => selectConflict(i) },
          h("strong", null, c.about || "count"),
          ": ",
          claims.map((q) => `“${q.text}”`).join(" vs "),
          h("span", { class: "who" }, c.why || "")
        )
      )
    );
  });

  const entList = h("ol", { class: "items compact", "data-testid": "entity-list" });
  entities.forEach((e) => {
    entList.append(
      h(
        "li",
        { "data-entity-cameo": e.cameo || "" },
        h(
          "button",
          { type: "button", class: "item", onclick: () => selectEntity(e) },
          h("span", { class: `ent-dot ${typeClass(e.type)}` }),
          e.name || e.id,
          e.cameo ? h("span", { class: "code sub" }, ` ${e.cameo}`) : null,
          h("span", { class: "sub" }, ` ${e.type || ""} · ${(e.mentions || []).length}×`)
        )
      )
    );
  });

  const crossEl = h("div", { "data-testid": "cross-conflicts" }, h("p", { class: "sub" }, opts.stored ? "Looking for counts other articles disagree with…" : "Not stored: only this article's own conflicts are known."));

  const section = (title, count, list, empty) =>
    h(
      "section",
      { class: "side-section" },
      h("h2", null, title, h("span", { class: "count" }, ` ${count}`)),
      count ? list : h("p", { class: "sub" }, empty)
    );

  const side = h(
    "aside",
    { class: "doc-side", "aria-label": "What dyad found" },
    inspector,
    section("Events", events.length, evList, "No events were coded in this article."),
    section("Quotes", quotes.length, quoteList, "No quotations found."),
    section("Quantities", quantities.length, qtyList, "No quantities found."),
    section("Conflicting counts", conflicts.length, conflictList, "The article's counts agree with each other."),
    h("section", { class: "side-section" }, h("h2", null, "Disagreements with other articles"), crossEl),
    section("Entities", entities.length, entList, "No entities found.")
  );

  const meta = [doc.date, doc.source].filter(Boolean).join(" · ");
  const header = h(
    "header",
    { class: "doc-head" },
    h("h1", { "data-testid": "article-title" }, doc.title || doc.doc_id || "Untitled article"),
    h(
      "p",
      { class: "meta" },
      meta,
      doc.url ? [meta ? " · " : "", h("a", { href: safeURL(doc.url), rel: "noopener noreferrer", target: "_blank" }, "original")] : null,
      doc.doc_id ? h("span", { class: "code sub" }, ` ${doc.doc_id}`) : null,
      opts.stored && doc.doc_id ? [" · ", h("a", { href: `#/events?doc=${encodeURIComponent(doc.doc_id)}` }, "its events in the browser")] : null
    ),
    h(
      "p",
      { class: "sub" },
      [plural((doc.sentences || []).length, "sentence"), plural(entities.length, "entity", "entities"), plural(events.length, "event"), plural(quotes.length, "quote"), plural(quantities.length, "quantity", "quantities")].join(" · ")
    )
  );
  const root = h(
    "article",
    { class: "doc", "data-testid": "article", "data-doc-id": doc.doc_id || "" },
    header,
    h("div", { class: "doc-layout" }, h("section", { class: "doc-main", "aria-label": "Article text" }, legend, textEl), side)
  );

  // Selection.
  const byRange = (span) => (bt.valid(span) ? [...textEl.querySelectorAll(`[data-start="${span[0]}"][data-end="${span[1]}"]`)] : []);
  const HL = ["hl-trigger", "hl-actor", "hl-recipient", "hl-source", "hl-speaker", "hl-quote", "hl-qty", "hl-entity"];
  let selected = -1; // the selected event
  const clearSelection = () => {
    selected = -1;
    for (const el of textEl.querySelectorAll("." + HL.join(",."))) el.classList.remove(...HL);
    for (const b of side.querySelectorAll("[aria-pressed=true]")) b.setAttribute("aria-pressed", "false");
  };
  const mark = (span, cls) => {
    const els = byRange(span);
    for (const el of els) el.classList.add(cls);
    return els[0] || null;
  };
  const reveal = (el) => {
    if (el) el.scrollIntoView({ block: "center", behavior: "smooth" });
  };

  function selectEvent(i, scroll) {
    const ev = events[i];
    if (!ev) return;
    clearSelection();
    const first = mark(ev.trigger && ev.trigger.span, "hl-trigger");
    mark(ev.actor && ev.actor.span, "hl-actor");
    mark(ev.recipient && ev.recipient.span, "hl-recipient");
    mark(ev.reported_by && ev.reported_by.span, "hl-source");
    evButtons[i].setAttribute("aria-pressed", "true");
    selected = i;
    showDetails([{ kind: "trig", event: i }]);
    if (scroll) reveal(first);
  }

  function selectQuote(i) {
    const q = quotes[i];
    clearSelection();
    const first = mark(q.span, "hl-quote");
    if (q.speaker) mark(q.speaker.span, "hl-speaker");
    showDetails([{ kind: "quote", quote: i }]);
    reveal(first);
  }

  function selectQuantity(i) {
    clearSelection();
    const first = mark(quantities[i].span, "hl-qty");
    showDetails([{ kind: "qty", quantity: i }]);
    reveal(first);
  }

  function selectConflict(i) {
    clearSelection();
    let first = null;
    const c = conflicts[i];
    for (const k of c.claims || []) {
      if (!quantities[k]) continue;
      const el = mark(quantities[k].span, "hl-qty");
      first = first || el;
    }
    clear(inspector);
    inspector.append(
      h("h2", { id: inspH }, "Conflicting counts"),
      h("p", null, h("strong", null, c.about || ""), ": ", c.why || ""),
      h("ul", null, (c.claims || []).map((k) => (quantities[k] ? h("li", null, quantitySummary(quantities[k])) : null)))
    );
    reveal(first);
  }

  function selectEntity(e) {
    clearSelection();
    let first = null;
    for (const m of e.mentions || []) {
      const el = mark(m.span, "hl-entity");
      first = first || el;
    }
    showDetails([{ kind: "ent", entity: e, mention: null }]);
    reveal(first);
  }

  function showDetails(list) {
    clear(inspector);
    inspector.append(h("h2", { id: inspH }, "Details"));
    const seen = new Set();
    for (const a of list) {
      const key = a.kind + ":" + (a.event ?? a.quote ?? a.quantity ?? (a.entity && a.entity.id)) + ":" + (a.role || "");
      if (seen.has(key)) continue;
      seen.add(key);
      inspector.append(details(a));
    }
  }

  function details(a) {
    switch (a.kind) {
      case "trig":
        return eventDetails(events[a.event], () => selectEvent(a.event, false));
      case "arg": {
        const what = a.event !== undefined ? events[a.event] : null;
        const role = { actor: "Actor", recipient: "Recipient", source: "Source (reported by)", speaker: "Speaker" }[a.role] || a.role;
        return h(
          "div",
          { class: "detail" },
          h("h3", null, role),
          h("p", null, party(a.party)),
          what ? h("p", { class: "sub" }, "of ", h("button", { type: "button", class: "link", onclick: () => selectEvent(a.event, true) }, `${what.cameo} ${cameoName(what.cameo)}`)) : null,
          a.quote !== undefined ? h("p", { class: "sub" }, "of the quote “", clip(quotes[a.quote].text, 60), "”") : null
        );
      }
      case "ent": {
        const e = a.entity;
        return h(
          "div",
          { class: "detail", "data-testid": "entity-detail" },
          h("h3", null, e.name || e.id),
          dl([
            ["Type", e.type],
            ["CAMEO actor", e.cameo],
            ["Country", e.country],
            ["Sector", e.sector],
            ["Role", e.role],
            ["Organisation", e.org],
            ["Mentions", String((e.mentions || []).length)],
            ["This mention", a.mention && a.mention.text],
          ])
        );
      }
      case "quote": {
        const q = quotes[a.quote];
        return h(
          "div",
          { class: "detail", "data-testid": "quote-detail" },
          h("h3", null, q.direct ? "Direct quote" : "Indirect quote"),
          h("p", { class: "qtext" }, q.direct ? `“${q.text}”` : q.text),
          dl([
            ["Speaker", q.speaker ? party(q.speaker) : "not found"],
            ["Cue", q.cue],
            ["According to", q.reported_by ? party(q.reported_by) : ""],
          ])
        );
      }
      case "qty":
        return h("div", { class: "detail" }, h("h3", null, "Quantity"), quantityDetails(quantities[a.quantity]));
      default:
        return h("div");
    }
  }

  // Clicking (or Enter on) a mark shows everything marked at that point.
  const activate = (target) => {
    const chain = [];
    for (let el = target.closest(".m"); el && textEl.contains(el); el = el.parentElement.closest(".m")) chain.push(el);
    if (!chain.length) return;
    // The innermost mark is what was meant; the ones around it follow.
    const list = [];
    for (const el of chain) for (const a of el._anns || []) list.push(a);
    const inner = chain[0]._anns || [];
    const trigs = inner.filter((a) => a.kind === "trig").map((a) => a.event);
    if (trigs.length) {
      // A trigger shared by several events (a call both ways) selects
      // them in turn.
      const at = trigs.indexOf(selected);
      const ev = trigs[(at + 1) % trigs.length];
      selectEvent(ev, false);
      showDetails([{ kind: "trig", event: ev }, ...list.filter((a) => !(a.kind === "trig" && a.event === ev))]);
      return;
    }
    clearSelection();
    const q = inner.find((a) => a.kind === "quote");
    const n = inner.find((a) => a.kind === "qty");
    for (const el of textEl.querySelectorAll(`[data-start="${chain[0].dataset.start}"][data-end="${chain[0].dataset.end}"]`)) {
      el.classList.add(q ? "hl-quote" : n ? "hl-qty" : "hl-entity");
    }
    if (q && quotes[q.quote].speaker) mark(quotes[q.quote].speaker.span, "hl-speaker");
    showDetails(list);
  };
  textEl.addEventListener("click", (e) => activate(e.target));
  textEl.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && e.target.classList.contains("m")) {
      e.preventDefault();
      activate(e.target);
    }
  });

  const selectEventById = (id, scroll) => {
    const i = events.findIndex((ev) => ev.id === id);
    if (i >= 0) {
      selectEvent(i, scroll);
      evButtons[i].scrollIntoView({ block: "nearest" });
    }
  };

  const setCrossConflicts = (list, err) => {
    clear(crossEl);
    if (err) {
      crossEl.append(h("p", { class: "error-inline" }, "Could not load them: ", err.message));
      return;
    }
    if (!list.length) {
      crossEl.append(h("p", { class: "sub" }, "No other stored article gives a count that disagrees."));
      return;
    }
    const ul = h("ol", { class: "items" });
    for (const c of list) {
      ul.append(
        h(
          "li",
          { "data-testid": "cross-conflict" },
          h("strong", null, c.about || "count"),
          ": ",
          c.why || "",
          h(
            "ul",
            null,
            (c.claims || []).map((cl) =>
              h("li", null, h("a", { href: docHref(cl.doc_id) }, cl.source || cl.doc_id), ": ", (cl.quantity && cl.quantity.text) || "")
            )
          )
        )
      );
    }
    crossEl.append(ul);
  };

  return { root, selectEvent, selectEventById, setCrossConflicts };
}

// makeMark creates the element of one marked span (see renderMarked).
function makeMark(node, piece) {
  const kinds = new Set(node.anns.map((a) => a.kind));
  const el = document.createElement("span");
  el._anns = node.anns;
  el.classList.add("m");
  if (piece) el.classList.add("cont");
  el.dataset.start = node.start;
  el.dataset.end = node.end;
  const titles = [];
  const ent = node.anns.find((a) => a.kind === "ent");
  const arg = node.anns.find((a) => a.kind === "arg" && a.party);
  if (ent) {
    const e = ent.entity;
    el.classList.add("m-ent", typeClass(e.type));
    el.dataset.entity = e.id || "";
    titles.push(`${e.name}${e.cameo ? " · " + e.cameo : ""} (${e.type || "entity"}${e.role ? ", " + e.role : ""})`);
  }
  if (ent || arg) {
    const p = ent ? ent.entity : arg.party;
    el.dataset.entityName = p.name || "";
    el.dataset.entityCameo = p.cameo || "";
  }
  if (kinds.has("arg")) el.classList.add("m-arg");
  if (kinds.has("trig")) {
    const trigs = node.anns.filter((a) => a.kind === "trig");
    el.classList.add("m-trig");
    el.dataset.events = trigs.map((a) => a.event).join(" ");
    for (const { record: ev } of trigs) {
      titles.push(`${ev.cameo} ${cameoName(ev.cameo)}: ${party(ev.actor)} → ${party(ev.recipient)}`);
    }
  }
  if (kinds.has("qty")) {
    el.classList.add("m-qty");
    const { quantity, record: q } = node.anns.find((a) => a.kind === "qty");
    el.dataset.quantity = quantity;
    titles.push(`quantity: ${fmtNum(q.value, 2)} ${q.unit || ""}${q.hedge ? " (" + q.hedge + ")" : ""}`);
  }
  for (const a of node.anns) {
    if (a.kind === "arg" && a.role !== "speaker") titles.push(`${a.role} of an event`);
  }
  let testid = ent ? "mention" : kinds.has("arg") ? "argument" : "";
  if (kinds.has("qty")) testid = "quantity";
  if (kinds.has("trig")) testid = "trigger";
  const quote = node.anns.find((a) => a.kind === "quote");
  if (quote) {
    testid = "quote";
    el.classList.add("m-quote");
    el.dataset.quote = quote.quote;
    el.dataset.speaker = quote.speakerName;
    if (quote.direct) el.classList.add("direct");
    if (piece === 0) {
      const label = document.createElement("span");
      label.className = "speaker-label";
      label.dataset.testid = "speaker-label";
      label.textContent = quote.speakerName || "unattributed";
      el.appendChild(label);
    }
    titles.push(`quote by ${quote.speakerName || "an unknown speaker"}`);
  }
  if (testid) el.dataset.testid = testid;
  if (kinds.has("trig") || quote) el.tabIndex = 0;
  el.title = titles.join("\n");
  return el;
}

// typeClass is the class of an entity type: "ent-person", "ent-gpe".
function typeClass(type) {
  return "ent-" + String(type || "other").toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

function eventSummary(ev) {
  const plover = [ev.event, ev.mode].filter(Boolean).join("/");
  return [
    h("span", { class: "line1" }, h("span", { class: "code" }, ev.cameo || ""), " ", cameoName(ev.cameo) || "", plover ? h("span", { class: "plover" }, plover) : null),
    h(
      "span",
      { class: "line2" },
      h("span", { class: "p-actor" }, party(ev.actor)),
      h("span", { "aria-hidden": "true" }, " → "),
      h("span", { class: "visually-hidden" }, " to "),
      h("span", { class: "p-recipient" }, party(ev.recipient))
    ),
    h(
      "span",
      { class: "line3 sub" },
      [
        ev.date || "no date",
        ev.reported_by ? `reported by ${party(ev.reported_by)}` : "",
        ev.negated ? "negated" : "",
        ev.modality && ev.modality !== "asserted" ? ev.modality : "",
        ev.location && ev.location.name ? `in ${ev.location.name}` : "",
      ]
        .filter(Boolean)
        .join(" · ")
    ),
  ];
}

function eventDetails(ev, select) {
  const plover = [ev.event, ev.mode].filter(Boolean).join(" / ");
  return h(
    "div",
    { class: "detail", "data-testid": "event-detail" },
    h("h3", null, h("span", { class: "code" }, ev.cameo), " ", cameoName(ev.cameo)),
    dl([
      ["PLOVER", plover || "(no PLOVER type)"],
      ["Context", (ev.context || []).join(", ")],
      ["Quad class", ev.quad_class ? `${ev.quad_class} ${QUADS[ev.quad_class] || ""}` : ""],
      ["Goldstein", fmtNum(ev.goldstein)],
      ["Actor", party(ev.actor)],
      ["Recipient", party(ev.recipient)],
      ["Date", ev.date],
      ["Reported by", ev.reported_by ? party(ev.reported_by) : ""],
      ["Place", ev.location ? `${ev.location.name}${ev.location.country ? ", " + ev.location.country : ""}` : ""],
      ["Modality", ev.modality],
      ["Negated", ev.negated ? "yes" : ""],
      ["Trigger", ev.trigger && ev.trigger.text],
      ["Confidence", fmtNum(ev.confidence, 2)],
      ["Rule", ev.rule],
    ]),
    h("button", { type: "button", class: "link", onclick: select }, "Highlight in the text")
  );
}

function quantitySummary(q) {
  const range = q.low !== q.high && q.high ? ` (${fmtNum(q.low, 2)}–${fmtNum(q.high, 2)})` : "";
  return [
    h("span", null, `“${q.text}”`),
    h(
      "span",
      { class: "who" },
      `${fmtNum(q.value, 2)} ${q.unit || ""}${range}`,
      q.kind ? ` · ${q.kind}` : "",
      q.hedge ? ` · hedge “${q.hedge}”` : "",
      q.reported_by ? ` · according to ${party(q.reported_by)}` : ""
    ),
  ];
}

function quantityDetails(q) {
  return dl([
    ["Text", q.text],
    ["Value", fmtNum(q.value, 2)],
    ["Range", q.low !== undefined ? `${fmtNum(q.low, 2)} to ${q.high ? fmtNum(q.high, 2) : "open"}` : ""],
    ["Unit", q.unit],
    ["Kind", q.kind],
    ["Hedge", q.hedge],
    ["According to", q.reported_by ? party(q.reported_by) : ""],
  ]);
}

function dl(rows) {
  const out = h("dl");
  for (const [k, v] of rows) {
    if (v === undefined || v === null || v === "") continue;
    out.append(h("dt", null, k), h("dd", null, v));
  }
  return out;
}

function clip(s, n) {
  s = String(s || "");
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

// safeURL lets only http(s) links through.
function safeURL(u) {
  try {
    const url = new URL(u, location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
