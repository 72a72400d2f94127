// The timeline: the events matching the filter per day or week, as bars
// by quad class (cooperation above the axis, conflict below) with the
// Goldstein sum as a line, drawn as inline SVG.

import { get, filters } from "./api.js";
import { h, s, fmtNum } from "./dom.js";
import { QUADS } from "./cameo.js";

const W = 960;
const H = 380;
const M = { top: 20, right: 64, bottom: 56, left: 56 };
const MAX_FILL = 370; // buckets up to which missing days or weeks are drawn as gaps

/** showTimeline renders the #/timeline view into main. */
export async function showTimeline(main, ctx) {
  const params = ctx.params;
  const by = params.get("by") === "week" ? "week" : "day";
  const metric = params.get("count") === "mentions" ? "mentions" : "events";
  const f = filters(params);

  const relink = (change) => {
    const next = {};
    for (const [k, v] of params) next[k] = v;
    Object.assign(next, change);
    ctx.navigate("timeline", next);
  };
  const bySel = h(
    "select",
    { id: "tl-by", onchange: (e) => relink({ by: e.target.value === "day" ? "" : e.target.value }) },
    h("option", { value: "day", selected: by === "day" }, "day"),
    h("option", { value: "week", selected: by === "week" }, "week")
  );
  const countSel = h(
    "select",
    { id: "tl-count", onchange: (e) => relink({ count: e.target.value === "events" ? "" : e.target.value }) },
    h("option", { value: "events", selected: metric === "events" }, "merged events"),
    h("option", { value: "mentions", selected: metric === "mentions" }, "mentions")
  );
  main.append(
    h("h1", null, "Timeline"),
    h("div", { class: "toolbar" }, h("label", { for: "tl-by" }, "Per"), bySel, h("label", { for: "tl-count" }, "Count"), countSel)
  );

  const data = await get("/api/timeline", { ...f, by });
  if (!ctx.alive()) return;
  const points = data.points || [];
  if (!points.length) {
    main.append(h("div", { class: "empty", "data-testid": "empty" }, h("p", null, "No events match this filter, so there is nothing to draw.")));
    return;
  }
  const buckets = bucketize(points, by, metric);
  const figure = h(
    "figure",
    { class: "chart" },
    chart(buckets, by, metric, (b) => ctx.navigate("events", { ...f, ...range(b, by) })),
    h("figcaption", null, legend(metric))
  );
  main.append(figure, dataTable(buckets, by, metric, f));
}

// bucketize groups the points by date: {date, q: [0, n1, n2, n3, n4], g}.
function bucketize(points, by, metric) {
  const map = new Map();
  for (const p of points) {
    const key = p.date || "";
    let b = map.get(key);
    if (!b) {
      b = { date: key, q: [0, 0, 0, 0, 0], g: 0, total: 0 };
      map.set(key, b);
    }
    const n = Number(p[metric]) || 0;
    const qc = p.quad_class >= 1 && p.quad_class <= 4 ? p.quad_class : 0;
    b.q[qc] += n;
    b.total += n;
    b.g += Number(p.goldstein) || 0;
  }
  const dated = [...map.values()].filter((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.date)).sort((a, b) => (a.date < b.date ? -1 : 1));
  const undated = [...map.values()].filter((b) => !/^\d{4}-\d{2}-\d{2}$/.test(b.date));
  let out = dated;
  if (dated.length > 1) {
    const step = by === "week" ? 7 : 1;
    const first = Date.parse(dated[0].date + "T00:00:00Z");
    const last = Date.parse(dated[dated.length - 1].date + "T00:00:00Z");
    const n = Math.round((last - first) / (step * 86400000)) + 1;
    if (n <= MAX_FILL) {
      out = [];
      for (let i = 0; i < n; i++) {
        const d = new Date(first + i * step * 86400000).toISOString().slice(0, 10);
        out.push(map.get(d) || { date: d, q: [0, 0, 0, 0, 0], g: 0, total: 0, gap: true });
      }
    } else {
      out.forEach((b) => (b.jump = true));
    }
  }
  return out.concat(undated);
}

