import { mulberry32 } from "../shared/prng.js";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { formatEvalTable, runEvaluation } from "./index.js";

type Truth = { account: string; label: "attack" | "benign"; campaign: string | null; persona: string };
type Result = {
  account: string;
  score: number;
  verdict: string;
  campaign: string | null;
  first_flagged_at: string | number | null;
  reasons: unknown[];
};

/** mulberry32: a small seeded PRNG so the generated fixtures are the same on every run. */
const rng = mulberry32;

function fixtureDir(): string {
  return mkdtempSync(join(tmpdir(), "distillwatch-eval-"));
}

function jsonl(rows: object[]): string {
  return rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
}

/** A truth of `n` accounts: about 30% attack over three campaigns, the rest benign personas. */
function generateTruth(n: number, random: () => number): Truth[] {
  const personas = ["hobbyist", "startup-app", "university", "eval-harness", "enterprise-nat"];
  return Array.from({ length: n }, (_, i) => {
    const attack = random() < 0.3;
    return attack
      ? {
          account: `acct_${i}`,
          label: "attack",
          campaign: `c${Math.floor(random() * 3) + 1}`,
          persona: "distiller",
        }
      : {
          account: `acct_${i}`,
          label: "benign",
          campaign: null,
          persona: personas[Math.floor(random() * personas.length)] ?? "hobbyist",
        };
  });
}

const base = Date.parse("2026-02-01T00:00:00Z");

