// Public surface of the per-exchange content signals (hashed n-gram logistic regression).
export type { Capability } from "./capability.js";
export { CAPABILITIES } from "./capability.js";
export type { ContentModel, ContentSignals } from "./model.js";
export { loadContentModel, defaultModelPath } from "./load.js";
export { readCorpus, resolveCorporaDir } from "./corpus.js";
export type { CorpusLabel, LabelledPrompt, TemplateTag } from "./corpus-types.js";
export { rocAuc } from "./auc.js";
export { benchContent } from "./bench.js";
