// The event browser: the events matching the filter in a sortable table;
// each row opens the sentences that report the event, with the trigger,
// actor and recipient marked.

import { get, filters } from "./api.js";
import { h, clear, fmtNum, party, docHref, plural } from "./dom.js";
import { cameoName, QUADS } from "./cameo.js";
import { sentenceMarks } from "./marks.js";

const PAGE = 100;
const MAX_EVIDENCE = 5; // sentences shown per merged event

// SORTS are the orders the API offers, by column: dates either way, the
// most mentioned first, the most conflictual (lowest Goldstein) first.
const SORTS = {
  date: { asc: "date", desc: "-date", title: "Sort by date" },
  mentions: { desc: "mentions", title: "Most mentioned first" },
  goldstein: { asc: "goldstein", title: "Most conflictual first" },
};

/** showEvents renders the #/events view into main. */
export async function showEvents(main, ctx) {
  const params = ctx.params;
  const view = params.get("view") === "mentions" ? "mentions" : "merged";
  const order = params.get("order") || "";
  const f = filters(params);

  const heading = h("h1", null, view === "mentions" ? "Event mentions" : "Events");
  const viewSel = h(
    "select",
    { id: "ev-view", onchange: (ev) => relink(ctx, { view: ev.target.value === "merged" ? "" : ev.target.value }) },
    h("option", { value: "merged", selected: view === "merged" }, "merged events (one row per event)"),
    h("option", { value: "mentions", selected: view === "mentions" }, "mentions (one row per report)")
  );
  const summary = h("p", { class: "summary", id: "ev-summary" });
  const toolbar = h("div", { class: "toolbar" }, h("label", { for: "ev-view" }, "Show"), viewSel, summary);
  const table = h("table", { class: "events", "data-testid": "events-table", "aria-describedby": "ev-summary" });
  const more = h("div", { class: "more" });
  main.append(heading, toolbar, table);
  main.append(more);

  table.append(
    h("caption", { class: "visually-hidden" }, "Events matching the filter. Up and down arrows move between rows; Enter shows the sentences reporting the event."),
    head(ctx, view, order)
  );
  const body = h("tbody");
  table.append(body);

  let shown = 0;
  const load = async (cursor) => {
    ctx.setStatus("Loading events…");
    const data = await get("/api/events", { ...f, view: view === "mentions" ? "mentions" : "", order, limit: PAGE, cursor });
    if (!ctx.alive()) return;
    const items = (view === "mentions" ? data.mentions : data.events) || [];
    items.forEach((item, i) => body.append(...row(item, view, shown + i)));
    shown += items.length;
    clear(summary);
    summary.append(plural(shown, view === "mentions" ? "mention" : "event") + (data.next ? " so far" : ""));
    clear(more);
    if (data.next) {
      more.append(
        h(
          "button",
          {
            type: "button",
            "data-testid": "load-more",
            onclick: async (ev) => {
              ev.target.disabled = true;
              try {
                await load(data.next);
                ctx.setStatus("");
              } catch (err) {
                ctx.setStatus("");
                ctx.showError(err);
                ev.target.disabled = false;
              }
            },
          },
          `Load ${PAGE} more`
        )
      );
    }
    if (shown === 0) {
      table.hidden = true;
      const hasFilter = Object.keys(f).length > 0;
      main.append(
        h(
          "div",
          { class: "empty", "data-testid": "empty" },
          h("p", null, hasFilter ? "No events match this filter." : "No events are stored yet."),
          h(
            "p",
            null,
            hasFilter
              ? "Widen the dates, use a shorter code prefix (RUS instead of RUSGOV), or clear the filter."
              : "Store articles with POST /api/documents or dyad serve --demo, or try ",
            hasFilter ? null : h("a", { href: "#/paste" }, "coding an article in place"),
            hasFilter ? null : "."
          )
        )
      );
    }
  };
  try {
    await load("");
  } catch (err) {
    table.remove(); // an empty table would read as "no events"
    throw err;
  }
}

