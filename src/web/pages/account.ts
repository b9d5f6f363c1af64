// Account page: verdict and reasons, decisions and list entries, signals over time, the
// exchange timeline, and sample prompts (attacker-written text, shown as plain text only).
import { h } from "preact";
import { useMemo, useState } from "preact/hooks";
import type { AccountVerdict } from "../../scoring/types.js";
import type { Decision, EvidenceSample, ExchangeRow, ListEntry } from "../../store/types.js";
import { DecideForm } from "../components/decide-form.js";
import { TimeChart } from "../components/time-chart.js";
import { Badge, Loaded } from "../components/ui.js";
import { formatCount, formatTime } from "../format.js";
import { href } from "../router.js";
import { useApi } from "../use-api.js";

interface AccountDetail {
  account: AccountVerdict;
  decisions: Decision[];
  lists: ListEntry[];
}

const signalColors = ["#c62828", "#2f5bd3", "#ef6c00", "#6a1b9a", "#00897b"];

function SignalChart({ rows }: { rows: ExchangeRow[] }) {
  const chart = useMemo(() => {
    const ordered = [...rows].sort((a, b) => a.ts - b.ts);
    const ids = [...new Set(ordered.flatMap((r) => Object.keys(r.signals)))]
      .sort()
      .slice(0, signalColors.length);
    return {
      times: ordered.map((r) => r.ts),
      series: ids.map((id, i) => ({
        label: id,
        color: signalColors[i] ?? "#777",
        values: ordered.map((r) => r.signals[id] ?? null),
      })),
    };
  }, [rows]);
  return chart.times.length
    ? h(TimeChart, { ...chart, height: 200 })
    : h("p", { class: "muted" }, "No exchanges stored.");
}

function Timeline({ id }: { id: string }) {
  const t = useApi<{ items: ExchangeRow[] }>(`/accounts/${encodeURIComponent(id)}/timeline`, { limit: 200 });
  return h(
    "div",
    { class: "card" },
    h("h2", null, "Timeline"),
    h(Loaded, {
      ...t,
      children: () => {
        const rows = t.data?.items ?? [];
        return h(
          "div",
          null,
          h(SignalChart, { rows }),
          h(
            "table",
            { "data-testid": "timeline" },
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                [
                  "Time",
                  "IP",
                  "ASN",
                  "Payment",
                  "User agent",
                  "Template",
                  "Capability",
                  "Tokens in/out",
                  "Signals",
                ].map((x) => h("th", null, x)),
              ),
            ),
            h(
              "tbody",
              null,
              rows.map((r) =>
                h(
                  "tr",
                  { key: r.id },
                  h("td", null, formatTime(r.ts)),
                  h("td", { class: "mono" }, r.ip ?? ""),
                  h("td", null, r.asn === undefined ? "" : String(r.asn)),
                  h("td", { class: "mono" }, r.payment ?? ""),
                  h("td", { class: "mono" }, r.userAgent ?? ""),
                  h("td", { class: "mono" }, r.template?.slice(0, 10) ?? ""),
                  h("td", null, r.capability ?? ""),
                  h("td", { class: "num" }, `${r.inputTokens}/${r.outputTokens}`),
                  h(
                    "td",
                    { class: "mono" },
                    Object.entries(r.signals)
                      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
                      .join(" · "),
                  ),
                ),
              ),
            ),
          ),
        );
      },
    }),
  );
}

function Samples({ id }: { id: string }) {
  const s = useApi<{ items: EvidenceSample[] }>(`/accounts/${encodeURIComponent(id)}/samples`);
  return h(
    "div",
    { class: "card", "data-testid": "samples" },
    h("h2", null, "Sample prompts"),
    h(Loaded, {
      ...s,
      children: () =>
        (s.data?.items ?? []).map((x) =>
          h(
            "div",
            { key: x.exchangeId },
            h("div", { class: "muted" }, `${formatTime(x.ts)} · ${x.exchangeId}`),
            x.system ? h("div", { class: "sample" }, `system: ${x.system}`) : null,
            h("div", { class: "sample" }, x.prompt),
            x.output ? h("div", { class: "sample muted" }, x.output) : null,
          ),
        ),
    }),
  );
}

/** The account page. */
export function AccountPage({ id, canDecide }: { id: string; canDecide: boolean }) {
  const a = useApi<AccountDetail>(`/accounts/${encodeURIComponent(id)}`);
  const [msg, setMsg] = useState<string | undefined>(undefined);
  return h(
    "div",
    null,
    h("h1", null, "Account ", h("span", { class: "mono", "data-testid": "account-id" }, id)),
    h(Loaded, {
      ...a,
      children: () => {
        const d = a.data as AccountDetail;
        const v = d.account;
        return h(
          "div",
          null,
          h(
            "div",
            { class: "card" },
            h(
              "div",
              { class: "row" },
              h(Badge, { kind: v.verdict }),
              h("strong", null, `score ${v.score}`),
              v.campaign ? h("a", { href: href("campaigns", v.campaign) }, `campaign ${v.campaign}`) : null,
            ),
            h(
              "p",
              { class: "muted" },
              `${formatCount(v.requests)} requests · first seen ${formatTime(v.firstSeen)} · last seen ${formatTime(v.lastSeen)} · first flagged ${formatTime(v.firstFlaggedAt)}`,
            ),
            h(
              "ul",
              { class: "reasons" },
              v.reasons.map((r) => h("li", null, `${r.detail} (${r.signal}, ${r.weight})`)),
            ),
            d.lists.length
              ? h(
                  "p",
                  null,
                  "On lists: ",
                  d.lists.map((l) => h(Badge, { kind: l.list === "block" ? "attack" : "benign" })),
                )
              : null,
            d.decisions.length
              ? h(
                  "ul",
                  null,
                  d.decisions.map((x) =>
                    h(
                      "li",
                      null,
                      `${formatTime(x.at)} ${x.actor}: ${x.action} (${x.reason})${x.note ? ` — ${x.note}` : ""}`,
                    ),
                  ),
                )
              : null,
            canDecide
              ? msg
                ? h("p", { class: "ok", role: "status" }, msg)
                : h(DecideForm, {
                    subjectType: "account",
                    subject: id,
                    onDone: (m: string) => (setMsg(m), a.reload()),
                  })
              : null,
          ),
          h(Samples, { id }),
          h(Timeline, { id }),
        );
      },
    }),
  );
}
