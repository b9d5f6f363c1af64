// The cluster module's public surface: workers, the coordinator and the publisher.
export { runWorker, type WorkerHandle, type WorkerOptions, type WorkerStats } from "./worker.js";
export {
  runCoordinator,
  coordinateOnce,
  type CoordinatorHandle,
  type CoordinatorOptions,
  type CoordinatorPass,
} from "./coordinator.js";
export { publishFiles, type PublishOptions, type PublishStats } from "./publish-file.js";
export { TemplateSequencer } from "./template-sequencer.js";
export { openBus, openSharedStore, type ClusterTarget } from "./services.js";
export { DecisionPublisher } from "./decisions.js";
