// Distillation campaigns after the published tactics: hydra clusters behind residential proxy
// pools, shared or rotated payment, fresh sign-up bursts mixed with resold aged accounts,
// loosely synchronized load-balanced waves, banned accounts replaced at once on the same
// infrastructure, a switch to a newly released model within a day, resellers mixing campaign
// end users into real customers' traffic, and low-and-slow campaigns under per-account limits.
import {
  customerCreated,
  drawBan,
  makeAccount,
  newGroup,
  newId,
  pressureFor,
  type AccountSpec,
  type Group,
  type World,
} from "./accounts.js";
import { companyDomain } from "./incidental.js";
import { campusDomain, proxyPool, type Endpoint } from "./network.js";
import { personaDefs, resellerName } from "./personas.js";
import type { AccountPlan, Behaviour } from "./plan.js";
import { attackRecipes, type AttackRecipe } from "./recipes-attack.js";
import { benignRecipes } from "./recipes-benign.js";
import type { Rng } from "./rng.js";
import { DAY, HOUR, diurnalClock, waveClock, type SessionClock } from "./timing.js";

/** One campaign of a scenario. */
export interface CampaignDef {
  readonly id: string;
  readonly accounts: number;
  readonly exchanges: number;
  readonly mix: readonly (readonly [AttackRecipe, number])[];
  readonly sync: "tight" | "loose" | "none" | "slow";
  readonly payment: "shared" | "rotated" | "own";
  readonly proxyExits: number;
  readonly datacenterShare: number;
  readonly agedShare: number;
  readonly window?: readonly [number, number]; // fractions of the scenario span
  /** Share of ordinary chat each account mixes into its harvesting (camouflage). */
  readonly camouflage?: number;
  /** Each account keeps one exit of the pool to itself instead of rotating through several. */
  readonly fixedExits?: boolean;
  readonly reseller?: {
    readonly endUsers: number;
    readonly campaignEndUsers: number;
    readonly benignExchanges: number;
    readonly campaignExchanges: number;
  };
}

function clockFor(
  w: World,
  def: CampaignDef,
  key: number,
  accountKey: number,
  start: number,
  end: number,
  budget: number,
  tz: number,
): { clock: SessionClock; gap: number } {
  const days = Math.max(0.25, (end - start) / DAY);
  if (def.sync === "slow") {
    // stays far under per-account limits: a request every few hours, human-looking pauses
    return {
      clock: diurnalClock({
        sessionsPerDay: budget / 1.5 / days,
        tzHours: tz,
        diurnal: 0.5,
        weekend: 0.8,
        sizeMedian: 1.2,
        gapMedianMs: 90_000,
      }),
      gap: 90_000,
    };
  }
  if (def.sync === "none") {
    return {
      clock: diurnalClock({
        sessionsPerDay: budget / 13 / days,
        tzHours: tz,
        diurnal: 0.3,
        weekend: 0.9,
        sizeMedian: 10,
        gapMedianMs: 3_000,
      }),
      gap: 3_000,
    };
  }
  const tight = def.sync === "tight";
  const period = (tight ? 30 : 50) * 60_000;
  const gap = tight ? 2_500 : 7_000;
  let size = tight ? 12 : 8;
  const waves = Math.max(1, (end - start) / period);
  let participation = budget / (size * 1.08) / waves;
  if (participation > 0.9) {
    size *= participation / 0.9;
    participation = 0.9;
  }
  return {
    clock: waveClock({
      campaignKey: key,
      accountKey,
      originMs: w.start,
      periodMs: period,
      participation,
      jitterMs: tight ? 8_000 : 15 * 60_000,
      sizeMedian: size,
      gapMedianMs: gap,
    }),
    gap,
  };
}

function pickExits(r: Rng, pool: readonly Endpoint[], n: number): Endpoint[] {
  const out: Endpoint[] = [];
  for (let i = 0; i < n; i++) out.push(r.pick(pool));
  return out;
}

