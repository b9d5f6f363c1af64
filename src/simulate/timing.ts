// When accounts send requests. Session starts are a non-homogeneous Poisson process sampled by
// thinning (Lewis & Shedler 1979) over a diurnal × weekly profile in the account's time zone;
// campaigns may instead follow a shared wave schedule, which is what makes coordinated accounts
// loosely synchronized (the SynchroTrap signal) without any shared artefact.
import { hash32, type Rng } from "./rng.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// relative activity by local hour for people at work/home; mean 1.0
const human = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.6, 1.0, 1.45, 1.65, 1.6, 1.3, 1.45, 1.6, 1.6, 1.5, 1.35, 1.15,
  1.1, 1.15, 1.1, 0.8, 0.5,
];
const humanMean = human.reduce((a, b) => a + b, 0) / 24;

/** How one account starts sessions, sizes them and spaces requests inside them. */
export interface SessionClock {
  /** First session start strictly after `after` (ms), or Infinity. */
  next(r: Rng, after: number): number;
  /** Requests in a session. */
  size(r: Rng): number;
  /** Gap to the next request of the same session (ms). */
  gap(r: Rng): number;
}

/** Parameters of a Poisson session process shaped by local time. */
export interface DiurnalOptions {
  readonly sessionsPerDay: number;
  readonly tzHours: number;
  readonly diurnal: number; // 0 = flat (machines), 1 = fully human-shaped
  readonly weekend: number; // weekend activity relative to weekdays
  readonly sizeMedian: number;
  readonly gapMedianMs: number;
  readonly deadlines?: readonly number[]; // epoch ms; activity swells in the 36 h before each
}

function weight(o: DiurnalOptions, t: number): number {
  const local = t + o.tzHours * HOUR;
  const hour = Math.floor(local / HOUR) % 24;
  const dow = (Math.floor(local / DAY) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  const shape = 1 - o.diurnal + (o.diurnal * (human[hour] ?? 1)) / humanMean;
  const week = dow === 0 || dow === 6 ? o.weekend : 1;
  let burst = 1;
  if (o.deadlines)
    for (const d of o.deadlines) if (t < d && d - t < 36 * HOUR) burst += 4 * Math.exp(-(d - t) / (8 * HOUR));
  return (shape * week * burst * 7) / (5 + 2 * o.weekend);
}

/** Poisson sessions shaped by time of day and week (people, offices, students). */
export function diurnalClock(o: DiurnalOptions): SessionClock {
  const wmax =
    (((1 - o.diurnal + (o.diurnal * 1.65) / humanMean) * 7 * Math.max(1, o.weekend)) / (5 + 2 * o.weekend)) *
    (o.deadlines?.length ? 5 : 1);
  const rate = o.sessionsPerDay / DAY;
  return {
    next(r, after) {
      if (rate <= 0) return Infinity;
      let t = after;
      for (let i = 0; i < 10_000; i++) {
        t += r.exp(1 / (rate * wmax));
        if (r.next() * wmax < weight(o, t)) return t;
      }
      return Infinity;
    },
    size: (r) => Math.max(1, Math.round(r.lognormal(o.sizeMedian, 0.7))),
    gap: (r) => r.lognormal(o.gapMedianMs, 0.6),
  };
}

/** A campaign's shared schedule: waves every `periodMs`, each account joining some of them. */
export interface WaveOptions {
  readonly campaignKey: number;
  readonly accountKey: number;
  readonly originMs: number;
  readonly periodMs: number;
  readonly participation: number; // share of waves this account joins
  readonly jitterMs: number; // tight campaigns: seconds; loose: tens of minutes
  readonly sizeMedian: number;
  readonly gapMedianMs: number;
}

/** Loosely synchronized, load-balanced sessions that follow the campaign's wave schedule. */
export function waveClock(o: WaveOptions): SessionClock {
  const waveAt = (k: number): number =>
    o.originMs + k * o.periodMs + (hash32(o.campaignKey, k) / 4294967296 - 0.5) * o.periodMs * 0.5;
  return {
    next(r, after) {
      let k = Math.max(0, Math.floor((after - o.originMs) / o.periodMs) - 1);
      for (let guard = 0; guard < 100_000; guard++, k++) {
        if (hash32(o.accountKey, k) / 4294967296 >= o.participation) continue;
        const t = waveAt(k) + Math.abs(r.normal()) * o.jitterMs;
        if (t > after) return t;
      }
      return Infinity;
    },
    size: (r) => Math.max(1, Math.round(r.lognormal(o.sizeMedian, 0.4))),
    gap: (r) => r.lognormal(o.gapMedianMs, 0.35),
  };
}

export { DAY, HOUR };
