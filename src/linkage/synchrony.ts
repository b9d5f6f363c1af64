// SynchroTrap (Cao et al., CCS 2014): accounts run by one operator act together in time. Here:
// their sessions start within seconds of each other (each profile keeps a consistent bottom-k
// sample of the buckets its sessions started in). On a busy provider a session start meets some
// other account's by chance, and a large campaign active around the clock meets nearly everyone
// now and then; what chance does not do is stack many customers into the same few buckets. So a
// group counts as synchronized only when its sampled buckets are concentrated: held, on average,
// by several of its customers each.
import { EMPTY_START as EMPTY, type AccountProfile } from "../profiles/index.js";
/** Customers per sampled start bucket, on average, from which a group's timing is coordinated. */
export const SYNC_CONCENTRATION = 2;

/** How a group of accounts starts its sessions. */
export interface Synchrony {
  /** Mean share of members' sampled starts that another customer's member shares (members with ≥ 2 starts). */
  share: number;
  /** Distinct customers per distinct sampled start bucket (1: nobody starts together). */
  concentration: number;
  /** Per member: sampled starts shared with another customer's member. */
  together: Uint16Array;
}

/** Synchrony of the accounts `profiles`, whose customers are `customers` (same order). */
export function synchrony(profiles: readonly AccountProfile[], customers: ArrayLike<number>): Synchrony {
  // per bucket hash: the first customer seen, and how many distinct customers hold it
  const first = new Map<number, number>();
  const holders = new Map<number, Set<number> | number>();
  for (let i = 0; i < profiles.length; i++) {
    const who = customers[i]!;
    for (const h of profiles[i]!.sessionStarts) {
      if (h === EMPTY) continue;
      const c = first.get(h);
      if (c === undefined) {
        first.set(h, who);
        holders.set(h, 1);
      } else if (c !== who) {
        const seen = holders.get(h)!;
        if (typeof seen === "number") holders.set(h, new Set([c, who]));
        else seen.add(who);
      }
    }
  }
  let customerBuckets = 0;
  for (const v of holders.values()) customerBuckets += typeof v === "number" ? v : v.size;
  const together = new Uint16Array(profiles.length);
  let sum = 0;
  let counted = 0;
  for (let i = 0; i < profiles.length; i++) {
    let starts = 0;
    for (const h of profiles[i]!.sessionStarts) {
      if (h === EMPTY) continue;
      starts += 1;
      if (typeof holders.get(h) !== "number") together[i] = together[i]! + 1;
    }
    if (starts < 2) continue;
    sum += together[i]! / starts;
    counted += 1;
  }
  return {
    share: counted ? sum / counted : 0,
    concentration: holders.size ? customerBuckets / holders.size : 1,
    together,
  };
}
