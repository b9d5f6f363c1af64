// A compact undirected weighted graph over node indices 0..n-1, stored as compressed sparse
// rows (typed arrays). The account graph is rebuilt on every clustering pass, so it is kept
// cheap to build and walk; a graphology graph is made only for the components that Louvain
// splits.

/** Undirected weighted graph in CSR form: neighbours of v are adj[start[v] .. start[v+1]). */
export interface WeightedGraph {
  readonly order: number;
  readonly start: Int32Array;
  readonly adj: Int32Array;
  readonly weight: Float64Array;
}

/** Builds the CSR graph from an edge list (each undirected edge once). */
export function fromEdges(order: number, a: Int32Array, b: Int32Array, w: Float64Array): WeightedGraph {
  const m = a.length;
  const start = new Int32Array(order + 1);
  for (let e = 0; e < m; e++) {
    start[a[e]! + 1]! += 1;
    start[b[e]! + 1]! += 1;
  }
  for (let v = 0; v < order; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, order);
  const adj = new Int32Array(2 * m);
  const weight = new Float64Array(2 * m);
  for (let e = 0; e < m; e++) {
    const x = a[e]!;
    const y = b[e]!;
    adj[fill[x]!] = y;
    weight[fill[x]!++] = w[e]!;
    adj[fill[y]!] = x;
    weight[fill[y]!++] = w[e]!;
  }
  return { order, start, adj, weight };
}

/** Connected components (node index lists, ascending) over edges of at least `minWeight`. */
export function components(g: WeightedGraph, minWeight: number): number[][] {
  const parent = new Int32Array(g.order);
  for (let v = 0; v < g.order; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  for (let v = 0; v < g.order; v++) {
    for (let i = g.start[v]!; i < g.start[v + 1]!; i++) {
      const u = g.adj[i]!;
      if (u <= v || g.weight[i]! < minWeight) continue;
      const ru = find(u);
      const rv = find(v);
      if (ru !== rv) parent[Math.max(ru, rv)] = Math.min(ru, rv);
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let v = 0; v < g.order; v++) {
    const r = find(v);
    const list = byRoot.get(r);
    if (list) list.push(v);
    else byRoot.set(r, [v]);
  }
  return [...byRoot.values()];
}