function range(b, by) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(b.date)) return {};
  if (by === "day") return { from: b.date, to: b.date };
  const end = new Date(Date.parse(b.date + "T00:00:00Z") + 6 * 86400000).toISOString().slice(0, 10);
  return { from: b.date, to: end };
}

function ticks(max, n) {
  if (max <= 0) return [0];
  const raw = max / n;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw) || raw;
  const out = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(Number(v.toFixed(6)));
  return out;
}

function chart(buckets, by, metric, open) {
  const plotW = W - M.left - M.right;
  const top = M.top;
  const bottom = H - M.bottom;
  const up = Math.max(0, ...buckets.map((b) => b.q[1] + b.q[2] + b.q[0]));
  const down = Math.max(0, ...buckets.map((b) => b.q[3] + b.q[4]));
  const gPos = Math.max(0, ...buckets.filter((b) => !b.gap).map((b) => b.g));
  const gNeg = Math.max(0, ...buckets.filter((b) => !b.gap).map((b) => -b.g));

  // The zero line: counts of cooperation go up from it, of conflict down;
  // the Goldstein axis on the right shares it.
  const needUp = up > 0 || gPos > 0;
  const needDown = down > 0 || gNeg > 0;
  let share = 1;
  if (needUp && needDown) {
    const cu = up || gPos;
    const cd = down || gNeg;
    share = Math.min(0.8, Math.max(0.2, cu / (cu + cd)));
  } else if (needDown) {
    share = 0;
  }
  const y0 = top + (bottom - top) * share;
  const fit = (space, v) => (v > 0 ? space / v : Infinity);
  let cs = Math.min(fit(y0 - top, up), fit(bottom - y0, down));
  if (!isFinite(cs)) cs = 1;
  let gs = Math.min(fit(y0 - top, gPos), fit(bottom - y0, gNeg));
  if (!isFinite(gs)) gs = 1;

  const n = buckets.length;
  const slot = plotW / n;
  const barW = Math.max(1, Math.min(48, slot * 0.72));
  const x = (i) => M.left + slot * i + slot / 2;

  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "timeline",
    role: "group",
    "aria-label": `Timeline: ${metric} per ${by} by quad class, with the Goldstein sum`,
    "data-testid": "timeline-chart",
  });
  svg.append(patterns());

  // Axes and grid.
  const grid = s("g", { class: "grid", "aria-hidden": "true" });
  // as many ticks as fit with about 30 pixels between them
  const fits = (px) => Math.max(1, Math.min(5, Math.floor(px / 30)));
  for (const v of ticks(up, fits(up * cs))) grid.append(tick(y0 - v * cs, String(v), "left"));
  for (const v of ticks(down, fits(down * cs)).filter((v) => v > 0)) grid.append(tick(y0 + v * cs, String(v), "left"));
  for (const v of ticks(gPos, fits(gPos * gs)).filter((v) => v > 0)) grid.append(tick(y0 - v * gs, fmtNum(v), "right"));
  for (const v of ticks(gNeg, fits(gNeg * gs)).filter((v) => v > 0)) grid.append(tick(y0 + v * gs, fmtNum(-v), "right"));
  grid.append(
    s("line", { x1: M.left, x2: W - M.right, y1: y0, y2: y0, class: "zero" }),
    s("text", { x: 14, y: (top + bottom) / 2, class: "axis-title", transform: `rotate(-90 14 ${(top + bottom) / 2})` }, metric === "events" ? "events (conflict below)" : "mentions (conflict below)"),
    s("text", { x: W - 10, y: (top + bottom) / 2, class: "axis-title", transform: `rotate(90 ${W - 10} ${(top + bottom) / 2})` }, "Goldstein sum")
  );
  svg.append(grid);

  // Bars.
  const bars = s("g", { class: "bars" });
  buckets.forEach((b, i) => {
    const g = s("g", {
      class: b.gap ? "bucket gap" : "bucket",
      "data-date": b.date,
      "data-testid": b.gap ? null : "bucket",
    });
    if (!b.gap) {
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "link");
      const parts = [1, 2, 3, 4].filter((q) => b.q[q]).map((q) => `${b.q[q]} ${QUADS[q].toLowerCase()}`);
      if (b.q[0]) parts.push(`${b.q[0]} without quad class`);
      const label = `${b.date || "no date"}: ${parts.join(", ")}; Goldstein sum ${fmtNum(b.g)}. Open these events.`;
      g.setAttribute("aria-label", label);
      g.append(s("title", null, label));
      g.addEventListener("click", () => open(b));
      g.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          open(b);
        }
      });
      // a transparent target over the whole column
      g.append(s("rect", { x: x(i) - slot / 2, y: top, width: slot, height: bottom - top, class: "hit" }));
    }
    let yUp = y0;
    for (const q of [1, 2, 0]) {
      if (!b.q[q]) continue;
      const hgt = b.q[q] * cs;
      yUp -= hgt;
      g.append(bar(x(i) - barW / 2, yUp, barW, hgt, q, b.q[q]));
    }
    let yDown = y0;
    for (const q of [3, 4]) {
      if (!b.q[q]) continue;
      const hgt = b.q[q] * cs;
      g.append(bar(x(i) - barW / 2, yDown, barW, hgt, q, b.q[q]));
      yDown += hgt;
    }
    bars.append(g);
  });
  svg.append(bars);

  // Goldstein line.
  const pts = buckets.map((b, i) => [x(i), y0 - b.g * gs]);
  const dated = buckets.map((b, i) => [b, pts[i]]).filter(([b]) => b.date);
  if (dated.length) {
    const d = dated.map(([, p], i) => `${i ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(" ");
    const line = s("g", { class: "goldstein", "aria-hidden": "true" });
    line.append(s("path", { d, "data-testid": "goldstein-line" }));
    for (const [b, p] of dated) {
      if (!b.gap) line.append(s("circle", { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 3.5 }));
    }
    svg.append(line);
  }

  // Date labels: at most about twelve.
  const labels = s("g", { class: "xlabels", "aria-hidden": "true" });
  const every = Math.max(1, Math.ceil(n / 12));
  buckets.forEach((b, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    if (i === n - 1 && i % every !== 0 && n > 1 && (n - 1) % every < every / 2) return;
    labels.append(s("text", { x: x(i), y: bottom + 18, class: "xlabel" }, b.date || "no date"));
    if (b.jump && i > 0) labels.append(s("text", { x: x(i) - slot / 2, y: bottom + 34, class: "jump" }, "⋯"));
  });
  svg.append(labels);
  if (buckets.some((b) => b.jump)) {
    svg.append(s("text", { x: M.left, y: H - 6, class: "note" }, `Only ${by}s with events are drawn; the dates are not to scale.`));
  }
  return svg;
}

function tick(y, label, side) {
  const g = s("g", { class: "tick" });
  g.append(s("line", { x1: M.left, x2: W - M.right, y1: y, y2: y }));
  const tx = side === "left" ? M.left - 6 : W - M.right + 6;
  g.append(s("text", { x: tx, y: y + 4, class: side }, label));
  return g;
}

function bar(x, y, w, hgt, q, n) {
  return s("rect", {
    x: x.toFixed(1),
    y: y.toFixed(1),
    width: w.toFixed(1),
    height: Math.max(0.5, hgt).toFixed(1),
    class: `bar q${q}`,
    fill: `url(#pat-q${q})`,
    "data-testid": "bar",
    "data-quad": q,
    "data-count": n,
  });
}

