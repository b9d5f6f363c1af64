// A small inline SVG area chart, so the report needs no script or network to draw its figures.
import { escapeHtml } from "./escape.js";

/** SVG of total and flagged traffic per time bucket. */
export function trafficChart(
  series: { t: number; total: number; flagged: number }[],
  width = 900,
  height = 180,
): string {
  if (series.length === 0) return "<p class=muted>No traffic.</p>";
  const max = Math.max(1, ...series.map((p) => p.total));
  const t0 = series[0]!.t;
  const t1 = series[series.length - 1]!.t || t0 + 1;
  const x = (t: number) => ((t - t0) / Math.max(1, t1 - t0)) * (width - 40) + 30;
  const y = (v: number) => height - 20 - (v / max) * (height - 30);
  const path = (key: "total" | "flagged") =>
    `M${x(t0)},${y(0)} ` +
    series.map((p) => `L${x(p.t).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ") +
    ` L${x(t1)},${y(0)} Z`;
  const label = (ms: number) => escapeHtml(new Date(ms).toISOString().slice(0, 16).replace("T", " "));
  return `<svg viewBox="0 0 ${width} ${height}" class=chart role=img aria-label="traffic over time">
<path d="${path("total")}" class=area-total /><path d="${path("flagged")}" class=area-flagged />
<text x="30" y="${height - 4}" class=axis>${label(t0)}</text><text x="${width - 10}" y="${height - 4}" class=axis text-anchor=end>${label(t1)}</text>
<text x="4" y="14" class=axis>${max}</text></svg>
<p class=legend><span class=sw-total></span> all exchanges <span class=sw-flagged></span> from accounts flagged attack</p>`;
}
