// The engine through its public surface, on traffic from the simulator (fixed seed) and on
// hand-built traffic from real corpus prompts.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { validateExchange } from "../events/contract.js";
import { toFacts } from "../events/normalize.js";
import { runSimulation } from "../simulate/index.js";
import type { AccountVerdict } from "../scoring/index.js";
import { createEngine } from "./index.js";

const corpora = join(import.meta.dirname, "..", "..", "..", "shared", "corpora");
const alpaca = (
  JSON.parse(readFileSync(join(corpora, "stanford_alpaca/data/alpaca_5000.json"), "utf8")) as {
    instruction: string;
    input: string;
  }[]
).slice(0, 400);
const sharegpt = (
  JSON.parse(
    readFileSync(
      join(
        corpora,
        "sharegpt_mlenergy/benchmark/llm_text_generation/chat/sharegpt/ShareGPT_V3_filtered_500.json",
      ),
      "utf8",
    ),
  ) as { conversations: { value: string }[] }[]
).map((c) => c.conversations[0]!.value);
const generationPrompt = readFileSync(join(corpora, "stanford_alpaca/prompt.txt"), "utf8");

type Truth = { account: string; label: string; campaign: string | null; persona: string };

describe("engine on simulated traffic (small, seed 11)", () => {
  const verdicts = new Map<string, AccountVerdict>();
  const truth = new Map<string, Truth>();
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "dw-engine-"));
    await runSimulation({ scenario: "small", seed: 11, scale: 0.5, outDir: dir });
    for (const l of readFileSync(join(dir, "truth.jsonl"), "utf8").split("\n").filter(Boolean)) {
      const t = JSON.parse(l) as Truth;
      truth.set(t.account, t);
    }
    const engine = createEngine(parseConfig({}));
    for (const l of readFileSync(join(dir, "exchanges.jsonl"), "utf8").split("\n").filter(Boolean)) {
      const v = validateExchange(JSON.parse(l));
      if (v.ok) engine.ingest(toFacts(v.exchange));
    }
    engine.recluster();
    for (const v of engine.verdicts()) verdicts.set(v.account, v);
  }, 120_000);

  it("flags most campaign accounts and almost no benign ones", () => {
    let tp = 0,
      fp = 0,
      fn = 0,
      hardFp = 0,
      hard = 0;
    for (const [a, t] of truth) {
      const flagged = verdicts.get(a)?.verdict === "attack";
      if (t.label === "attack") {
        if (flagged) tp++;
        else fn++;
      } else if (flagged) fp++;
      if (t.label === "benign" && /eval|synthetic|university|enterprise/.test(t.persona)) {
        hard++;
        if (flagged) hardFp++;
      }
    }
    expect(tp / (tp + fp)).toBeGreaterThan(0.95);
    expect(tp / (tp + fn)).toBeGreaterThan(0.85);
    expect(hardFp / hard).toBeLessThan(0.01);
  });

  it("groups a campaign's flagged accounts mostly under one campaign id", () => {
    const byTrue = new Map<string, Map<string, number>>();
    for (const [a, t] of truth) {
      const v = verdicts.get(a);
      if (!t.campaign || v?.verdict !== "attack" || !v.campaign) continue;
      const m = byTrue.get(t.campaign) ?? new Map<string, number>();
      m.set(v.campaign, (m.get(v.campaign) ?? 0) + 1);
      byTrue.set(t.campaign, m);
    }
    const purities = [...byTrue.values()].map(
      (m) => Math.max(...m.values()) / [...m.values()].reduce((x, y) => x + y, 0),
    );
    expect(purities.length).toBeGreaterThan(0);
    expect(purities.reduce((x, y) => x + y, 0) / purities.length).toBeGreaterThan(0.6);
  });

  it("explains every flag with sentences, strongest first, and a first-flag time the engine had reached", () => {
    const watermark = Math.max(...[...verdicts.values()].map((v) => v.lastSeen));
    for (const v of verdicts.values()) {
      if (v.verdict !== "attack") continue;
      expect(v.reasons.length).toBeGreaterThan(0);
      for (const r of v.reasons) expect(r.detail).toMatch(/^[A-Z0-9].*[.)]$/s);
      const w = v.reasons.map((r) => r.weight).filter((x) => x > 0);
      expect([...w].sort((a, b) => b - a)).toEqual(w);
      expect(v.firstFlaggedAt).not.toBeNull();
      expect(v.firstFlaggedAt!).toBeGreaterThanOrEqual(v.firstSeen);
      // An account can be flagged after its last request, when its campaign is found later.
      expect(v.firstFlaggedAt!).toBeLessThanOrEqual(watermark);
    }
  });
});

