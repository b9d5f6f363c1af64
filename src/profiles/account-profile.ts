// The behavioural profile of one account, updated per exchange in O(1) time and bounded
// memory (counters, running moments and small sketches — never lists of exchanges).
import type { ExchangeFacts } from "../events/normalize.js";
import type { ExchangeSignals } from "../signals/types.js";
import { fmix32, hashString } from "../signals/template/hash.js";
import { HeavyHitters } from "./heavy-hitters.js";
import { ipPrefix } from "./network.js";
import { EndUserSketch } from "./end-users.js";
import { DistinctSample } from "./distinct-sample.js";
import { CAPABILITIES } from "../signals/content/index.js";

export { CAPABILITIES };
const capIndex = new Map<string, number>(CAPABILITIES.map((c, i) => [c, i]));

/** Activity windows used for synchronization (SynchroTrap-style time buckets). */
export const SYNC_WINDOW_MS = 10 * 60_000;
const SIG = 16;

/**
 * How much one request looks like output harvesting: a noisy-OR of the distillation-recipe
 * probability with discounted chain-of-thought-elicitation and grading probabilities (benign
 * users and eval harnesses also ask for step-by-step answers and judge outputs).
 */
export function harvestScore(sc: Record<string, number>): number {
  return 1 - (1 - (sc.distill ?? 0)) * (1 - 0.6 * (sc.cot ?? 0)) * (1 - 0.6 * (sc.grading ?? 0));
}

/** Bounded per-account state. */
export class AccountProfile {
  readonly account: string;
  readonly hash: number;
  n = 0;
  firstSeen = 0;
  lastSeen = 0;
  // content
  sumDistill = 0;
  sumSynthetic = 0;
  sumCot = 0;
  sumGrading = 0;
  /** Sum of per-exchange harvest scores (see `harvestScore`). */
  sumHarvest = 0;
  suspicious = 0;
  readonly capabilities = new Uint32Array(CAPABILITIES.length);
  // timing
  readonly hours = new Uint32Array(24);
  gapN = 0;
  gapMean = 0;
  gapM2 = 0;
  burstGaps = 0;
  readonly windowSig = new Uint32Array(SIG).fill(0xffffffff);
  lastWindow = -1;
  activeWindows = 0;
  // shape
  singleTurn = 0;
  toolUse = 0;
  inputTokens = 0;
  outputTokens = 0;
  reasoningTokens = 0;
  reasoningRequested = 0;
  nAbove1 = 0;
  maxTokensHigh = 0;
  temperatures = 0;
  tempMask = 0;
  rateLimited = 0;
  // templates
  readonly templates = new HeavyHitters<number>(4);
  sharedTemplateUses = 0;
  distinctTemplates = 0;
  maxTemplateAccounts = 0;
  // identity and infrastructure
  accountCreated?: number;
  verification?: string;
  emailDomain?: string;
  readonly payments = new HeavyHitters<string>(2);
  readonly prefixes = new HeavyHitters<string>(2);
  /** A consistent sample of the distinct IP blocks used (proxy exits it shares with others). */
  readonly prefixSample = new DistinctSample(6);
  readonly asns = new HeavyHitters<number>(2);
  readonly userAgents = new HeavyHitters<string>(2);
  endUsers: EndUserSketch | undefined;

  constructor(account: string) {
    this.account = account;
    this.hash = hashString(account);
  }

  /** Folds one exchange and its signals into the profile. */
  update(f: ExchangeFacts, s: ExchangeSignals, templateAccounts: number, newTemplate: boolean): void {
    if (this.n === 0) {
      this.firstSeen = f.ts;
      this.accountCreated = f.accountCreated;
      this.verification = f.verification;
      this.emailDomain = f.emailDomain;
    } else {
      const gap = Math.max(0, f.ts - this.lastSeen);
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
    const ci = capIndex.get(s.capability);
    if (ci !== undefined) this.capabilities[ci]! += 1;
    this.hours[new Date(f.ts).getUTCHours()]! += 1;
    const w = Math.floor(f.ts / SYNC_WINDOW_MS);
    if (w !== this.lastWindow) {
      this.lastWindow = w;
      this.activeWindows += 1;
      for (let k = 0; k < SIG; k++) {
        const v = fmix32(w ^ Math.imul(k + 1, 0x9e3779b1));
        if (v < this.windowSig[k]!) this.windowSig[k] = v;
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
      this.templates.add(t);
      if (templateAccounts >= 3) this.sharedTemplateUses += 1;
      if (templateAccounts > this.maxTemplateAccounts) this.maxTemplateAccounts = templateAccounts;
      if (newTemplate) this.distinctTemplates += 1;
    }
    if (f.payment) this.payments.add(f.payment);
    if (f.ip) {
      const p = ipPrefix(f.ip);
      if (p) {
        this.prefixes.add(p);
        this.prefixSample.add(p);
      }
    }
    if (f.asn !== undefined) this.asns.add(f.asn);
    if (f.userAgent) this.userAgents.add(f.userAgent);
    if (f.endUser) (this.endUsers ??= new EndUserSketch()).add(f.endUser, h);
  }

  /** Approximate bytes of this profile (for the state-size benchmark). */
  get bytes(): number {
    const strings = this.account.length * 2 + 64 * 4;
    return (
      560 +
      96 +
      44 +
      64 +
      4 * 24 +
      3 * 40 +
      1 * 40 +
      this.prefixSample.bytes +
      strings +
      (this.endUsers ? this.endUsers.bytes : 0)
    );
  }
}

/** A deterministic 32-bit hash of an indicator value (payment, prefix …) for graph keys. */
export function indicatorHash(kind: string, value: string): number {
  return hashString(value, hashString(kind));
}
