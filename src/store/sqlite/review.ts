// The analyst side for SQLite: decisions, allow/block list entries, review cases and the audit
// log. Appends are idempotent by id (a retried request must not duplicate history).
import type Database from "better-sqlite3";
import { auditClause, caseClause, casePatchClause, decisionClause, listEntryClause } from "../queries.js";
import {
  auditColumns,
  auditValues,
  caseColumns,
  caseValues,
  decisionColumns,
  decisionValues,
  listEntryColumns,
  listEntryValues,
  toAudit,
  toCase,
  toDecision,
  toListEntry,
  type Columns,
} from "../rows.js";
import type { ReviewCase, Store } from "../types.js";
import { placeholders, sqliteDialect, type statementCache, pagedQuery } from "./statements.js";

type Prep = ReturnType<typeof statementCache>;
type ReviewMethods = Pick<
  Store,
  | "addDecision"
  | "listDecisions"
  | "addListEntry"
  | "removeListEntry"
  | "listListEntries"
  | "openCase"
  | "updateCase"
  | "getCase"
  | "listCases"
  | "appendAudit"
  | "listAudit"
>;

/** Decision, list, case and audit methods over one SQLite connection. */
export function sqliteReview(db: Database.Database, prep: Prep): ReviewMethods {
  const listUpdates = listEntryColumns
    .slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(", ");
  const findOpenCase = prep("SELECT * FROM cases WHERE subject_type = ? AND subject = ? AND status = 'open'");
  const insertCase = prep(
    `INSERT INTO cases (${caseColumns.join(", ")}) VALUES (${placeholders(caseColumns.length)})`,
  );
  // Check and insert in one transaction so two callers cannot both open a case for a subject.
  const openCase = db.transaction((c: ReviewCase): ReviewCase => {
    const open = findOpenCase.get(c.subjectType, c.subject) as Columns | undefined;
    if (open) return toCase(open);
    insertCase.run(caseValues(c));
    return c;
  });

  return {
    async addDecision(d) {
      prep(
        `INSERT INTO decisions (${decisionColumns.join(", ")}) VALUES (${placeholders(decisionColumns.length)}) ON CONFLICT (id) DO NOTHING`,
      ).run(decisionValues(d));
    },
    async listDecisions(q) {
      return pagedQuery(prep, "decisions", decisionClause(q, sqliteDialect), q, toDecision);
    },
    async addListEntry(e) {
      // Re-adding an id replaces the entry, so editing a note or expiry is a put.
      prep(
        `INSERT INTO list_entries (${listEntryColumns.join(", ")}) VALUES (${placeholders(listEntryColumns.length)}) ON CONFLICT (id) DO UPDATE SET ${listUpdates}`,
      ).run(listEntryValues(e));
    },
    async removeListEntry(id) {
      return prep("DELETE FROM list_entries WHERE id = ?").run(id).changes > 0;
    },
    async listListEntries(q = {}) {
      const c = listEntryClause(q, sqliteDialect);
      return (
        prep(`SELECT * FROM list_entries ${c.where} ORDER BY ${c.orderBy}`).all(...c.params) as Columns[]
      ).map(toListEntry);
    },
    async openCase(c) {
      return openCase.immediate(c);
    },
    async updateCase(id, patch) {
      const p = casePatchClause(patch, sqliteDialect);
      const row = p.set
        ? prep(`UPDATE cases SET ${p.set} WHERE id = ? RETURNING *`).get(...p.params, id)
        : prep("SELECT * FROM cases WHERE id = ?").get(id);
      return row ? toCase(row as Columns) : undefined;
    },
    async getCase(id) {
      const row = prep("SELECT * FROM cases WHERE id = ?").get(id) as Columns | undefined;
      return row && toCase(row);
    },
    async listCases(q) {
      return pagedQuery(prep, "cases", caseClause(q, sqliteDialect), q, toCase);
    },
    async appendAudit(e) {
      prep(
        `INSERT INTO audit (${auditColumns.join(", ")}) VALUES (${placeholders(auditColumns.length)}) ON CONFLICT (id) DO NOTHING`,
      ).run(auditValues(e));
    },
    async listAudit(q) {
      return pagedQuery(prep, "audit", auditClause(q, sqliteDialect), q, toAudit);
    },
  };
}
