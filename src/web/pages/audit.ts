// Audit log: who did what and when, newest first, filterable by actor and action.
import { h } from "preact";
import { useState } from "preact/hooks";
import type { AuditEntry, Page } from "../../store/types.js";
import { Loaded, Pager } from "../components/ui.js";
import { formatTime } from "../format.js";
import { useApi } from "../use-api.js";

const limit = 50;

/** The audit-log page. */
export function AuditPage() {
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const [offset, setOffset] = useState(0);
  const log = useApi<Page<AuditEntry>>("/audit", { actor, action, limit, offset });
  const input = (label: string, v: string, set: (s: string) => void) =>
    h("input", {
      "aria-label": label,
      placeholder: label,
      value: v,
      onInput: (e: Event) => (set((e.target as HTMLInputElement).value), setOffset(0)),
    });
  return h(
    "div",
    null,
    h("h1", null, "Audit log"),
    h("div", { class: "row" }, input("actor", actor, setActor), input("action", action, setAction)),
    h(Loaded, {
      ...log,
      children: () =>
        h(
          "div",
          null,
          h(
            "table",
            { "data-testid": "audit-table" },
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                ["When", "Actor", "Action", "Subject", "Rule", "Detail"].map((x) => h("th", null, x)),
              ),
            ),
            h(
              "tbody",
              null,
              (log.data?.items ?? []).map((e) =>
                h(
                  "tr",
                  { key: e.id },
                  h("td", null, formatTime(e.at)),
                  h("td", null, e.actor),
                  h("td", null, e.action),
                  h("td", { class: "mono" }, e.subject ?? ""),
                  h("td", null, e.rule ?? ""),
                  h("td", { class: "mono" }, e.detail ? JSON.stringify(e.detail) : ""),
                ),
              ),
            ),
          ),
          h(Pager, { offset, limit, total: log.data?.total ?? 0, onChange: setOffset }),
        ),
    }),
  );
}
