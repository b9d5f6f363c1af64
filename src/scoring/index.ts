export type { AccountVerdict, Campaign, CampaignIndicators, Reason, VerdictLabel } from "./types.js";
export { accountEvidence, resellerMix, resellerStrength, type ResellerMix } from "./account-evidence.js";
export { assessCampaign, type CampaignAssessment, type Member } from "./campaign-evidence.js";
export { toScore, toReasons, totalLogit, ramp, unit, pct, type Evidence } from "./evidence.js";
