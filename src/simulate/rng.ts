// Seeded randomness for the simulator. sfc32 (Chris Doty-Humphrey's PractRand "small fast
// counting" generator) is fast in JS and passes PractRand; Math.random would break determinism.

/** 32-bit string/number mix (FNV-1a then murmur3 finalizer) for deriving sub-seeds. */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const s = typeof p === "number" ? String(p) : p;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x7c, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A deterministic PRNG stream; `fork` derives independent child streams by label. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, ...labels: (string | number)[]) {
    this.a = hash32(seed, "a", ...labels);
    this.b = hash32(seed, "b", ...labels);
    this.c = hash32(seed, "c", ...labels);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(arr: readonly T[]): T {
    const v = arr[Math.floor(this.next() * arr.length)];
    if (v === undefined) throw new Error("pick from an empty list");
    return v;
  }

  /** Index drawn proportionally to the weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] ?? 0;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** One option of a `[value, weight]` table. */
  choose<T>(table: readonly (readonly [T, number])[]): T {
    // the same draw and walk as weighted(), without building the weights array
    let total = 0;
    for (const e of table) total += e[1];
    let x = this.next() * total;
    for (const e of table) {
      x -= e[1];
      if (x < 0) return e[0];
    }
    const last = table[table.length - 1];
    if (last === undefined) throw new Error("choose from an empty table");
    return last[0];
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median and log-space sigma. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Hex string of n hex digits (each u32 gives 8, high nibble first, as toString(16) padded would). */
  hex(n: number): string {
    let s = "";
    while (s.length < n) {
      const u = this.u32();
      // byte table instead of toString(16) + padStart: ids are drawn for every planned account
      s +=
        (HEX_BYTE[u >>> 24] ?? "") +
        (HEX_BYTE[(u >>> 16) & 255] ?? "") +
        (HEX_BYTE[(u >>> 8) & 255] ?? "") +
        (HEX_BYTE[u & 255] ?? "");
    }
    return s.length === n ? s : s.slice(0, n);
  }

  /** An independent child stream. */
  fork(...labels: (string | number)[]): Rng {
    return new Rng(this.u32(), ...labels);
  }
}
