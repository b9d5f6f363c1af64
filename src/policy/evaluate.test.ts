import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { evaluatePolicy } from "./evaluate.js";
import { ListIndex } from "./lists.js";
import type { PolicyContext } from "./types.js";

const config = parseConfig({
  policy: {
    lists: [
      { list: "allow", type: "account", value: "acct_eval_partner" },
      { list: "block", type: "ip", value: "198.51.100.0/24" },
      { list: "block", type: "payment", value: "pm_stolen" },
    ],
  },
});
const rules = config.policy.rules;
const lists = new ListIndex(config.policy.lists);
const ctx = (over: Partial<PolicyContext> = {}): PolicyContext => ({
  account: "acct_1",
  signals: {},
  ...over,
});

describe("evaluatePolicy with the default rules", () => {
  it("allows an account the detector has not scored", () => {
    expect(evaluatePolicy(ctx(), rules, lists)).toEqual({ rule: "default-allow", action: { type: "allow" } });
  });

  it("blocks a request from a blocked IP range and reports the entry", () => {
    const d = evaluatePolicy(ctx({ ip: "198.51.100.9" }), rules, lists);
    expect(d.rule).toBe("block-listed");
    expect(d.action.type).toBe("block");
    expect(d.listHit).toEqual({ list: "block", type: "ip", value: "198.51.100.0/24" });
  });

  it("lets the allow list win over a block list because it comes first", () => {
    const d = evaluatePolicy(ctx({ account: "acct_eval_partner", payment: "pm_stolen" }), rules, lists);
    expect(d.rule).toBe("allow-listed");
  });

  it("blocks a confirmed attack at a high score and throttles a lower-scored one", () => {
    expect(
      evaluatePolicy(ctx({ verdict: { score: 95, verdict: "attack", campaign: "c1" } }), rules, lists).rule,
    ).toBe("block-confirmed-attack");
    const d = evaluatePolicy(
      ctx({ verdict: { score: 75, verdict: "attack", campaign: "c1" } }),
      rules,
      lists,
    );
    expect(d.rule).toBe("throttle-attack");
    expect(d.action).toMatchObject({ type: "throttle", scope: "campaign" });
  });

  it("degrades an account under review and leaves benign ones alone", () => {
    expect(
      evaluatePolicy(ctx({ verdict: { score: 50, verdict: "review", campaign: null } }), rules, lists).action
        .type,
    ).toBe("degrade");
    expect(
      evaluatePolicy(ctx({ verdict: { score: 5, verdict: "benign", campaign: null } }), rules, lists).rule,
    ).toBe("default-allow");
  });
});

describe("evaluatePolicy conditions", () => {
  const custom = parseConfig({
    policy: {
      rules: [
        {
          name: "cot-on-reasoners",
          when: { signals: { cot: 0.8 }, model: ["o3*"] },
          action: { type: "degrade", maxTokens: 512 },
        },
        { name: "campaign-c7", when: { campaign: ["c7"] }, action: { type: "block", message: "c7" } },
        { name: "campaign-review", when: { inCampaign: true, maxScore: 60 }, action: { type: "review" } },
        {
          name: "tor-asn",
          when: { onList: "block", listTypes: ["asn"], endpoint: ["messages"] },
          action: { type: "block" },
        },
      ],
    },
  }).policy.rules;
  const asnList = new ListIndex([{ list: "block", type: "asn", value: "64501" }]);

  it("requires every condition of a rule, with trailing-star model patterns", () => {
    expect(evaluatePolicy(ctx({ signals: { cot: 0.9 }, model: "o3-mini" }), custom, asnList).rule).toBe(
      "cot-on-reasoners",
    );
    expect(evaluatePolicy(ctx({ signals: { cot: 0.9 }, model: "gpt-4o" }), custom, asnList).rule).toBe(
      "default-allow",
    );
    expect(evaluatePolicy(ctx({ signals: { cot: 0.5 }, model: "o3" }), custom, asnList).rule).toBe(
      "default-allow",
    );
  });

  it("matches named campaigns and campaign membership with a score ceiling", () => {
    expect(
      evaluatePolicy(ctx({ verdict: { score: 99, verdict: "attack", campaign: "c7" } }), custom, asnList)
        .rule,
    ).toBe("campaign-c7");
    expect(
      evaluatePolicy(ctx({ verdict: { score: 55, verdict: "review", campaign: "c2" } }), custom, asnList)
        .rule,
    ).toBe("campaign-review");
    expect(
      evaluatePolicy(ctx({ verdict: { score: 65, verdict: "review", campaign: "c2" } }), custom, asnList)
        .rule,
    ).toBe("default-allow");
  });

  it("restricts list matching to the listed types and endpoints", () => {
    expect(evaluatePolicy(ctx({ asn: 64501, endpoint: "messages" }), custom, asnList).rule).toBe("tor-asn");
    expect(evaluatePolicy(ctx({ asn: 64501, endpoint: "chat" }), custom, asnList).rule).toBe("default-allow");
  });

  it("never fires score or campaign conditions for an unscored account", () => {
    expect(evaluatePolicy(ctx(), custom, asnList).rule).toBe("default-allow");
  });
});
