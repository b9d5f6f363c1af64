// The behavioural profile of one account, updated per exchange in O(1) time and bounded
// memory (counters, running moments and small sketches — never lists of exchanges).
import type { ExchangeFacts } from "../events/normalize.js";
import type { ExchangeSignals } from "../signals/types.js";
import { fmix32, hashString } from "../signals/template/hash.js";
import { addTo, HeavyHitters, type SummarySlots } from "./heavy-hitters.js";
import { ipPrefix } from "./network.js";
import { EndUserSketch } from "./end-users.js";
import { DistinctSample, sampleInto, type SampleSlots } from "./distinct-sample.js";
import { defineFields } from "./packed-fields.js";
import { CAPABILITIES } from "../signals/content/index.js";

export { CAPABILITIES };
const capIndex = new Map<string, number>(CAPABILITIES.map((c, i) => [c, i]));

/** Activity windows used for synchronization (SynchroTrap-style time buckets). */
export const SYNC_WINDOW_MS = 10 * 60_000;
/** A request this long after the account's previous one starts a new session. */
export const SESSION_GAP_MS = 10 * 60_000;
/**
 * Session starts are bucketed on two 20-second grids offset by 10 s, so that two sessions
 * started within 10 s of each other always share a bucket (SynchroTrap-style co-activity, at
 * the resolution of an orchestrator dispatching one batch over many accounts).
 */
export const COSTART_BUCKET_MS = 20_000;
/** Slots of the bottom-k sample of session-start buckets. */
const SIG = 16;
/** MinHash values of the active 10-minute windows (two LSH bands of two). */
const WIN = 4;

/**
 * How much one request looks like output harvesting: a noisy-OR of the distillation-recipe
 * probability with discounted chain-of-thought-elicitation and grading probabilities (benign
 * users and eval harnesses also ask for step-by-step answers and judge outputs).
 */
export function harvestScore(sc: Record<string, number>): number {
  return 1 - (1 - (sc.distill ?? 0)) * (1 - 0.6 * (sc.cot ?? 0)) * (1 - 0.6 * (sc.grading ?? 0));
}

const F64_FIELDS = [
  "firstSeen",
  "lastSeen",
  "sumDistill",
  "sumSynthetic",
  "sumCot",
  "sumGrading",
  "sumHarvest",
  "gapMean",
  "gapM2",
  "inputTokens",
  "outputTokens",
  "reasoningTokens",
  "createdMs",
  "recentSuspicious",
] as const;
const U32_FIELDS = [
  "n",
  "suspicious",
  "gapN",
  "burstGaps",
  "windowPlus1",
  "activeWindows",
  "singleTurn",
  "toolUse",
  "reasoningRequested",
  "nAbove1",
  "maxTokensHigh",
  "temperatures",
  "tempMask",
  "rateLimited",
  "sharedTemplateUses",
  "distinctTemplates",
  "maxTemplateAccounts",
  "orgHash",
  "asnBits",
  "countryBits",
] as const;

// Slot layout of the packed counters (see packed-fields.ts).
const U32_AT = F64_FIELDS.length * 2;
/** An empty slot of the session-start sample (and of the window MinHash). */
export const EMPTY_START = 0xffffffff;
const EMPTY = EMPTY_START;
const CAPS_AT = U32_AT + U32_FIELDS.length;
const HOURS_AT = CAPS_AT + CAPABILITIES.length;
const SIG_AT = HOURS_AT + 24;
// Misra–Gries summaries: numeric keys (templates, ASNs) in `u`, string keys in `keys`.
const TEMPLATES_K = 4;
const WIN_AT = SIG_AT + SIG;
const TEMPLATE_KEYS_AT = WIN_AT + WIN;
const TEMPLATE_COUNTS_AT = TEMPLATE_KEYS_AT + TEMPLATES_K;
const ASN_KEYS_AT = TEMPLATE_COUNTS_AT + TEMPLATES_K;
const ASN_COUNTS_AT = ASN_KEYS_AT + 2;
const PAYMENT_COUNTS_AT = ASN_COUNTS_AT + 2;
const PREFIX_COUNTS_AT = PAYMENT_COUNTS_AT + 2;
const AGENT_COUNTS_AT = PREFIX_COUNTS_AT + 2;
const SAMPLE_K = 6;
const SAMPLE_SIZE_AT = AGENT_COUNTS_AT + 2;
const SAMPLE_HASH_AT = SAMPLE_SIZE_AT + 1;
const SLOTS = SAMPLE_HASH_AT + SAMPLE_K;
// string keys: payments 0–1, prefixes 2–3, user agents 4–5, sampled IP blocks 6–11
const SAMPLE_KEYS_AT = 6;
const KEY_SLOTS = SAMPLE_KEYS_AT + SAMPLE_K;

