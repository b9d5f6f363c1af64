// Fast 32-bit string hashing over char codes (FNV-1a with a murmur3 finalizer), used for
// shingles, indicators and LSH bands where xxhash's per-call overhead would dominate.

/** FNV-1a over the char codes of `s` from `start` to `end`, seeded. */
export function hashRange(s: string, start: number, end: number, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's 32-bit finalizer: spreads the bits of `h`. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a whole string. */
export function hashString(s: string, seed?: number): number {
  return hashRange(s, 0, s.length, seed);
}
