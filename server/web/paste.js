// The paste box: an article pasted here is coded by the server and shown
// in place with the article view. With a write token it is stored (POST
// /api/documents) and opened from the store; without one, or when the
// server refuses the token, it goes to POST /api/code, which stores
// nothing.

import { post } from "./api.js";
import { h, clear } from "./dom.js";
import { renderArticle } from "./article.js";

// The draft survives moving to other views and back.
const draft = { text: "", title: "", date: "", source: "", url: "", id: "" };
const TOKEN_KEY = "dyad.token";

/** showPaste renders the #/paste view into main. */
export async function showPaste(main, ctx) {
  const field = (name, label, attrs = {}, hint = "") =>
    h(
      "div",
      { class: "field" },
      h("label", { for: `p-${name}` }, label),
      h("input", { id: `p-${name}`, name, value: draft[name], "aria-describedby": hint ? `p-${name}-hint` : null, ...attrs }),
      hint ? h("p", { class: "hint", id: `p-${name}-hint` }, hint) : null
    );
  const textArea = h("textarea", {
    id: "p-text",
    name: "text",
    rows: "14",
    required: true,
    spellcheck: "false",
    "data-testid": "paste-text",
    "aria-describedby": "p-text-hint",
  });
  textArea.value = draft.text;
  let stored = "";
  try {
    stored = sessionStorage.getItem(TOKEN_KEY) || "";
  } catch {
    // storage may be disabled
  }
  const token = h("input", { id: "p-token", name: "token", type: "password", autocomplete: "off", value: stored, "aria-describedby": "p-token-hint" });
  const remember = h("input", { id: "p-remember", type: "checkbox", checked: stored !== "" });
  const result = h("section", { class: "paste-result", "data-testid": "paste-result", "aria-live": "polite", "aria-label": "Coded article" });
  const submit = h("button", { type: "submit", class: "primary", "data-testid": "paste-submit" }, "Code the article");

  const form = h(
    "form",
    { class: "paste", "aria-labelledby": "paste-h" },
    h("div", { class: "field wide" }, h("label", { for: "p-text" }, "Article text"), textArea, h("p", { class: "hint", id: "p-text-hint" }, "Plain text, one paragraph per line. Nothing leaves this server.")),
    h(
      "div",
      { class: "row" },
      field("title", "Title"),
      field("date", "Publication date", { type: "date" }, "Relative dates (“on Wednesday”) are resolved against it."),
      field("source", "Source"),
      field("url", "URL", { type: "url" }),
      field("id", "Id", { spellcheck: "false" }, "Storing replaces an article with the same id.")
    ),
    h(
      "div",
      { class: "row" },
      h(
        "div",
        { class: "field" },
        h("label", { for: "p-token" }, "Write token (optional)"),
        token,
        h("p", { class: "hint", id: "p-token-hint" }, "With the server's token the article is stored; without it, it is only coded and shown here.")
      ),
      h("div", { class: "field check" }, remember, h("label", { for: "p-remember" }, "Remember the token in this tab"))
    ),
    h("div", { class: "buttons" }, submit)
  );

  const save = () => {
    draft.text = textArea.value;
    for (const k of ["title", "date", "source", "url", "id"]) draft[k] = form.elements[k].value;
  };
  form.addEventListener("input", save);

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    save();
    ctx.showError(null);
    if (!draft.text.trim()) {
      ctx.showError("Paste the text of an article first.");
      textArea.focus();
      return;
    }
    const tok = token.value.trim();
    try {
      if (remember.checked && tok) sessionStorage.setItem(TOKEN_KEY, tok);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // storage may be disabled
    }
    const article = { text: draft.text };
    for (const k of ["id", "date", "source", "url", "title"]) if (draft[k].trim()) article[k] = draft[k].trim();
    submit.disabled = true;
    clear(result);
    try {
      if (tok) {
        if (!article.id) article.id = "paste-" + fnv(draft.text);
        ctx.setStatus("Coding and storing the article…");
        try {
          const res = await post("/api/documents", JSON.stringify(article), tok);
          if (!ctx.alive()) return;
          ctx.setStatus(`Stored (${res.stored} new, ${res.replaced} replaced, ${res.unchanged} unchanged).`);
          const id = (res.ids && res.ids[0]) || article.id;
          location.hash = "#/article/" + encodeURIComponent(id);
          return;
        } catch (err) {
          if (err.status !== 401 && err.status !== 403) throw err;
          result.append(h("p", { class: "notice", "data-testid": "paste-notice" }, `Not stored: ${err.message}. Coded without storing instead.`));
        }
      }
      ctx.setStatus("Coding the article…");
      const res = await post("/api/code", JSON.stringify(article));
      if (!ctx.alive()) return;
      const docs = res.documents || [];
      if (!docs.length) {
        result.append(h("p", { class: "empty" }, "The server returned no document for this text."));
      }
      for (const d of docs) {
        const view = renderArticle(d.document || {}, d.text || "", { stored: false });
        result.append(view.root);
      }
      ctx.setStatus(`Coded: ${docs.reduce((n, d) => n + ((d.document && d.document.events) || []).length, 0)} events, not stored.`);
      const heading = result.querySelector("h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    } catch (err) {
      if (ctx.alive()) {
        ctx.setStatus("");
        ctx.showError(err);
      }
    } finally {
      submit.disabled = false;
    }
  });

  main.append(
    h("h1", { id: "paste-h" }, "Paste an article"),
    h("p", null, "dyad codes the text in place: its events, actors, quotes and quantities appear below, marked in the text."),
    form,
    result
  );
}

// fnv is the 32-bit FNV-1a hash of a string's UTF-8 bytes, in hex: a
// stable default id for a pasted article.
function fnv(text) {
  let x = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    x ^= b;
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x.toString(16).padStart(8, "0");
}
