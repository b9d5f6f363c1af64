// The policy the gateway enforces right now: rules and fail mode from the config, list entries
// from the config, the store and the admin API, compiled into one ListIndex on every change.
import { randomUUID } from "node:crypto";
import type { Config } from "../config/index.js";
import { ListIndex, listTypes } from "../policy/index.js";
import type { ListEntry } from "../store/types.js";
import type { LoadedPolicy } from "./decide.js";

/** Whether a rule can see the model, the per-request signals or the template (all read from the body). */
function readsBody(rules: Config["policy"]["rules"], lists: ListIndex): boolean {
  return rules.some(
    ({ when }) =>
      when.model !== undefined ||
      when.signals !== undefined ||
      (when.onList !== undefined &&
        (when.listTypes ?? listTypes).includes("template") &&
        lists.hasType("template")),
  );
}

/** Mutable holder of the loaded policy; readers take `current` once per request. */
export class PolicyState {
  private configEntries: ListEntry[] = [];
  private readonly dynamic = new Map<string, ListEntry>();
  current: LoadedPolicy;
  maxDecisionAgeMs: number;

  constructor(config: Config) {
    const lists = new ListIndex([]);
    this.current = {
      rules: config.policy.rules,
      failMode: config.policy.failMode,
      lists,
      readsBody: readsBody(config.policy.rules, lists),
    };
    this.maxDecisionAgeMs = config.policy.maxDecisionAgeMs;
    this.setConfig(config);
  }

  /** Takes rules, fail mode and config list entries from a (re)loaded config. */
  setConfig(config: Config): void {
    const now = Date.now();
    this.configEntries = config.policy.lists.map((e, i) => ({
      id: `config:${i}`,
      list: e.list,
      type: e.type,
      value: e.value,
      createdAt: now,
      createdBy: "config",
      ...(e.note !== undefined && { note: e.note }),
    }));
    this.maxDecisionAgeMs = config.policy.maxDecisionAgeMs;
    this.current = { ...this.current, rules: config.policy.rules, failMode: config.policy.failMode };
    this.rebuild();
  }

  /** Replaces the entries that came from the store. */
  setStoredEntries(entries: readonly ListEntry[]): void {
    this.dynamic.clear();
    for (const e of entries) this.dynamic.set(e.id, e);
    this.rebuild();
  }

  /** Adds one entry (from the admin API); returns it with its id. */
  add(e: Omit<ListEntry, "id" | "createdAt"> & { id?: string; createdAt?: number }): ListEntry {
    const entry: ListEntry = { ...e, id: e.id ?? `le_${randomUUID()}`, createdAt: e.createdAt ?? Date.now() };
    this.dynamic.set(entry.id, entry);
    this.rebuild();
    return entry;
  }

  /** Removes an entry added at run time; config entries are changed in the config file. */
  remove(id: string): boolean {
    const had = this.dynamic.delete(id);
    if (had) this.rebuild();
    return had;
  }

  /** Every entry currently loaded (expired ones included, with their expiry). */
  entries(): ListEntry[] {
    return [...this.configEntries, ...this.dynamic.values()];
  }

  private rebuild(): void {
    const lists = new ListIndex(this.entries());
    this.current = { ...this.current, lists, readsBody: readsBody(this.current.rules, lists) };
  }
}
