// Runs one simulation: plans every account, merges the per-account streams by time with a
// heap, and writes exchanges.jsonl, truth.jsonl and truth-exchanges.tsv as it goes.
import { mkdirSync } from "node:fs";
import { join as joinPath } from "node:path";
import type { World } from "./accounts.js";
import { Actor } from "./actor.js";
import { buildCampaign } from "./campaigns.js";
import { getCorpora, resolveCorporaDir } from "./corpus.js";
import { TimeHeap } from "./heap.js";
import { buildPersona, personaDefs } from "./personas.js";
import type { AccountPlan } from "./plan.js";
import { Rng, hash32 } from "./rng.js";
import { scaleScenario, scenarioDefs } from "./scenarios.js";
import { DAY } from "./timing.js";
import { LineWriter } from "./writer.js";

/** Options of one simulator run. */
export interface SimulateOptions {
  scenario: string;
  seed: number;
  outDir: string;
  scale?: number;
  corporaDir?: string;
  onProgress?: (written: number, total: number) => void;
}

/** What a run produced; `seconds` is the wall-clock time it took. */
export interface SimulateSummary {
  scenario: string;
  seed: number;
  exchanges: number;
  accounts: number;
  attackAccounts: number;
  campaigns: number;
  seconds: number;
}

/** Names of the built-in scenarios. */
export const scenarios: readonly string[] = Object.keys(scenarioDefs);

/** Plans every account of a scenario (deterministic in seed). */
export function planScenario(scenario: string, seed: number, scale = 1): { plans: AccountPlan[]; start: number; end: number; releaseAt: number; expected: number } {
  const base = scenarioDefs[scenario];
  if (!base) throw new Error(`unknown scenario "${scenario}" (known: ${scenarios.join(", ")})`);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
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
    plans.push(...buildCampaign(w, c, r.pick([-5, 0, 3, 8, 9])));
    expected += c.exchanges + (c.reseller?.benignExchanges ?? 0);
  }
  return { plans, start, end, releaseAt: w.releaseAt, expected };
}

/** Generates a scenario's traffic and ground truth into `outDir`. */
export async function runSimulation(opts: SimulateOptions): Promise<SimulateSummary> {
  const t0 = performance.now();
  const corpora = getCorpora(resolveCorporaDir(opts.corporaDir));
  const { plans, releaseAt, expected } = planScenario(opts.scenario, opts.seed, opts.scale ?? 1);
  mkdirSync(opts.outDir, { recursive: true });
  const ctx = { corpora, releaseAt };
  const actors = plans.map((p) => new Actor(p, ctx));
  const heap = new TimeHeap(actors.length);
  actors.forEach((a, i) => {
    if (Number.isFinite(a.nextTs)) heap.push(a.nextTs, i);
  });
  const counts = new Int32Array(actors.length);
  const out = new LineWriter(joinPath(opts.outDir, "exchanges.jsonl"));
  const tsv = new LineWriter(joinPath(opts.outDir, "truth-exchanges.tsv"));
  const idSalt = hash32(opts.seed, opts.scenario).toString(36);
  let n = 0;
  while (heap.size > 0) {
    const i = heap.peek();
    const a = actors[i];
    if (!a) throw new Error("heap holds an unknown actor");
    const ts = a.nextTs;
    const id = `req_${idSalt}${n.toString(36).padStart(6, "0")}`;
    const line = a.emit(id);
    counts[i] = (counts[i] ?? 0) + 1;
    n++;
    let flush = out.write(line);
    if (a.lastCampaign !== null) flush = tsv.write(`${id}\t${a.plan.id}\t${ts}\t${a.lastCampaign}`) || flush;
    if (Number.isFinite(a.nextTs)) heap.updateTop(a.nextTs);
    else heap.pop();
    if (flush) {
      await out.flush();
      await tsv.flush();
    }
    if (opts.onProgress && (n & 0xffff) === 0) opts.onProgress(n, Math.max(n, expected));
  }
  await out.close();
  await tsv.close();
  const truth = new LineWriter(joinPath(opts.outDir, "truth.jsonl"));
  let accounts = 0;
  let attack = 0;
  const campaigns = new Set<string>();
  for (let i = 0; i < actors.length; i++) {
    const p = actors[i]?.plan;
    if (!p || (counts[i] ?? 0) === 0) continue; // an account that never sent a request is not in the traffic
    accounts++;
    if (p.label === "attack") attack++;
    if (p.campaign) campaigns.add(p.campaign);
    if (truth.write(JSON.stringify({ account: p.id, label: p.label, campaign: p.campaign, persona: p.persona }))) await truth.flush();
  }
  await truth.close();
  opts.onProgress?.(n, n);
  return { scenario: opts.scenario, seed: opts.seed, exchanges: n, accounts, attackAccounts: attack, campaigns: campaigns.size, seconds: (performance.now() - t0) / 1000 };
}
