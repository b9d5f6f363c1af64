// Public surface of the evaluator: score an analysis folder against the ground truth.
export { runEvaluation, type EvaluationOptions } from "./run-evaluation.js";
export { formatEvalTable } from "./table.js";
export { hardNegativePersonas, isHardNegativePersona } from "./personas.js";
export { adjustedRandIndex } from "./ari.js";
export type { AccountScores, CampaignScores, EvalReport, HarvestDetail, PersonaScores } from "./report.js";
