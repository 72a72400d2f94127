// The list of stored articles, newest first as the API gives them.

import { get } from "./api.js";
import { h, docHref } from "./dom.js";

const PAGE = 50;

/** showDocuments renders the #/articles view into main. */
export async function showDocuments(main, ctx) {
  const offset = Math.max(0, Number(ctx.params.get("offset")) || 0);
  main.append(h("h1", null, "Articles"));
  const data = await get("/api/documents", { limit: PAGE + 1, offset });
  if (!ctx.alive()) return;
  const docs = data.documents || [];
  if (!docs.length) {
    main.append(
      h(
        "div",
        { class: "empty", "data-testid": "empty" },
        h("p", null, offset ? "No more articles." : "No articles are stored yet."),
        h("p", null, "Start the server with --demo, post articles to /api/documents, or ", h("a", { href: "#/paste" }, "paste one"), ".")
      )
    );
    return;
  }
  const page = docs.slice(0, PAGE);
  main.append(
    h(
      "table",
      { class: "data docs", "data-testid": "documents-table" },
      h("caption", { class: "visually-hidden" }, "Stored articles"),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, "Title"),
          h("th", { scope: "col" }, "Date"),
          h("th", { scope: "col" }, "Source"),
          h("th", { scope: "col", class: "num" }, "Sentences"),
          h("th", { scope: "col", class: "num" }, "Events"),
          h("th", { scope: "col" }, "Stored")
        )
      ),
      h(
        "tbody",
        null,
        page.map((d) =>
          h(
            "tr",
            { "data-testid": "doc-row", "data-doc-id": d.id },
            h("td", null, h("a", { href: docHref(d.id) }, d.title || d.id), d.title ? h("span", { class: "code sub" }, ` ${d.id}`) : null),
            h("td", { class: "nowrap" }, d.date || ""),
            h("td", null, d.source || ""),
            h("td", { class: "num" }, String(d.sentences ?? "")),
            h("td", { class: "num" }, d.events ? h("a", { href: `#/events?doc=${encodeURIComponent(d.id)}` }, String(d.events)) : "0"),
            h("td", { class: "nowrap" }, (d.ingested || "").replace("T", " ").replace(/\.\d+/, "").replace("Z", " UTC"))
          )
        )
      )
    )
  );
  const nav = h("nav", { class: "pager", "aria-label": "Pages of articles" });
  if (offset > 0) nav.append(h("a", { href: `#/articles${offset - PAGE > 0 ? "?offset=" + (offset - PAGE) : ""}` }, "← newer"));
  if (docs.length > PAGE) nav.append(h("a", { href: `#/articles?offset=${offset + PAGE}` }, "older →"));
  if (nav.firstChild) main.append(nav);
}
