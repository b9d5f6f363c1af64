// Plans every account of a scenario up front (deterministic in seed): the part of a run that
// draws from one sequential stream, so every shard renderer repeats it rather than splits it.
import type { World } from "./accounts.js";
import { buildCampaign } from "./campaigns.js";
import { buildPersona, personaDefs } from "./personas.js";
import type { AccountPlan } from "./plan.js";
import { Rng } from "./rng.js";
import { scaleScenario, scenarioDefs } from "./scenarios.js";
import { DAY } from "./timing.js";

/** Names of the built-in scenarios. */
export const scenarios: readonly string[] = Object.keys(scenarioDefs);

/** Plans every account of a scenario (deterministic in seed). */
export function planScenario(
  scenario: string,
  seed: number,
  scale = 1,
  tactics: { camouflage?: number; fixedExits?: boolean } = {},
): { plans: AccountPlan[]; start: number; end: number; releaseAt: number; expected: number } {
  const base = scenarioDefs[scenario];
  if (!base) throw new Error(`unknown scenario "${scenario}" (known: ${scenarios.join(", ")})`);
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`scale must be a positive number, got ${scale}`);
  const def = scaleScenario(base, scale);
  const start = Date.parse(def.startIso);
  const end = start + def.days * DAY;
  const r = new Rng(seed, "scenario", scenario);
  const w: World = { r, start, end, releaseAt: start + 0.55 * (end - start), banShare: 0.04, ids: new Set() };
  const plans: AccountPlan[] = [];
  let expected = 0;
  for (const b of def.benign) {
    const pd = personaDefs[b.persona];
    if (!pd) throw new Error(`scenario ${scenario} names unknown persona ${b.persona}`);
    plans.push(...buildPersona(w, pd, b.groups, b.exchanges));
    expected += b.exchanges;
  }
  for (const c of def.campaigns) {
    const camouflage = tactics.camouflage ?? 0;
    const def = {
      ...c,
      ...(camouflage > 0 ? { camouflage } : {}),
      ...(tactics.fixedExits ? { fixedExits: true } : {}),
    };
    plans.push(...buildCampaign(w, def, r.pick([-5, 0, 3, 8, 9])));
    expected += c.exchanges + (c.reseller?.benignExchanges ?? 0);
  }
  return { plans, start, end, releaseAt: w.releaseAt, expected };
}

/** The exchange total a scenario is sized for, without planning it. */
export function expectedExchanges(scenario: string, scale = 1): number {
  const base = scenarioDefs[scenario];
  if (!base) return 0;
  const def = scaleScenario(base, scale);
  let n = 0;
  for (const b of def.benign) n += b.exchanges;
  for (const c of def.campaigns) n += c.exchanges + (c.reseller?.benignExchanges ?? 0);
  return n;
}
