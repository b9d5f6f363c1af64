// How widely each template is shared across accounts, in bounded memory: a fixed table of
// per-template counters (keyed by template id, overwritten on collision) and a Bloom-style bit
// set that tells whether an (account, template) pair was seen before, so each account counts
// once per template. Callers may pass one hash for several accounts (the engine passes the
// organisation's), which then count once together. False positives of the bit set only under-count sharing (conservative).
import { fmix32, hashString } from "./hash.js";

/** Per-template counters at the moment an exchange arrives. */
export interface TemplateUse {
  /** Distinct accounts that have used the template (including this one). */
  accounts: number;
  /** Exchanges using the template so far. */
  uses: number;
  /** Whether this account used the template for the first time. */
  newForAccount: boolean;
  /** Mean harvest score of the template's requests so far. */
  harvest: number;
}

/** Tracks template sharing across accounts. */
export class TemplateStats {
  private readonly ids: Int32Array;
  private readonly accounts: Int32Array;
  private readonly uses: Int32Array;
  private readonly harvestSum: Float32Array;
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private readonly bitMask: number;

  constructor(slots = 1 << 20, pairBits = 1 << 27) {
    this.ids = new Int32Array(slots);
    this.accounts = new Int32Array(slots);
    this.uses = new Int32Array(slots);
    this.harvestSum = new Float32Array(slots);
    this.mask = slots - 1;
    this.bits = new Uint32Array(pairBits >>> 5);
    this.bitMask = pairBits - 1;
  }

  /**
   * Records that `account` used `template` with a request of harvest score `harvest`; accounts
   * given the same `accountHash` count as one.
   */
  record(template: number, account: string, accountHash = hashString(account), harvest = 0): TemplateUse {
    if (template === 0) return { accounts: 1, uses: 1, newForAccount: false, harvest };
    const slot = fmix32(template) & this.mask;
    if (this.ids[slot] !== template) {
      this.ids[slot] = template;
      this.accounts[slot] = 0;
      this.uses[slot] = 0;
      this.harvestSum[slot] = 0;
    }
    const h1 = fmix32(accountHash ^ Math.imul(template, 0x9e3779b1));
    const h2 = fmix32(h1 ^ 0x5bd1e995);
    const b1 = h1 & this.bitMask;
    const b2 = h2 & this.bitMask;
    const seen =
      (this.bits[b1 >>> 5]! & (1 << (b1 & 31))) !== 0 && (this.bits[b2 >>> 5]! & (1 << (b2 & 31))) !== 0;
    if (!seen) {
      this.bits[b1 >>> 5]! |= 1 << (b1 & 31);
      this.bits[b2 >>> 5]! |= 1 << (b2 & 31);
      this.accounts[slot]! += 1;
    }
    this.uses[slot]! += 1;
    this.harvestSum[slot]! += harvest;
    return {
      accounts: this.accounts[slot]!,
      uses: this.uses[slot]!,
      newForAccount: !seen,
      harvest: this.harvestSum[slot]! / this.uses[slot]!,
    };
  }

  /** Distinct accounts that used `template` (0 when unknown or evicted). */
  accountsOf(template: number): number {
    const slot = fmix32(template) & this.mask;
    return this.ids[slot] === template ? this.accounts[slot]! : 0;
  }

  /** Mean harvest score of `template`'s requests (0 when unknown or evicted). */
  harvestOf(template: number): number {
    const slot = fmix32(template) & this.mask;
    return this.ids[slot] === template && this.uses[slot]! > 0
      ? this.harvestSum[slot]! / this.uses[slot]!
      : 0;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.ids.byteLength * 4 + this.bits.byteLength;
  }
}
