// A uPlot time-series chart. uPlot draws on canvas, so series labels never become markup.
import { h } from "preact";
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";

/** One plotted series. */
export interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
  /** Plot against the right-hand axis (e.g. a share in %). */
  right?: boolean;
}

/** Line chart of `series` over `times` (epoch ms). */
export function TimeChart({
  times,
  series,
  height = 240,
  title,
}: {
  times: number[];
  series: ChartSeries[];
  height?: number;
  title?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const hasRight = series.some((s) => s.right);
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height,
      ...(title ? { title } : {}),
      scales: { x: { time: true }, ...(hasRight ? { pct: { range: [0, 100] } } : {}) },
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 1.5,
          ...(s.right ? { scale: "pct" } : {}),
        })),
      ],
      axes: [{}, {}, ...(hasRight ? [{ scale: "pct", side: 1, grid: { show: false } }] : [])],
    };
    const plot = new uPlot(opts, [times.map((t) => t / 1000), ...series.map((s) => s.values)], el);
    const onResize = () => plot.setSize({ width: Math.max(320, el.clientWidth), height });
    addEventListener("resize", onResize);
    return () => {
      removeEventListener("resize", onResize);
      plot.destroy();
    };
  }, [times, series, height, title]);
  return h("div", { ref: box, class: "chart" });
}
