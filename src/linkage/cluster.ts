// Clusters the account graph into communities. Edges below `minEdgeWeight` are dropped first,
// so that accounts tied only by a common, low-specificity indicator (a cloud ASN, an SDK user
// agent) stay apart; the connected components of what remains are the candidate communities.
// A component larger than `splitAbove` is split with Louvain modularity optimisation (Blondel
// et al. 2008, via graphology-communities-louvain) when that split is clearly modular, which
// separates two campaigns bridged by a few shared proxies or a public recipe.
import louvainImport from "graphology-communities-louvain";
import { connectedComponents } from "graphology-components";
import { UndirectedGraph as UndirectedGraphCtor } from "graphology";
import type { UndirectedGraph } from "graphology";
import { mulberry32 } from "../shared/prng.js";

type LouvainDetailed = { communities: Record<string, number>; modularity: number };
type Louvain = {
  detailed(
    g: UndirectedGraph,
    opts?: { getEdgeWeight?: string; resolution?: number; rng?: () => number },
  ): LouvainDetailed;
};
const louvain = louvainImport as unknown as Louvain;

export interface ClusterOptions {
  minEdgeWeight: number;
  minSize: number;
  /** Components at least this large are considered for a Louvain split. */
  splitAbove?: number;
  /** Modularity a split must reach to be kept. */
  minModularity?: number;
  /** Louvain resolution: below 1 favours fewer, larger communities. */
  resolution?: number;
}

/** Communities (arrays of node indices) of at least `minSize` members. */
export function clusterAccounts(graph: UndirectedGraph, opts: ClusterOptions): number[][] {
  const weak: string[] = [];
  graph.forEachEdge((e, attr) => {
    if ((attr.weight as number) < opts.minEdgeWeight) weak.push(e);
  });
  for (const e of weak) graph.dropEdge(e);
  const out: number[][] = [];
  for (const comp of connectedComponents(graph)) {
    if (comp.length < opts.minSize) continue;
    if (comp.length < (opts.splitAbove ?? Infinity)) {
      out.push(comp.map(Number).sort((a, b) => a - b));
      continue;
    }
    const sub = new UndirectedGraphCtor();
    for (const n of comp) sub.addNode(n);
    for (const n of comp) {
      graph.forEachEdge(n, (e, attr, s, t) => {
        if (!sub.hasEdge(e)) sub.addEdgeWithKey(e, s, t, attr);
      });
    }
    const parts = louvain.detailed(sub, {
      getEdgeWeight: "weight",
      resolution: opts.resolution ?? 1,
      rng: mulberry32(42),
    });
    if (parts.modularity < (opts.minModularity ?? 0.5)) {
      out.push(comp.map(Number).sort((a, b) => a - b));
      continue;
    }
    const byCommunity = new Map<number, number[]>();
    for (const [node, c] of Object.entries(parts.communities)) {
      let m = byCommunity.get(c);
      if (!m) byCommunity.set(c, (m = []));
      m.push(Number(node));
    }
    for (const m of byCommunity.values()) if (m.length >= opts.minSize) out.push(m.sort((a, b) => a - b));
  }
  return out;
}

/**
 * Prunes a community to its core: members whose summed edge weight to the other members is
 * below `minDegree` or a fraction of the community's median are dropped. A bystander tied to a
 * campaign by one shared proxy exit or one public recipe hangs off the core by a single edge.
 */
export function coreMembers(
  graph: UndirectedGraph,
  members: number[],
  opts: { minDegree: number; medianShare: number },
): number[] {
  const inside = new Set(members.map(String));
  const degree = members.map((m) => {
    let d = 0;
    const node = String(m);
    if (!graph.hasNode(node)) return 0;
    graph.forEachEdge(node, (_e, attr, s, t) => {
      if (inside.has(s === node ? t : s)) d += attr.weight as number;
    });
    return d;
  });
  const sorted = [...degree].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const floor = Math.max(opts.minDegree, opts.medianShare * median);
  return members.filter((_, i) => degree[i]! >= floor);
}
