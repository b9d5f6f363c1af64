export { buildAccountGraph, type AccountGraph, type IndicatorGroup } from "./build-graph.js";
export { clusterAccounts, coreMembers } from "./cluster.js";
export { indicatorWeights, type IndicatorKind } from "./indicators.js";
export { type WeightedGraph } from "./weighted-graph.js";
export { inferCustomers } from "./customers.js";
export { synchrony, SYNC_CONCENTRATION, type Synchrony } from "./synchrony.js";
