// The NATS JetStream adapter of the EventBus.
export { openNatsBus, type NatsBusOptions } from "./nats-bus.js";
export { decisionBucket, partitionSubject, subjectPrefix } from "./streams.js";