function relink(ctx, change) {
  const next = {};
  for (const [k, v] of ctx.params) if (k !== "cursor") next[k] = v;
  Object.assign(next, change);
  ctx.navigate("events", next);
}

function head(ctx, view, order) {
  const sortable = (label, key) => {
    const s = SORTS[key];
    let sort = "none";
    if (order === s.asc || (key === "date" && order === "")) sort = "ascending";
    if (order === s.desc) sort = "descending";
    const nextOrder = sort === "ascending" && s.desc ? s.desc : s.asc || s.desc;
    const arrow = sort === "ascending" ? " ▲" : sort === "descending" ? " ▼" : "";
    return h(
      "th",
      { scope: "col", "aria-sort": sort },
      h(
        "button",
        {
          type: "button",
          class: "sort",
          "data-sort": key,
          title: s.title,
          onclick: () => relink(ctx, { order: nextOrder }),
        },
        label,
        h("span", { "aria-hidden": "true" }, arrow)
      )
    );
  };
  const col = (label, cls) => h("th", { scope: "col", class: cls }, label);
  return h(
    "thead",
    null,
    h(
      "tr",
      null,
      sortable("Date", "date"),
      col("Actor"),
      col("Event"),
      col("Recipient"),
      sortable("Goldstein", "goldstein"),
      view === "merged" ? sortable("Mentions", "mentions") : col("Confidence", "num"),
      view === "merged" ? col("Articles", "num") : col("Article")
    )
  );
}

let rowSeq = 0;

function row(ev, view, index) {
  const id = `evidence-${++rowSeq}`;
  const disclose = h("button", { type: "button", class: "disclose", "aria-expanded": "false", "aria-controls": id, tabindex: "-1" });
  disclose.append(h("span", { class: "visually-hidden" }, "Show the evidence"));
  const evidence = h("tr", { class: "evidence", id, hidden: true }, h("td", { colspan: "7" }));
  const quad = ev.quad_class || 0;
  const code = ev.cameo || "";
  const plover = [ev.event, ev.mode].filter(Boolean).join("/");
  const dateText = ev.last_date && ev.last_date !== ev.date ? `${ev.date} – ${ev.last_date}` : ev.date || "no date";
  const tr = h(
    "tr",
    {
      class: ["ev-row", `quad-${quad}`, ev.negated ? "negated" : ""],
      // one row at a time is in the tab order (the one last focused);
      // the arrow keys move between rows
      tabindex: index === 0 ? "0" : "-1",
      "data-testid": "event-row",
      "data-index": index,
      "data-event-id": ev.id,
      "data-event-cameo": code,
      "data-event-type": ev.event || "",
      "data-actor-cameo": (ev.actor && ev.actor.cameo) || "",
      "data-recipient-cameo": (ev.recipient && ev.recipient.cameo) || "",
      "aria-expanded": "false",
      "aria-controls": id,
    },
    h("td", { class: "date" }, disclose, dateText),
    h("td", null, partyCell(ev.actor)),
    h(
      "td",
      null,
      h("span", { class: "code" }, code),
      " ",
      cameoName(code) || "",
      plover ? h("span", { class: "plover" }, plover) : null,
      h("span", { class: `quad-tag quad-${quad}`, title: QUADS[quad] || "" }, `Q${quad}`),
      ev.negated ? h("span", { class: "badge" }, "negated") : null,
      ev.modality && ev.modality !== "asserted" ? h("span", { class: "badge" }, ev.modality) : null
    ),
    h("td", null, partyCell(ev.recipient)),
    h("td", { class: "num" }, fmtNum(ev.goldstein)),
    view === "merged" ? h("td", { class: "num" }, String(ev.num_mentions ?? "")) : h("td", { class: "num" }, fmtNum(ev.confidence, 2)),
    view === "merged"
      ? h("td", { class: "num" }, String(ev.num_articles ?? ""), ev.num_sources ? h("span", { class: "sub" }, ` from ${plural(ev.num_sources, "source")}`) : null)
      : h("td", null, h("a", { href: docHref(ev.doc_id) + "?event=" + encodeURIComponent(ev.id) }, ev.doc_id))
  );
  let loaded = false;
  const toggle = async () => {
    const open = tr.getAttribute("aria-expanded") !== "true";
    tr.setAttribute("aria-expanded", String(open));
    disclose.setAttribute("aria-expanded", String(open));
    evidence.hidden = !open;
    if (open && !loaded) {
      loaded = true;
      const cell = evidence.firstChild;
      cell.append(h("p", { class: "loading" }, "Loading the evidence…"));
      try {
        const items = view === "mentions" ? [{ rec: ev }] : await evidenceOf(ev);
        clear(cell);
        cell.append(evidenceList(items, ev));
      } catch (err) {
        loaded = false;
        clear(cell);
        cell.append(h("p", { class: "error-inline" }, "The evidence could not be loaded: ", err.message));
      }
    }
  };
  tr.addEventListener("click", (e) => {
    if (e.target.closest("a")) return;
    toggle();
  });
  tr.addEventListener("focus", () => {
    for (const r of tr.parentElement.querySelectorAll('tr.ev-row[tabindex="0"]')) if (r !== tr) r.tabIndex = -1;
    tr.tabIndex = 0;
  });
  tr.addEventListener("keydown", (e) => {
    if (e.target !== tr) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      toggle();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const rows = [...tr.parentElement.querySelectorAll("tr.ev-row")];
      const i = rows.indexOf(tr) + (e.key === "ArrowDown" ? 1 : -1);
      if (rows[i]) rows[i].focus();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      const rows = [...tr.parentElement.querySelectorAll("tr.ev-row")];
      (e.key === "Home" ? rows[0] : rows[rows.length - 1]).focus();
    }
  });
  return [tr, evidence];
}

