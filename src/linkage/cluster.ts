// Clusters the account graph into communities with Louvain modularity optimisation (Blondel et
// al. 2008, via graphology-communities-louvain), after dropping weak edges so that accounts
// tied only by one common, low-specificity indicator are not pulled into a community.
import louvainImport from "graphology-communities-louvain";
import type { UndirectedGraph } from "graphology";

type Louvain = (g: UndirectedGraph, opts?: { getEdgeWeight?: string; resolution?: number; rng?: () => number }) => Record<string, number>;
const louvain = louvainImport as unknown as Louvain;

/** Seeded PRNG so that clustering is reproducible run to run (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Communities (arrays of node indices) of at least `minSize` members. */
export function clusterAccounts(graph: UndirectedGraph, opts: { minEdgeWeight: number; minSize: number }): number[][] {
  const weak: string[] = [];
  graph.forEachEdge((e, attr) => {
    if ((attr.weight as number) < opts.minEdgeWeight) weak.push(e);
  });
  for (const e of weak) graph.dropEdge(e);
  const isolated: string[] = [];
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) isolated.push(node);
  });
  for (const node of isolated) graph.dropNode(node);
  if (graph.order === 0 || graph.size === 0) return [];
  const parts = louvain(graph, { getEdgeWeight: "weight", resolution: 1, rng: mulberry32(42) });
  const byCommunity = new Map<number, number[]>();
  for (const [node, c] of Object.entries(parts)) {
    let m = byCommunity.get(c);
    if (!m) byCommunity.set(c, (m = []));
    m.push(Number(node));
  }
  return [...byCommunity.values()].filter((m) => m.length >= opts.minSize).map((m) => m.sort((a, b) => a - b));
}
