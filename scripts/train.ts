// `npm run train`: trains the content model (src/signals/content) on ../shared/corpora, prints
// cross-source AUC per head (grouped k-fold over corpus sources), then trains on everything and
// writes models/content-model.json and models/content-model.metrics.json. Deterministic (fixed seed).
// `--cv-only` stops after the cross-source report and writes nothing (for trying feature changes).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildTrainingSet } from "../src/signals/content/augment.js";
import { CAPABILITIES } from "../src/signals/content/capability.js";
import { readCorpus, resolveCorporaDir } from "../src/signals/content/corpus.js";
import { CAPABILITY_OUTPUTS, crossValidate, type OutputCv } from "../src/signals/content/cross-validate.js";
import { capPerSource, toExamples } from "../src/signals/content/dataset.js";
import { findRepoRoot } from "../src/signals/content/load.js";
import { encodeModelFile } from "../src/signals/content/model-file.js";
import { BINARY_HEADS, OUTPUT_NAMES } from "../src/signals/content/outputs.js";
import { DEFAULT_TRAIN, trainContentLr } from "../src/signals/content/train-lr.js";

const SEED = 20240601;
const PER_SOURCE_CAP = 2500;
const K = 5;

function fmt(x: number): string {
  return Number.isNaN(x) ? "  n/a" : x.toFixed(3);
}

function report(cv: OutputCv, name: string): void {
  console.log(`${name.padEnd(20)} mean AUC ${fmt(cv.meanAuc)}`);
  for (const f of cv.folds) {
    console.log(
      `    fold AUC ${fmt(f.auc)}  (+${f.positives}/-${f.negatives})  test: ${f.testSources.join(", ")}`,
    );
  }
}

function main(): void {
  const t0 = Date.now();
  const corporaDir = resolveCorporaDir();
  const skipped: Record<string, number> = {};
  const corpus = readCorpus(corporaDir, (file) => {
    skipped[file] = (skipped[file] ?? 0) + 1;
  });
  const items = capPerSource(buildTrainingSet(corpus, corporaDir, SEED), PER_SOURCE_CAP, SEED);
  const examples = toExamples(items);
  console.log(
    `corpus ${corpus.length} prompts, training set ${examples.length} (cap ${PER_SOURCE_CAP}/source), skipped lines:`,
    skipped,
  );

  const metrics: Record<string, unknown> = {};
  console.log(`\ncross-source AUC (grouped ${K}-fold over sources; test sources unseen in training)`);
  BINARY_HEADS.forEach((head, o) => {
    const [cv] = crossValidate(examples, o, [o], K, DEFAULT_TRAIN);
    if (!cv) return;
    report(cv, head);
    metrics[head] = { meanAuc: cv.meanAuc, folds: cv.folds };
  });
  const capCv = crossValidate(examples, -1, CAPABILITY_OUTPUTS, K, DEFAULT_TRAIN);
  const capMetrics: Record<string, unknown> = {};
  capCv.forEach((cv, c) => {
    const cap = CAPABILITIES[c] ?? "?";
    report(cv, `cap:${cap}`);
    capMetrics[cap] = { meanAuc: cv.meanAuc, folds: cv.folds };
  });
  const capMeans = capCv.map((c) => c.meanAuc).filter((x) => !Number.isNaN(x));
  const macro = capMeans.reduce((a, b) => a + b, 0) / Math.max(1, capMeans.length);
  console.log(`capability macro mean AUC ${fmt(macro)}`);
  metrics.capability = { macroMeanAuc: macro, perCapability: capMetrics };

  if (process.argv.includes("--cv-only")) return;
  const weights = trainContentLr(examples, DEFAULT_TRAIN);
  const meta = {
    seed: SEED,
    train: DEFAULT_TRAIN,
    examples: examples.length,
    perSourceCap: PER_SOURCE_CAP,
    outputs: OUTPUT_NAMES,
  };
  const file = encodeModelFile(weights, meta);
  const dir = join(findRepoRoot(), "models");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "content-model.json"), `${JSON.stringify(file)}\n`);
  writeFileSync(
    join(dir, "content-model.metrics.json"),
    `${JSON.stringify({ method: `grouped ${K}-fold over corpus sources`, ...metrics }, null, 2)}\n`,
  );
  console.log(
    `\nwrote models/content-model.json (${file.rows.length + file.q.length} base64 chars) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

main();
