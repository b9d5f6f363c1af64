// The CLI as a subprocess, end to end: simulate → analyze → eval, bad input, missing files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { getImporter } from "../events/importers/index.js";
import { samplesByFormat } from "../events/importers/samples/index.js";
import { openSqliteStore } from "../store/index.js";

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "distillwatch.js");
const dir = mkdtempSync(join(tmpdir(), "dw-cli-"));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const readJsonl = (p: string) =>
  readFileSync(p, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("distillwatch CLI", () => {
  beforeAll(() => {
    const r = cli(
      "simulate",
      "--scenario",
      "small",
      "--seed",
      "3",
      "--scale",
      "0.4",
      "--out",
      join(dir, "sim"),
    );
    expect(r.code, r.stderr).toBe(0);
  });

  it("runs simulate → analyze → eval end to end and prints the table", () => {
    const a = cli("analyze", join(dir, "sim", "exchanges.jsonl"), "--out", join(dir, "out"));
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/report: .*report\.html/);
    for (const f of ["accounts.jsonl", "campaigns.jsonl", "summary.json", "report.html", "rejected.jsonl"])
      expect(existsSync(join(dir, "out", f))).toBe(true);
    const accounts = readJsonl(join(dir, "out", "accounts.jsonl"));
    const truth = readJsonl(join(dir, "sim", "truth.jsonl"));
    expect(accounts.length).toBe(truth.length);
    for (const a of accounts) {
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
      expect(["attack", "review", "benign"]).toContain(a.verdict);
      if (a.verdict !== "attack") expect(a.first_flagged_at).toBeNull();
      expect(Array.isArray(a.reasons)).toBe(true);
    }
    const e = cli("eval", "--truth", join(dir, "sim", "truth.jsonl"), "--result", join(dir, "out"));
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toMatch(/precision/i);
    const j = JSON.parse(
      cli("eval", "--truth", join(dir, "sim", "truth.jsonl"), "--result", join(dir, "out"), "--json").stdout,
    ) as { accounts: { precision: number; recall: number } };
    expect(j.accounts.recall).toBeGreaterThan(0.5);
    expect(j.accounts.precision).toBeGreaterThan(0.5);
  });

  it("stores every exchange and the same evidence samples, and decides the same, with two preparing worker threads as inline; a rerun into that store only finds duplicates", async () => {
    const input = join(dir, "sim", "exchanges.jsonl");
    const [inline, worker] = ["0", "2"].map((threads) => {
      const out = join(dir, `threads-${threads}`);
      const r = cli("analyze", input, "--out", out, "--threads", threads, "--quiet");
      expect(r.code, r.stderr).toBe(0);
      return out;
    }) as [string, string];
    for (const f of ["accounts.jsonl", "campaigns.jsonl"])
      expect(readFileSync(join(worker, f), "utf8")).toBe(readFileSync(join(inline, f), "utf8"));
    const summaryOf = (out: string) =>
      (JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { events: Record<string, number> })
        .events;
    const exchanges = summaryOf(worker).exchanges!;
    expect(exchanges).toBeGreaterThan(10_000);
    const stores = [
      openSqliteStore(join(inline, "distillwatch.db")),
      openSqliteStore(join(worker, "distillwatch.db")),
    ];
    try {
      expect(await stores[1]!.countExchanges()).toBe(exchanges);
      for (const a of readJsonl(join(inline, "accounts.jsonl")).map((x) => x.account as string)) {
        const [expected, stored] = await Promise.all(
          stores.map((s) => s.listExchanges({ account: a, limit: 1e6 })),
        );
        expect(stored).toEqual(expected);
        // each preparing thread offers up to 5 samples of an account; 5 (the default) are kept
        const [inlineSamples, workerSamples] = await Promise.all(stores.map((s) => s.listSamples(a, 100)));
        expect(workerSamples!.length).toBeLessThanOrEqual(5);
        expect(workerSamples).toEqual(inlineSamples);
      }
    } finally {
      for (const s of stores) await s.close();
    }
    const again = join(dir, "threads-again");
    const db = join(worker, "distillwatch.db");
    const r = cli("analyze", input, "--out", again, "--db", db, "--threads", "1", "--quiet");
    expect(r.code, r.stderr).toBe(0);
    expect(summaryOf(again)).toMatchObject({ exchanges: 0, duplicates: exchanges });
  }, 120_000);

  it("keeps exactly the valid exchanges of a file with broken lines and names each bad line", () => {
    const good = readFileSync(join(dir, "sim", "exchanges.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .slice(0, 2000);
    const lines: string[] = [];
    const bad: number[] = [];
    good.forEach((l, i) => {
      if (i % 20 === 7) {
        const kind = (i / 20) % 4 | 0;
        const rec = JSON.parse(l) as Record<string, unknown>;
        if (kind === 0) lines.push(l.slice(0, l.length / 2));
        else if (kind === 1) lines.push(JSON.stringify({ ...rec, id: undefined }));
        else if (kind === 2) lines.push(JSON.stringify({ ...rec, asn: "AS123" }));
        else lines.push(JSON.stringify({ ...rec, messages: "hello" }));
        bad.push(lines.length);
      }
      lines.push(l);
    });
    lines.push(good[5]!); // a repeated id counts once
    const body = gzipSync(lines.join("\n") + "\n");
    const p = join(dir, "broken.jsonl.gz");
    writeFileSync(p, Buffer.concat([body, gzipSync("x".repeat(4000)).subarray(0, 30)]));
    const r = cli("analyze", p, "--out", join(dir, "broken"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/rejected .*broken\.jsonl\.gz:\d+: /);
    const summary = JSON.parse(readFileSync(join(dir, "broken", "summary.json"), "utf8")) as {
      events: { exchanges: number; rejected: number; duplicates: number };
    };
    expect(summary.events.exchanges).toBe(good.length);
    expect(summary.events.duplicates).toBe(1);
    const rejected = readJsonl(join(dir, "broken", "rejected.jsonl"));
    const lineNos = rejected.map((x) => x.line as number);
    for (const b of bad) expect(lineNos).toContain(b);
    expect(rejected.length).toBe(bad.length + 1);
    expect(rejected.find((x) => x.line === bad[1])!.reason).toMatch(/id/);
    expect(rejected.find((x) => x.line === bad[2])!.reason).toMatch(/asn/);
  });

  it("analyzes logs that overlap in time (one per gateway) as one stream in event-time order, naming bad lines by their own file and line", () => {
    const lines = readFileSync(join(dir, "sim", "exchanges.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean);
    // two gateways' logs, each sorted, covering the same days
    const byGateway: [string[], string[]] = [[], []];
    for (const l of lines) byGateway[/"account":"acct_[0-7]/.test(l) ? 0 : 1].push(l);
    byGateway[1].splice(10, 0, '{"id":"bad","ts":"2026-01-12T00:00:00Z","account":"acct_x","messages":"hi"}');
    const [a, b] = byGateway.map((ls, i) => {
      const p = join(dir, `gateway-${i}.jsonl`);
      writeFileSync(p, ls.join("\n") + "\n");
      return p;
    });
    const r = cli("analyze", a!, b!, "--out", join(dir, "gateways"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/not in event-time order .*gateway-1\.jsonl starts/);
    expect(r.stderr).toMatch(/rejected .*gateway-1\.jsonl:11: .*messages/);
    const summary = JSON.parse(readFileSync(join(dir, "gateways", "summary.json"), "utf8")) as {
      events: { exchanges: number; late: number; sorted?: string };
    };
    expect(summary.events).toMatchObject({ exchanges: lines.length, late: 0 });
    expect(summary.events.sorted).toMatch(/gateway-1\.jsonl starts/);
    // the same verdicts and flag times as the single file in event-time order
    const key = (x: Record<string, unknown>) => `${x.account} ${x.verdict} ${x.first_flagged_at}`;
    const one = readJsonl(join(dir, "out", "accounts.jsonl"))
      .map(key)
      .sort();
    expect(
      readJsonl(join(dir, "gateways", "accounts.jsonl"))
        .map(key)
        .sort(),
    ).toEqual(one);
    expect(readdirSync(join(dir, "gateways")).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it.each(Object.keys(samplesByFormat))("auto-detects and analyzes a %s log", (format) => {
    const records = samplesByFormat[format]!;
    const expected = records.reduce<number>((n, r) => {
      try {
        return n + getImporter(format).toExchanges(r).length;
      } catch {
        return n;
      }
    }, 0);
    const p = join(dir, `${format}.jsonl`);
    writeFileSync(p, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const r = cli("analyze", p, "--out", join(dir, `fmt-${format}`), "--quiet");
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, `fmt-${format}`, "summary.json"), "utf8")) as {
      formats: string[];
      events: { exchanges: number };
    };
    expect(summary.formats).toEqual([format]);
    expect(expected).toBeGreaterThan(0);
    expect(summary.events.exchanges).toBe(expected);
  });

  it("exits non-zero with a one-line message on a missing file", () => {
    const r = cli("analyze", join(dir, "missing.jsonl"), "--out", join(dir, "x"));
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/missing\.jsonl: no such file/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("rejects unknown flags as usage errors", () => {
    const r = cli("analyze", "--bogus");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bogus/);
  });

  it("rejects a camouflage share outside 0 to 0.9 as a usage error", () => {
    const r = cli(
      "simulate",
      "--scenario",
      "small",
      "--seed",
      "1",
      "--out",
      join(dir, "camo"),
      "--camouflage",
      "1.5",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--camouflage must be a share from 0 to 0\.9, got 1\.5/);
  });
});
