// Campaign page: score and reasons, shared indicators (IPs, ASNs, payments, templates, user
// agents, timing), the account graph, the accounts, and the decision form.
import { h } from "preact";
import { useCallback, useState } from "preact/hooks";
import type { CampaignGraph } from "../../server/campaign-graph.js";
import type { AccountVerdict, Campaign } from "../../scoring/types.js";
import type { Page } from "../../store/types.js";
import { AccountGraph, edgeColor } from "../components/account-graph.js";
import { DecideForm } from "../components/decide-form.js";
import { Loaded, Pager } from "../components/ui.js";
import { formatCount, formatTime } from "../format.js";
import { href } from "../router.js";
import { useApi } from "../use-api.js";
import { AccountTable } from "./account-table.js";

const limit = 50;

function Chips({ title, values }: { title: string; values: (string | number)[] }) {
  if (values.length === 0) return null;
  return h(
    "div",
    null,
    h("h3", null, title),
    h(
      "div",
      { class: "chips" },
      values.map((v) => h("span", { class: "chip" }, String(v))),
    ),
  );
}

function Indicators({ c }: { c: Campaign }) {
  const i = c.indicators;
  return h(
    "div",
    { class: "card", "data-testid": "indicators" },
    h("h2", null, "Shared indicators"),
    h(Chips, { title: "IP prefixes", values: i.ipPrefixes }),
    h(Chips, { title: "ASNs", values: i.asns }),
    h(Chips, { title: "Payment fingerprints", values: i.payments }),
    h(Chips, { title: "Templates", values: i.templates }),
    h(Chips, { title: "User agents", values: i.userAgents }),
    h(Chips, { title: "E-mail domains", values: i.emailDomains }),
    i.timing.length
      ? h(
          "div",
          null,
          h("h3", null, "Timing"),
          h(
            "ul",
            null,
            i.timing.map((t) => h("li", null, t)),
          ),
        )
      : null,
  );
}

function GraphCard({ id }: { id: string }) {
  const [maxNodes, setMaxNodes] = useState(1000);
  const graph = useApi<CampaignGraph>(`/campaigns/${encodeURIComponent(id)}/graph`, { maxNodes });
  const open = useCallback((account: string) => (location.hash = href("accounts", account)), []);
  return h(
    "div",
    { class: "card" },
    h("h2", null, "Account graph"),
    h(Loaded, {
      ...graph,
      children: () => {
        const g = graph.data as CampaignGraph;
        return h(
          "div",
          null,
          h(
            "p",
            { class: "muted legend" },
            `${formatCount(g.nodes.length)} of ${formatCount(g.totalAccounts)} accounts${g.truncated ? " (highest scores)" : ""}, ${formatCount(g.edges.length)} links. Edges: `,
            Object.entries(edgeColor).map(([k, col]) =>
              h("span", null, h("i", { class: "dot", style: { background: col } }), k),
            ),
          ),
          g.truncated && maxNodes < 5000
            ? h(
                "button",
                { class: "secondary", onClick: () => setMaxNodes(5000) },
                "Show up to 5,000 accounts",
              )
            : null,
          h(AccountGraph, { graph: g, onSelect: open }),
          h("h3", null, "Most shared values"),
          h(
            "table",
            null,
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                h("th", null, "Kind"),
                h("th", null, "Value"),
                h("th", { class: "num" }, "Accounts"),
              ),
            ),
            h(
              "tbody",
              null,
              g.indicators
                .slice(0, 15)
                .map((s) =>
                  h(
                    "tr",
                    null,
                    h("td", null, s.kind),
                    h("td", { class: "mono" }, s.value),
                    h("td", { class: "num" }, String(s.accounts)),
                  ),
                ),
            ),
          ),
        );
      },
    }),
  );
}

function Accounts({ id }: { id: string }) {
  const [offset, setOffset] = useState(0);
  const page = useApi<Page<AccountVerdict>>(`/campaigns/${encodeURIComponent(id)}/accounts`, {
    limit,
    offset,
  });
  return h(
    "div",
    { class: "card" },
    h("h2", null, "Accounts"),
    h(Loaded, {
      ...page,
      children: () =>
        h(
          "div",
          null,
          h(AccountTable, { rows: page.data?.items ?? [] }),
          h(Pager, { offset, limit, total: page.data?.total ?? 0, onChange: setOffset }),
        ),
    }),
  );
}

/** The campaign page. */
export function CampaignPage({ id, canDecide }: { id: string; canDecide: boolean }) {
  const c = useApi<Campaign>(`/campaigns/${encodeURIComponent(id)}`);
  const [msg, setMsg] = useState<string | undefined>(undefined);
  return h(
    "div",
    null,
    h("h1", null, "Campaign ", h("span", { class: "mono" }, id)),
    h(Loaded, {
      ...c,
      children: () => {
        const d = c.data as Campaign;
        return h(
          "div",
          null,
          h(
            "div",
            { class: "cards" },
            [
              ["score", String(d.score)],
              ["accounts", formatCount(d.accounts.length)],
              ["requests", formatCount(d.requests)],
              ["first seen", formatTime(d.firstSeen)],
              ["last seen", formatTime(d.lastSeen)],
              ["targets", d.targets.join(", ") || "—"],
            ].map(([k, v]) =>
              h("div", { class: "stat" }, h("div", { class: "v" }, v), h("div", { class: "k" }, k)),
            ),
          ),
          h(
            "div",
            { class: "card" },
            h("h2", null, "Why"),
            h(
              "ul",
              { class: "reasons" },
              d.reasons.map((r) => h("li", null, `${r.detail} (${r.signal}, ${r.weight})`)),
            ),
          ),
          canDecide
            ? h(
                "div",
                { class: "card" },
                h("h2", null, "Decide"),
                msg
                  ? h("p", { class: "ok", role: "status" }, msg)
                  : h(DecideForm, { subjectType: "campaign", subject: id, onDone: setMsg }),
              )
            : null,
          h("div", { class: "split" }, h(GraphCard, { id }), h(Indicators, { c: d })),
          h(Accounts, { id }),
        );
      },
    }),
  );
}
