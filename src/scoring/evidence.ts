// Evidence accumulates as log-odds (as in naive-Bayes scorecards): each signal adds a bounded
// number of points and carries the sentence that explains it. A score is 100·σ(bias + Σ points).
import type { Reason } from "./types.js";

/** One piece of evidence: its log-odds contribution and the sentence behind it. */
export interface Evidence {
  signal: string;
  points: number;
  detail: string;
}

/** Clamps x into [0, 1]. */
export function unit(x: number): number {
  return x <= 0 ? 0 : x >= 1 ? 1 : x;
}

/** Linear ramp: 0 at or below `lo`, 1 at or above `hi`. */
export function ramp(x: number, lo: number, hi: number): number {
  return unit((x - lo) / (hi - lo));
}

/** Score 0–100 from a log-odds total. */
export function toScore(logit: number): number {
  return Math.round(1000 / (1 + Math.exp(-logit))) / 10;
}

/** Sums evidence points onto a bias. */
export function totalLogit(bias: number, evidence: Evidence[]): number {
  let t = bias;
  for (const e of evidence) t += e.points;
  return t;
}

/** Reasons, strongest first, with weights normalised to the positive total. */
export function toReasons(evidence: Evidence[], limit = 8): Reason[] {
  const pos = evidence.filter((e) => e.points > 0.05);
  const total = pos.reduce((s, e) => s + e.points, 0) || 1;
  const neg = evidence.filter((e) => e.points < -0.05);
  return [
    ...pos
      .sort((a, b) => b.points - a.points)
      .map((e) => ({
        signal: e.signal,
        weight: Math.round((e.points / total) * 100) / 100,
        detail: e.detail,
      })),
    ...neg
      .sort((a, b) => a.points - b.points)
      .map((e) => ({
        signal: e.signal,
        weight: Math.round((e.points / total) * 100) / 100,
        detail: e.detail,
      })),
  ].slice(0, limit);
}

/** Formats a share as a percentage for sentences. */
export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
