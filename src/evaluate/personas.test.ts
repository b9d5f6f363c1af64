import { describe, expect, it } from "vitest";
import { hardNegativePersonas, isHardNegativePersona } from "./index.js";

describe("isHardNegativePersona", () => {
  it("treats the listed personas as hard negatives", () => {
    for (const p of hardNegativePersonas) expect(isHardNegativePersona(p)).toBe(true);
  });

  it("recognises hard negatives by the words in their names", () => {
    for (const p of [
      "evaluator",
      "llm-benchmarking",
      "SyntheticDataShop",
      "universities",
      "cgnat-office",
      "big_enterprise",
    ]) {
      expect(isHardNegativePersona(p), p).toBe(true);
    }
  });

  it("does not match 'nat' or 'eval' inside unrelated words", () => {
    for (const p of ["hobbyist", "national-news", "native-app", "signature-service", "medieval-history"]) {
      expect(isHardNegativePersona(p), p).toBe(false);
    }
  });

  it("accepts extra hard personas from the caller", () => {
    expect(isHardNegativePersona("translation-agency")).toBe(false);
    expect(isHardNegativePersona("translation-agency", ["Translation-Agency"])).toBe(true);
  });
});
