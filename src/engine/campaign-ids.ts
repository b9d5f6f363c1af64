// Keeps campaign ids stable across reclusterings: a new community inherits the id that most of
// its members carried before (when that id is not claimed by a larger community), so that a
// campaign keeps its name while it grows, loses banned accounts and gains replacements.

/** Assigns stable ids to communities given each account's previous campaign id. */
export function assignCampaignIds(
  communities: string[][],
  previous: (account: string) => string | null,
  fresh: () => string,
): string[] {
  const order = communities.map((c, i) => ({ i, size: c.length })).sort((a, b) => b.size - a.size);
  const taken = new Set<string>();
  const ids = new Array<string>(communities.length);
  for (const { i } of order) {
    const counts = new Map<string, number>();
    for (const a of communities[i]!) {
      const p = previous(a);
      if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    let best: string | null = null;
    let bestN = 0;
    for (const [id, n] of counts) {
      if (!taken.has(id) && n > bestN) {
        best = id;
        bestN = n;
      }
    }
    const id = best ?? fresh();
    taken.add(id);
    ids[i] = id;
  }
  return ids;
}