/** Builds every account of one campaign, replacements for banned accounts included. */
export function buildCampaign(w: World, def: CampaignDef, tz: number): AccountPlan[] {
  const r = w.r;
  const span = w.end - w.start;
  const cStart = w.start + (def.window?.[0] ?? 0) * span;
  const cEnd = w.start + (def.window?.[1] ?? 1) * span;
  const key = r.u32();
  const shells = [companyDomain(r), companyDomain(r)];
  const group: Group = newGroup(
    w,
    r.pick(shells),
    campusDomain(r),
    def.payment === "own" ? "own" : def.payment,
    def.payment === "shared" ? r.range(1, 3) : Math.max(2, Math.ceil(def.accounts / 8)),
  );
  const pool = proxyPool(r, def.proxyExits, def.datacenterShare);
  const bursts: number[] = [];
  for (let i = 0; i < r.range(3, 6); i++)
    bursts.push(cStart - 14 * DAY + r.next() * (14 * DAY + (cEnd - cStart) * 0.5));
  const switchAt = w.releaseAt + r.lognormal(8 * HOUR, 0.5);
  const mix: Behaviour[] = def.mix.map(([name, weight]) => ({
    recipe: attackRecipes[name],
    weight,
    campaign: def.id,
  }));
  // camouflage: ordinary chat in every account, so that each one's own requests look less like
  // harvesting (the requests still belong to the campaign in the ground truth)
  const camouflage = def.camouflage ?? 0;
  if (camouflage > 0) {
    const total = mix.reduce((sum, m) => sum + m.weight, 0);
    mix.push({
      recipe: benignRecipes.humanChat,
      weight: (total * camouflage) / (1 - camouflage),
      campaign: def.id,
    });
  }
  const plans: AccountPlan[] = [];

  const direct = def.reseller ? def.accounts - 1 : def.accounts;
  const directExchanges = def.reseller ? def.exchanges - def.reseller.campaignExchanges : def.exchanges;
  const persona = def.sync === "slow" ? "low-and-slow" : "hydra";
  const weights: number[] = [];
  for (let i = 0; i < direct; i++)
    weights.push(def.sync === "tight" ? 0.8 + 0.4 * r.next() : r.lognormal(1, 0.5));
  const wsum = weights.reduce((a, b) => a + b, 0) || 1;

  for (let i = 0; i < direct; i++) {
    let budget = (directExchanges * (weights[i] ?? 1)) / wsum;
    let created = r.chance(def.agedShare)
      ? Math.min(customerCreated(w), cStart - DAY)
      : r.pick(bursts) + r.exp(20 * 60_000);
    let start = Math.max(cStart, created + r.exp(HOUR));
    const rotating = pickExits(r, pool, r.range(3, 12));
    const endpoints = def.fixedExits ? [pool[i % pool.length]!] : rotating;
    const accountKey = r.u32();
    // a chain of accounts per slot: each ban is followed within minutes by a fresh account
    for (let depth = 0; depth < 4 && start < cEnd && budget >= 1; depth++) {
      const banAt = drawBan(w, start, cEnd);
      const share = banAt < cEnd ? (banAt - start) / (cEnd - start) : 1;
      const mine = budget * share;
      const { clock, gap } = clockFor(w, def, key, accountKey, start, Math.min(banAt, cEnd), mine, tz);
      const spec: AccountSpec = {
        persona,
        label: "attack",
        campaign: def.id,
        created,
        start,
        end: cEnd,
        budget: mine,
        endpoints,
        stickyIp: true,
        clock,
        mix,
        followUp: 0.05,
        adoptAt: switchAt + r.exp(HOUR),
        pressure: pressureFor(gap),
        index: i,
        banAt,
      };
      plans.push(makeAccount(w, group, spec));
      if (banAt >= cEnd) break;
      budget -= mine;
      created = banAt + r.exp(10 * 60_000);
      start = created + r.exp(5 * 60_000);
    }
  }
  if (def.reseller) plans.push(buildResellerAccount(w, def, mix, tz, switchAt));
  return plans;
}

function buildResellerAccount(
  w: World,
  def: CampaignDef,
  campaignMix: readonly Behaviour[],
  tz: number,
  switchAt: number,
): AccountPlan {
  const r = w.r;
  const rs = def.reseller;
  if (!rs) throw new Error("buildResellerAccount needs a reseller campaign");
  const benignUsers: string[] = [];
  const attackUsers: string[] = [];
  for (let i = 0; i < rs.endUsers; i++) benignUsers.push(`eu_${r.hex(10)}`);
  for (let i = 0; i < rs.campaignEndUsers; i++) attackUsers.push(`eu_${r.hex(10)}`);
  const pd = personaDefs.reseller;
  const benignMix = (pd?.mix ?? [["humanChat", 1]]).map(([name, weight]) => ({
    recipe: benignRecipes[name],
    weight,
    campaign: null,
    endUsers: benignUsers,
  }));
  const total = rs.benignExchanges + rs.campaignExchanges;
  const bw = benignMix.reduce((a, b) => a + b.weight, 0);
  const aw = campaignMix.reduce((a, b) => a + b.weight, 0);
  // campaign sessions are larger (bulk harvest), so weight sessions by exchanges / session size
  const mix: Behaviour[] = [
    ...benignMix.map((b) => ({ ...b, weight: (b.weight / bw) * (rs.benignExchanges / 4) })),
    ...campaignMix.map((b) => ({
      ...b,
      weight: (b.weight / aw) * (rs.campaignExchanges / 4),
      endUsers: attackUsers,
    })),
  ];
  const group = newGroup(
    w,
    companyDomain(r),
    campusDomain(r),
    "shared",
    1,
    newId(w, "org-", 12),
    resellerName(w),
  );
  return makeAccount(w, group, {
    persona: "reseller",
    label: "attack",
    campaign: def.id,
    created: w.start - (100 + r.int(400)) * DAY,
    start: w.start,
    end: w.end,
    budget: total,
    endpoints: proxyPool(r, 4, 1),
    stickyIp: true,
    clock: diurnalClock({
      sessionsPerDay: total / 5 / Math.max(0.5, (w.end - w.start) / DAY),
      tzHours: tz,
      diurnal: 0.6,
      weekend: 0.9,
      sizeMedian: 4,
      gapMedianMs: 20_000,
    }),
    mix,
    followUp: 0.3,
    adoptAt: Math.min(switchAt + DAY, w.releaseAt + r.lognormal(2 * DAY, 0.7)),
    pressure: pressureFor(20_000),
    index: 0,
    banAt: Infinity, // an established reseller, not a throwaway account
  });
}
