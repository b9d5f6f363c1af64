import { describe, expect, it } from "vitest";
import { clusterAccounts, coreMembers } from "./cluster.js";
import { components, fromEdges } from "./weighted-graph.js";

const edges = (list: [number, number, number][]) =>
  [
    Int32Array.from(list.map((e) => e[0])),
    Int32Array.from(list.map((e) => e[1])),
    Float64Array.from(list.map((e) => e[2])),
  ] as const;

describe("weighted graph", () => {
  it("finds components over edges of at least the minimum weight", () => {
    const g = fromEdges(
      6,
      ...edges([
        [0, 1, 1],
        [1, 2, 1],
        [3, 4, 1],
        [2, 3, 0.1],
      ]),
    );
    const comps = components(g, 0.5).map((c) => c.join(","));
    expect(comps.sort()).toEqual(["0,1,2", "3,4", "5"]);
    expect(components(g, 0).some((c) => c.length === 5)).toBe(true);
  });

  it("splits two dense groups bridged by one edge, and prunes a bystander from the core", () => {
    const list: [number, number, number][] = [];
    for (let i = 0; i < 20; i++) for (let j = i + 1; j < 20; j++) list.push([i, j, 2]);
    for (let i = 20; i < 40; i++) for (let j = i + 1; j < 40; j++) list.push([i, j, 2]);
    list.push([0, 20, 1]);
    list.push([40, 5, 1]);
    const g = fromEdges(41, ...edges(list));
    const parts = clusterAccounts(g, { minEdgeWeight: 0.8, minSize: 3, splitAbove: 30, minModularity: 0.3 });
    const big = parts.filter((p) => p.length >= 20).map((p) => p.filter((v) => v < 40));
    expect(big.map((p) => p[0] ?? -1).sort((a, b) => a - b)).toEqual([0, 20]);
    const withBystander = parts.find((p) => p.includes(40)) ?? [];
    expect(withBystander).toContain(5);
    const core = coreMembers(g, withBystander, { minDegree: 0.8, medianShare: 0.1 });
    expect(core).not.toContain(40);
    expect(core).toContain(5);
  });
});
