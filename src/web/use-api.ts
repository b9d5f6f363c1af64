// Data loading for pages: fetch on mount and when the request changes, with a reload handle.
import { useCallback, useEffect, useState } from "preact/hooks";
import { api } from "./api.js";

/** State of one API read. */
export interface ApiState<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads `path` with `query`; re-runs when either changes. */
export function useApi<T>(
  path: string | null,
  query: Record<string, string | number | undefined> = {},
): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const qkey = JSON.stringify(query);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoading(true);
    api<T>(path, { query: JSON.parse(qkey) as Record<string, string | number | undefined> })
      .then((d) => live && (setData(d), setError(undefined)))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, qkey, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