/** Short, repeated strings (user agents, e-mail domains, verification levels) kept once. */
const interned = new Map<string, string>();
const INTERN_MAX = 50_000;
function intern(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  if (interned.size < INTERN_MAX) interned.set(s, s);
  return s;
}

// Profiles take their packed counters from shared slabs: a view over a slab costs ~120 bytes
// less than an array of its own (no buffer object and backing-store record per account).
// Accounts are never dropped, so a slab is never freed piecemeal.
const SLAB_PROFILES = 128;
let slab = new Uint32Array(0);
let slabUsed = 0;
function packedSlots(): Uint32Array {
  if (slabUsed + SLOTS > slab.length) {
    slab = new Uint32Array(SLOTS * SLAB_PROFILES);
    slabUsed = 0;
  }
  const u = slab.subarray(slabUsed, slabUsed + SLOTS);
  slabUsed += SLOTS;
  return u;
}

/** Requests over which the recent suspicious share is averaged (EWMA weight 1/RECENT). */
export const RECENT = 128;
const RECENT_ALPHA = 1 / RECENT;

/** Bounded per-account state. */
export class AccountProfile {
  readonly account: string;
  readonly hash: number;
  /** Every counter, moment, histogram and sketch counter, packed (see the layout above). */
  readonly u = packedSlots();
  /** String keys of the summaries and the IP-block sample. */
  readonly keys: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);
  verification?: string;
  emailDomain?: string;
  endUsers: EndUserSketch | undefined;

  declare n: number;
  declare firstSeen: number;
  declare lastSeen: number;
  // content
  declare sumDistill: number;
  declare sumSynthetic: number;
  declare sumCot: number;
  declare sumGrading: number;
  /** Sum of per-exchange harvest scores (see `harvestScore`). */
  declare sumHarvest: number;
  declare suspicious: number;
  /** Exponentially weighted share of suspicious requests over about the last `RECENT` requests (biased low until then; see `recentSuspiciousShare`). */
  declare recentSuspicious: number;
  // timing
  declare gapN: number;
  declare gapMean: number;
  declare gapM2: number;
  declare burstGaps: number;
  /** Last activity window + 1 (0: none yet). */
  declare private windowPlus1: number;
  declare activeWindows: number;
  // shape
  declare singleTurn: number;
  declare toolUse: number;
  declare inputTokens: number;
  declare outputTokens: number;
  declare reasoningTokens: number;
  declare reasoningRequested: number;
  declare nAbove1: number;
  declare maxTokensHigh: number;
  declare temperatures: number;
  declare tempMask: number;
  declare rateLimited: number;
  // templates
  declare sharedTemplateUses: number;
  declare distinctTemplates: number;
  declare maxTemplateAccounts: number;
  /** Hash of the organisation the account first declared (0: none); see `customer`. */
  declare orgHash: number;
  /** The networks (ASNs) and countries its requests came from, one bit per hashed value (see `exitSpread`). */
  declare asnBits: number;
  declare countryBits: number;
  /** Account creation time in ms (NaN when unknown). */
  declare private createdMs: number;

  constructor(account: string) {
    this.account = account;
    this.hash = hashString(account);
    this.u.fill(EMPTY, SIG_AT, SIG_AT + SIG + WIN);
    this.createdMs = Number.NaN;
  }

  /**
   * Share of suspicious requests among about the last `RECENT` (bias-corrected EWMA): a campaign
   * that starts using an established account shows here long before in the lifetime share.
   */
  get recentSuspiciousShare(): number {
    return this.n === 0 ? 0 : this.recentSuspicious / (1 - Math.pow(1 - RECENT_ALPHA, this.n));
  }

  /** Requests per capability, in `CAPABILITIES` order. */
  get capabilities(): Uint32Array {
    return this.u.subarray(CAPS_AT, CAPS_AT + CAPABILITIES.length);
  }

  /** Requests per UTC hour of day. */
  get hours(): Uint32Array {
    return this.u.subarray(HOURS_AT, HOURS_AT + 24);
  }

  /**
   * A bottom-k sample (the smallest hashes) of the buckets its sessions started in: consistent
   * across accounts, so accounts whose sessions start together keep the same hashes. Empty
   * slots hold 0xffffffff.
   */
  get sessionStarts(): Uint32Array {
    return this.u.subarray(SIG_AT, SIG_AT + SIG);
  }

  /** MinHash signature of its active 10-minute windows (accounts active in the same windows collide). */
  get windowSig(): Uint32Array {
    return this.u.subarray(WIN_AT, WIN_AT + WIN);
  }

  /** Offers the session-start buckets of time `ts` to the sample. */
  private sampleStart(ts: number): void {
    const u = this.u;
    for (let grid = 0; grid < 2; grid++) {
      const b = Math.floor((ts + grid * (COSTART_BUCKET_MS / 2)) / COSTART_BUCKET_MS);
      // hashed per grid (bucket numbers of the two grids overlap), never the empty marker
      const h = Math.min(EMPTY - 1, fmix32(Math.imul(b | 0, 0x9e3779b1) ^ (grid ? 0x85ebca6b : 0)) >>> 0);
      let worst = SIG_AT;
      let seen = false;
      for (let k = SIG_AT; k < SIG_AT + SIG; k++) {
        if (u[k] === h) seen = true;
        if (u[k]! > u[worst]!) worst = k;
      }
      if (!seen && h < u[worst]!) u[worst] = h;
    }
  }

  /**
   * Who the account's customer is: its declared organisation (accounts of one organisation are
   * one customer), else the account itself. A 32-bit key, compared, never shown.
   */
  get customer(): number {
    return this.orgHash || this.hash;
  }

  /** Records the organisation the account declares, if it declared none before. */
  declareOrg(org: string | undefined): void {
    if (this.orgHash === 0 && org) this.orgHash = customerKey(this.account, org);
  }

  get accountCreated(): number | undefined {
    const c = this.createdMs;
    return Number.isNaN(c) ? undefined : c;
  }

  get templates(): HeavyHitters<number> {
    return new HeavyHitters(this.summary(this.u, TEMPLATE_KEYS_AT, TEMPLATE_COUNTS_AT, TEMPLATES_K));
  }
  get asns(): HeavyHitters<number> {
    return new HeavyHitters(this.summary(this.u, ASN_KEYS_AT, ASN_COUNTS_AT, 2));
  }
  get payments(): HeavyHitters<string> {
    return new HeavyHitters(this.summary(this.keys, 0, PAYMENT_COUNTS_AT, 2));
  }
  get prefixes(): HeavyHitters<string> {
    return new HeavyHitters(this.summary(this.keys, 2, PREFIX_COUNTS_AT, 2));
  }
  get userAgents(): HeavyHitters<string> {
    return new HeavyHitters(this.summary(this.keys, 4, AGENT_COUNTS_AT, 2));
  }
  /** A consistent sample of the distinct IP blocks used (proxy exits it shares with others). */
  get prefixSample(): DistinctSample {
    return new DistinctSample(this.sample());
  }

  private summary<K>(
    keys: { [i: number]: K | undefined },
    keyAt: number,
    countAt: number,
    k: number,
  ): SummarySlots<K> {
    return { keys, keyAt, counts: this.u, countAt, k };
  }

  private sample(): SampleSlots {
    return {
      u: this.u,
      hashAt: SAMPLE_HASH_AT,
      sizeAt: SAMPLE_SIZE_AT,
      keys: this.keys,
      keyAt: SAMPLE_KEYS_AT,
      k: SAMPLE_K,
    };
  }

  /** Folds one exchange and its signals into the profile. */
  update(f: ExchangeFacts, s: ExchangeSignals, templateAccounts: number, newTemplate: boolean): void {
    if (this.n === 0) {
      this.firstSeen = f.ts;
      this.createdMs = f.accountCreated ?? Number.NaN;
      this.verification = intern(f.verification);
      this.emailDomain = intern(f.emailDomain);
      this.sampleStart(f.ts);
    } else {
      const gap = Math.max(0, f.ts - this.lastSeen);
      if (gap >= SESSION_GAP_MS) this.sampleStart(f.ts);
      if (gap < 2_000) this.burstGaps += 1;
      // Welford's running moments of log gaps: regularity of inter-arrival times.
      const x = Math.log1p(gap / 1000);
      this.gapN += 1;
      const d = x - this.gapMean;
      this.gapMean += d / this.gapN;
      this.gapM2 += d * (x - this.gapMean);
    }
    this.n += 1;
    this.lastSeen = f.ts;
    const sc = s.scores;
    this.sumDistill += sc.distill ?? 0;
    this.sumSynthetic += sc.synthetic ?? 0;
    this.sumCot += sc.cot ?? 0;
    this.sumGrading += sc.grading ?? 0;
    const h = harvestScore(sc);
    this.sumHarvest += h;
    const susp = h >= 0.5;
    if (susp) this.suspicious += 1;
    this.recentSuspicious = this.recentSuspicious * (1 - RECENT_ALPHA) + (susp ? RECENT_ALPHA : 0);
    const ci = capIndex.get(s.capability);
    const u = this.u;
    if (ci !== undefined) u[CAPS_AT + ci] = u[CAPS_AT + ci]! + 1;
    const hour = HOURS_AT + new Date(f.ts).getUTCHours();
    u[hour] = u[hour]! + 1;
    const w = Math.floor(f.ts / SYNC_WINDOW_MS);
    if (w + 1 !== this.windowPlus1) {
      this.windowPlus1 = w + 1;
      this.activeWindows += 1;
      for (let k = 0; k < WIN; k++) {
        const v = fmix32(w ^ Math.imul(k + 1, 0x9e3779b1));
        if (v < u[WIN_AT + k]!) u[WIN_AT + k] = v;
      }
    }
    if (f.userTurns <= 1 && f.messages <= 2) this.singleTurn += 1;
    if (f.tools > 0 || f.toolMessages > 0 || f.responseToolCalls > 0) this.toolUse += 1;
    this.inputTokens += f.inputTokens;
    this.outputTokens += f.outputTokens;
    this.reasoningTokens += f.reasoningTokens;
    if (f.reasoningRequested) this.reasoningRequested += 1;
    if (f.n > 1) this.nAbove1 += 1;
    if ((f.maxTokens ?? 0) >= 8192) this.maxTokensHigh += 1;
    if (f.temperature !== undefined) {
      const bit = 1 << Math.min(30, Math.round(f.temperature * 10));
      if (!(this.tempMask & bit)) this.temperatures += 1;
      this.tempMask |= bit;
    }
    if (f.status === 429) this.rateLimited += 1;
    if (s.template) {
      const t = Number.parseInt(s.template, 16);
      addTo(u, TEMPLATE_KEYS_AT, u, TEMPLATE_COUNTS_AT, TEMPLATES_K, t);
      if (templateAccounts >= 3) this.sharedTemplateUses += 1;
      if (templateAccounts > this.maxTemplateAccounts) this.maxTemplateAccounts = templateAccounts;
      if (newTemplate) this.distinctTemplates += 1;
    }
    const keys = this.keys;
    if (f.payment) addTo(keys, 0, u, PAYMENT_COUNTS_AT, 2, f.payment);
    if (f.ip) {
      const p = ipPrefix(f.ip);
      if (p) {
        addTo(keys, 2, u, PREFIX_COUNTS_AT, 2, p);
        sampleInto(u, SAMPLE_HASH_AT, SAMPLE_SIZE_AT, keys, SAMPLE_KEYS_AT, SAMPLE_K, p);
      }
    }
    if (f.asn !== undefined) {
      addTo(u, ASN_KEYS_AT, u, ASN_COUNTS_AT, 2, f.asn);
      this.asnBits |= 1 << (fmix32(f.asn) & 31);
    }
    if (f.country) this.countryBits |= 1 << (hashString(f.country) & 31);
    if (f.userAgent) addTo(keys, 4, u, AGENT_COUNTS_AT, 2, intern(f.userAgent)!);
    if (f.endUser) (this.endUsers ??= new EndUserSketch()).add(f.endUser, h);
    this.declareOrg(f.org);
  }

  /**
   * Approximate heap bytes of this profile on 64-bit V8 (object and array headers, the packed
   * counters, held key strings and the end-user sketch); `npm run bench` measures the real heap.
   */
  get bytes(): number {
    let strings = 24 + this.account.length;
    const seen = new Set<string>();
    for (const k of this.keys) {
      if (k === undefined || seen.has(k)) continue;
      seen.add(k);
      strings += 24 + k.length;
    }
    return (
      96 + (100 + SLOTS * 4) + (48 + KEY_SLOTS * 8) + strings + (this.endUsers ? this.endUsers.bytes : 0)
    );
  }
}

defineFields(AccountProfile.prototype, F64_FIELDS, 0, "f64");
defineFields(AccountProfile.prototype, U32_FIELDS, U32_AT, "u32");

/**
 * The 32-bit key of an account's customer: its declared organisation's (never 0), else its own —
 * the same key `AccountProfile.customer` gives, for callers that hold no profile.
 */
export function customerKey(account: string, org: string | undefined): number {
  return org ? hashString(org) || 1 : hashString(account);
}

/** A deterministic 32-bit hash of an indicator value (payment, prefix …) for graph keys. */
export function indicatorHash(kind: string, value: string): number {
  return hashString(value, hashString(kind));
}
