// The dyad network: actor codes (or their countries) as nodes, the
// events between them as directed edges, laid out by a small
// force-directed simulation and drawn as inline SVG. Activating a node
// shows its events; activating an edge shows the events of that dyad.

import { get, filters } from "./api.js";
import { h, s, fmtNum } from "./dom.js";

const W = 960;
const H = 560;
const PAD = 90;

/** showNetwork renders the #/network view into main. */
export async function showNetwork(main, ctx) {
  const params = ctx.params;
  const f = filters(params);
  const group = params.get("nodes") === "country" ? "country" : "actor";
  const limit = Math.min(1000, Math.max(1, Number(params.get("limit")) || 50));

  const relink = (change) => {
    const next = {};
    for (const [k, v] of params) next[k] = v;
    Object.assign(next, change);
    ctx.navigate("network", next);
  };
  const groupSel = h(
    "select",
    { id: "nw-nodes", onchange: (e) => relink({ nodes: e.target.value === "actor" ? "" : e.target.value }) },
    h("option", { value: "actor", selected: group === "actor" }, "actors (CAMEO codes)"),
    h("option", { value: "country", selected: group === "country" }, "countries (first three letters)")
  );
  const limitSel = h(
    "select",
    { id: "nw-limit", onchange: (e) => relink({ limit: e.target.value === "50" ? "" : e.target.value }) },
    [20, 50, 100, 200].map((n) => h("option", { value: String(n), selected: n === limit }, String(n)))
  );
  main.append(
    h("h1", null, "Network"),
    h(
      "div",
      { class: "toolbar" },
      h("label", { for: "nw-nodes" }, "Nodes"),
      groupSel,
      h("label", { for: "nw-limit" }, "Busiest dyads"),
      limitSel,
      h("p", { class: "summary" }, "Select a node to see its events as actor; select an edge, or a row of the table, for the events of that pair.")
    )
  );

  const [dy, actors] = await Promise.all([get("/api/dyads", { ...f, limit }), get("/api/actors", { limit: 1000 }).catch(() => ({ actors: [] }))]);
  if (!ctx.alive()) return;
  const dyads = dy.dyads || [];
  if (!dyads.length) {
    main.append(h("div", { class: "empty", "data-testid": "empty" }, h("p", null, "No events match this filter, so there is no network to draw.")));
    return;
  }
  const names = new Map(); // code -> names, most events first
  for (const a of actors.actors || []) {
    if (!a.cameo || !a.name) continue;
    if (!names.has(a.cameo)) names.set(a.cameo, []);
    names.get(a.cameo).push(a.name);
  }
  const key = (code) => (group === "country" ? code.slice(0, 3) : code);

  // Nodes and edges, merged by group.
  const nodes = new Map();
  const edges = new Map();
  const node = (code) => {
    let n = nodes.get(code);
    if (!n) {
      n = { code, events: 0, out: 0, in: 0, x: 0, y: 0, vx: 0, vy: 0 };
      nodes.set(code, n);
    }
    return n;
  };
  for (const d of dyads) {
    if (!d.actor || !d.recipient) continue;
    const a = node(key(d.actor));
    const b = node(key(d.recipient));
    a.events += d.events;
    a.out += d.events;
    if (a !== b) {
      b.events += d.events;
      b.in += d.events;
    }
    const ek = a.code + ">" + b.code;
    let e = edges.get(ek);
    if (!e) {
      e = { a, b, events: 0, mentions: 0, goldstein: 0 };
      edges.set(ek, e);
    }
    e.events += d.events;
    e.mentions += d.mentions;
    e.goldstein += d.goldstein;
  }
  const list = [...nodes.values()].sort((p, q) => q.events - p.events || (p.code < q.code ? -1 : 1));
  const links = [...edges.values()].filter((e) => e.a !== e.b);
  layout(list, links);

  const filterBy = (change) => {
    const next = { ...f };
    delete next.actor;
    delete next.recipient;
    ctx.navigate("events", { ...next, ...change });
  };
  main.append(
    h("figure", { class: "chart" }, draw(list, links, names, group, filterBy), h("figcaption", null, caption())),
    table(dyads, names, filterBy)
  );
}

