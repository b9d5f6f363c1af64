// An account's own evidence: what its requests ask for and how it behaves. Content carries the
// most weight; behaviour only adds where content is already suspicious, because benign users
// also ask for step-by-step answers, run scripts around the clock or sign up this week.
import { RECENT, type AccountFeatures, type AccountProfile } from "../profiles/index.js";
import { pct, ramp, type Evidence } from "./evidence.js";

/** How far the recent suspicious share must exceed the lifetime share to count on its own. */
const RECENT_JUMP = 0.2;

/** A campaign-like subset of the end users of an account that relays many. */
export interface ResellerMix {
  /** Share of the account's requests that the subset sends. */
  share: number;
  /** Whether `share` is of its recent requests rather than of all. */
  recent: boolean;
  /** Mean harvest score of the subset's requests. */
  harvest: number;
  endUsers: string[];
  /** How many heavy end users harvest (the subset's size). */
  harvesters: number;
  totalEndUsers: number;
}

/**
 * Finds heavy end users whose requests look like harvesting inside an account that relays
 * many end users (a reseller or an app). A chat app's occasional step-by-step request is spread
 * thinly over its users; a campaign routed through a reseller is concentrated in a few.
 */
export function resellerMix(p: AccountProfile): ResellerMix | undefined {
  const eu = p.endUsers;
  if (!eu || eu.distinct < 8 || eu.total < 30) return undefined;
  let n = 0;
  let h = 0;
  const users: string[] = [];
  for (const u of eu.heavy()) {
    if (u.n >= 5 && u.harvest >= 0.55) {
      n += u.n;
      h += u.harvest * u.n;
      users.push(u.id);
    }
  }
  if (users.length < 2) return undefined;
  // Heavy-hitter counts are lower bounds; the account's share of harvesting-like requests is
  // the better estimate of how much of its traffic the subset sends. Over its recent requests
  // only when that share jumped well above its lifetime share (a campaign that started using an
  // established account): a window of ~128 requests is noisy, and a reseller whose customers
  // often ask for step-by-step answers would cross the line by chance.
  const lifetime = Math.max(n, p.suspicious) / Math.max(1, p.n);
  const rs = p.n >= RECENT ? p.recentSuspiciousShare : 0;
  const recent = rs - lifetime >= RECENT_JUMP;
  return {
    share: recent ? rs : lifetime,
    recent,
    harvest: h / n,
    endUsers: users.slice(0, 10),
    harvesters: users.length,
    totalEndUsers: eu.distinct,
  };
}

/**
 * How strongly a reseller mix points at a campaign hidden among the account's customers, 0..1.
 * A campaign spreads its load over many end-user ids, as it does over accounts; an app's
 * handful of power users who ask for step-by-step answers (or code) are not one.
 */
export function resellerStrength(mix: ResellerMix | undefined): number {
  return mix ? ramp(mix.share, 0.15, 0.35) * ramp(mix.harvest, 0.5, 0.7) * ramp(mix.harvesters, 3, 8) : 0;
}

