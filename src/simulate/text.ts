// Text is kept JSON-escaped and UTF-8-encoded from load time on: a line is assembled by copying
// bytes, which is what lets the simulator write ≥ 200k exchanges/s (escaping or encoding each
// 1–2 KB prompt per exchange would cost more than everything else together). Joining and
// filling only link snippets (no string concatenation); esc(a) + esc(b) === esc(a + b) holds.

/** A JSON-escaped text (no quotes): the encoded bytes of a leaf, or the snippets a join links. */
export class Snip {
  /** Shorter versions made by `clip`, reused (corpus texts are clipped to the same few lengths). */
  clips: Snip[] | null = null;

  constructor(
    /** Raw length in characters (what token counts are estimated from). */
    readonly n: number,
    /** Length of the escaped text in UTF-16 code units (equals the byte length for ASCII). */
    readonly el: number,
    /** UTF-8 bytes of the escaped text, for a leaf. */
    readonly b: Uint8Array | null,
    /** The snippets this one concatenates, for a join. */
    readonly parts: readonly Snip[] | null,
  ) {}
}

/** A prompt template split at `{slot}` markers; `parts.length === slots.length + 1`. */
export interface Tpl {
  readonly parts: readonly Snip[];
  readonly slots: readonly string[];
}

const MAX_CHARS = 6000;

/** A leaf from already-escaped text. */
function leaf(e: string, n: number): Snip {
  return new Snip(n, e.length, Buffer.from(e), null);
}

/** Escapes raw text once (capped at 6,000 characters so one line stays bounded). */
export function snip(raw: string, max = MAX_CHARS): Snip {
  let s = raw.length > max ? raw.slice(0, max) : raw;
  // a cut through a surrogate pair would leave a lone high surrogate
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
  return leaf(JSON.stringify(s).slice(1, -1), s.length);
}

/** Joins snippets into one. */
export function join(...xs: Snip[]): Snip {
  let n = 0;
  let el = 0;
  for (const x of xs) {
    n += x.n;
    el += x.el;
  }
  return new Snip(n, el, null, xs);
}

/** Splits a template at `{name}` markers (`{}` counts as an anonymous slot). */
export function template(raw: string): Tpl {
  const parts: Snip[] = [];
  const slots: string[] = [];
  const re = /\{([a-zA-Z_0-9]*)\}/g;
  let at = 0;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    parts.push(snip(raw.slice(at, m.index)));
    slots.push(m[1] ?? "");
    at = m.index + m[0].length;
  }
  parts.push(snip(raw.slice(at)));
  return { parts, slots };
}

/** Fills a template; `fill` returns the escaped value for a slot name. */
export function fill(t: Tpl, value: (slot: string) => Snip): Snip {
  const first = t.parts[0];
  const parts: Snip[] = first ? [first] : [];
  let n = first?.n ?? 0;
  let el = first?.el ?? 0;
  for (let i = 0; i < t.slots.length; i++) {
    const v = value(t.slots[i] ?? "");
    const p = t.parts[i + 1];
    n += v.n + (p?.n ?? 0);
    el += v.el + (p?.el ?? 0);
    parts.push(v);
    if (p) parts.push(p);
  }
  return new Snip(n, el, null, parts);
}

/** The leaves of a snippet, in order. */
function leaves(s: Snip, out: Snip[]): Snip[] {
  if (s.parts === null) out.push(s);
  else for (const p of s.parts) leaves(p, out);
  return out;
}

const isAscii = (s: Snip): boolean => s.b !== null && s.b.length === s.el;

/** The escaped text (only clipping non-ASCII text needs it, so it is decoded on demand). */
function escaped(s: Snip): string {
  let e = "";
  for (const l of leaves(s, []))
    if (l.b !== null) e += Buffer.from(l.b.buffer, l.b.byteOffset, l.b.length).toString("utf8");
  return e;
}

/** Where to cut escaped text of `el` units for `max` raw characters, never inside an escape. */
function cutAt(s: Snip, max: number, at: (i: number) => number): number {
  const el = s.el;
  let cut = Math.min(el, Math.floor((max * el) / s.n));
  // back off so we never end inside a \uXXXX or \x escape: find the last backslash before the cut
  let back = -1;
  for (let i = cut - 1; i >= Math.max(0, cut - 6); i--)
    if (at(i) === 92) {
      back = i;
      break;
    }
  if (back < 0 && cut - 1 < 0 && el > 0 && at(0) === 92) back = 0; // lastIndexOf(…, -1) looks at 0
  if (back >= 0) {
    // the first backslash of a run always starts an escape, so cutting there is safe
    while (back > 0 && at(back - 1) === 92) back--;
    cut = back;
  }
  const hi = cut > 0 ? at(cut - 1) : 0;
  if (hi >= 0xd800 && hi <= 0xdbff) cut -= 1;
  return cut;
}

/** Clips ASCII leaves to `cut` bytes in total: whole leaves, then a prefix view of one. */
function clipAscii(parts: readonly Snip[], cut: number, max: number): Snip {
  const out: Snip[] = [];
  let left = cut;
  for (const p of parts) {
    if (left <= 0) break;
    const b = p.b as Uint8Array;
    if (b.length <= left) out.push(p);
    else out.push(new Snip(left, left, b.subarray(0, left), null));
    left -= b.length;
  }
  return out.length === 1 && cut === (out[0] as Snip).el
    ? new Snip(max, cut, (out[0] as Snip).b, null)
    : new Snip(max, cut, null, out);
}

/** Truncates an escaped snippet to roughly `max` raw characters without breaking an escape. */
export function clip(s: Snip, max: number): Snip {
  if (s.n <= max) return s;
  const cached = s.clips;
  if (cached !== null) for (const c of cached) if (c.n === max) return c;
  let c: Snip;
  const parts = leaves(s, []);
  if (parts.every(isAscii)) {
    // for ASCII an escaped character is a byte: cut the bytes where the text would be cut
    const starts: number[] = [];
    let at = 0;
    for (const p of parts) {
      starts.push(at);
      at += p.el;
    }
    let k = parts.length - 1;
    const byteAt = (i: number): number => {
      while (k > 0 && (starts[k] as number) > i) k--;
      while (k < parts.length - 1 && (starts[k + 1] as number) <= i) k++;
      return (parts[k]?.b as Uint8Array)[i - (starts[k] as number)] ?? 0;
    };
    c = clipAscii(parts, cutAt(s, max, byteAt), max);
  } else {
    const e = escaped(s);
    const head = e.slice(
      0,
      cutAt(s, max, (i) => e.charCodeAt(i)),
    );
    c = new Snip(max, head.length, Buffer.from(head), null);
  }
  // only leaves are shared (corpus texts); a join is built per exchange and clipped once
  if (s.b !== null && (s.clips ??= []).length < 8) s.clips.push(c);
  return c;
}

const literals = new Map<string, Snip>();

/** Escaped form of a short constant or small-vocabulary string, cached (safe inside hot loops). */
export function lit(raw: string): Snip {
  let s = literals.get(raw);
  if (!s) {
    s = snip(raw);
    if (literals.size < 10_000) literals.set(raw, s);
  }
  return s;
}
