import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultModelPath, findRepoRoot, loadContentModel } from "./load.js";

describe("loadContentModel", () => {
  const prompt = "Write a Python function that returns the n-th Fibonacci number.";

  it("loads the committed model from another working directory", () => {
    const here = loadContentModel().score("", prompt);
    const cwd = process.cwd();
    try {
      process.chdir(tmpdir());
      expect(loadContentModel().score("", prompt)).toEqual(here);
    } finally {
      process.chdir(cwd);
    }
  });

  it("loads from an explicit path", () => {
    expect(loadContentModel(defaultModelPath()).score("", prompt).capability).toBe("coding");
  });

  it("finds the repo root from a compiled dist/ directory as well as from src/", () => {
    const root = findRepoRoot();
    expect(findRepoRoot(join(root, "dist", "signals", "content"))).toBe(root);
    expect(defaultModelPath()).toBe(join(root, "models", "content-model.json"));
  });
});
