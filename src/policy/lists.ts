// Typed allow/block lists as an in-memory index: exact sets for ids, CIDR sets for IPs. Expired
// entries are dropped by rebuilding the index when the earliest expiry passes, so a look-up stays
// a few hash probes instead of a scan with date checks.
import type { ListKind, ListType } from "../store/types.js";
import { CidrSet } from "./cidr.js";
import type { ListHit } from "./types.js";

/** A list entry as the index needs it (config entries and stored entries both fit). */
export interface ListItem {
  list: ListKind;
  type: ListType;
  value: string;
  /** Epoch ms after which the entry no longer applies. */
  expiresAt?: number;
}

/** The request attributes that lists can match. */
export interface ListSubject {
  account?: string;
  key?: string;
  ip?: string;
  asn?: number;
  payment?: string;
  template?: string;
}

interface Built {
  exact: Map<string, Set<string>>;
  ips: Record<ListKind, CidrSet>;
  ipValues: Record<ListKind, string[]>;
  validUntil: number;
}

export const listTypes: readonly ListType[] = ["account", "key", "ip", "asn", "payment", "template"];

const slot = (list: ListKind, type: ListType): string => `${list}:${type}`;

function build(items: readonly ListItem[], now: number): Built {
  const exact = new Map<string, Set<string>>();
  const ips: Record<ListKind, CidrSet> = { allow: new CidrSet(), block: new CidrSet() };
  const ipValues: Record<ListKind, string[]> = { allow: [], block: [] };
  let validUntil = Infinity;
  for (const item of items) {
    if (item.expiresAt !== undefined) {
      if (item.expiresAt <= now) continue;
      validUntil = Math.min(validUntil, item.expiresAt);
    }
    if (item.type === "ip") {
      if (ips[item.list].add(item.value)) ipValues[item.list].push(item.value);
      continue;
    }
    const key = slot(item.list, item.type);
    let set = exact.get(key);
    if (!set) exact.set(key, (set = new Set()));
    set.add(item.type === "asn" ? String(Number(item.value.replace(/^AS/i, ""))) : item.value);
  }
  return { exact, ips, ipValues, validUntil };
}

/** An index over typed lists that honours expiry. */
export class ListIndex {
  private built: Built;

  constructor(
    private readonly items: readonly ListItem[],
    now = Date.now(),
  ) {
    this.built = build(items, now);
  }

  /** Number of entries the index was built from (expired ones included). */
  get size(): number {
    return this.items.length;
  }

  /** Whether an entry of `type` is loaded on either list (expired ones may still count). */
  hasType(type: ListType): boolean {
    const b = this.built;
    if (type === "ip") return b.ipValues.allow.length + b.ipValues.block.length > 0;
    return b.exact.has(slot("allow", type)) || b.exact.has(slot("block", type));
  }

  /** The first entry of `list` (restricted to `types`) that matches an attribute of `subject`. */
  match(
    list: ListKind,
    subject: ListSubject,
    types: readonly ListType[] = listTypes,
    now = Date.now(),
  ): ListHit | undefined {
    if (now >= this.built.validUntil) this.built = build(this.items, now);
    for (const type of types) {
      if (type === "ip") {
        if (subject.ip !== undefined && this.built.ips[list].has(subject.ip))
          return { list, type, value: this.ipEntryFor(list, subject.ip) };
        continue;
      }
      const raw =
        type === "asn" ? (subject.asn === undefined ? undefined : String(subject.asn)) : subject[type];
      if (raw !== undefined && this.built.exact.get(slot(list, type))?.has(raw))
        return { list, type, value: raw };
    }
    return undefined;
  }

  /** Which IP entry matched; only runs on a hit, so the linear scan is off the common path. */
  private ipEntryFor(list: ListKind, ip: string): string {
    for (const value of this.built.ipValues[list]) {
      const one = new CidrSet();
      one.add(value);
      if (one.has(ip)) return value;
    }
    return ip;
  }
}