/** Evidence from the account's own requests and behaviour. */
export function accountEvidence(f: AccountFeatures, p: AccountProfile): Evidence[] {
  const ev: Evidence[] = [];
  const content = ramp(f.meanHarvest, 0.25, 0.75);
  if (content > 0) {
    ev.push({
      signal: "distillation-content",
      points: 3.2 * content,
      detail: `${pct(f.suspiciousShare)} of its ${f.requests} requests read like distillation, reasoning-elicitation or grading prompts (mean harvest probability ${f.meanHarvest.toFixed(2)}).`,
    });
  }
  const mix = resellerMix(p);
  const mixStrength = resellerStrength(mix);
  if (mix && mixStrength > 0) {
    ev.push({
      signal: "reseller-mix",
      points: 4.5 * mixStrength,
      detail: `It relays about ${mix.totalEndUsers} end users; ${pct(mix.share)} of its ${mix.recent ? `last ${RECENT} requests come` : "traffic comes"} from ${mix.endUsers.length} of them whose requests look like harvesting (mean probability ${mix.harvest.toFixed(2)}): ${mix.endUsers.slice(0, 5).join(", ")}.`,
    });
  }
  const suspicious = Math.max(content, mixStrength);
  if (suspicious <= 0) return ev;
  if (f.meanCot >= 0.4)
    ev.push({
      signal: "cot-elicitation",
      points: 0.8 * suspicious * ramp(f.meanCot, 0.4, 0.8),
      detail: `It asks the model to spell out its full reasoning in ${pct(f.meanCot)} of requests on average.`,
    });
  if (f.meanSynthetic >= 0.4)
    ev.push({
      signal: "synthetic-data",
      points: 0.6 * suspicious * ramp(f.meanSynthetic, 0.4, 0.8),
      detail: `Its requests ask for bulk synthetic training data (mean probability ${f.meanSynthetic.toFixed(2)}).`,
    });
  if (f.meanGrading >= 0.4)
    ev.push({
      signal: "rubric-grading",
      points: 0.6 * suspicious * ramp(f.meanGrading, 0.4, 0.8),
      detail: `It uses the model as a grader or reward model (mean probability ${f.meanGrading.toFixed(2)}).`,
    });
  if (f.requests >= 20 && f.capabilityShare >= 0.6 && f.topCapability !== "general") {
    ev.push({
      signal: "capability-focus",
      points: 0.5 * suspicious * ramp(f.capabilityShare, 0.6, 0.9),
      detail: `${pct(f.capabilityShare)} of its requests target one capability (${f.topCapability}).`,
    });
  }
  if (f.sharedTemplateShare >= 0.2) {
    ev.push({
      signal: "shared-template",
      points: 1.2 * suspicious * ramp(f.sharedTemplateShare, 0.2, 0.7),
      detail: `${pct(f.sharedTemplateShare)} of its requests follow prompt templates also used by other accounts (up to ${f.maxTemplateAccounts} accounts).`,
    });
  }
  if (f.rotatesExits) {
    ev.push({
      signal: "proxy-rotation",
      points: 1.5 * suspicious,
      detail: `It hops between proxy exits: its requests came from ${f.networks} networks${f.countries ? ` in ${f.countries} countries` : ""}, none of its IP blocks carrying half of them.`,
    });
  }
  if (f.requests >= 30 && f.diurnalEntropy >= 0.9 && f.activeHours >= 20) {
    ev.push({
      signal: "around-the-clock",
      points: 0.5 * suspicious,
      detail: `It is active in ${f.activeHours} of 24 hours of the day with no daily rhythm.`,
    });
  }
  if (f.requests >= 30 && f.gapCv < 0.35) {
    ev.push({
      signal: "machine-regular",
      points: 0.4 * suspicious,
      detail: `Its requests arrive at machine-regular intervals (variation ${f.gapCv.toFixed(2)}).`,
    });
  }
  if (f.ageAtFirstUseDays !== undefined && f.ageAtFirstUseDays < 3) {
    ev.push({
      signal: "fresh-account",
      points: 0.5 * suspicious,
      detail: `It was created ${f.ageAtFirstUseDays < 1 ? "less than a day" : `${f.ageAtFirstUseDays.toFixed(0)} days`} before its first request.`,
    });
  }
  if (f.weakVerification)
    ev.push({
      signal: "weak-verification",
      points: 0.3 * suspicious,
      detail: `Its identity is only weakly verified (${p.verification}).`,
    });
  if (f.requests >= 20 && f.singleTurnShare >= 0.9)
    ev.push({
      signal: "single-turn",
      points: 0.3 * suspicious,
      detail: `${pct(f.singleTurnShare)} of its requests are single-turn, with no follow-up conversation.`,
    });
  if (f.outputInputRatio >= 3)
    ev.push({
      signal: "long-outputs",
      points: 0.3 * suspicious,
      detail: `It draws ${f.outputInputRatio.toFixed(1)} output tokens per input token.`,
    });
  if (f.paramsSweep || f.nAbove1Share >= 0.3 || f.maxTokensHighShare >= 0.5) {
    ev.push({
      signal: "harvest-parameters",
      points: 0.3 * suspicious,
      detail:
        "Its sampling parameters look like harvesting (temperature sweeps, several samples per request or maximal output lengths).",
    });
  }
  if (f.rateLimitedShare >= 0.05)
    ev.push({
      signal: "rate-limit-hugging",
      points: 0.3 * suspicious,
      detail: `${pct(f.rateLimitedShare)} of its requests hit the rate limit.`,
    });
  return ev;
}
