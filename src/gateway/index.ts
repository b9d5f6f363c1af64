// The gateway's public surface: start it, and format its ready line.
export { startGateway, formatReadyLine } from "./gateway.js";
export type { GatewayOptions, RunningGateway } from "./gateway.js";
export type { IdentityOptions } from "./identity.js";
