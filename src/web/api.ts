// The dashboard's API client: bearer key from sessionStorage (gone when the tab closes), JSON
// in and out, API errors surfaced with their code and message.

const storageKey = "distillwatch.key";

/** The key the analyst signed in with, if any. */
export function currentKey(): string | null {
  return sessionStorage.getItem(storageKey);
}

/** Remembers the key for this tab. */
export function rememberKey(key: string): void {
  sessionStorage.setItem(storageKey, key);
}

/** Forgets the key (sign out). */
export function forgetKey(): void {
  sessionStorage.removeItem(storageKey);
}

/** An API error response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls `/api/v1${path}`; `query` values that are undefined or "" are left out. */
export async function api<T>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    query?: Record<string, string | number | undefined>;
    key?: string;
  } = {},
): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(init.query ?? {}))
    if (v !== undefined && v !== "") qs.set(k, String(v));
  const url = `/api/v1${path}${qs.size ? `?${qs}` : ""}`;
  const headers: Record<string, string> = { authorization: `Bearer ${init.key ?? currentKey() ?? ""}` };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(url, {
    method: init.method ?? "GET",
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const data: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } }).error;
    throw new ApiError(res.status, err?.code ?? "http", err?.message ?? `HTTP ${res.status}`);
  }
  return data as T;
}

/** Path segment for an id that may contain any character (ids are attacker-chosen). */
export function seg(id: string): string {
  return encodeURIComponent(id);
}
