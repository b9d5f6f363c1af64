// Builds the weighted account graph from shared indicators. An indicator shared by k accounts
// would be a k-clique; instead its accounts are laid on a ring in a pseudo-random order and
// each is joined to its next two neighbours, so edges stay O(k) while a group that shares many
// indicators still ends up densely connected (several independent rings over the same set).
// Each indicator's weight is scaled by its specificity (an IDF over the candidate accounts),
// so that a value shared by a large share of accounts (a cloud ASN, an SDK user agent) adds
// little.
import type { AccountProfile } from "../profiles/index.js";
import { hashString, fmix32 } from "../signals/template/hash.js";
import { eachIndicator, indicatorWeights, type IndicatorKind } from "./indicators.js";
import { fromEdges, type WeightedGraph } from "./weighted-graph.js";
import { PairWeights } from "./pair-weights.js";

const CLIQUE_MAX = 48;
const RING_HOPS = 3;

/** Members of one indicator value among the candidates. */
export interface IndicatorGroup {
  kind: IndicatorKind;
  value: string;
  members: number[];
}

/** The account graph plus the indicator groups it was built from. */
export interface AccountGraph {
  graph: WeightedGraph;
  groups: IndicatorGroup[];
}

/** What an account's traffic asks for: capability shares and request-kind shares. */
function jobVector(p: AccountProfile): Float64Array {
  const n = Math.max(1, p.n);
  const caps = p.capabilities;
  const k = caps.length;
  const v = new Float64Array(k + 5);
  for (let i = 0; i < k; i++) v[i] = caps[i]! / n;
  v[k] = p.sumCot / n;
  v[k + 1] = p.sumGrading / n;
  v[k + 2] = p.sumSynthetic / n;
  v[k + 3] = p.toolUse / n;
  v[k + 4] = 1 - p.singleTurn / n;
  return v;
}

function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Builds the graph over `profiles` (candidate accounts), keeping edges of at least `minWeight`. */
export function buildAccountGraph(
  profiles: AccountProfile[],
  templateAccounts: (t: number) => number,
  minWeight = 0,
): AccountGraph {
  // one map per kind, so that a value is looked up as it is (no kind-prefixed key strings);
  // `all` keeps the groups in order of first appearance
  const byKind = new Map<IndicatorKind, Map<string, IndicatorGroup>>();
  const all: IndicatorGroup[] = [];
  let member = 0;
  const visit = (kind: IndicatorKind, value: string): void => {
    let m = byKind.get(kind);
    if (!m) byKind.set(kind, (m = new Map()));
    let g = m.get(value);
    if (!g) {
      m.set(value, (g = { kind, value, members: [] }));
      all.push(g);
    }
    g.members.push(member);
  };
  for (; member < profiles.length; member++) eachIndicator(profiles[member]!, templateAccounts, visit);
  const n = profiles.length;
  const weights = new PairWeights(n * 8);
  const groups: IndicatorGroup[] = [];
  const norm = Math.log(1 + n / 2);
  for (const g of all) {
    const k = g.members.length;
    if (k < 2) continue;
    groups.push(g);
    const idf = norm > 0 ? Math.min(1, Math.log(1 + n / k) / norm) : 1;
    const w = indicatorWeights[g.kind] * Math.max(0.05, idf);
    const add = (a: number, b: number) => weights.add(a, b, w);
    if (k <= CLIQUE_MAX) {
      // Small groups: every pair, so that pairs sharing several indicators add up.
      for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) add(g.members[i]!, g.members[j]!);
      continue;
    }
    const salt = hashString(g.value, hashString(g.kind));
    const order = g.members
      .slice()
      .sort((a, b) => fmix32(profiles[a]!.hash ^ salt) - fmix32(profiles[b]!.hash ^ salt));
    for (let i = 0; i < k; i++) for (let h = 1; h <= RING_HOPS; h++) add(order[i]!, order[(i + h) % k]!);
  }
  // Accounts of one campaign run the same job: the same mix of capabilities and request
  // kinds. Scaling each edge by that similarity keeps two campaigns that share a proxy
  // provider apart while leaving a campaign's own accounts tightly joined.
  const vectors = profiles.map(jobVector);
  const ea: number[] = [];
  const eb: number[] = [];
  const ew: number[] = [];
  for (let e = 0; e < weights.size; e++) {
    const w = weights.w[e]!;
    if (w < minWeight) continue;
    const a = weights.a[e]!;
    const b = weights.b[e]!;
    const weight = w * (0.25 + 0.75 * cosine(vectors[a]!, vectors[b]!));
    if (weight < minWeight) continue;
    ea.push(a);
    eb.push(b);
    ew.push(weight);
  }
  const graph = fromEdges(n, Int32Array.from(ea), Int32Array.from(eb), Float64Array.from(ew));
  return { graph, groups };
}
