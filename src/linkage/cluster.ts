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
  /**
   * Louvain parts are joined again when the weight between them is at least this share of the
   * lesser one's internal weight: a hydra paying with several cards splits along them, though
   * its card groups share proxies and timing with each other as much as within.
   */
  mergeCut?: number;
  /**
   * Whether two Louvain parts are one actor whatever the cut between them says (say, they share
   * many proxy exits): a hydra whose card groups are each a clique of payment ties splits along
   * its cards even when the groups share the same pool of exits.
   */
  sameActor?: (a: number[], b: number[]) => boolean;
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
    const merged =
      opts.mergeCut !== undefined || opts.sameActor
        ? mergeTied(
            graph,
            [...byCommunity.values()],
            opts.minEdgeWeight,
            opts.mergeCut ?? Infinity,
            opts.sameActor,
          )
        : [...byCommunity.values()];
    for (const m of merged) if (m.length >= opts.minSize) out.push(m.sort((a, b) => a - b));
  }
  return out;
}

/**
 * Joins parts whose mutual edge weight reaches `share` of the lesser part's internal weight, or
 * that `sameActor` says belong together (only parts with edges between them are asked).
 */
function mergeTied(
  graph: WeightedGraph,
  parts: number[][],
  minWeight: number,
  share: number,
  sameActor?: (a: number[], b: number[]) => boolean,
): number[][] {
  const partOf = new Map<number, number>();
  parts.forEach((m, p) => m.forEach((v) => partOf.set(v, p)));
  const internal = new Float64Array(parts.length);
  const cut = new Map<number, number>();
  const k = parts.length;
  for (const [v, p] of partOf) {
    for (let i = graph.start[v]!; i < graph.start[v + 1]!; i++) {
      const u = graph.adj[i]!;
      const w = graph.weight[i]!;
      const q = partOf.get(u);
      if (u < v || q === undefined || w < minWeight) continue;
      if (q === p) internal[p]! += w;
      else {
        const key = Math.min(p, q) * k + Math.max(p, q);
        cut.set(key, (cut.get(key) ?? 0) + w);
      }
    }
  }
  const root = parts.map((_, p) => p);
  const find = (p: number): number => (root[p] === p ? p : (root[p] = find(root[p]!)));
  // strongest ties first, each judged against the parts as they were split
  for (const [key, w] of [...cut].sort((a, b) => b[1] - a[1])) {
    const p = Math.floor(key / k);
    const q = key % k;
    if (find(p) === find(q)) continue;
    if (w >= share * Math.min(internal[p]!, internal[q]!) || sameActor?.(parts[p]!, parts[q]!))
      root[find(p)] = find(q);
  }
  const groups = new Map<number, number[]>();
  parts.forEach((m, p) => {
    const r = find(p);
    const g = groups.get(r);
    if (g) g.push(...m);
    else groups.set(r, [...m]);
  });
  return [...groups.values()];
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
