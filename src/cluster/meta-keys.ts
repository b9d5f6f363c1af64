// Store metadata keys shared by workers and the coordinator (one namespace per stream, so
// several deployments can share a database schema without mixing state).

/** Snapshot of one partition's account state. */
export function partitionKey(stream: string, partition: number): string {
  return `cluster:${stream}:partition:${partition}`;
}

/** The coordinator's campaign membership (account → campaign, log-odds) and id counter. */
export function membershipKey(stream: string): string {
  return `cluster:${stream}:membership`;
}
