// The bus module's public surface: the EventBus interface, partitioning and the NATS adapter.
export type {
  Delivery,
  DecisionUpdate,
  EventBus,
  ExchangeEnvelope,
  PartitionReader,
  PublishResult,
  TemplateUseWire,
} from "./types.js";
export { partitionOf, partitionsFor } from "./partition.js";
export { openNatsBus, type NatsBusOptions } from "./nats/index.js";
