import type { Config } from "../config/index.js";
import { loadContentModel } from "../signals/content/index.js";
import { Engine, type EngineOptions } from "./engine.js";

export type { Detector, DetectorStats, ExchangeSignals } from "./types.js";
export { Engine, type EngineOptions, type PreparedSignals } from "./engine.js";

/** Creates the detection engine with the committed content model (or the one given). */
export function createEngine(config: Config, opts: Partial<EngineOptions> = {}): Engine {
  return new Engine(config, { ...opts, contentModel: opts.contentModel ?? loadContentModel() });
}
export { AccountState } from "./account-state.js";
export { combineScore, rescoreOwn } from "./rescore.js";
export {
  findCampaigns,
  isCandidate,
  type CampaignFinding,
  type CampaignSet,
  type Membership,
} from "./find-campaigns.js";
