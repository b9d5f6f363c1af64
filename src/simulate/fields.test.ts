import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSimulation } from "./index.js";

// Incidental fields must not separate attack from benign traffic: same samplers for both, so
// the shares of each bucket should agree within sampling noise (total variation distance).
type Rec = Record<string, unknown>;
const WEBMAIL = new Set(["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com"]);
const PRIVACY = new Set(["proton.me", "protonmail.com", "tutanota.com", "duck.com", "fastmail.com"]);

const buckets: Record<string, (r: Rec) => string> = {
  "user agent family": (r) => String(r.user_agent).split(/[/ ]/)[0] ?? "",
  "system-prompt placement": (r) => {
    if (typeof r.system === "string") return "system-field";
    const first = (r.messages as { role: string }[] | undefined)?.[0]?.role;
    return first === "system" || first === "developer"
      ? first
      : typeof r.prompt === "string"
        ? "prompt"
        : "none";
  },
  "temperature bucket": (r) => {
    const t = (r.params as { temperature?: number } | undefined)?.temperature;
    return t === undefined ? "unset" : t === 0 ? "0" : t <= 0.5 ? "low" : t <= 0.9 ? "mid" : "high";
  },
  "e-mail domain kind": (r) => {
    const d = String(r.email_domain);
    return WEBMAIL.has(d)
      ? "webmail"
      : PRIVACY.has(d)
        ? "privacy"
        : /\.(edu|ac\.[a-z]+|edu\.[a-z]+)$/.test(d)
          ? "edu"
          : /\.(com|io|ai|co|de|cn|sg)$/.test(d) && d.length > 12
            ? "corporate"
            : "regional";
  },
  verification: (r) => String(r.verification),
  status: (r) => String(r.status),
};

function tvd(a: Map<string, number>, b: Map<string, number>): number {
  const na = [...a.values()].reduce((x, y) => x + y, 0) || 1;
  const nb = [...b.values()].reduce((x, y) => x + y, 0) || 1;
  let d = 0;
  for (const k of new Set([...a.keys(), ...b.keys()]))
    d += Math.abs((a.get(k) ?? 0) / na - (b.get(k) ?? 0) / nb);
  return d / 2;
}

let dir = "";
const perExchange = new Map<string, { attack: Map<string, number>; benign: Map<string, number> }>();
const perAccount = new Map<string, { attack: Map<string, number>; benign: Map<string, number> }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dw-fields-"));
  await runSimulation({ scenario: "medium", seed: 5, outDir: dir, scale: 0.05 });
  const label = new Map<string, string>();
  for (const l of readFileSync(join(dir, "truth.jsonl"), "utf8").split("\n"))
    if (l) {
      const t = JSON.parse(l) as { account: string; label: string };
      label.set(t.account, t.label);
    }
  const firstSeen = new Set<string>();
  for (const l of readFileSync(join(dir, "exchanges.jsonl"), "utf8").split("\n")) {
    if (!l) continue;
    const r = JSON.parse(l) as Rec;
    const side = label.get(String(r.account)) === "attack" ? "attack" : "benign";
    const first = !firstSeen.has(String(r.account));
    firstSeen.add(String(r.account));
    for (const [name, f] of Object.entries(buckets)) {
      const k = f(r);
      for (const [table, use] of [
        [perExchange, true],
        [perAccount, first],
      ] as const) {
        if (!use) continue;
        const e = table.get(name) ?? { attack: new Map(), benign: new Map() };
        e[side].set(k, (e[side].get(k) ?? 0) + 1);
        table.set(name, e);
      }
    }
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("incidental fields", () => {
  for (const name of Object.keys(buckets)) {
    it(`has similar ${name} shares for attack and benign accounts`, () => {
      const a = perAccount.get(name);
      const e = perExchange.get(name);
      if (!a || !e) throw new Error("no data");
      const dA = tvd(a.attack, a.benign);
      const dE = tvd(e.attack, e.benign);
      console.log(`${name}: TVD per account ${dA.toFixed(3)}, per exchange ${dE.toFixed(3)}`);
      expect(dA).toBeLessThan(0.15);
    });
  }
});
