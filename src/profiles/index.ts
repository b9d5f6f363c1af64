export {
  AccountProfile,
  CAPABILITIES,
  RECENT,
  SYNC_WINDOW_MS,
  EMPTY_START,
  customerKey,
  harvestScore,
  indicatorHash,
} from "./account-profile.js";
export {
  FIXED_BLOCK_SHARE,
  FIXED_MIN_REQUESTS,
  FRESH_DAYS,
  accountFeatures,
  ageAtFirstUseDays,
  popcount,
  type AccountFeatures,
} from "./features.js";
export { HeavyHitters } from "./heavy-hitters.js";
export { ipPrefix, userAgentFamily } from "./network.js";
export { EndUserSketch, type HeavyEndUser } from "./end-users.js";
