// Small DOM helpers. Every piece of data reaches the page as a text node
// or an attribute value, never as markup.

const SVGNS = "http://www.w3.org/2000/svg";

function apply(node, props) {
  if (!props) return;
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      node.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(node, child);
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }
}

/**
 * h creates an HTML element: h("a", {href: "#/x", class: "c"}, "text", child).
 * Attributes whose value is null, undefined or false are left out; "onX"
 * function values become event listeners; strings become text nodes.
 */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  apply(node, props);
  append(node, children);
  return node;
}

/** s creates an SVG element the same way h creates an HTML one. */
export function s(tag, props, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  apply(node, props);
  append(node, children);
  return node;
}

/** clear removes every child of node and returns it. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** fmtNum formats a number with at most digits decimals ("1.5", "-4"). */
export function fmtNum(x, digits = 1) {
  if (typeof x !== "number" || !isFinite(x)) return "";
  const r = Number(x.toFixed(digits));
  return Object.is(r, -0) ? "0" : String(r);
}

/** party formats an actor or recipient: "Donald Trump (USAGOV)", or "—". */
export function party(p) {
  if (!p) return "—";
  const name = p.name || p.text || "";
  const code = p.cameo || "";
  if (name && code) return `${name} (${code})`;
  return name || code || "—";
}

/** docHref is the hash route of the article view of a document id. */
export function docHref(id) {
  return "#/article/" + encodeURIComponent(id);
}

/** plural writes a count with its noun: "1 event", "2 events". */
export function plural(n, one, many = one + "s") {
  return `${n} ${n === 1 ? one : many}`;
}