// layout places the nodes: a circle to start from, then a
// Fruchterman–Reingold simulation with a fixed number of steps, so the
// same data always gives the same picture.
function layout(nodes, links) {
  const n = nodes.length;
  const cx = W / 2;
  const cy = H / 2;
  nodes.forEach((p, i) => {
    const a = (2 * Math.PI * i) / n;
    p.x = cx + (W / 3) * Math.cos(a);
    p.y = cy + (H / 3) * Math.sin(a);
  });
  if (n < 2) {
    if (n === 1) [nodes[0].x, nodes[0].y] = [cx, cy];
    return;
  }
  const k = Math.sqrt(((W - 2 * PAD) * (H - 2 * PAD)) / n) * 0.75;
  const maxW = Math.max(...links.map((e) => e.events), 1);
  let temp = W / 8;
  for (let step = 0; step < 300; step++) {
    for (const p of nodes) {
      p.vx = 0;
      p.vy = 0;
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const p = nodes[i];
        const q = nodes[j];
        let dx = p.x - q.x;
        let dy = p.y - q.y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) {
          dx = 0.01 * (i - j);
          dy = 0.01;
          d = Math.hypot(dx, dy);
        }
        const force = (k * k) / d;
        p.vx += (dx / d) * force;
        p.vy += (dy / d) * force;
        q.vx -= (dx / d) * force;
        q.vy -= (dy / d) * force;
      }
    }
    for (const e of links) {
      const dx = e.a.x - e.b.x;
      const dy = e.a.y - e.b.y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const force = ((d * d) / k) * (0.5 + e.events / maxW);
      e.a.vx -= (dx / d) * force;
      e.a.vy -= (dy / d) * force;
      e.b.vx += (dx / d) * force;
      e.b.vy += (dy / d) * force;
    }
    for (const p of nodes) {
      // a weak pull to the centre keeps unconnected parts on the page
      p.vx += (cx - p.x) * 0.02 * k;
      p.vy += (cy - p.y) * 0.02 * k;
      const v = Math.hypot(p.vx, p.vy);
      if (v > 0) {
        p.x += (p.vx / v) * Math.min(v, temp);
        p.y += (p.vy / v) * Math.min(v, temp);
      }
    }
    temp = Math.max(1, temp * 0.97);
  }
  // Fit into the drawing.
  const xs = nodes.map((p) => p.x);
  const ys = nodes.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = x1 - x0 > 1 ? (W - 2 * PAD) / (x1 - x0) : 1;
  const sy = y1 - y0 > 1 ? (H - 2 * PAD) / (y1 - y0) : 1;
  for (const p of nodes) {
    p.x = x1 - x0 > 1 ? PAD + (p.x - x0) * sx : cx;
    p.y = y1 - y0 > 1 ? PAD + (p.y - y0) * sy : cy;
  }
}

function tone(goldstein, events) {
  const avg = events ? goldstein / events : 0;
  if (avg > 0.5) return "coop";
  if (avg < -0.5) return "conflict";
  return "neutral";
}

