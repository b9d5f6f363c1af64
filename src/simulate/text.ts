// Text is kept JSON-escaped and UTF-8-encoded from load time on: a line is assembled by copying
// bytes, which is what lets the simulator write ≥ 200k exchanges/s (escaping or encoding each
// 1–2 KB prompt per exchange would cost more than everything else together). Joining and
// filling only link snippets (no string concatenation); esc(a) + esc(b) === esc(a + b) holds.

/** A JSON-escaped text (no quotes): encoded bytes of a leaf, or the snippets it joins. */
export class Snip {
  /** Shorter versions made by `clip`, reused (corpus texts are clipped to the same few lengths). */
  clips: Snip[] | null = null;

  constructor(
    /** Raw length in characters (what token counts are estimated from). */
    readonly n: number,
    /** UTF-8 bytes of the escaped text, for a leaf. */
    readonly b: Uint8Array | null,
    /** The snippets this one concatenates, for a join. */
    readonly parts: readonly Snip[] | null,
    /** The escaped text of a leaf (clipping cuts it by character). */
    private readonly text: string | null,
  ) {}

  /** The escaped text (built by concatenation for a join: only clipping a join needs it). */
  get e(): string {
    if (this.text !== null) return this.text;
    let e = "";
    for (const p of this.parts ?? []) e += p.e;
    return e;
  }
}

/** A prompt template split at `{slot}` markers; `parts.length === slots.length + 1`. */
export interface Tpl {
  readonly parts: readonly Snip[];
  readonly slots: readonly string[];
}

const MAX_CHARS = 6000;

/** A leaf from already-escaped text. */
function leaf(e: string, n: number): Snip {
  return new Snip(n, Buffer.from(e), null, e);
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
  for (const x of xs) n += x.n;
  return new Snip(n, null, xs, null);
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
  for (let i = 0; i < t.slots.length; i++) {
    const v = value(t.slots[i] ?? "");
    const p = t.parts[i + 1];
    n += v.n + (p?.n ?? 0);
    parts.push(v);
    if (p) parts.push(p);
  }
  return new Snip(n, null, parts, null);
}

/** Truncates an escaped snippet to roughly `max` raw characters without breaking an escape. */
export function clip(s: Snip, max: number): Snip {
  if (s.n <= max) return s;
  const cached = s.clips;
  if (cached !== null) for (const c of cached) if (c.n === max) return c;
  const e = s.e;
  let cut = Math.min(e.length, Math.floor((max * e.length) / s.n));
  // back off so we never end inside a \uXXXX or \x escape
  let back = e.lastIndexOf("\\", cut - 1);
  if (back >= 0 && back >= cut - 6) {
    // the first backslash of a run always starts an escape, so cutting there is safe
    while (back > 0 && e.charCodeAt(back - 1) === 92) back--;
    cut = back;
  }
  const hi = e.charCodeAt(cut - 1);
  if (hi >= 0xd800 && hi <= 0xdbff) cut -= 1;
  const head = e.slice(0, cut);
  // for ASCII text a character offset is a byte offset, so the prefix's bytes are a view
  const b = s.b !== null && s.b.length === e.length ? s.b.subarray(0, cut) : Buffer.from(head);
  const c = new Snip(max, b, null, head);
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
