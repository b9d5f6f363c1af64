// Every change an analyst makes is written to the audit log, with the key name as actor.
import { randomUUID } from "node:crypto";
import type { AuditEntry, Store } from "../store/types.js";

/** Appends one audit entry stamped now. */
export async function recordAudit(store: Store, e: Omit<AuditEntry, "id" | "at">): Promise<AuditEntry> {
  const entry: AuditEntry = { id: randomUUID(), at: Date.now(), ...e };
  await store.appendAudit(entry);
  return entry;
}
