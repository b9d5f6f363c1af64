// Clusters the account graph into communities. Edges below `minEdgeWeight` are dropped first,
// so that accounts tied only by a common, low-specificity indicator (a cloud ASN, an SDK user
// agent) stay apart; the connected components of what remains are the candidate communities.
// A component larger than `splitAbove` is split with Louvain modularity optimisation (Blondel
// et al. 2008, via graphology-communities-louvain) when that split is clearly modular, which
// separates two campaigns bridged by a few shared proxies or a public recipe.
import louvainImport from "graphology-communities-louvain";
import { UndirectedGraph } from "graphology";
import { mulberry32 } from "../shared/prng.js";
import { components, type WeightedGraph } from "./weighted-graph.js";

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

/** The graphology graph of one component (for Louvain), edges of at least `minWeight`. */
function subgraph(graph: WeightedGraph, comp: number[], minWeight: number): UndirectedGraph {
  const sub = new UndirectedGraph();
  for (const v of comp) sub.addNode(String(v));
  for (const v of comp) {
    for (let i = graph.start[v]!; i < graph.start[v + 1]!; i++) {
      const u = graph.adj[i]!;
      if (u > v && graph.weight[i]! >= minWeight)
        sub.addUndirectedEdge(String(v), String(u), { weight: graph.weight[i]! });
    }
  }
  return sub;
}

/** Communities (arrays of node indices, ascending) of at least `minSize` members. */
export function clusterAccounts(graph: WeightedGraph, opts: ClusterOptions): number[][] {
  const out: number[][] = [];
  for (const comp of components(graph, opts.minEdgeWeight)) {
    if (comp.length < opts.minSize) continue;
    if (comp.length < (opts.splitAbove ?? Infinity)) {
      out.push(comp);
      continue;
    }
    const parts = louvain.detailed(subgraph(graph, comp, opts.minEdgeWeight), {
      getEdgeWeight: "weight",
      resolution: opts.resolution ?? 1,
      rng: mulberry32(42),
    });
    if (parts.modularity < (opts.minModularity ?? 0.5)) {
      out.push(comp);
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
  graph: WeightedGraph,
  members: number[],
  opts: { minDegree: number; medianShare: number },
): number[] {
  const inside = new Set(members);
  const degree = members.map((v) => {
    let d = 0;
    for (let i = graph.start[v]!; i < graph.start[v + 1]!; i++)
      if (inside.has(graph.adj[i]!)) d += graph.weight[i]!;
    return d;
  });
  const sorted = [...degree].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const floor = Math.max(opts.minDegree, opts.medianShare * median);
  return members.filter((_, i) => degree[i]! >= floor);
}
