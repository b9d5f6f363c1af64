// Token buckets for the `throttle` action: `perMinute` tokens refill continuously up to `burst`;
// a request takes one. The state is a plain object so the arithmetic is a pure function.

/** One bucket's state. */
export interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Refill rate and capacity. */
export interface BucketRate {
  perMinute: number;
  burst: number;
}

/** Outcome of taking one token. */
export interface TakeResult {
  bucket: Bucket;
  allowed: boolean;
  /** When not allowed: ms until one token is available. */
  retryAfterMs: number;
}

/** Refills `bucket` to `now` and takes one token when there is one; a new bucket starts full. */
export function takeToken(bucket: Bucket | undefined, rate: BucketRate, now: number): TakeResult {
  const perMs = rate.perMinute / 60_000;
  const elapsed = bucket ? Math.max(0, now - bucket.updatedAt) : 0;
  const tokens = bucket ? Math.min(rate.burst, bucket.tokens + elapsed * perMs) : rate.burst;
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, updatedAt: now }, allowed: true, retryAfterMs: 0 };
  return {
    bucket: { tokens, updatedAt: now },
    allowed: false,
    retryAfterMs: Math.ceil((1 - tokens) / perMs),
  };
}

/** Buckets keyed by subject (account or campaign), bounded so a flood of new ids cannot grow memory without limit. */
export class BucketTable {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxKeys = 100_000) {}

  /** Takes one token from the bucket of `key`. */
  take(key: string, rate: BucketRate, now: number): TakeResult {
    const r = takeToken(this.buckets.get(key), rate, now);
    // Delete then set keeps Map order = recency, so eviction drops the least recently used key.
    this.buckets.delete(key);
    this.buckets.set(key, r.bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    return r;
  }

  /** Number of live buckets. */
  get size(): number {
    return this.buckets.size;
  }
}

/** Bucket key of a throttle rule for a request: per campaign when the account has one and the rule says so. */
export function bucketKey(
  rule: string,
  scope: "account" | "campaign",
  account: string,
  campaign: string | null | undefined,
): string {
  return scope === "campaign" && campaign ? `${rule}\u0000c:${campaign}` : `${rule}\u0000a:${account}`;
}
