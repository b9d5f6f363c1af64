import { describe, expect, it } from "vitest";
import { Rng } from "./rng.js";
import { clip, join, snip, type Snip } from "./text.js";

/** The escaped bytes a snippet renders to. */
function bytesOf(s: Snip): Buffer {
  if (s.b !== null) return Buffer.from(s.b);
  return Buffer.concat((s.parts ?? []).map(bytesOf));
}

/** Clipping as specified on the escaped text: cut by character, back off from escapes and split pairs. */
function clipText(e: string, n: number, max: number): string {
  if (n <= max) return e;
  let cut = Math.min(e.length, Math.floor((max * e.length) / n));
  let back = e.lastIndexOf("\\", cut - 1);
  if (back >= 0 && back >= cut - 6) {
    while (back > 0 && e.charCodeAt(back - 1) === 92) back--;
    cut = back;
  }
  const hi = e.charCodeAt(cut - 1);
  if (hi >= 0xd800 && hi <= 0xdbff) cut -= 1;
  return e.slice(0, cut);
}

const ALPHABETS = ["abcdefghij klmnop.,;", 'ab \n\t"\\/ x\u0001y', "abc é ü ß 中文 字", "a b 😀 🎉 \ud83d x"];

function randomText(r: Rng, alphabet: string): string {
  const chars = [...alphabet];
  let s = "";
  const len = r.int(120);
  for (let i = 0; i < len; i++) s += r.pick(chars);
  return s;
}

describe("clip", () => {
  it("cuts leaves and joins where the escaped text would be cut, never inside an escape", () => {
    const r = new Rng(7, "clip-test");
    for (let i = 0; i < 3000; i++) {
      const pieces = Array.from({ length: 1 + r.int(4) }, () => randomText(r, r.pick(ALPHABETS)));
      const leaves = pieces.map((p) => snip(p));
      const s = leaves.length === 1 || r.chance(0.2) ? (leaves[0] as Snip) : join(...leaves);
      const e = bytesOf(s).toString("utf8");
      const max = r.int(Math.max(1, s.n + 5));
      const c = clip(s, max);
      const expected = clipText(e, s.n, max);
      expect(bytesOf(c).toString("utf8")).toBe(expected);
      expect(() => JSON.parse(`"${bytesOf(c).toString("utf8")}"`)).not.toThrow();
      if (s.n > max) expect(c.n).toBe(max);
      // clipping a clipped snippet again follows the same rule from its own text
      const again = clip(c, Math.floor(max / 2));
      expect(bytesOf(again).toString("utf8")).toBe(clipText(expected, c.n, Math.floor(max / 2)));
    }
  });

  it("returns the same clipped leaf for the same length (cached)", () => {
    const s = snip("x".repeat(3000));
    expect(clip(s, 1400)).toBe(clip(s, 1400));
    expect(clip(s, 1400).n).toBe(1400);
    expect(clip(s, 5000)).toBe(s);
  });
});
