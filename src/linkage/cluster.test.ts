import { describe, expect, it } from "vitest";
import { clusterAccounts } from "./cluster.js";
import { fromEdges } from "./weighted-graph.js";

/** A: 0–19 and B: 20–39, two card groups of one hydra (tied to each other everywhere); C: 40–59, another campaign bridged by three proxies. */
function hydraAndNeighbour() {
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  const edge = (x: number, y: number, weight: number) => (a.push(x), b.push(y), w.push(weight));
  for (const base of [0, 20, 40])
    for (let i = 0; i < 20; i++) for (let j = i + 1; j < 20; j++) edge(base + i, base + j, 3);
  for (let i = 0; i < 20; i++) for (let j = 20; j < 40; j++) edge(i, j, 0.8);
  for (let i = 0; i < 3; i++) edge(i, 40 + i, 1);
  return fromEdges(60, Int32Array.from(a), Int32Array.from(b), Float64Array.from(w));
}

// at resolution 1 Louvain splits the hydra along its card groups (modularity 0.50 against 0.40),
// though the weight between them (320) is over half of each one's internal weight (570)
const opts = { minEdgeWeight: 0.8, minSize: 3, splitAbove: 30, minModularity: 0.3, resolution: 1 };

describe("clusterAccounts", () => {
  it("splits a component with Louvain, here along the card groups too", () => {
    const parts = clusterAccounts(hydraAndNeighbour(), opts);
    expect(parts.map((m) => m.length)).toEqual([20, 20, 20]);
  });

  it("joins Louvain parts again when they are tied to each other almost as much as within", () => {
    const parts = clusterAccounts(hydraAndNeighbour(), { ...opts, mergeCut: 0.5 });
    expect(parts).toHaveLength(2);
    const hydra = parts.find((m) => m.includes(0))!;
    expect(hydra).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(parts.find((m) => m.includes(40))).toEqual(Array.from({ length: 20 }, (_, i) => 40 + i));
  });

  it("joins Louvain parts that the caller says are one actor, and asks only about parts with edges between them", () => {
    const asked: [number, number][] = [];
    const parts = clusterAccounts(hydraAndNeighbour(), {
      ...opts,
      // the card groups rotate through one proxy pool; the other campaign shares three exits
      sameActor: (x, y) => {
        asked.push([Math.min(x[0]!, y[0]!), Math.max(x[0]!, y[0]!)]);
        return x[0]! < 40 && y[0]! < 40;
      },
    });
    expect(parts.map((m) => m.length).sort((x, y) => x - y)).toEqual([20, 40]);
    expect(parts.find((m) => m.includes(0))).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(asked.length).toBeGreaterThan(0);
    for (const [x, y] of asked) expect([x, y]).not.toEqual([20, 40]);
  });
});
