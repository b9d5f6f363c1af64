// Loads every labelled prompt from the shared corpora (../shared/corpora, see its MANIFEST.md).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SkipHandler } from "./corpus-io.js";
import { readEvalSources } from "./corpus-evals.js";
import { readHumanSources } from "./corpus-human.js";
import { readRecipeSources } from "./corpus-recipes.js";
import type { LabelledPrompt } from "./corpus-types.js";
import { findRepoRoot } from "./load.js";

export type { CorpusLabel, LabelledPrompt, TemplateTag } from "./corpus-types.js";

/** `../shared/corpora` from the working directory, else from the repository root. */
export function resolveCorporaDir(): string {
  const fromCwd = resolve(process.cwd(), "../shared/corpora");
  if (existsSync(join(fromCwd, "MANIFEST.md"))) return fromCwd;
  const fromRoot = resolve(findRepoRoot(), "../shared/corpora");
  if (existsSync(join(fromRoot, "MANIFEST.md"))) return fromRoot;
  throw new Error(`corpora not found at ${fromCwd} or ${fromRoot}`);
}

/** Reads all labelled prompts; records that cannot be parsed are reported to onSkip and left out. */
export function readCorpus(
  corporaDir: string = resolveCorporaDir(),
  onSkip: SkipHandler = () => {},
): LabelledPrompt[] {
  const root = resolve(corporaDir);
  return [
    ...readRecipeSources(root, onSkip),
    ...readEvalSources(root, onSkip),
    ...readHumanSources(root, onSkip),
  ];
}
