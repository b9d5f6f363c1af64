// The policy module's public surface: pure decisions over a request's context.
export { evaluatePolicy, defaultDecision } from "./evaluate.js";
export { ListIndex, listTypes } from "./lists.js";
export type { ListItem, ListSubject } from "./lists.js";
export { CidrSet, parseCidr } from "./cidr.js";
export { takeToken, BucketTable, bucketKey } from "./token-bucket.js";
export type { Bucket, BucketRate, TakeResult } from "./token-bucket.js";
export { degradeRequest, stripReasoning, createStreamReasoningFilter } from "./degrade.js";
export type { DegradeOptions } from "./degrade.js";
export type { ApiKind, ListHit, PolicyContext, PolicyDecision, PolicyVerdict } from "./types.js";
