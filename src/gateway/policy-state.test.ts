import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { PolicyState } from "./policy-state.js";

describe("policy state", () => {
  it("needs no request body under the default rules, so the fast path skips parsing it", () => {
    expect(new PolicyState(parseConfig({})).current.readsBody).toBe(false);
  });

  it("needs the body for rules on the model or the per-request signals", () => {
    const model = parseConfig({
      policy: { rules: [{ name: "m", when: { model: ["o3*"] }, action: { type: "block" } }] },
    });
    const signals = parseConfig({
      policy: { rules: [{ name: "s", when: { signals: { cot: 0.5 } }, action: { type: "review" } }] },
    });
    expect(new PolicyState(model).current.readsBody).toBe(true);
    expect(new PolicyState(signals).current.readsBody).toBe(true);
  });

  it("needs the body while a template is listed, and no longer once it is removed", () => {
    const state = new PolicyState(parseConfig({}));
    const entry = state.add({ list: "block", type: "template", value: "t1", createdBy: "test" });
    expect(state.current.readsBody).toBe(true);
    state.remove(entry.id);
    expect(state.current.readsBody).toBe(false);
  });

  it("ignores a listed template when no list rule looks at templates", () => {
    const config = parseConfig({
      policy: {
        rules: [{ name: "ip-only", when: { onList: "block", listTypes: ["ip"] }, action: { type: "block" } }],
        lists: [{ list: "block", type: "template", value: "t1" }],
      },
    });
    expect(new PolicyState(config).current.readsBody).toBe(false);
  });
});
