// Seeded PRNG (mulberry32, Tommy Ettinger 2017) so training and augmentation are reproducible.
import { mulberry32 } from "../../shared/prng.js";

/** Deterministic uniform [0, 1) generator from a 32-bit seed. */
export const createRng = mulberry32;

/** A uniformly drawn element of a non-empty list. */
export function pick<T>(rng: () => number, items: readonly T[]): T {
  const v = items[Math.floor(rng() * items.length)];
  if (v === undefined) throw new Error("pick from an empty list");
  return v;
}

/** In-place Fisher–Yates shuffle. */
export function shuffle<T>(rng: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}
