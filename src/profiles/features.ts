// Derived behavioural features of an account profile, each normalised so that scoring can
// explain it in a sentence.
import { CAPABILITIES, type AccountProfile } from "./account-profile.js";

/** Behavioural features of one account at a point in time. */
export interface AccountFeatures {
  requests: number;
  meanDistill: number;
  /** Mean per-request harvest score (distillation, reasoning elicitation, grading). */
  meanHarvest: number;
  meanSynthetic: number;
  meanCot: number;
  meanGrading: number;
  suspiciousShare: number;
  /** Top capability and its share of requests. */
  topCapability: string;
  capabilityShare: number;
  /** Distinct capabilities with ≥ 5% of requests (topic breadth). */
  capabilityBreadth: number;
  /** Coefficient of variation of log inter-arrival gaps (low = machine-regular). */
  gapCv: number;
  /** Normalised entropy of the hour-of-day histogram (1 = flat, around the clock). */
  diurnalEntropy: number;
  activeHours: number;
  requestsPerActiveWindow: number;
  singleTurnShare: number;
  toolShare: number;
  outputInputRatio: number;
  reasoningShare: number;
  reasoningRequestedShare: number;
  templateConcentration: number;
  /** Share of its requests from its busiest IP block (see `FIXED_BLOCK_SHARE`). */
  topBlockShare: number;
  /** Distinct networks (ASNs) and countries its requests came from (see `exitSpread`). */
  networks: number;
  countries: number;
  /** Whether it rotates through a proxy pool (see `rotatesExits`). */
  rotatesExits: boolean;
  sharedTemplateShare: number;
  maxTemplateAccounts: number;
  paramsSweep: boolean;
  nAbove1Share: number;
  maxTokensHighShare: number;
  rateLimitedShare: number;
  /** Account age at first use, in days (undefined when unknown). */
  ageAtFirstUseDays?: number;
  weakVerification: boolean;
}

function entropy(counts: ArrayLike<number>, total: number): number {
  if (total === 0) return 0;
  let h = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c > 0) {
      const p = c / total;
      h -= p * Math.log(p);
    }
  }
  return h / Math.log(counts.length);
}

/** An account sending at least this share of its requests from one IP block works from a fixed site. */
export const FIXED_BLOCK_SHARE = 0.8;
/** Requests from which that share proves a fixed site (a proxy account sticks to an exit for a session or two). */
export const FIXED_MIN_REQUESTS = 20;
/** An account whose first request came within this many days of its sign-up is fresh. */
export const FRESH_DAYS = 7;

/** Set bits of a 32-bit word. */
export function popcount(x: number): number {
  let v = x >>> 0;
  let c = 0;
  while (v) {
    v &= v - 1;
    c += 1;
  }
  return c;
}

/**
 * Distinct networks (ASNs) and countries an account's requests came from, from one 32-bit
 * hashed bitmap each (linear counting: exact up to a collision, which undercounts; ~1 in 6 for
 * five values).
 */
export function exitSpread(p: AccountProfile): { networks: number; countries: number } {
  return { networks: popcount(p.asnBits), countries: popcount(p.countryBits) };
}

/** Requests before an account's exits say whether it rotates through a proxy pool. */
export const ROTATION_MIN_REQUESTS = 5;

/**
 * An account rotating through a proxy pool: its requests come from at least four networks in
 * at least three countries (five networks where countries are not logged), and no IP block
 * carries half of them. Residential proxy services resell exits across ISPs and countries, so
 * a campaign's account hops between them from session to session; a developer's home, office
 * and phone are one to three networks in one or two countries, a university or company NAT
 * one network, a cloud team a few fixed VMs.
 */
export function rotatesExits(
  requests: number,
  topBlockShare: number,
  { networks, countries }: { networks: number; countries: number },
): boolean {
  if (requests < ROTATION_MIN_REQUESTS || topBlockShare >= 0.5) return false;
  return countries > 0 ? networks >= 4 && countries >= 3 : networks >= 5;
}

/** Days from sign-up to first request (undefined when the creation time is unknown). */
export function ageAtFirstUseDays(p: AccountProfile): number | undefined {
  return p.accountCreated === undefined
    ? undefined
    : Math.max(0, (p.firstSeen - p.accountCreated) / 86_400_000);
}

/** Computes the features of a profile. */
export function accountFeatures(p: AccountProfile): AccountFeatures {
  const n = Math.max(1, p.n);
  let top = 0;
  let topIdx = CAPABILITIES.length - 1;
  let breadth = 0;
  const caps = p.capabilities;
  for (let i = 0; i < caps.length; i++) {
    const c = caps[i]!;
    if (c > top) {
      top = c;
      topIdx = i;
    }
    if (c / n >= 0.05) breadth += 1;
  }
  let activeHours = 0;
  const hours = p.hours;
  for (let i = 0; i < hours.length; i++) if (hours[i]! > 0) activeHours += 1;
  const variance = p.gapN > 1 ? p.gapM2 / (p.gapN - 1) : 0;
  const tt = p.templates.top()[0];
  const topBlockShare = (p.prefixes.top()[0]?.count ?? 0) / n;
  const spread = exitSpread(p);
  return {
    requests: p.n,
    meanDistill: p.sumDistill / n,
    meanHarvest: p.sumHarvest / n,
    meanSynthetic: p.sumSynthetic / n,
    meanCot: p.sumCot / n,
    meanGrading: p.sumGrading / n,
    suspiciousShare: p.suspicious / n,
    topCapability: CAPABILITIES[topIdx] ?? "general",
    capabilityShare: top / n,
    capabilityBreadth: breadth,
    gapCv: p.gapN > 1 && p.gapMean > 0 ? Math.sqrt(variance) / p.gapMean : 1,
    diurnalEntropy: entropy(hours, p.n),
    activeHours,
    requestsPerActiveWindow: p.n / Math.max(1, p.activeWindows),
    singleTurnShare: p.singleTurn / n,
    toolShare: p.toolUse / n,
    outputInputRatio: p.outputTokens / Math.max(1, p.inputTokens),
    reasoningShare: p.reasoningTokens / Math.max(1, p.outputTokens),
    reasoningRequestedShare: p.reasoningRequested / n,
    templateConcentration: tt ? tt.count / n : 0,
    topBlockShare,
    networks: spread.networks,
    countries: spread.countries,
    rotatesExits: rotatesExits(p.n, topBlockShare, spread),
    sharedTemplateShare: p.sharedTemplateUses / n,
    maxTemplateAccounts: p.maxTemplateAccounts,
    paramsSweep: p.temperatures >= 4,
    nAbove1Share: p.nAbove1 / n,
    maxTokensHighShare: p.maxTokensHigh / n,
    rateLimitedShare: p.rateLimited / n,
    ageAtFirstUseDays: ageAtFirstUseDays(p),
    weakVerification:
      p.verification === undefined ? false : p.verification === "none" || p.verification === "email",
  };
}
