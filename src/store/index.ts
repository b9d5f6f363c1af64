import { openSqliteStore } from "./sqlite/index.js";
import type { Store } from "./types.js";
export * from "./types.js";
export { openSqliteStore };
/** Opens the store at `url` (SQLite file path; PostgreSQL URLs once that adapter lands). */
export async function openStore(url: string): Promise<Store> {
  return openSqliteStore(url);
}
