// Marking up text by byte spans. dyad's spans are UTF-8 byte offsets;
// ByteText converts them to text with TextEncoder and TextDecoder, and
// renderMarked nests an element for every span over the text, splitting a
// span into pieces where it crosses another.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** ByteText is a string seen as its UTF-8 bytes. */
export class ByteText {
  constructor(text) {
    this.text = typeof text === "string" ? text : "";
    this.bytes = encoder.encode(this.text);
  }

  /** length is the number of bytes. */
  get length() {
    return this.bytes.length;
  }

  /** snap moves a byte offset back to the start of the character it falls in. */
  snap(off) {
    off = Math.max(0, Math.min(this.bytes.length, Math.trunc(off)));
    while (off > 0 && off < this.bytes.length && (this.bytes[off] & 0xc0) === 0x80) off--;
    return off;
  }

  /** valid tells whether span is a [start, end] pair of offsets inside the text. */
  valid(span) {
    return (
      Array.isArray(span) &&
      span.length === 2 &&
      Number.isInteger(span[0]) &&
      Number.isInteger(span[1]) &&
      span[0] >= 0 &&
      span[0] <= span[1] &&
      span[1] <= this.bytes.length
    );
  }

  /** slice returns the text between two byte offsets. */
  slice(start, end) {
    return decoder.decode(this.bytes.subarray(this.snap(start), this.snap(end)));
  }
}

/**
 * renderMarked renders bt between byte offsets from and to as a
 * DocumentFragment with an element for every group of annotations that
 * share a span. anns holds objects with start and end (byte offsets) and
 * anything else; make(node, piece) creates the element of a node, where
 * node is {start, end, anns} and piece counts from 0 the pieces a span
 * was split into to keep the elements nested. Spans outside [from, to]
 * are clipped; empty ones are left out.
 */
export function renderMarked(bt, anns, make, from = 0, to = bt.length) {
  from = bt.snap(from);
  to = bt.snap(to);
  const groups = new Map();
  for (const a of anns) {
    if (!Number.isInteger(a.start) || !Number.isInteger(a.end)) continue;
    const start = bt.snap(Math.max(a.start, from));
    const end = bt.snap(Math.min(a.end, to));
    if (start >= end) continue;
    const key = start + ":" + end;
    let g = groups.get(key);
    if (!g) {
      g = { start, end, anns: [], pieces: 0, order: groups.size };
      groups.set(key, g);
    }
    g.anns.push(a);
  }
  const nodes = [...groups.values()].sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const cut = new Set([from, to]);
  for (const n of nodes) {
    cut.add(n.start);
    cut.add(n.end);
  }
  const bounds = [...cut].sort((a, b) => a - b);

  const frag = document.createDocumentFragment();
  const stack = []; // {node, el}, outermost first
  let active = [];
  let next = 0; // index into nodes of the first not yet active
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i];
    const z = bounds[i + 1];
    active = active.filter((n) => n.end > a);
    while (next < nodes.length && nodes[next].start <= a) {
      if (nodes[next].end > a) active.push(nodes[next]);
      next++;
    }
    active.sort((x, y) => x.start - y.start || y.end - x.end || x.order - y.order);
    let k = 0;
    while (k < stack.length && k < active.length && stack[k].node === active[k]) k++;
    stack.length = k;
    for (; k < active.length; k++) {
      const n = active[k];
      const el = make(n, n.pieces++);
      (stack.length ? stack[stack.length - 1].el : frag).appendChild(el);
      stack.push({ node: n, el });
    }
    const text = document.createTextNode(bt.slice(a, z));
    (stack.length ? stack[stack.length - 1].el : frag).appendChild(text);
  }
  return frag;
}

/**
 * sentenceMarks renders the sentence of an event record (rec.text, whose
 * byte span in the article is rec.span) with its trigger, actor and
 * recipient marked hl-trigger, hl-actor and hl-recipient.
 */
export function sentenceMarks(rec) {
  const bt = new ByteText(rec.text || "");
  const base = Array.isArray(rec.span) ? rec.span[0] : 0;
  const anns = [];
  const fits = Array.isArray(rec.span) && rec.span[1] - rec.span[0] === bt.length;
  const add = (sp, cls, title) => {
    if (!fits || !Array.isArray(sp) || sp.length !== 2) return;
    anns.push({ start: sp[0] - base, end: sp[1] - base, cls, title });
  };
  if (rec.trigger) add(rec.trigger.span, "hl-trigger", "trigger");
  if (rec.actor) add(rec.actor.span, "hl-actor", "actor: " + partyTitle(rec.actor));
  if (rec.recipient) add(rec.recipient.span, "hl-recipient", "recipient: " + partyTitle(rec.recipient));
  return renderMarked(bt, anns, (node, piece) => {
    const el = document.createElement("span");
    el.className = node.anns.map((a) => a.cls).join(" ") + (piece ? " cont" : "");
    el.title = node.anns.map((a) => a.title).join("; ");
    el.dataset.role = node.anns.map((a) => a.cls.slice(3)).join(" ");
    return el;
  });
}

function partyTitle(p) {
  const name = p.name || p.text || "";
  return p.cameo ? `${name} (${p.cameo})` : name;
}
