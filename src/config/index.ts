export { loadConfig, parseConfig, isCI } from "./load.js";
export { configSchema } from "./schema.js";
export type { Config, PolicyRule, PolicyAction, PolicyCondition, ConfigListEntry } from "./schema.js";
