// Detectors for the worker-mode tests, loaded inside the detector worker through
// `{ worker: { module } }`: `createDetector` scores accounts named `attack_*` as attacks and ends
// the worker thread on an account named `exit_now` (a crashed engine); with `{ throwing: true }`
// every ingest throws.
import type { Config } from "../../config/index.js";
import type { Detector, ExchangeSignals } from "../../engine/types.js";
import { ScriptedDetector } from "./scripted-detector.js";

class NamedDetector extends ScriptedDetector {
  override ingest(facts: Parameters<Detector["ingest"]>[0]): ExchangeSignals {
    if (facts.account === "exit_now") process.exit(3);
    const s = super.ingest(facts);
    if (facts.account.startsWith("attack_") && !this.verdict(facts.account))
      this.set(facts.account, 95, "attack", "c_test");
    return { ...s, scores: { distill: facts.outputChars > 0 ? 0.5 : 0.1 } };
  }
}

class ThrowingDetector extends ScriptedDetector {
  override ingest(): ExchangeSignals {
    throw new Error("engine crashed");
  }
}

/** Worker-mode factory (the export the worker looks for); `{ throwing: true }` for a crashed engine. */
export function createDetector(_config: Config, options: Record<string, unknown>): Detector {
  return options.throwing === true ? new ThrowingDetector() : new NamedDetector();
}
