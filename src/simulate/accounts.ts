// Builds AccountPlans. Every account — customer or campaign — gets its incidental fields from
// the shared samplers in incidental.ts; groups (a company, a lab, a campaign) only correlate
// them (the same SDK for 30% of members), which keeps the attack/benign marginals equal.
import {
  emailDomain,
  sampleClientStack,
  sampleEmailKind,
  sampleSampling,
  sampleVerification,
  sampleVia,
  type ClientStack,
} from "./incidental.js";
import type { Endpoint } from "./network.js";
import { accountFields, type AccountPlan, type Behaviour } from "./plan.js";
import type { Rng } from "./rng.js";
import type { SessionClock } from "./timing.js";
import { DAY, HOUR } from "./timing.js";

/** Scenario-wide facts every builder needs. */
export interface World {
  readonly r: Rng;
  readonly start: number;
  readonly end: number;
  readonly releaseAt: number;
  readonly banShare: number;
  readonly ids: Set<string>;
}

/** Shared traits of a group of accounts (company, university, campaign). */
export interface Group {
  readonly stack: ClientStack;
  readonly corporate: string;
  readonly edu: string;
  readonly org?: string;
  readonly payments: readonly string[];
  readonly paymentMode: "shared" | "rotated" | "own" | "mixed";
  readonly via?: string;
}

/** Per-account choices a persona or campaign makes. */
export interface AccountSpec {
  readonly persona: string;
  readonly label: "attack" | "benign";
  readonly campaign: string | null;
  readonly created: number;
  readonly start: number;
  readonly end: number;
  readonly budget: number;
  readonly endpoints: readonly Endpoint[];
  readonly stickyIp: boolean;
  readonly clock: SessionClock;
  readonly mix: readonly Behaviour[];
  readonly followUp: number;
  readonly adoptAt: number;
  readonly pressure: number;
  readonly index: number;
  readonly banAt?: number;
  readonly via?: string;
  readonly org?: string;
}

/** A fresh unique id with the given prefix (random, so ids carry no label order). */
export function newId(w: World, prefix: string, len = 10): string {
  for (;;) {
    const id = `${prefix}${w.r.hex(len)}`;
    if (!w.ids.has(id)) {
      w.ids.add(id);
      return id;
    }
  }
}

/** Creation time for an ordinary customer: mostly aged, a real share signed up this week. */
export function customerCreated(w: World): number {
  const x = w.r.next();
  if (x < 0.35) return w.start - (365 + w.r.int(700)) * DAY;
  if (x < 0.72) return w.start - (30 + w.r.int(335)) * DAY;
  if (x < 0.87) return w.start - w.r.int(30 * 24) * HOUR;
  return w.start + w.r.next() * (w.end - w.start) * 0.6;
}

/** Draws a group's shared traits. */
export function newGroup(
  w: World,
  corporate: string,
  edu: string,
  paymentMode: Group["paymentMode"],
  payments: number,
  org?: string,
  via?: string,
): Group {
  const list: string[] = [];
  for (let i = 0; i < payments; i++) list.push(newId(w, "pm_", 16));
  return { stack: sampleClientStack(w.r), corporate, edu, org, payments: list, paymentMode, via };
}

/** Ban time (same hazard for every account) or Infinity. */
export function drawBan(w: World, start: number, end: number): number {
  return w.r.chance(w.banShare) ? start + (0.2 + 0.8 * w.r.next()) * (end - start) : Infinity;
}

/** Materializes one account from its group and spec, drawing every incidental field. */
export function makeAccount(w: World, g: Group, s: AccountSpec): AccountPlan {
  const r = w.r;
  const id = newId(w, "acct_");
  const client = r.chance(0.3) ? g.stack : sampleClientStack(r);
  let payment: string | undefined;
  if (g.paymentMode === "shared") payment = g.payments[0];
  else if (g.paymentMode === "rotated") payment = g.payments[s.index % Math.max(1, g.payments.length)];
  else if (g.paymentMode === "mixed") payment = r.chance(0.5) ? r.pick(g.payments) : newId(w, "pm_", 16);
  else payment = r.chance(0.85) ? newId(w, "pm_", 16) : undefined;
  const keys: string[] = [];
  const nKeys = r.choose([
    [1, 6],
    [2, 3],
    [3, 1],
  ] as const);
  for (let i = 0; i < nKeys; i++) keys.push(newId(w, "key_", 12));
  const f = accountFields({
    account: id,
    org: s.org ?? g.org ?? newId(w, "org-", 12),
    payment,
    emailDomain: emailDomain(r, sampleEmailKind(r), { corporate: g.corporate, edu: g.edu }),
    created: s.created,
    verification: sampleVerification(r),
    via: s.via ?? g.via ?? sampleVia(r),
    userAgent: client.userAgent,
    endpoint: client.endpoint,
  });
  return {
    id,
    persona: s.persona,
    label: s.label,
    campaign: s.campaign,
    start: s.start,
    end: s.end,
    budget: Math.max(1, Math.round(s.budget)),
    head: f.head,
    tail: f.tail,
    keys,
    endpoints: s.endpoints,
    stickyIp: s.stickyIp,
    client,
    sampling: sampleSampling(r),
    clock: s.clock,
    mix: s.mix,
    followUp: s.followUp,
    tier: r.chance(0.6) ? "large" : "mini",
    adoptAt: s.adoptAt,
    banAt: s.banAt ?? drawBan(w, s.start, s.end),
    pressure: s.pressure,
    seed: r.u32(),
  };
}

/** Benign model adoption: most move over days after a release, some never. */
export function customerAdoption(w: World): number {
  return w.r.chance(0.3) ? Infinity : w.releaseAt + w.r.lognormal(3 * DAY, 1);
}

/** Rate-limit pressure from a session's request spacing (same rule for everyone). */
export function pressureFor(gapMedianMs: number): number {
  return Math.min(1, Math.max(0, (60_000 / gapMedianMs - 10) / 60));
}
