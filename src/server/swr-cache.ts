// Stale-while-revalidate cache for expensive aggregate reads (the traffic series is a full scan
// of exchanges; a big campaign's graph is one query per account). A value up to `ttlMs` old is
// returned at once; an older one is returned while a refresh runs; concurrent misses share one
// computation. Entries beyond `maxEntries` are dropped oldest-first.

/** A keyed cache in front of `compute`. */
export interface SwrCache<V> {
  get(key: string): Promise<V>;
}

/** Creates the cache; `now` is injectable for tests. */
export function createSwrCache<V>(
  compute: (key: string) => Promise<V>,
  opts: { ttlMs: number; maxEntries: number },
  now = () => Date.now(),
): SwrCache<V> {
  const entries = new Map<string, { at: number; value?: V; pending?: Promise<V> }>();
  const refresh = (key: string): Promise<V> => {
    let e = entries.get(key);
    if (!e) {
      e = { at: 0 };
      entries.set(key, e);
      if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value as string);
    }
    const entry = e;
    entry.pending ??= compute(key)
      .then((value) => {
        entry.value = value;
        entry.at = now();
        return value;
      })
      .finally(() => {
        entry.pending = undefined;
      });
    return entry.pending;
  };
  return {
    async get(key) {
      const e = entries.get(key);
      if (e?.value === undefined) return refresh(key);
      if (now() - e.at > opts.ttlMs) void refresh(key).catch(() => undefined);
      return e.value;
    },
  };
}
