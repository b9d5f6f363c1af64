// The provider's ordinary content level: the median, over accounts with a few requests, of an
// account's mean harvest score. A content model reads wordings it was not trained on with less
// confidence (a campaign's harvesting at 0.4 where the training recipes read at 0.8), and how
// much ordinary users ask for step-by-step answers differs between providers; a campaign's
// content is therefore also judged by how far it stands above this level. Median of a fixed
// histogram: one pass over the accounts, no sort, a few hundred bytes.

/** Requests before an account's mean counts towards the baseline. */
export const BASELINE_MIN_REQUESTS = 3;
const BINS = 200;

/** Collects account means and answers their median (`undefined` with fewer than `minAccounts`). */
export class ContentBaseline {
  private readonly bins = new Uint32Array(BINS);
  private count = 0;

  constructor(private readonly minAccounts = 20) {}

  /** Adds one account with `requests` requests and summed harvest `sumHarvest`. */
  add(requests: number, sumHarvest: number): void {
    if (requests < BASELINE_MIN_REQUESTS) return;
    const mean = sumHarvest / requests;
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(mean * BINS)));
    this.bins[bin]! += 1;
    this.count += 1;
  }

  /** The median account mean, to a bin's width (0.005). */
  median(): number | undefined {
    if (this.count < this.minAccounts) return undefined;
    const half = this.count / 2;
    let seen = 0;
    for (let b = 0; b < BINS; b++) {
      seen += this.bins[b]!;
      if (seen >= half) return (b + 0.5) / BINS;
    }
    return undefined;
  }
}
