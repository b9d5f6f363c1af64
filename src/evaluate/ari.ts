// Adjusted Rand index of two partitions of the same items.
//
// Hubert, L. & Arabie, P. (1985), "Comparing partitions", Journal of Classification 2:193–218,
// eq. (5), written over the contingency table n_ij (items in true cluster i and predicted
// cluster j) with row sums a_i, column sums b_j and n items:
//
//   index    = Σ_ij C(n_ij, 2)
//   expected = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(n, 2)
//   max      = ½ · (Σ_i C(a_i, 2) + Σ_j C(b_j, 2))
//   ARI      = (index − expected) / (max − expected)
//
// The same formula as sklearn.metrics.adjusted_rand_score.

/** Pairs among k items, C(k, 2). */
function pairs(k: number): number {
  return (k * (k - 1)) / 2;
}

/**
 * Adjusted Rand index (Hubert & Arabie 1985) of two labelings of the same items, index by index;
 * 1 when the partitions trivially agree (fewer than 2 items, or both all-singletons / both one cluster).
 */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number {
  if (truth.length !== predicted.length) throw new Error("adjustedRandIndex: labelings differ in length");
  const n = truth.length;
  if (n < 2) return 1;
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const t = truth[k] as string;
    const p = predicted[k] as string;
    // JSON of the pair is an unambiguous cell key whatever characters the labels hold.
    const cell = JSON.stringify([t, p]);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    cols.set(p, (cols.get(p) ?? 0) + 1);
  }
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let sumRows = 0;
  for (const a of rows.values()) sumRows += pairs(a);
  let sumCols = 0;
  for (const b of cols.values()) sumCols += pairs(b);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  // max − expected = 0 only when both partitions are all singletons or both a single cluster
  // (then they are identical); sklearn returns 1.0 there too.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
