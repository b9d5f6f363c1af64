// Public surface of the traffic simulator (used by the CLI's `simulate` command and the bench).
export {
  closeShardWorkers,
  runSimulation,
  scenarios,
  type SimulateOptions,
  type SimulateSummary,
} from "./run.js";
export { benchSimulate } from "./bench.js";
