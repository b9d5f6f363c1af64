// Builds the weighted account graph from shared indicators. An indicator shared by k accounts
// would be a k-clique; instead its accounts are laid on a ring in a pseudo-random order and
// each is joined to its next two neighbours, so edges stay O(k) while a group that shares many
// indicators still ends up densely connected (several independent rings over the same set).
// Each indicator's weight is scaled by its specificity (an IDF over the candidate accounts),
// so that a value shared by a large share of accounts (a cloud ASN, an SDK user agent) adds
// little.
import { UndirectedGraph } from "graphology";
import type { AccountProfile } from "../profiles/index.js";
import { hashString, fmix32 } from "../signals/template/hash.js";
import { accountIndicators, indicatorWeights, type IndicatorKind } from "./indicators.js";

/** Members of one indicator value among the candidates. */
export interface IndicatorGroup {
  kind: IndicatorKind;
  value: string;
  members: number[];
}

/** The account graph plus the indicator groups it was built from. */
export interface AccountGraph {
  graph: UndirectedGraph;
  groups: IndicatorGroup[];
}

/** Builds the graph over `profiles` (candidate accounts). */
export function buildAccountGraph(profiles: AccountProfile[], templateAccounts: (t: number) => number): AccountGraph {
  const byKey = new Map<string, IndicatorGroup>();
  profiles.forEach((p, i) => {
    for (const ind of accountIndicators(p, templateAccounts)) {
      const key = `${ind.kind}\u0000${ind.value}`;
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { kind: ind.kind, value: ind.value, members: [] }));
      g.members.push(i);
    }
  });
  const n = profiles.length;
  const weights = new Map<number, number>();
  const groups: IndicatorGroup[] = [];
  const norm = Math.log(1 + n / 2);
  for (const g of byKey.values()) {
    const k = g.members.length;
    if (k < 2) continue;
    groups.push(g);
    const idf = norm > 0 ? Math.min(1, Math.log(1 + n / k) / norm) : 1;
    const w = indicatorWeights[g.kind] * Math.max(0.05, idf);
    const salt = hashString(g.value, hashString(g.kind));
    const order = g.members.slice().sort((a, b) => fmix32(profiles[a]!.hash ^ salt) - fmix32(profiles[b]!.hash ^ salt));
    const hops = k === 2 ? 1 : 2;
    for (let i = 0; i < k; i++) {
      for (let h = 1; h <= hops; h++) {
        if (k <= h) break;
        const a = order[i]!;
        const b = order[(i + h) % k]!;
        if (a === b) continue;
        const key = a < b ? a * 4_194_304 + b : b * 4_194_304 + a;
        weights.set(key, (weights.get(key) ?? 0) + w);
      }
    }
  }
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (const [key, w] of weights) {
    const a = Math.floor(key / 4_194_304);
    const b = key % 4_194_304;
    graph.addEdgeWithKey(String(key), String(a), String(b), { weight: w });
  }
  return { graph, groups };
}
