export {
  AccountProfile,
  CAPABILITIES,
  RECENT,
  SYNC_WINDOW_MS,
  customerKey,
  harvestScore,
  indicatorHash,
} from "./account-profile.js";
export { FIXED_BLOCK_SHARE, accountFeatures, type AccountFeatures } from "./features.js";
export { HeavyHitters } from "./heavy-hitters.js";
export { ipPrefix, userAgentFamily } from "./network.js";
export { EndUserSketch, type HeavyEndUser } from "./end-users.js";
