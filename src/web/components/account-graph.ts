// The campaign's account graph with sigma.js (WebGL, thousands of nodes). ForceAtlas2 is
// skipped on purpose: accounts are laid out in circles, one per shared indicator group, which
// costs O(n) and already shows the structure an analyst looks for (who shares what).
import { h } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { UndirectedGraph } from "graphology";
import Sigma from "sigma";
import type { CampaignGraph } from "../../server/campaign-graph.js";

const verdictColor: Record<string, string> = { attack: "#c62828", review: "#b26a00", benign: "#2e7d32" };
/** Edge colours by indicator kind, also used by the legend. */
export const edgeColor: Record<string, string> = {
  payment: "#6a1b9a",
  ip: "#1565c0",
  asn: "#90a4ae",
  template: "#ef6c00",
  userAgent: "#00897b",
};

/** Positions: one circle per group, groups on a grid, bigger groups first. */
export function layoutGroups(nodes: CampaignGraph["nodes"]): Map<string, { x: number; y: number }> {
  const groups = new Map<string, string[]>();
  for (const n of nodes) {
    const g = n.group ?? "(no shared indicator)";
    const list = groups.get(g) ?? [];
    list.push(n.id);
    groups.set(g, list);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const cols = Math.ceil(Math.sqrt(ordered.length));
  const cell = Math.max(...ordered.map((m) => Math.sqrt(m.length))) * 2.4 + 2;
  const pos = new Map<string, { x: number; y: number }>();
  ordered.forEach((members, gi) => {
    const cx = (gi % cols) * cell;
    const cy = Math.floor(gi / cols) * cell;
    const r = Math.sqrt(members.length);
    members.forEach((id, i) => {
      // Sunflower (Vogel) spiral fills the disc evenly for any member count.
      const a = i * 2.39996323;
      const d = r * Math.sqrt((i + 0.5) / members.length);
      pos.set(id, { x: cx + d * Math.cos(a), y: cy + d * Math.sin(a) });
    });
  });
  return pos;
}

/** Renders the graph; clicking an account calls `onSelect`. */
export function AccountGraph({
  graph,
  onSelect,
}: {
  graph: CampaignGraph;
  onSelect: (account: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const g = new UndirectedGraph();
    const pos = layoutGroups(graph.nodes);
    // Smaller discs for big graphs so thousands of accounts stay distinguishable.
    const scale = graph.nodes.length > 500 ? 0.5 : 1;
    for (const n of graph.nodes) {
      const p = pos.get(n.id) ?? { x: 0, y: 0 };
      // Labels are drawn as canvas text by sigma: an account id never becomes markup.
      g.addNode(n.id, {
        x: p.x,
        y: p.y,
        size: scale * (2 + (n.score / 100) * 5),
        color: verdictColor[n.verdict] ?? "#777",
        label: n.id,
      });
    }
    for (const e of graph.edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.source, e.target)) continue;
      g.addEdge(e.source, e.target, {
        color: edgeColor[e.kinds[0] ?? ""] ?? "#bbb",
        size: scale * Math.min(3, e.kinds.length),
      });
    }
    const renderer = new Sigma(g, el, {
      settings: {
        renderEdgeLabels: false,
        // Sizes are screen pixels whatever the zoom, so a 20-account campaign does not draw
        // discs hundreds of pixels wide.
        itemSizesReference: "screen",
        zoomToSizeRatioFunction: () => 1,
        autoRescale: true,
        labelRenderedSizeThreshold: 7,
        hideEdgesOnMove: graph.edges.length > 5000,
      },
    });
    renderer.on("clickNode", ({ node }) => onSelect(node));
    el.dataset.nodes = String(g.order);
    el.dataset.edges = String(g.size);
    return () => renderer.kill();
  }, [graph, onSelect]);
  return h("div", { ref: box, class: "graph", "data-testid": "account-graph" });
}
