import type { EventLoopUtilization } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { BatchWindow } from "./batch-window.js";

/** A fake event-loop clock: `run(activeMs, idleMs)` advances it; the window reads it. */
function loop(): {
  run(active: number, idle: number): void;
  utilization: ConstructorParameters<typeof BatchWindow>[1];
} {
  let active = 0;
  let idle = 0;
  const at = (): EventLoopUtilization => ({ active, idle, utilization: active / (active + idle || 1) });
  return {
    run(a, i) {
      active += a;
      idle += i;
    },
    utilization: (a, b) => {
      if (!a) return at();
      const d = b ? { active: a.active - b.active, idle: a.idle - b.idle } : a;
      return { ...d, utilization: d.active / (d.active + d.idle || 1) };
    },
  };
}

const opts = { busyAbove: 0.75, maxHoldMs: 1000, maxHoldBytes: 1_000_000 };

describe("batch window", () => {
  it("sends at once while the proxy thread has time to spare", () => {
    const l = loop();
    const w = new BatchWindow(opts, l.utilization);
    l.run(10, 15);
    expect(w.hold(25, 10_000)).toBe(false);
  });

  it("holds batches while the proxy thread is busy", () => {
    const l = loop();
    const w = new BatchWindow(opts, l.utilization);
    l.run(24, 1);
    expect(w.hold(25, 10_000)).toBe(true);
    l.run(25, 0);
    expect(w.hold(50, 20_000)).toBe(true);
    // The burst is over: what was held goes out at the next tick.
    l.run(2, 23);
    expect(w.hold(75, 20_000)).toBe(false);
  });

  it("sends even while busy once the oldest exchange has waited the longest hold", () => {
    const l = loop();
    const w = new BatchWindow(opts, l.utilization);
    l.run(25, 0);
    expect(w.hold(999, 10_000)).toBe(true);
    l.run(25, 0);
    expect(w.hold(1000, 10_000)).toBe(false);
  });

  it("sends even while busy once the held batches reach the byte bound", () => {
    const l = loop();
    const w = new BatchWindow(opts, l.utilization);
    l.run(25, 0);
    expect(w.hold(25, 1_000_000)).toBe(false);
  });

  it("judges busyness over the time since the last check only", () => {
    const l = loop();
    const w = new BatchWindow(opts, l.utilization);
    l.run(1000, 0);
    expect(w.hold(25, 0)).toBe(true);
    l.run(0, 25);
    expect(w.hold(50, 0)).toBe(false);
  });
});
