// Text is kept JSON-escaped from load time on: lines are assembled by concatenation, which is
// what lets the simulator write ≥ 200k exchanges/s (escaping each 1–2 KB prompt per exchange
// would cost more than everything else together). esc(a) + esc(b) === esc(a + b) holds.
// Snippets also carry their UTF-8 bytes (encoded once) or the parts they were joined from, so
// a line is assembled by copying bytes: encoding each ~2 KB line string cost ~4 µs (measured).

/** A JSON-escaped string body (no quotes) and its raw length in characters. */
export interface Snip {
  readonly e: string;
  readonly n: number;
  /** UTF-8 bytes of `e`, when encoded once up front. */
  readonly b?: Uint8Array;
  /** The snippets `e` concatenates, when it was joined rather than encoded. */
  readonly parts?: readonly Snip[];
}

/** A prompt template split at `{slot}` markers; `parts.length === slots.length + 1`. */
export interface Tpl {
  readonly parts: readonly Snip[];
  readonly slots: readonly string[];
}

const MAX_CHARS = 6000;

/** Escapes raw text once (capped at 6,000 characters so one line stays bounded). */
export function snip(raw: string, max = MAX_CHARS): Snip {
  let s = raw.length > max ? raw.slice(0, max) : raw;
  // a cut through a surrogate pair would leave a lone high surrogate
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
  const e = JSON.stringify(s).slice(1, -1);
  return { e, n: s.length, b: Buffer.from(e) };
}

/** Joins snippets into one. */
export function join(...xs: Snip[]): Snip {
  let e = "";
  let n = 0;
  for (const x of xs) {
    e += x.e;
    n += x.n;
  }
  return { e, n, parts: xs };
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
  let e = first?.e ?? "";
  let n = first?.n ?? 0;
  for (let i = 0; i < t.slots.length; i++) {
    const v = value(t.slots[i] ?? "");
    const p = t.parts[i + 1];
    e += v.e + (p?.e ?? "");
    n += v.n + (p?.n ?? 0);
    parts.push(v);
    if (p) parts.push(p);
  }
  return { e, n, parts };
}

/** Truncates an escaped snippet to roughly `max` raw characters without breaking an escape. */
export function clip(s: Snip, max: number): Snip {
  if (s.n <= max) return s;
  let cut = Math.min(s.e.length, Math.floor((max * s.e.length) / s.n));
  // back off so we never end inside a \uXXXX or \x escape
  let back = s.e.lastIndexOf("\\", cut - 1);
  if (back >= 0 && back >= cut - 6) {
    // the first backslash of a run always starts an escape, so cutting there is safe
    while (back > 0 && s.e.charCodeAt(back - 1) === 92) back--;
    cut = back;
  }
  const hi = s.e.charCodeAt(cut - 1);
  if (hi >= 0xd800 && hi <= 0xdbff) cut -= 1;
  // for ASCII text a character offset is a byte offset, so the prefix's bytes are a view
  const ascii = s.b !== undefined && s.b.length === s.e.length;
  return ascii ? { e: s.e.slice(0, cut), n: max, b: s.b.subarray(0, cut) } : { e: s.e.slice(0, cut), n: max };
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