function partyCell(p) {
  if (!p || (!p.cameo && !p.name && !p.text)) return h("span", { class: "none" }, "—");
  return [h("span", { class: "name" }, p.name || p.text || p.cameo), p.cameo ? h("span", { class: "code sub" }, p.cameo) : null];
}

// evidenceOf fetches the first mentions of a merged event, with the
// sentences they came from, in one call.
async function evidenceOf(ev) {
  const data = await get("/api/events", { view: "mentions", merged: ev.id, limit: MAX_EVIDENCE });
  return (data.mentions || []).map((m) => ({ rec: m, title: m.title, source: m.source, date: m.date }));
}

function evidenceList(items, ev) {
  const list = h("ol", { class: "evidence-list", "data-testid": "evidence" });
  for (const it of items) {
    if (it.missing) {
      list.append(h("li", null, "Mention ", it.missing, " is no longer stored."));
      continue;
    }
    const r = it.rec;
    const who = [];
    if (r.reported_by) who.push(`reported by ${party(r.reported_by)}`);
    if (r.actor) who.push(`actor ${party(r.actor)}`);
    if (r.recipient) who.push(`recipient ${party(r.recipient)}`);
    list.append(
      h(
        "li",
        { "data-testid": "evidence-sentence" },
        h("blockquote", { class: "sentence" }, sentenceMarks(r)),
        h(
          "p",
          { class: "meta" },
          h("a", { href: docHref(r.doc_id) + "?event=" + encodeURIComponent(r.id) }, it.title || r.doc_id),
          " · ",
          [it.source || r.source, r.date].filter(Boolean).join(" · "),
          " · ",
          `trigger “${(r.trigger && r.trigger.text) || ""}”`,
          who.length ? " · " + who.join(" · ") : "",
          r.rule ? h("span", { class: "rule", title: "the lexicon entry that matched" }, ` · ${r.rule}`) : null
        )
      )
    );
  }
  const rest = (ev.mentions || []).length - items.length;
  if (rest > 0) list.append(h("li", { class: "sub" }, `and ${rest} more mentions`));
  return list;
}