describe("runEvaluation", () => {
  it("scores a result that reproduces the truth as perfect", async () => {
    const dir = fixtureDir();
    const random = rng(7);
    const truth = generateTruth(300, random);
    const tsv: string[] = ["id\taccount\tepoch_ms\tcampaign"];
    for (const t of truth.filter((x) => x.label === "attack")) {
      for (let k = 0; k < 5; k++)
        tsv.push(
          `ex_${t.account}_${k}\t${t.account}\t${base + 60_000 + Math.floor(random() * 1e7)}\t${t.campaign}`,
        );
    }
    // Flagged one minute before any campaign traffic; half as RFC 3339, half as epoch ms.
    const result: Result[] = truth.map((t, i) => ({
      account: t.account,
      score: t.label === "attack" ? 95 : 3,
      verdict: t.label,
      campaign: t.campaign === null ? null : `pred-${t.campaign}`,
      first_flagged_at: t.label !== "attack" ? null : i % 2 ? new Date(base).toISOString() : base,
      reasons: [],
    }));
    writeFileSync(join(dir, "truth.jsonl"), jsonl(truth));
    writeFileSync(join(dir, "truth-exchanges.tsv"), tsv.join("\n") + "\n");
    writeFileSync(join(dir, "accounts.jsonl"), jsonl(result));

    const r = await runEvaluation({ truthFile: join(dir, "truth.jsonl"), resultDir: dir });
    expect(r.accounts).toMatchObject({ fp: 0, fn: 0, precision: 1, recall: 1, f1: 1, fpr: 0 });
    expect(r.accounts.tp).toBe(truth.filter((t) => t.label === "attack").length);
    expect(r.campaigns.ari).toBe(1);
    expect(r.campaigns.caught).toEqual({ c1: 1, c2: 1, c3: 1 });
    expect(r.harvest_basis).toBe("exchanges");
    expect(r.harvest_before_flag).toBe(0);
    expect(r.harvest.exchanges).toBe(tsv.length - 1);
    expect(r.hard_negatives.fpr).toBe(0);
    expect(r.hard_negatives.personas).toEqual(["enterprise-nat", "eval-harness", "university"]);
    for (const ms of Object.values(r.campaigns.time_to_detect_ms)) expect(ms).toBeLessThan(0);
    expect(JSON.parse(readFileSync(join(dir, "eval.json"), "utf8"))).toEqual(r);
  });

  it("scores seeded coin flips near chance", async () => {
    const dir = fixtureDir();
    const random = rng(42);
    const truth = generateTruth(600, random);
    const result: Result[] = truth.map((t) => {
      const attack = random() < 0.5;
      return {
        account: t.account,
        score: attack ? 80 : 10,
        verdict: attack ? "attack" : "benign",
        campaign: `r${Math.floor(random() * 3)}`,
        first_flagged_at: attack ? base : null,
        reasons: [],
      };
    });
    writeFileSync(join(dir, "truth.jsonl"), jsonl(truth));
    writeFileSync(join(dir, "accounts.jsonl"), jsonl(result));

    const r = await runEvaluation({ truthFile: join(dir, "truth.jsonl"), resultDir: dir });
    const baseRate = truth.filter((t) => t.label === "attack").length / truth.length;
    expect(Math.abs(r.campaigns.ari)).toBeLessThan(0.1);
    expect(Math.abs(r.accounts.precision - baseRate)).toBeLessThan(0.08);
    expect(Math.abs(r.accounts.recall - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(r.accounts.fpr - 0.5)).toBeLessThan(0.1);
    // No truth-exchanges.tsv beside the truth: per-account approximation, i.e. the unflagged share.
    expect(r.harvest_basis).toBe("none");
    expect(r.harvest_before_flag).toBeCloseTo(r.accounts.fn / (r.accounts.tp + r.accounts.fn), 12);
  });

  it("counts harvest before flag exchange by exchange", async () => {
    const dir = fixtureDir();
    // acct_a (c1) flagged at t=1000 with exchanges at 500, 999, 1000, 1500 → 500 and 999 harvested
    // (1000 is not earlier than the flag). acct_b (c2) is missing from accounts.jsonl, so never
    // flagged: both its exchanges (100, 200) are harvested. 4 of 6 overall; c1 2/4, c2 2/2.
    writeFileSync(
      join(dir, "truth.jsonl"),
      jsonl([
        { account: "acct_a", label: "attack", campaign: "c1", persona: "distiller" },
        { account: "acct_b", label: "attack", campaign: "c2", persona: "distiller" },
        { account: "acct_h", label: "benign", campaign: null, persona: "hobbyist" },
      ]),
    );
    writeFileSync(
      join(dir, "truth-exchanges.tsv"),
      [
        "id\taccount\tepoch_ms\tcampaign",
        "e1\tacct_a\t500\tc1",
        "e2\tacct_a\t999\tc1",
        "e3\tacct_a\t1000\tc1",
        "e4\tacct_a\t1500\tc1",
        "e5\tacct_b\t100\tc2",
        "e6\tacct_b\t200\t",
      ].join("\n"),
    );
    writeFileSync(
      join(dir, "accounts.jsonl"),
      jsonl([
        {
          account: "acct_a",
          score: 90,
          verdict: "attack",
          campaign: "k",
          first_flagged_at: new Date(1000).toISOString(),
          reasons: [],
        },
        {
          account: "acct_h",
          score: 5,
          verdict: "benign",
          campaign: null,
          first_flagged_at: null,
          reasons: [],
        },
      ]),
    );

    const r = await runEvaluation({ truthFile: join(dir, "truth.jsonl"), resultDir: dir });
    expect(r.harvest_before_flag).toBeCloseTo(4 / 6, 12);
    expect(r.harvest).toMatchObject({ exchanges: 6, harvested: 4 });
    // e6 has a blank campaign column: it is counted under acct_b's true campaign.
    expect(r.campaigns.harvest_before_flag).toEqual({ c1: 0.5, c2: 1 });
    expect(r.campaigns.time_to_detect_ms).toEqual({ c1: 500, c2: null });
    expect(r.campaigns.caught).toEqual({ c1: 1, c2: 0 });
    expect(r.accounts).toMatchObject({ tp: 1, fp: 0, fn: 1, tn: 1, precision: 1, recall: 0.5 });
  });

  it("counts only the listed campaign traffic of a mixed reseller account", async () => {
    const dir = fixtureDir();
    // reseller_1 forwards many customers; truth-exchanges (gzipped) lists only its two campaign
    // exchanges, at 100 and 3000. Flagged at 2000: 1 of 2 harvested, whatever else it served.
    writeFileSync(
      join(dir, "truth.jsonl"),
      jsonl([
        { account: "reseller_1", label: "attack", campaign: "c9", persona: "reseller" },
        { account: "acct_x", label: "attack", campaign: "c9", persona: "distiller" },
      ]),
    );
    writeFileSync(
      join(dir, "truth-exchanges.tsv.gz"),
      gzipSync("r1\treseller_1\t100\tc9\nr2\treseller_1\t3000\tc9\nx1\tacct_x\t2500\tc9\n"),
    );
    writeFileSync(
      join(dir, "accounts.jsonl"),
      jsonl([
        {
          account: "reseller_1",
          score: 70,
          verdict: "attack",
          campaign: "k1",
          first_flagged_at: 2000,
          reasons: [],
        },
        {
          account: "acct_x",
          score: 70,
          verdict: "attack",
          campaign: "k1",
          first_flagged_at: 2600,
          reasons: [],
        },
      ]),
    );

    const r = await runEvaluation({ truthFile: join(dir, "truth.jsonl"), resultDir: dir });
    expect(r.inputs.truth_exchanges).toBe(join(dir, "truth-exchanges.tsv.gz"));
    // reseller: 100 harvested, 3000 not; acct_x: 2500 harvested → 2 of 3.
    expect(r.harvest_before_flag).toBeCloseTo(2 / 3, 12);
    expect(r.campaigns.time_to_detect_ms).toEqual({ c9: 2000 - 100 });
  });

  it("gives an empty truth perfect scores when nothing is flagged", async () => {
    const dir = fixtureDir();
    writeFileSync(
      join(dir, "truth.jsonl"),
      jsonl([{ account: "a", label: "benign", campaign: null, persona: "hobbyist" }]),
    );
    writeFileSync(join(dir, "accounts.jsonl"), "");
    const r = await runEvaluation({ truthFile: join(dir, "truth.jsonl"), resultDir: dir });
    expect(r.accounts).toMatchObject({ tn: 1, precision: 1, recall: 1, f1: 1, fpr: 0 });
    expect(r.campaigns.ari).toBe(1);
    expect(r.harvest_before_flag).toBe(0);
  });

  it("reports false positives per benign persona, hard negatives apart", async () => {
    const dir = fixtureDir();
    const truth = [
      { account: "u1", label: "benign", persona: "university" },
      { account: "u2", label: "benign", persona: "university" },
      { account: "t1", label: "benign", persona: "translation-agency" },
      { account: "h1", label: "benign", persona: "hobbyist" },
      { account: "h2", label: "benign" },
    ];
    writeFileSync(join(dir, "truth.jsonl"), jsonl(truth));
    writeFileSync(
      join(dir, "accounts.jsonl"),
      jsonl(
        ["u1", "t1", "h1"].map((account) => ({
          account,
          score: 90,
          verdict: "attack",
          campaign: null,
          first_flagged_at: 1,
          reasons: [],
        })),
      ),
    );
    const r = await runEvaluation({
      truthFile: join(dir, "truth.jsonl"),
      resultDir: dir,
      hardNegativePersonas: ["translation-agency"],
    });
    expect(r.personas.university).toEqual({ accounts: 2, flagged: 1, fpr: 0.5, hard: true });
    expect(r.personas.hobbyist).toEqual({ accounts: 1, flagged: 1, fpr: 1, hard: false });
    expect(r.personas["(none)"]).toEqual({ accounts: 1, flagged: 0, fpr: 0, hard: false });
    expect(r.hard_negatives).toEqual({
      accounts: 3,
      flagged: 2,
      fpr: 2 / 3,
      personas: ["translation-agency", "university"],
    });
    expect(r.accounts).toMatchObject({ fp: 3, tn: 2, fpr: 0.6, precision: 0 });
  });

  it("rejects a bad truth line naming the file and line number", async () => {
    const dir = fixtureDir();
    const file = join(dir, "truth.jsonl");
    writeFileSync(
      file,
      jsonl([{ account: "a", label: "benign", persona: "x" }]) +
        "\n" +
        JSON.stringify({ account: "b", label: "evil" }) +
        "\n",
    );
    writeFileSync(join(dir, "accounts.jsonl"), "");
    await expect(runEvaluation({ truthFile: file, resultDir: dir })).rejects.toThrow(`${file}:3: label`);
    writeFileSync(file, "{not json\n");
    await expect(runEvaluation({ truthFile: file, resultDir: dir })).rejects.toThrow(
      `${file}:1: not valid JSON`,
    );
  });

  it("rejects a malformed truth-exchanges line and a missing result", async () => {
    const dir = fixtureDir();
    writeFileSync(
      join(dir, "truth.jsonl"),
      jsonl([{ account: "a", label: "attack", campaign: "c1", persona: "d" }]),
    );
    writeFileSync(join(dir, "truth-exchanges.tsv"), "e1\ta\t100\tc1\ne2\ta\tyesterday\tc1\n");
    await expect(
      runEvaluation({ truthFile: join(dir, "truth.jsonl"), resultDir: join(dir, "nope") }),
    ).rejects.toThrow(/cannot read .*accounts\.jsonl/);
    writeFileSync(join(dir, "accounts.jsonl"), "");
    await expect(runEvaluation({ truthFile: join(dir, "truth.jsonl"), resultDir: dir })).rejects.toThrow(
      /truth-exchanges\.tsv:2: .*epoch_ms/,
    );
    writeFileSync(join(dir, "truth-exchanges.tsv"), "e1\ta\t100\tc1\textra\n");
    await expect(runEvaluation({ truthFile: join(dir, "truth.jsonl"), resultDir: dir })).rejects.toThrow(
      /truth-exchanges\.tsv:1: expected id/,
    );
  });

  it("fails on a truncated gzip instead of reading it as a short file", async () => {
    const dir = fixtureDir();
    writeFileSync(
      join(dir, "truth.jsonl"),
      jsonl([{ account: "a", label: "attack", campaign: "c1", persona: "d" }]),
    );
    writeFileSync(join(dir, "accounts.jsonl"), "");
    const lines = Array.from({ length: 20_000 }, (_, i) => `e${i}\ta\t${i}\tc1`).join("\n");
    const gz = gzipSync(lines);
    writeFileSync(join(dir, "cut.tsv.gz"), gz.subarray(0, gz.length >> 1));
    await expect(
      runEvaluation({
        truthFile: join(dir, "truth.jsonl"),
        resultDir: dir,
        truthExchangesFile: join(dir, "cut.tsv.gz"),
      }),
    ).rejects.toThrow(/cannot read .*cut\.tsv\.gz/);
  });
});

describe("formatEvalTable", () => {
  it("shows the key figures", async () => {
    const dir = fixtureDir();
    writeFileSync(
      join(dir, "truth.jsonl"),
      jsonl([
        { account: "a1", label: "attack", campaign: "c1", persona: "d" },
        { account: "a2", label: "attack", campaign: "c1", persona: "d" },
        { account: "a3", label: "attack", campaign: "c2", persona: "d" },
        { account: "b1", label: "benign", campaign: null, persona: "university" },
      ]),
    );
    writeFileSync(
      join(dir, "accounts.jsonl"),
      jsonl([
        { account: "a1", score: 90, verdict: "attack", campaign: "k", first_flagged_at: 5, reasons: [] },
        { account: "a2", score: 90, verdict: "attack", campaign: "k", first_flagged_at: 9, reasons: [] },
        { account: "b1", score: 90, verdict: "attack", campaign: null, first_flagged_at: 9, reasons: [] },
      ]),
    );
    const table = formatEvalTable(
      await runEvaluation({ truthFile: join(dir, "truth.jsonl"), resultDir: dir }),
    );
    // tp 2, fp 1, fn 1: precision = recall = f1 = 2/3; the one benign account flagged: fpr 1.
    for (const s of [
      "precision",
      "0.667",
      "1.000",
      "ARI 1.000",
      "Hard negatives",
      "university",
      "c1",
      "c2",
      "Harvest before flag: 0.333",
      "approximate",
    ]) {
      expect(table).toContain(s);
    }
  });
});
