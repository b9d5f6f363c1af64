import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { samplesByFormat } from "../events/importers/samples/index.js";
import { checkEventOrder, LineClock, writeSortedCopy } from "./event-order.js";

const dir = mkdtempSync(join(tmpdir(), "dw-order-"));
const T0 = Date.parse("2026-02-01T00:00:00Z");
const MIN = 60_000;

/** One contract line at `T0 + minutes`, with a prompt long enough to fill sampled windows. */
const line = (id: string, minutes: number, asNumber = false) =>
  JSON.stringify({
    id,
    ts: asNumber ? T0 + minutes * MIN : new Date(T0 + minutes * MIN).toISOString(),
    account: `acct_${id}`,
    messages: [{ role: "user", content: `question ${id} `.repeat(20) }],
  });

function write(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.join("\n") + "\n");
  return p;
}

const opts = { windowMs: 10 * MIN };

describe("checkEventOrder", () => {
  const sorted = Array.from({ length: 3000 }, (_, i) => line(`s${i}`, i));

  it("accepts a sorted file, and disorder within the reorder window", async () => {
    expect(await checkEventOrder([write("sorted.jsonl", sorted)], opts)).toEqual({ ordered: true });
    const jitter = sorted.map((_, i) => line(`j${i}`, i + (i % 2 ? -5 : 5), i % 3 === 0));
    expect((await checkEventOrder([write("jitter.jsonl", jitter)], opts)).ordered).toBe(true);
  });

  it("finds a file that goes back in time, read whole or sampled", async () => {
    // two sorted halves one after the other (benign traffic, then a campaign's)
    const halves = [...sorted.filter((_, i) => i % 2), ...sorted.filter((_, i) => i % 2 === 0)];
    const p = write("halves.jsonl", halves);
    const whole = await checkEventOrder([p], opts);
    expect(whole.ordered).toBe(false);
    expect(whole.reason).toMatch(/halves\.jsonl goes back in time/);
    // 24 windows of 4 KiB over a ~1.2 MB file: the step back at the middle lies between two
    const sampled = await checkEventOrder([p], { ...opts, readAllBelow: 0, samples: 24, sampleBytes: 4096 });
    expect(sampled.ordered).toBe(false);
    expect(
      (
        await checkEventOrder([write("sorted2.jsonl", sorted)], {
          ...opts,
          readAllBelow: 0,
          samples: 24,
          sampleBytes: 4096,
        })
      ).ordered,
    ).toBe(true);
  });

  it("finds files that overlap in time, and accepts files that follow each other", async () => {
    const a = write("a.jsonl", sorted.slice(0, 1500));
    const b = write("b.jsonl", sorted.slice(1500));
    expect((await checkEventOrder([a, b], opts)).ordered).toBe(true);
    const r = await checkEventOrder([b, a], opts);
    expect(r.ordered).toBe(false);
    expect(r.reason).toMatch(/a\.jsonl starts .* before .*b\.jsonl ends/);
  });

  it("reads every line of compressed input", async () => {
    const p = join(dir, "z.jsonl.gz");
    writeFileSync(p, gzipSync(sorted.join("\n")));
    expect(await checkEventOrder([p], opts)).toEqual({ ordered: true });
    const q = join(dir, "zr.jsonl.gz");
    writeFileSync(q, gzipSync([...sorted.slice(0, 2990), sorted[5]!].join("\n")));
    expect((await checkEventOrder([q], opts)).reason).toMatch(/zr\.jsonl\.gz goes back in time/);
  });
});

describe("LineClock", () => {
  it("reads the event time of contract lines and of importer formats, NaN for lines without one", () => {
    const c = new LineClock();
    expect(c.time(line("x", 3))).toBe(T0 + 3 * MIN);
    expect(c.time(line("y", 4, true))).toBe(T0 + 4 * MIN);
    expect(c.time("{not json")).toBeNaN();
    expect(c.time(JSON.stringify({ id: "z", account: "a" }))).toBeNaN();
    const litellm = new LineClock();
    const rec = samplesByFormat.litellm![0]!;
    const ts = litellm.time(JSON.stringify(rec));
    expect(litellm.format).toBe("litellm");
    expect(Number.isFinite(ts)).toBe(true);
  });
});

describe("writeSortedCopy", () => {
  it("sorts the lines of several files by event time, stably, and maps each back to its origin", async () => {
    const a = write("wa.jsonl", [line("a1", 5), line("a2", 1), "{broken", line("a3", 9)]);
    const b = write("wb.jsonl", [line("b1", 1), "", line("b2", 7)]);
    const s = await writeSortedCopy([a, b], dir, { name: "sorted-copy.jsonl" });
    const out = readFileSync(s.path, "utf8").split("\n").slice(0, -1);
    expect(s.lines).toBe(7);
    const ids = out.map((l) => {
      try {
        return (JSON.parse(l) as { id: string }).id;
      } catch {
        return l;
      }
    });
    // lines without a time first (in input order), then by time, ties in input order
    expect(ids).toEqual(["{broken", "", "a2", "b1", "a1", "b2", "a3"]);
    expect(s.origin(1)).toEqual({ file: a, line: 3 });
    expect(s.origin(2)).toEqual({ file: b, line: 2 });
    expect(s.origin(4)).toEqual({ file: b, line: 1 });
    expect(s.origin(7)).toEqual({ file: a, line: 4 });
    s.remove();
  });
});
