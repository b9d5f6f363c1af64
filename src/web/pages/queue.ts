// Review queue (after Sift's): open cases by score, each decided inline with a reason from
// the taxonomy; decided and dismissed cases show who decided and when.
import { h } from "preact";
import { useState } from "preact/hooks";
import type { Decision, Page, ReviewCase } from "../../store/types.js";
import { DecideForm } from "../components/decide-form.js";
import { Badge, Loaded, Pager } from "../components/ui.js";
import { formatTime } from "../format.js";
import { href } from "../router.js";
import { useApi } from "../use-api.js";

const limit = 25;

function Decided({ rc }: { rc: ReviewCase }) {
  const d = useApi<{ decisions: Decision[] }>(`/cases/${encodeURIComponent(rc.id)}`);
  const decision = d.data?.decisions.find((x) => x.id === rc.decisionId);
  if (!decision) return h("span", { class: "muted" }, rc.decidedAt ? formatTime(rc.decidedAt) : "");
  return h(
    "span",
    null,
    `${decision.action} · ${decision.reason} · by ${decision.actor} · ${formatTime(decision.at)}`,
  );
}

/** The review-queue page. */
export function QueuePage({ canDecide }: { canDecide: boolean }) {
  const [status, setStatus] = useState<"open" | "decided" | "dismissed">("open");
  const [offset, setOffset] = useState(0);
  const [msg, setMsg] = useState<string | undefined>(undefined);
  const cases = useApi<Page<ReviewCase>>("/cases", { status, limit, offset });
  return h(
    "div",
    null,
    h("h1", null, "Review queue"),
    h(
      "div",
      { class: "row" },
      (["open", "decided", "dismissed"] as const).map((s) =>
        h(
          "button",
          { class: s === status ? "" : "secondary", onClick: () => (setStatus(s), setOffset(0)) },
          s,
        ),
      ),
    ),
    msg ? h("p", { class: "ok", role: "status" }, msg) : null,
    h(Loaded, {
      ...cases,
      children: () => {
        const page = cases.data as Page<ReviewCase>;
        return h(
          "div",
          null,
          page.items.map((rc) =>
            h(
              "div",
              { class: "card", key: rc.id, "data-testid": "case" },
              h(
                "div",
                { class: "row" },
                h(Badge, { kind: rc.status }),
                h("strong", null, rc.subjectType, " "),
                h(
                  "a",
                  { href: href(rc.subjectType === "campaign" ? "campaigns" : "accounts", rc.subject) },
                  rc.subject,
                ),
                h("span", { class: "muted" }, `score ${rc.score} · opened ${formatTime(rc.openedAt)}`),
              ),
              h("div", null, rc.summary),
              rc.status === "open"
                ? canDecide
                  ? h(DecideForm, {
                      subjectType: rc.subjectType,
                      subject: rc.subject,
                      caseId: rc.id,
                      onDone: (m: string) => (setMsg(`${rc.subject}: ${m}`), cases.reload()),
                    })
                  : h("p", { class: "muted" }, "Deciding needs the analyst role.")
                : h(Decided, { rc }),
            ),
          ),
          page.items.length === 0 ? h("p", { class: "muted" }, `No ${status} cases.`) : null,
          h(Pager, { offset, limit, total: page.total, onChange: setOffset }),
        );
      },
    }),
  );
}
