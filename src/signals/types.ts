/** Cheap per-exchange signals, computed as the exchange is ingested. */
export interface ExchangeSignals {
  /** Probabilities 0..1 keyed by signal id: `distill`, `synthetic`, `cot`, `grading`. */
  scores: Record<string, number>;
  /** Capability the request harvests (e.g. `coding`, `math`, `tool-use`). */
  capability: string;
  /** Template cluster id (hex) from template mining. */
  template: string;
}