function draw(nodes, links, names, group, filterBy) {
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "network",
    role: "group",
    "aria-label": `Network of ${nodes.length} ${group === "country" ? "countries" : "actors"} and ${links.length} directed dyads`,
    "data-testid": "network-chart",
  });
  const defs = s("defs");
  for (const t of ["coop", "conflict", "neutral"]) {
    const m = s("marker", { id: `arrow-${t}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" });
    m.append(s("path", { d: "M0,0 L10,5 L0,10 z", class: `arrow ${t}` }));
    defs.append(m);
  }
  svg.append(defs);

  const maxEv = Math.max(...nodes.map((p) => p.events), 1);
  const radius = (p) => 7 + 18 * Math.sqrt(p.events / maxEv);
  const maxW = Math.max(...links.map((e) => e.events), 1);
  const edgeLayer = s("g", { class: "edges" });
  const has = new Set(links.map((e) => e.a.code + ">" + e.b.code));
  for (const e of links) {
    const t = tone(e.goldstein, e.events);
    const dx = e.b.x - e.a.x;
    const dy = e.b.y - e.a.y;
    const d = Math.max(1, Math.hypot(dx, dy));
    // Both directions of a pair bend apart so each stays visible.
    const bend = has.has(e.b.code + ">" + e.a.code) ? 0.18 : 0;
    const mx = (e.a.x + e.b.x) / 2 - dy * bend;
    const my = (e.a.y + e.b.y) / 2 + dx * bend;
    // Stop the line at the rim of the target circle.
    const rb = radius(e.b) + 2;
    const ex = e.b.x - ((e.b.x - mx) / Math.hypot(e.b.x - mx, e.b.y - my)) * rb;
    const ey = e.b.y - ((e.b.y - my) / Math.hypot(e.b.x - mx, e.b.y - my)) * rb;
    const width = 1 + 5 * Math.sqrt(e.events / maxW);
    const label = `${e.a.code} → ${e.b.code}: ${e.events} events, ${e.mentions} mentions, Goldstein sum ${fmtNum(e.goldstein)}`;
    const path = s(
      "path",
      {
        d: `M${e.a.x.toFixed(1)},${e.a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
        class: `edge ${t}`,
        "stroke-width": width.toFixed(2),
        "marker-end": `url(#arrow-${t})`,
        "data-testid": "edge",
        "data-actor": e.a.code,
        "data-recipient": e.b.code,
        "data-events": e.events,
      },
      s("title", null, label)
    );
    path.addEventListener("click", () => filterBy({ actor: e.a.code, recipient: e.b.code }));
    edgeLayer.append(path);
    e.el = path;
  }
  svg.append(edgeLayer);

  const nodeLayer = s("g", { class: "nodes" });
  for (const p of nodes) {
    const r = radius(p);
    const who = names.get(p.code);
    const nameText = group === "actor" && who ? who.slice(0, 3).join(", ") + (who.length > 3 ? ", …" : "") : "";
    const label = `${p.code}${nameText ? " (" + nameText + ")" : ""}: ${p.events} events, ${p.out} as actor, ${p.in} as recipient. Show its events.`;
    const g = s(
      "g",
      {
        class: "node",
        tabindex: "0",
        role: "link",
        "aria-label": label,
        "data-testid": "node",
        "data-cameo": p.code,
        "data-events": p.events,
        transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`,
      },
      s("title", null, label),
      s("circle", { r: r.toFixed(1) }),
      s("text", { y: (r + 14).toFixed(1), class: "label" }, p.code),
      nameText ? s("text", { y: (r + 27).toFixed(1), class: "sublabel" }, clip(who[0], 24)) : null
    );
    const activate = () => filterBy({ actor: p.code });
    g.addEventListener("click", activate);
    g.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        activate();
      }
    });
    const lit = (on) => {
      for (const e of links) if (e.a === p || e.b === p) e.el.classList.toggle("lit", on);
      svg.classList.toggle("focusing", on);
    };
    g.addEventListener("mouseenter", () => lit(true));
    g.addEventListener("mouseleave", () => lit(false));
    g.addEventListener("focus", () => lit(true));
    g.addEventListener("blur", () => lit(false));
    nodeLayer.append(g);
  }
  svg.append(nodeLayer);
  return svg;
}

function caption() {
  return h(
    "ul",
    { class: "chart-legend" },
    h("li", null, "Circle size: events the node takes part in; line width: events from one to the other (arrow points at the recipient)."),
    h("li", null, h("span", { class: "line-key coop" }), "mostly cooperative (mean Goldstein above 0.5)"),
    h("li", null, h("span", { class: "line-key conflict" }), "mostly conflictual (below −0.5, dashed)"),
    h("li", null, h("span", { class: "line-key neutral" }), "neutral (dotted)")
  );
}

function table(dyads, names, filterBy) {
  const nm = (code) => {
    const n = names.get(code);
    return n && n.length ? ` ${n[0]}` : "";
  };
  return h(
    "details",
    { class: "table-details" },
    h("summary", null, "The dyads as a table"),
    h(
      "table",
      { class: "data", "data-testid": "dyad-table" },
      h("caption", null, "Dyads, most events first"),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, "Actor"),
          h("th", { scope: "col" }, "Recipient"),
          h("th", { scope: "col", class: "num" }, "Events"),
          h("th", { scope: "col", class: "num" }, "Mentions"),
          h("th", { scope: "col", class: "num" }, "Goldstein sum"),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Open"))
        )
      ),
      h(
        "tbody",
        null,
        dyads.map((d) =>
          h(
            "tr",
            null,
            h("td", null, d.actor || "—", h("span", { class: "sub" }, nm(d.actor))),
            h("td", null, d.recipient || "—", h("span", { class: "sub" }, nm(d.recipient))),
            h("td", { class: "num" }, String(d.events)),
            h("td", { class: "num" }, String(d.mentions)),
            h("td", { class: "num" }, fmtNum(d.goldstein)),
            h("td", null, h("button", { type: "button", class: "link", onclick: () => filterBy({ actor: d.actor, recipient: d.recipient }) }, "events"))
          )
        )
      )
    )
  );
}

function clip(s, n) {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
