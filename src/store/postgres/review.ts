// The analyst side for PostgreSQL: decisions, allow/block list entries, review cases and the
// audit log. Appends are idempotent by id; openCase leans on the partial unique index
// `cases_open_subject` so concurrent service replicas cannot open two cases for one subject.
import type { Pool } from "pg";
import { DistillwatchError } from "../../errors.js";
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
import type { Store } from "../types.js";
import { pgPlaceholders } from "./columns.js";
import { pageOf, pgDialect } from "./pool.js";

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

const insertSql = (table: string, columns: readonly string[], tail: string) =>
  `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${pgPlaceholders(columns.length)}) ${tail}`;

/** Decision, list, case and audit methods over a pool. */
export function pgReview(pool: Pool): ReviewMethods {
  const listUpdates = listEntryColumns
    .slice(1)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(", ");
  return {
    async addDecision(d) {
      await pool.query(
        insertSql("decisions", decisionColumns, "ON CONFLICT (id) DO NOTHING"),
        decisionValues(d),
      );
    },
    async listDecisions(q) {
      return pageOf(pool, "decisions", decisionClause(q, pgDialect), q.limit, q.offset, toDecision);
    },
    async addListEntry(e) {
      await pool.query(
        insertSql("list_entries", listEntryColumns, `ON CONFLICT (id) DO UPDATE SET ${listUpdates}`),
        listEntryValues(e),
      );
    },
    async removeListEntry(id) {
      return ((await pool.query("DELETE FROM list_entries WHERE id = $1", [id])).rowCount ?? 0) > 0;
    },
    async listListEntries(q = {}) {
      const c = listEntryClause(q, pgDialect);
      return (
        await pool.query<Columns>(`SELECT * FROM list_entries ${c.where} ORDER BY ${c.orderBy}`, c.params)
      ).rows.map(toListEntry);
    },
    async openCase(c) {
      // Select, then insert-unless-open; if the open case is closed in between, look again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const open = (
          await pool.query<Columns>(
            "SELECT * FROM cases WHERE subject_type = $1 AND subject = $2 AND status = 'open'",
            [c.subjectType, c.subject],
          )
        ).rows[0];
        if (open) return toCase(open);
        const sql = insertSql(
          "cases",
          caseColumns,
          "ON CONFLICT (subject_type, subject) WHERE status = 'open' DO NOTHING RETURNING *",
        );
        const created = (await pool.query<Columns>(sql, caseValues(c))).rows[0];
        if (created) return toCase(created);
      }
      throw new DistillwatchError(
        "conflict",
        `could not open a case for ${c.subjectType} ${c.subject}: it changed concurrently`,
      );
    },
    async updateCase(id, patch) {
      const p = casePatchClause(patch, pgDialect);
      const { rows } = p.set
        ? await pool.query<Columns>(
            `UPDATE cases SET ${p.set} WHERE id = $${p.params.length + 1} RETURNING *`,
            [...p.params, id],
          )
        : await pool.query<Columns>("SELECT * FROM cases WHERE id = $1", [id]);
      return rows[0] && toCase(rows[0]);
    },
    async getCase(id) {
      const row = (await pool.query<Columns>("SELECT * FROM cases WHERE id = $1", [id])).rows[0];
      return row && toCase(row);
    },
    async listCases(q) {
      return pageOf(pool, "cases", caseClause(q, pgDialect), q.limit, q.offset, toCase);
    },
    async appendAudit(e) {
      await pool.query(insertSql("audit", auditColumns, "ON CONFLICT (id) DO NOTHING"), auditValues(e));
    },
    async listAudit(q) {
      return pageOf(pool, "audit", auditClause(q, pgDialect), q.limit, q.offset, toAudit);
    },
  };
}