describe("engine on hand-built traffic from corpus prompts", () => {
  const t0 = Date.parse("2026-03-01T00:00:00Z");
  function exchange(i: number, account: string, text: string, extra: Record<string, unknown>) {
    const v = validateExchange({
      id: `x${i}`,
      ts: t0 + i * 20_000,
      account,
      messages: [{ role: "user", content: text }],
      usage: { input_tokens: 300, output_tokens: 900 },
      ...extra,
    });
    if (!v.ok) throw new Error(v.reason);
    return toFacts(v.exchange);
  }
  /** The self-instruct generation recipe filled with Alpaca task `n`. */
  const recipe = (n: number) => {
    const task = alpaca[n % alpaca.length]!;
    return `${generationPrompt}\n\n1. Instruction: ${task.instruction}\n${task.input}`;
  };
  /** One round of an 8-account hydra on one card over six proxy blocks, from exchange `i`. */
  const hydraRound = (
    engine: ReturnType<typeof createEngine>,
    i: number,
    round: number,
    o: { addressed?: boolean; org?: (k: number) => string } = {},
  ) => {
    for (let k = 0; k < 8; k++)
      engine.ingest(
        exchange(i++, `hydra_${k}`, recipe(round * 8 + k), {
          ...(o.org ? { org: o.org(k) } : {}),
          payment: "pm_shared",
          ...(o.addressed === false ? {} : { ip: `198.51.${100 + ((round + k) % 6)}.${k + 1}` }),
          account_created: t0 - 3_600_000 * k,
          verification: "email",
        }),
      );
    return i;
  };
  /** Request `round` of low-and-slow account `k` (24 accounts over 40 proxy blocks, own cards). */
  /** When request `round` of low-and-slow account `k` is sent: a round every six hours. */
  const slowAt = (round: number, k: number) => t0 + round * 6 * 3_600_000 + k * 9 * 60_000;
  const slowRequest = (i: number, round: number, k: number) =>
    exchange(i, `slow_${k}`, recipe(round * 24 + k), {
      ts: slowAt(round, k),
      payment: `pm_slow_${k}`,
      ip: `100.64.${(k * 7 + round * 5 + k * round * 3) % 40}.${10 + k}`,
      account_created: t0 - 86_400_000 * (k % 3),
      verification: "email",
    });

  it("links a hydra sharing a payment card and proxy blocks into one campaign, but not an office behind one NAT", () => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    for (let round = 0; round < 40; round++) {
      i = hydraRound(engine, i, round);
      for (let k = 0; k < 8; k++) {
        engine.ingest(
          exchange(i++, `office_${k}`, sharegpt[(round * 8 + k) % sharegpt.length]!, {
            payment: "pm_office",
            ip: `203.0.113.${k + 1}`,
            account_created: t0 - 400 * 86_400_000,
            verification: "enterprise",
          }),
        );
      }
    }
    engine.recluster();
    const hydra = [...Array(8).keys()].map((k) => engine.verdict(`hydra_${k}`)!);
    const office = [...Array(8).keys()].map((k) => engine.verdict(`office_${k}`)!);
    expect(new Set(hydra.map((v) => v.campaign)).size).toBe(1);
    expect(hydra[0]!.campaign).not.toBeNull();
    for (const v of hydra) expect(v.verdict).toBe("attack");
    for (const v of office) {
      expect(v.verdict).toBe("benign");
      expect(v.campaign).toBeNull();
    }
    const c = engine.campaigns()[0]!;
    expect(c.indicators.payments).toContain("pm_shared");
    expect(c.reasons.map((r) => r.signal)).toContain("shared-payment");
  });

  /** Six accounts on one card running the self-instruct recipe for 40 rounds; their verdicts. */
  const teamRun = (o: {
    orgOf?: (k: number) => string;
    ipOf: (k: number, round: number) => string;
    createdAgo: (k: number) => number;
  }) => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    for (let round = 0; round < 40; round++)
      for (let k = 0; k < 6; k++)
        engine.ingest(
          exchange(i++, `team_${k}`, recipe(round * 6 + k), {
            ...(o.orgOf ? { org: o.orgOf(k) } : {}),
            payment: "pm_team",
            ip: o.ipOf(k, round),
            account_created: t0 - o.createdAgo(k),
            verification: "email",
          }),
        );
    engine.recluster();
    return [...Array(6).keys()].map((k) => engine.verdict(`team_${k}`)!);
  };
  /** A VM per cloud region. */
  const vm = (k: number) => `${[54, 34, 20][k % 3]}.${10 + k}.7.${k + 1}`;
  const month = () => 30 * 86_400_000;

  it("treats one organisation's accounts on one card over several cloud regions as one customer, and the same traffic from separate organisations as a campaign", () => {
    for (const v of teamRun({ orgOf: () => "org_team", ipOf: vm, createdAgo: month }))
      expect(v.verdict).not.toBe("attack");
    const separate = teamRun({ orgOf: (k) => `org_${k}`, ipOf: vm, createdAgo: month });
    for (const v of separate) expect(v.verdict).toBe("attack");
    expect(new Set(separate.map((v) => v.campaign)).size).toBe(1);
  });

  it("without a declared organisation, takes established accounts of one card each on a fixed site for one customer, but not fresh ones or rotating ones", () => {
    const verdicts = (ipOf: (k: number, round: number) => string, createdAgo: (k: number) => number) =>
      teamRun({ ipOf, createdAgo }).map((v) => v.verdict);
    const rotating = (k: number, round: number) => `198.51.${100 + ((round + k) % 6)}.${k + 1}`;
    // a VM per cloud region, accounts a month old: one customer's servers
    expect(verdicts(vm, month)).not.toContain("attack");
    // and with a colleague who joined this week on a VM of its own
    expect(verdicts(vm, (k) => (k === 5 ? 3_600_000 : 30 * 86_400_000))).not.toContain("attack");
    // the same sites, but accounts signed up an hour before use: a hydra's fresh accounts
    expect(verdicts(vm, () => 3_600_000)).toEqual(Array(6).fill("attack"));
    // a month old, but rotating through shared exits: a proxy pool
    expect(verdicts(rotating, month)).toEqual(Array(6).fill("attack"));
  });

  it("flags a hydra on one card when the logs carry no client addresses (a gateway log without IPs is not one site)", () => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    for (let round = 0; round < 40; round++)
      i = hydraRound(engine, i, round, { addressed: false, org: (k) => `org_${k}` });
    engine.recluster();
    for (let k = 0; k < 8; k++) expect(engine.verdict(`hydra_${k}`)!.verdict, `hydra_${k}`).toBe("attack");
    const signals = engine.campaigns()[0]!.reasons.map((r) => r.signal);
    expect(signals).toContain("shared-payment");
    expect(signals).not.toContain("single-site");
  });

  it("flags a hydra that camouflages two thirds of its requests as ordinary chat, but not a home user on one of its exits", () => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    for (let round = 0; round < 40; round++) {
      for (let k = 0; k < 8; k++)
        engine.ingest(
          exchange(
            i++,
            `hydra_${k}`,
            (round + k) % 3 === 0 ? recipe(round * 8 + k) : sharegpt[(round * 8 + k) % 500]!,
            {
              payment: "pm_shared",
              ip: `198.51.${100 + ((round + k) % 6)}.${k + 1}`,
              account_created: t0 - 3_600_000 * k,
              verification: "email",
            },
          ),
        );
      if (round % 4 === 0)
        engine.ingest(
          exchange(i++, "home_user", round % 20 ? sharegpt[(round * 3 + 7) % 500]! : recipe(round), {
            payment: "pm_home",
            ip: "198.51.100.200",
            account_created: t0 - 300 * 86_400_000,
            verification: "card",
          }),
        );
    }
    engine.recluster();
    for (let k = 0; k < 8; k++) expect(engine.verdict(`hydra_${k}`)!.verdict, `hydra_${k}`).toBe("attack");
    expect(engine.verdict("home_user")!.verdict).not.toBe("attack");
  });

  it("flags hydra accounts on the campaign's card however much ordinary chat they send", () => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    // eight accounts on one card and six proxy blocks: four send a recipe request in three,
    // four only one in ten
    for (let round = 0; round < 60; round++)
      for (let k = 0; k < 8; k++)
        engine.ingest(
          exchange(
            i++,
            `hydra_${k}`,
            (round + k) % (k < 4 ? 3 : 10) === 0 ? recipe(round * 8 + k) : sharegpt[(round * 8 + k) % 500]!,
            {
              payment: "pm_shared",
              ip: `198.51.${100 + ((round + k) % 6)}.${k + 1}`,
              account_created: t0 - 3_600_000 * k,
              verification: "email",
            },
          ),
        );
    engine.recluster();
    for (let k = 0; k < 8; k++) expect(engine.verdict(`hydra_${k}`)!.verdict, `hydra_${k}`).toBe("attack");
  });

  it("does not bring a company into a campaign because two campaign accounts also used the company's card", () => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    for (let round = 0; round < 40; round++) {
      for (let k = 0; k < 8; k++)
        engine.ingest(
          exchange(i++, `hydra_${k}`, recipe(round * 8 + k), {
            payment: k < 2 && round % 2 ? "pm_company" : "pm_shared",
            ip: `198.51.${100 + ((round + k) % 6)}.${k + 1}`,
            account_created: t0 - 3_600_000 * k,
            verification: "email",
          }),
        );
      for (let k = 0; k < 12; k++)
        if ((round + k) % 4 === 0)
          engine.ingest(
            exchange(i++, `company_${k}`, sharegpt[(round * 12 + k) % 500]!, {
              org: "org_company",
              payment: "pm_company",
              ip: `203.0.113.${k + 1}`,
              account_created: t0 - 700 * 86_400_000,
              verification: "card",
            }),
          );
    }
    engine.recluster();
    expect(engine.verdict("hydra_5")!.verdict).toBe("attack");
    for (let k = 0; k < 12; k++) {
      const v = engine.verdict(`company_${k}`)!;
      expect(v.verdict, v.account).not.toBe("attack");
      expect(v.campaign, v.account).toBeNull();
    }
  });

  it("flags a lone heavy account running a shared recipe through rotating exits, but not one on its own server", () => {
    const run = (ipOf: (round: number) => string) => {
      const engine = createEngine(parseConfig({}));
      let i = 0;
      for (let round = 0; round < 150; round++) {
        engine.ingest(
          exchange(i++, "heavy", recipe(round), {
            payment: "pm_heavy",
            ip: ipOf(round),
            account_created: t0 - 200 * 86_400_000,
            verification: "card",
          }),
        );
        // three other customers try the same recipe now and then
        if (round % 10 === 0)
          for (const k of [0, 1, 2])
            engine.ingest(
              exchange(i++, `other_${k}`, recipe(round + 500 + k), {
                payment: `pm_other_${k}`,
                ip: `192.0.${2 + 40 * k}.${10 + k}`,
                account_created: t0 - 300 * 86_400_000,
                verification: "card",
              }),
            );
      }
      engine.recluster();
      return engine.verdict("heavy")!;
    };
    const server = run(() => "54.12.7.9");
    expect(server.verdict).not.toBe("attack");
    expect(server.reasons.map((r) => r.signal)).toContain("shared-template");
    expect(run((round) => `${[73, 99, 86, 91, 177][round % 5]}.${20 + (round % 5)}.3.9`).verdict).toBe(
      "attack",
    );
  });

  it("links a low-and-slow pool whose accounts each use a few rotating exits, and leaves out an office that shares only its recipe", () => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    // 24 accounts, 8 requests each over two days, each request from one of 40 proxy blocks.
    for (let round = 0; round < 8; round++) {
      for (let k = 0; k < 24; k++) {
        engine.ingest(slowRequest(i++, round, k));
        if (k % 4 === 0) {
          const task = alpaca[(round * 24 + k) % alpaca.length]!;
          // The office: two established accounts on one block and one card, same public recipe.
          for (const o of [0, 1])
            engine.ingest(
              exchange(i++, `office_${o}`, `${generationPrompt}\n\n1. Instruction: ${task.instruction}`, {
                ts: slowAt(round, k) + 30_000 * (o + 1),
                payment: "pm_office",
                ip: `203.0.113.${o + 1}`,
                account_created: t0 - 500 * 86_400_000,
                verification: "card",
              }),
            );
        }
      }
    }
    engine.recluster();
    const slow = [...Array(24).keys()].map((k) => engine.verdict(`slow_${k}`)!);
    const byCampaign = new Map<string | null, number>();
    for (const v of slow) byCampaign.set(v.campaign, (byCampaign.get(v.campaign) ?? 0) + 1);
    const [top, count] = [...byCampaign].sort((a, b) => b[1] - a[1])[0]!;
    expect(top).not.toBeNull();
    expect(count).toBeGreaterThanOrEqual(20);
    for (const o of [0, 1]) expect(engine.verdict(`office_${o}`)!.campaign).not.toBe(top);
  });
  it("keeps one office's team out of a campaign when two developers elsewhere use the same recipe", () => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    // Two established accounts and a newer colleague (too few requests to count as established)
    // at one office on one card, mostly generating data with the public recipe; two unrelated
    // developers at home try the same recipe now and then.
    for (let round = 0; round < 40; round++) {
      for (const k of [0, 1])
        engine.ingest(
          exchange(i++, `team_${k}`, round % 3 ? recipe(round * 3 + k) : sharegpt[round * 3 + k]!, {
            payment: "pm_team",
            ip: `203.0.113.${k + 1}`,
            account_created: t0 - 400 * 86_400_000,
            verification: "card",
          }),
        );
      if (round % 5 === 0)
        engine.ingest(
          exchange(i++, "team_new", recipe(round * 3 + 2), {
            payment: "pm_team",
            ip: "203.0.113.9",
            account_created: t0 - 20 * 86_400_000,
            verification: "card",
          }),
        );
      if (round % 4 === 0)
        for (const d of [0, 1])
          engine.ingest(
            exchange(i++, `dev_${d}`, round % 8 ? sharegpt[round * 5 + d]! : recipe(round * 5 + d), {
              payment: `pm_dev_${d}`,
              ip: `192.0.${2 + 60 * d}.${10 + d}`,
              account_created: t0 - 300 * 86_400_000,
              verification: "email",
            }),
          );
    }
    engine.recluster();
    for (const a of ["team_0", "team_1", "team_new", "dev_0", "dev_1"]) {
      const v = engine.verdict(a)!;
      expect(v.campaign, a).toBeNull();
      expect(v.verdict, a).not.toBe("attack");
    }
  });

  it("flags no one when separate customers only share a public recipe, but links them once they share proxy exits", () => {
    // Six established customers at home, each with its own card, each generating data with the
    // self-instruct recipe at its own hours of the day.
    const run = (ipOf: (k: number, round: number) => string) => {
      const engine = createEngine(parseConfig({}));
      let i = 0;
      for (let round = 0; round < 30; round++)
        for (let k = 0; k < 6; k++)
          engine.ingest(
            exchange(i++, `user_${k}`, recipe(round * 6 + k), {
              ts: t0 + round * 86_400_000 + k * 3 * 3_600_000,
              payment: `pm_user_${k}`,
              ip: ipOf(k, round),
              account_created: t0 - (200 + 37 * k) * 86_400_000,
              verification: "card",
            }),
          );
      engine.recluster();
      return [...Array(6).keys()].map((k) => engine.verdict(`user_${k}`)!);
    };
    for (const v of run((k) => `198.${18 + 20 * k}.${k + 3}.${k + 10}`)) {
      expect(v.verdict, v.account).not.toBe("attack");
      expect(v.reasons.map((r) => r.signal)).toContain("distillation-content");
    }
    // the same six rotating through four shared proxy blocks are one actor
    const pooled = run((k, round) => `100.64.${(k + round) % 4}.${k + 10}`);
    for (const v of pooled) expect(v.verdict, v.account).toBe("attack");
  });

  it("links separate customers with nothing in common but a recipe once their sessions start together, within seconds, again and again", () => {
    // Six customers, each with its own card and its own address, none signed up recently; a
    // session a day of the self-instruct recipe. Alone that is six users of a public recipe.
    const run = (startOf: (k: number, round: number) => number) => {
      const engine = createEngine(parseConfig({}));
      let i = 0;
      const requests: { ts: number; k: number; n: number }[] = [];
      for (let round = 0; round < 20; round++)
        for (let k = 0; k < 6; k++)
          for (let n = 0; n < 3; n++)
            requests.push({ ts: startOf(k, round) + n * 4_000, k, n: round * 18 + k * 3 + n });
      requests.sort((a, b) => a.ts - b.ts);
      for (const r of requests)
        engine.ingest(
          exchange(i++, `user_${r.k}`, recipe(r.n), {
            ts: r.ts,
            payment: `pm_user_${r.k}`,
            ip: `198.${18 + 20 * r.k}.${r.k + 3}.${r.k + 10}`,
            account_created: t0 - (200 + 37 * r.k) * 86_400_000,
            verification: "card",
          }),
        );
      engine.recluster();
      return { verdicts: [...Array(6).keys()].map((k) => engine.verdict(`user_${k}`)!), engine };
    };
    const own = run((k, round) => t0 + round * 86_400_000 + k * 3 * 3_600_000).verdicts;
    for (const v of own) expect(v.verdict, v.account).not.toBe("attack");
    // dispatched together: every session of the six starts within ten seconds
    const { verdicts: together, engine } = run(
      (k, round) => t0 + round * 86_400_000 + 3_600_000 * (round % 5) + k * 1_500,
    );
    for (const v of together) expect(v.verdict, v.account).toBe("attack");
    expect(new Set(together.map((v) => v.campaign)).size).toBe(1);
    const sync = engine.campaigns()[0]!.reasons.find((r) => r.signal === "synchronized");
    expect(sync?.detail).toMatch(/start their sessions together/);
  });

  it("judges a pool by its accounts' requests, not by one busy account that shares its exits", () => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    // the low-and-slow pool of the test above, plus a busy account on the same exits whose
    // customers mostly chat and now and then use the recipe
    for (let round = 0; round < 8; round++) {
      for (let k = 0; k < 24; k++) {
        const slow = slowRequest(i++, round, k);
        engine.ingest(slow);
        const ip = slow.ip;
        for (let b = 0; b < 12; b++) {
          const n = round * 288 + k * 12 + b;
          const text =
            b < 4
              ? `${generationPrompt}\n\n1. Instruction: ${alpaca[n % alpaca.length]!.instruction}`
              : sharegpt[n % sharegpt.length]!;
          engine.ingest(
            exchange(i++, "busy", text, {
              ts: slow.ts + 20_000 * (b + 1),
              payment: "pm_busy",
              ip,
              verification: "card",
            }),
          );
        }
      }
    }
    engine.recluster();
    const slow = [...Array(24).keys()].map((k) => engine.verdict(`slow_${k}`)!);
    expect(slow.filter((v) => v.verdict === "attack").length).toBeGreaterThanOrEqual(20);
    // the pool's content leads its reasons and its score, though the busy account sends 12× its requests
    const pool = engine.campaigns().find((c) => c.accounts.includes("slow_0"))!;
    expect(pool.reasons[0]!.signal).toBe("campaign-content");
    expect(pool.score).toBeGreaterThanOrEqual(95);
  });
  it("flags an account at the request with which it joins a known campaign's payment card", () => {
    const engine = createEngine(parseConfig({}));
    let i = 0;
    // a customer of its own for a while: a dozen step-by-step requests from home, on its own card
    for (let n = 0; n < 12; n++)
      engine.ingest(
        exchange(
          i++,
          "switcher",
          `${alpaca[300 + n]!.instruction}\n\nThink through this carefully and lay out every intermediate step of your reasoning before the final answer.`,
          { payment: "pm_own", ip: "192.0.2.7" },
        ),
      );
    for (let round = 0; round < 30; round++) i = hydraRound(engine, i, round);
    engine.recluster();
    expect(engine.verdict("hydra_0")!.verdict).toBe("attack");
    expect(engine.verdict("switcher")!.verdict).not.toBe("attack");
    // then it pays with the hydra's card and sends the recipe once
    const joinAt = exchange(i++, "switcher", recipe(999), { payment: "pm_shared", ip: "192.0.2.7" });
    engine.ingest(joinAt);
    const v = engine.verdict("switcher")!;
    expect(v.verdict).toBe("attack");
    expect(v.firstFlaggedAt).toBe(joinAt.ts);
  });
});
