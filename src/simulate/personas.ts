// Legitimate customer personas. Several are hard negatives on purpose: eval teams (templated,
// high-volume, many accounts, fast model switches), synthetic-data customers (permitted bulk
// generation from the same public generator prompts), enterprises and universities (many
// accounts behind one NAT / IP block, shared payment, sign-up bursts) and agent frameworks.
import {
  customerAdoption,
  customerCreated,
  makeAccount,
  newGroup,
  newId,
  pressureFor,
  type World,
} from "./accounts.js";
import { companyDomain } from "./incidental.js";
import {
  campusDomain,
  campusPool,
  cloudEndpoint,
  consumerEndpoint,
  natPool,
  type Endpoint,
} from "./network.js";
import type { AccountPlan, Behaviour } from "./plan.js";
import { benignRecipes, type BenignRecipe } from "./recipes-benign.js";
import { DAY, HOUR, diurnalClock } from "./timing.js";

/** How one kind of customer looks and behaves. */
export interface PersonaDef {
  readonly name: string;
  readonly groupSize: readonly [number, number];
  readonly mix: readonly (readonly [BenignRecipe, number])[];
  readonly net: "consumer" | "office" | "cloud" | "campus";
  readonly diurnal: number;
  readonly weekend: number;
  readonly sizeMedian: number;
  readonly gapMedianMs: number;
  readonly followUp: number;
  readonly payment: "shared" | "own" | "mixed";
  readonly sharedOrg: boolean;
  readonly endUsers?: number;
  readonly fastAdoption?: boolean;
  readonly deadlines?: boolean;
  readonly signupBurst?: boolean;
  readonly reseller?: boolean;
}

/** The benign personas, keyed by the name written to truth.jsonl. */
export const personaDefs: Record<string, PersonaDef> = {
  "individual-developer": {
    name: "individual-developer",
    groupSize: [1, 1],
    mix: [
      ["humanChat", 70],
      ["agentFramework", 12],
      ["homework", 8],
      ["syntheticData", 3],
    ],
    net: "consumer",
    diurnal: 0.9,
    weekend: 0.7,
    sizeMedian: 4,
    gapMedianMs: 45_000,
    followUp: 0.45,
    payment: "own",
    sharedOrg: false,
  },
  "chat-app": {
    name: "chat-app",
    groupSize: [1, 3],
    mix: [
      ["appPersona", 80],
      ["humanChat", 20],
    ],
    net: "cloud",
    diurnal: 0.7,
    weekend: 0.9,
    sizeMedian: 5,
    gapMedianMs: 30_000,
    followUp: 0.55,
    payment: "shared",
    sharedOrg: true,
    endUsers: 400,
  },
  enterprise: {
    name: "enterprise",
    groupSize: [5, 60],
    mix: [
      ["enterpriseWork", 70],
      ["humanChat", 20],
      ["agentFramework", 10],
    ],
    net: "office",
    diurnal: 1,
    weekend: 0.15,
    sizeMedian: 4,
    gapMedianMs: 40_000,
    followUp: 0.4,
    payment: "shared",
    sharedOrg: true,
    signupBurst: true,
  },
  university: {
    name: "university",
    groupSize: [20, 200],
    mix: [
      ["homework", 60],
      ["humanChat", 40],
    ],
    net: "campus",
    diurnal: 0.8,
    weekend: 0.8,
    sizeMedian: 5,
    gapMedianMs: 50_000,
    followUp: 0.5,
    payment: "mixed",
    sharedOrg: false,
    deadlines: true,
    signupBurst: true,
  },
  "eval-team": {
    name: "eval-team",
    groupSize: [3, 30],
    mix: [["evalHarness", 100]],
    net: "cloud",
    diurnal: 0.3,
    weekend: 0.6,
    sizeMedian: 60,
    gapMedianMs: 1_500,
    followUp: 0,
    payment: "shared",
    sharedOrg: true,
    fastAdoption: true,
    signupBurst: true,
  },
  "synthetic-data": {
    name: "synthetic-data",
    groupSize: [1, 8],
    mix: [
      ["syntheticData", 85],
      ["evalHarness", 5],
      ["humanChat", 10],
    ],
    net: "cloud",
    diurnal: 0.2,
    weekend: 0.9,
    sizeMedian: 80,
    gapMedianMs: 1_200,
    followUp: 0,
    payment: "shared",
    sharedOrg: true,
  },
  "agent-framework": {
    name: "agent-framework",
    groupSize: [1, 5],
    mix: [
      ["agentFramework", 85],
      ["humanChat", 15],
    ],
    net: "cloud",
    diurnal: 0.5,
    weekend: 0.7,
    sizeMedian: 8,
    gapMedianMs: 4_000,
    followUp: 0.2,
    payment: "shared",
    sharedOrg: true,
  },
  reseller: {
    name: "reseller",
    groupSize: [1, 1],
    mix: [
      ["humanChat", 50],
      ["appPersona", 30],
      ["agentFramework", 20],
    ],
    net: "cloud",
    diurnal: 0.6,
    weekend: 0.9,
    sizeMedian: 4,
    gapMedianMs: 20_000,
    followUp: 0.4,
    payment: "shared",
    sharedOrg: false,
    endUsers: 300,
    reseller: true,
  },
};

