export type { AccountVerdict, Campaign, CampaignIndicators, Reason, VerdictLabel } from "./types.js";
export { accountEvidence, resellerMix, resellerStrength, type ResellerMix } from "./account-evidence.js";
export {
  assessCampaign,
  sharedByCommunity,
  type CampaignAssessment,
  type Member,
  type SharedIndicators,
} from "./campaign-evidence.js";
export { toScore, toReasons, totalLogit, ramp, unit, pct, type Evidence } from "./evidence.js";
