// Child of `npm run bench` (needs node --expose-gc): the engine's heap per account, measured.
// Runs the engine inline over the first N lines of FILE and reports how much the heap grew per
// account seen, after full GCs. A first engine over a few thousand lines warms the code up and
// is dropped, so compiled code and the fixed template tables are not counted per account.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseConfig } from "../src/config/index.js";
import { createEngine, type Engine } from "../src/engine/index.js";
import { validateExchange } from "../src/events/contract.js";
import { toFacts } from "../src/events/normalize.js";

const [file, limit] = [process.argv[2]!, Number(process.argv[3] ?? 200_000)];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("bench-state needs node --expose-gc");
function heap(): number {
  for (let i = 0; i < 4; i++) gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

async function run(engine: Engine, max: number): Promise<number> {
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (lines++ >= max) break;
    const v = validateExchange(JSON.parse(line));
    if (v.ok) engine.ingest(toFacts(v.exchange));
  }
  engine.recluster();
  return lines;
}

await run(createEngine(parseConfig({})), 20_000);
const engine = createEngine(parseConfig({}));
const base = heap();
const lines = await run(engine, limit);
const grown = heap() - base;
const stats = engine.stats();
console.log(
  JSON.stringify({
    lines: Math.min(lines, limit),
    accounts: stats.accounts,
    measuredBytesPerAccount: Math.round(grown / stats.accounts),
    estimatedBytesPerAccount: Math.round(stats.stateBytes / stats.accounts),
  }),
);
