import { describe, expect, it } from "vitest";
import { validateExchange } from "../events/contract.js";
import { toFacts } from "../events/normalize.js";
import type { IndicatorGroup } from "../linkage/index.js";
import { AccountProfile } from "../profiles/index.js";
import { foreignSites } from "./find-campaigns.js";

const t0 = Date.parse("2026-03-02T00:00:00Z");

/** A profile of `n` requests, request r from `ip(r)`. */
function profile(name: string, n: number, ip: (r: number) => string): AccountProfile {
  const p = new AccountProfile(name);
  for (let r = 0; r < n; r++) {
    const v = validateExchange({
      id: `${name}_${r}`,
      ts: t0 + r * 3_600_000,
      account: name,
      ip: ip(r),
      messages: [{ role: "user", content: "Explain each step." }],
    });
    if (!v.ok) throw new Error(v.reason);
    p.update(toFacts(v.exchange), { scores: { distill: 0.6 }, capability: "math", template: "" }, 1, r === 0);
  }
  return p;
}

describe("foreignSites (members left out of a campaign)", () => {
  const home = "81.2.69.0/24";
  // 0: a home user, 16 of its 20 requests from its home block; 1–3: proxy accounts that passed
  // through that block among other exits
  const run = (homeRequests: number) => {
    const profiles = [
      profile("home", 20, (r) => (r < homeRequests ? "81.2.69.7" : `198.51.100.${r}`)),
      ...[1, 2, 3].map((k) =>
        profile(`proxy${k}`, 8, (r) => (r === k ? "81.2.69.40" : `100.${64 + k}.${r}.9`)),
      ),
    ];
    const groups: IndicatorGroup[] = [{ kind: "ip-prefix", value: home, members: [0, 1, 2, 3] }];
    const communityOf = new Int32Array(4).fill(0);
    const customers = Uint32Array.from([1, 2, 3, 4]);
    return foreignSites([[0, 1, 2, 3]], profiles, customers, new Set(), groups, communityOf);
  };

  it("leaves out an account that lives on a block a proxy pool's accounts passed through", () => {
    expect(run(16).has(0)).toBe(true);
    expect(run(16).has(1)).toBe(false);
  });

  it("keeps an account that only stayed on the block for a while (fewer than 15 requests there)", () => {
    expect(run(12).has(0)).toBe(false);
  });
});
