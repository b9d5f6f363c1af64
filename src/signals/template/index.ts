export { TemplateMiner, templateKeys } from "./minhash-lsh.js";
export { TemplateStats, type TemplateUse } from "./template-stats.js";
export { hashString, hashRange, fmix32 } from "./hash.js";
