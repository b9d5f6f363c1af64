// Runs vitest and prints the plain `N passed, N failed` line CI recognises (vitest's own
// summary is not one). Exits non-zero when any test failed or vitest itself failed.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";

const out = ".vitest-results.json";
rmSync(out, { force: true });
const args = [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${out}`,
  ...process.argv.slice(2),
];
const run = spawnSync("npx", args, { stdio: "inherit" });
let passed = 0,
  failed = 0,
  skipped = 0;
try {
  const r = JSON.parse(readFileSync(out, "utf8"));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A file that failed outside its tests (an import error, a throwing beforeAll hook) counts once.
  for (const s of r.testResults ?? [])
    if (s.status === "failed" && !(s.assertionResults ?? []).some((a) => a.status === "failed")) failed += 1;
} catch {
  failed = Math.max(failed, 1);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
