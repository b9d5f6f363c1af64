// Template mining by MinHash with banded LSH (Broder 1997; Indyk & Motwani 1998; Leskovec,
// Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3): word-trigram shingles of a request's
// skeleton, K min-hashes in B bands of R rows. Two requests whose skeletons have Jaccard
// similarity s share a band with probability 1-(1-s^R)^B (R=2, B=6: 0.5 → 0.82, 0.3 → 0.44,
// 0.7 → 0.99). A request takes the template id already registered under any of its bands,
// else opens a new one. The band table is a fixed-size open-addressing array, so memory stays
// bounded however many distinct prompts arrive: old slots are overwritten (a lossy cache).
import { fmix32 } from "./hash.js";
import { skeletonTokens } from "./skeleton.js";

const R = 2;
const B = 6;
const K = R * B;
const SEEDS = Array.from({ length: K }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

const mins = new Uint32Array(K);

/** The B band keys of a request's skeleton (stateless, so workers can compute it). */
export function templateKeys(system: string, prompt: string): number[] {
  const words = skeletonTokens(system, prompt);
  if (words.length === 0) return [];
  mins.fill(0xffffffff);
  if (words.length < 3) {
    let sh = 0x811c9dc5;
    for (const w of words) sh = Math.imul(sh ^ w, 0x01000193);
    for (let k = 0; k < K; k++) mins[k] = fmix32(sh ^ SEEDS[k]!);
  } else {
    for (let i = 0; i + 2 < words.length; i++) {
      const sh = Math.imul(words[i]! ^ Math.imul(words[i + 1]!, 31), 0x01000193) ^ words[i + 2]!;
      for (let k = 0; k < K; k++) {
        const v = fmix32(sh ^ SEEDS[k]!);
        if (v < mins[k]!) mins[k] = v;
      }
    }
  }
  const keys = new Array<number>(B);
  for (let b = 0; b < B; b++) {
    const key = fmix32(mins[b * R]! ^ Math.imul(mins[b * R + 1]!, 0x27d4eb2d) ^ (b + 1));
    keys[b] = key === 0 ? 1 : key;
  }
  return keys;
}

/** Template assignment with bounded memory. */
export class TemplateMiner {
  private readonly keys: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;
  private nextId = 1;

  /** `slots` (a power of two) bounds memory: 8 bytes per slot. */
  constructor(slots = 1 << 21) {
    if ((slots & (slots - 1)) !== 0) throw new Error("slots must be a power of two");
    this.keys = new Int32Array(slots);
    this.ids = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** Assigns a template id (a positive integer) to a request; 0 when it has no text. */
  assign(system: string, prompt: string): number {
    return this.assignKeys(templateKeys(system, prompt));
  }

  /** Assigns a template id from precomputed band keys (see `templateKeys`). */
  assignKeys(keys: ArrayLike<number>): number {
    if (keys.length === 0) return 0;
    let found = 0;
    const slots: number[] = [];
    for (let b = 0; b < keys.length; b++) {
      const key = keys[b]! | 0;
      let slot = key & this.mask;
      // Linear probe a few slots, then give up (overwrite): bounded work per request.
      for (let p = 0; p < 4; p++) {
        const k = this.keys[slot]!;
        if (k === key) {
          if (!found) found = this.ids[slot]!;
          break;
        }
        if (k === 0 || p === 3) {
          slots.push(slot, key);
          break;
        }
        slot = (slot + 1) & this.mask;
      }
    }
    // A member also registers its bands, so that a template whose slot text dominates is still
    // found through any earlier member; bands already owned by another template are never
    // overwritten (first writer wins), which limits chaining across templates.
    const id = found || this.nextId++;
    for (let i = 0; i < slots.length; i += 2) {
      if (found && this.keys[slots[i]!] !== 0) continue;
      this.keys[slots[i]!] = slots[i + 1]!;
      this.ids[slots[i]!] = id;
    }
    return id;
  }

  /** Bytes held by the band table. */
  get bytes(): number {
    return this.keys.byteLength + this.ids.byteLength;
  }
}