// patterns gives each quad class a colour and a texture, so the classes
// are told apart without colour too.
function patterns() {
  const defs = s("defs");
  const pat = (id, bg, draw) => {
    const p = s("pattern", { id, width: 8, height: 8, patternUnits: "userSpaceOnUse" });
    p.append(s("rect", { width: 8, height: 8, fill: bg }));
    if (draw) p.append(draw);
    defs.append(p);
  };
  pat("pat-q0", "#9aa0a6", null);
  pat("pat-q1", "#7cc38a", null);
  pat("pat-q2", "#1e7a3c", s("path", { d: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4", stroke: "#e9f6ec", "stroke-width": 1.6 }));
  pat("pat-q3", "#f2b35b", s("circle", { cx: 4, cy: 4, r: 1.6, fill: "#7a4a00" }));
  pat("pat-q4", "#b3261e", s("path", { d: "M0,0 L8,8 M8,0 L0,8", stroke: "#fde7e5", "stroke-width": 1.4 }));
  return defs;
}

function legend(metric) {
  const item = (q, text) =>
    h("li", null, h("span", { class: "swatch-svg", "aria-hidden": "true" }, legendSwatch(q)), text);
  return h(
    "ul",
    { class: "chart-legend", "data-testid": "timeline-legend" },
    item(1, "1 verbal cooperation (above the axis)"),
    item(2, "2 material cooperation (above, striped)"),
    item(3, "3 verbal conflict (below, dotted)"),
    item(4, "4 material conflict (below, cross-hatched)"),
    h("li", null, h("span", { class: "swatch-svg", "aria-hidden": "true" }, lineSwatch()), `Goldstein sum of the ${metric === "events" ? "events" : "merged events"} (right axis)`)
  );
}

function legendSwatch(q) {
  const svg = s("svg", { viewBox: "0 0 16 16", width: 16, height: 16 });
  svg.append(patternsFor(q), s("rect", { x: 0.5, y: 0.5, width: 15, height: 15, fill: `url(#lg-q${q})`, stroke: "#333", "stroke-width": 0.5 }));
  return svg;
}

// patternsFor repeats one quad's pattern under a legend-local id.
function patternsFor(q) {
  const defs = patterns();
  for (const p of defs.querySelectorAll("pattern")) p.setAttribute("id", p.id.replace("pat-", "lg-"));
  for (const p of [...defs.querySelectorAll("pattern")]) if (p.id !== `lg-q${q}`) p.remove();
  return defs;
}

function lineSwatch() {
  const svg = s("svg", { viewBox: "0 0 24 16", width: 24, height: 16, class: "goldstein" });
  svg.append(s("path", { d: "M1,12 L12,4 L23,9" }), s("circle", { cx: 12, cy: 4, r: 2.5 }));
  return svg;
}

function dataTable(buckets, by, metric, f) {
  const rows = buckets.filter((b) => !b.gap);
  const table = h(
    "table",
    { class: "data", "data-testid": "timeline-table" },
    h("caption", null, `${metric === "events" ? "Merged events" : "Mentions"} per ${by} and quad class`),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, by === "week" ? "Week of" : "Day"),
        [1, 2, 3, 4].map((q) => h("th", { scope: "col", class: "num" }, `${q} ${QUADS[q]}`)),
        h("th", { scope: "col", class: "num" }, "Goldstein sum")
      )
    ),
    h(
      "tbody",
      null,
      rows.map((b) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, b.date ? h("a", { href: "#/events" + qs({ ...f, ...range(b, by) }) }, b.date) : "no date"),
          [1, 2, 3, 4].map((q) => h("td", { class: "num" }, String(b.q[q]))),
          h("td", { class: "num" }, fmtNum(b.g))
        )
      )
    )
  );
  return h("details", { class: "table-details" }, h("summary", null, "The numbers as a table"), table);
}

function qs(o) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v) p.set(k, v);
  const q = p.toString();
  return q ? "?" + q : "";
}
