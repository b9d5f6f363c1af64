// Finds and loads models/content-model.json. The default path is resolved from the repository
// root (the nearest ancestor holding package.json), so it works from src/ under tsx and from
// dist/ after tsc, whatever the working directory.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeQuantized, type ContentModelFile } from "./model-file.js";
import { createContentModel, type ContentModel } from "./model.js";

/** Nearest ancestor of this module's directory that holds package.json. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
}

/** Default location of the committed model. */
export function defaultModelPath(): string {
  return join(findRepoRoot(), "models", "content-model.json");
}

/** Loads the content model (default: models/content-model.json under the repo root). */
export function loadContentModel(path: string = defaultModelPath()): ContentModel {
  const file = JSON.parse(readFileSync(resolve(path), "utf8")) as ContentModelFile;
  return createContentModel(decodeQuantized(file));
}