const TZ = [-8, -7, -5, -5, -3, 0, 1, 1, 2, 3, 5.5, 8, 8, 9, 10];
const RESELLERS = ["relaybridge", "tokenhub", "apimart", "openpool"];

/** A reseller channel name (benign and attack resellers use the same list). */
export function resellerName(w: World): string {
  return w.r.pick(RESELLERS);
}

function endpointsFor(w: World, net: PersonaDef["net"], groupPool: Endpoint[] | undefined): Endpoint[] {
  if (groupPool) return groupPool;
  if (net === "consumer") {
    const out = [consumerEndpoint(w.r)];
    if (w.r.chance(0.5)) out.push(consumerEndpoint(w.r));
    if (w.r.chance(0.25)) out.push(cloudEndpoint(w.r));
    return out;
  }
  return [cloudEndpoint(w.r)];
}

/** Builds `groups` customer groups of one persona sharing `exchanges` requests. */
export function buildPersona(w: World, def: PersonaDef, groups: number, exchanges: number): AccountPlan[] {
  const r = w.r;
  const plans: AccountPlan[] = [];
  const sizes: number[] = [];
  const weights: number[] = [];
  for (let g = 0; g < groups; g++) {
    const n = r.range(def.groupSize[0], def.groupSize[1]);
    sizes.push(n);
    for (let i = 0; i < n; i++) weights.push(r.lognormal(1, 0.9));
  }
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  let k = 0;
  const span = w.end - w.start;
  for (let g = 0; g < groups; g++) {
    const n = sizes[g] ?? 1;
    const group = newGroup(
      w,
      companyDomain(r),
      campusDomain(r),
      def.payment,
      def.payment === "mixed" ? 3 : 1,
      def.sharedOrg ? newId(w, "org-", 12) : undefined,
      def.reseller ? resellerName(w) : undefined,
    );
    // Half of the cloud teams share one NAT; the other half run from several regions, a VM each
    // (their accounts then share only the card and the organisation).
    const pool =
      def.net === "office"
        ? natPool(r, 6, r.chance(0.3))
        : def.net === "campus"
          ? campusPool(r, Math.max(20, n * 2))
          : def.net === "cloud" && n > 1 && r.chance(0.5)
            ? natPool(r, 4, true)
            : undefined;
    const tz = r.pick(TZ);
    const burstAt = customerCreated(w);
    const deadlines = def.deadlines
      ? [
          w.start + (2 + r.int(3)) * DAY + 23.99 * HOUR - tz * HOUR,
          w.start + (9 + r.int(4)) * DAY + 23.99 * HOUR - tz * HOUR,
        ]
      : undefined;
    const endUsers: string[] = [];
    if (def.endUsers) for (let i = 0; i < def.endUsers; i++) endUsers.push(`eu_${r.hex(10)}`);
    for (let i = 0; i < n; i++, k++) {
      const created = def.signupBurst && r.chance(0.7) ? burstAt + r.exp(3 * HOUR) : customerCreated(w);
      const start = Math.max(w.start, created + r.exp(2 * HOUR));
      const budget = (exchanges * (weights[k] ?? 1)) / total;
      const sizeMean = def.sizeMedian * 1.28;
      const days = Math.max(0.5, (w.end - start) / DAY);
      const mix: Behaviour[] = def.mix.map(([name, weight]) => ({
        recipe: benignRecipes[name],
        weight,
        campaign: null,
        ...(endUsers.length ? { endUsers } : {}),
      }));
      plans.push(
        makeAccount(w, group, {
          persona: def.name,
          label: "benign",
          campaign: null,
          created,
          start,
          end: w.end,
          budget,
          endpoints: endpointsFor(w, def.net, pool),
          stickyIp: true,
          clock: diurnalClock({
            sessionsPerDay: budget / sizeMean / days,
            tzHours: tz,
            diurnal: def.diurnal,
            weekend: def.weekend,
            sizeMedian: def.sizeMedian,
            gapMedianMs: def.gapMedianMs,
            ...(deadlines ? { deadlines } : {}),
          }),
          mix,
          followUp: def.followUp,
          adoptAt: def.fastAdoption ? w.releaseAt + r.lognormal(6 * HOUR, 0.6) : customerAdoption(w),
          pressure: pressureFor(def.gapMedianMs),
          index: i,
        }),
      );
    }
    if (span <= 0) break;
  }
  return plans;
}
