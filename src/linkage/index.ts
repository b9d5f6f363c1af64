export { buildAccountGraph, type AccountGraph, type IndicatorGroup } from "./build-graph.js";
export { clusterAccounts, coreMembers } from "./cluster.js";
export {
  accountIndicators,
  syncSimilarity,
  indicatorWeights,
  type Indicator,
  type IndicatorKind,
} from "./indicators.js";
export { type WeightedGraph } from "./weighted-graph.js";
