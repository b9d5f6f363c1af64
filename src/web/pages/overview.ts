// Overview: headline counts, traffic and flagged share over time, the most active campaigns.
import { h } from "preact";
import { useMemo } from "preact/hooks";
import type { Campaign } from "../../scoring/types.js";
import { Loaded } from "../components/ui.js";
import { TimeChart, type ChartSeries } from "../components/time-chart.js";
import { formatCount, formatTime } from "../format.js";
import { href } from "../router.js";
import { useApi } from "../use-api.js";

type CampaignRow = Omit<Campaign, "accounts"> & { accountCount: number };

interface Overview {
  exchanges: number;
  accounts: { total: number; attack: number; review: number };
  campaigns: { total: number; top: CampaignRow[] };
  openCases: number;
}

/** A table of campaign rows linking to each campaign's page. */
export function CampaignTable({ rows }: { rows: CampaignRow[] }) {
  return h(
    "table",
    { "data-testid": "campaign-table" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", null, "Campaign"),
        h("th", { class: "num" }, "Score"),
        h("th", { class: "num" }, "Accounts"),
        h("th", { class: "num" }, "Requests"),
        h("th", null, "Targets"),
        h("th", null, "Last seen"),
      ),
    ),
    h(
      "tbody",
      null,
      rows.map((c) =>
        h(
          "tr",
          { key: c.campaign },
          h("td", null, h("a", { href: href("campaigns", c.campaign) }, c.campaign)),
          h("td", { class: "num" }, String(c.score)),
          h("td", { class: "num" }, formatCount(c.accountCount)),
          h("td", { class: "num" }, formatCount(c.requests)),
          h("td", null, c.targets.join(", ")),
          h("td", null, formatTime(c.lastSeen)),
        ),
      ),
    ),
  );
}

function TrafficChart() {
  const traffic = useApi<{ items: { t: number; total: number; flagged: number }[] }>("/traffic", {
    bucketMs: 3_600_000,
  });
  const chart = useMemo(() => {
    const items = traffic.data?.items ?? [];
    const series: ChartSeries[] = [
      { label: "exchanges / h", color: "#2f5bd3", values: items.map((i) => i.total) },
      { label: "flagged / h", color: "#c62828", values: items.map((i) => i.flagged) },
      {
        label: "flagged share %",
        color: "#b26a00",
        values: items.map((i) => (i.total ? Math.round((1000 * i.flagged) / i.total) / 10 : null)),
        right: true,
      },
    ];
    return { times: items.map((i) => i.t), series };
  }, [traffic.data]);
  return h(Loaded, {
    ...traffic,
    children: () =>
      chart.times.length ? h(TimeChart, chart) : h("p", { class: "muted" }, "No traffic yet."),
  });
}

/** The overview page. */
export function OverviewPage() {
  const o = useApi<Overview>("/overview");
  return h(
    "div",
    null,
    h("h1", null, "Overview"),
    h(Loaded, {
      ...o,
      children: () => {
        const d = o.data as Overview;
        const stat = (k: string, v: number, link?: string) =>
          h(
            "div",
            { class: "stat" },
            h("div", { class: "v" }, link ? h("a", { href: link }, formatCount(v)) : formatCount(v)),
            h("div", { class: "k" }, k),
          );
        return h(
          "div",
          null,
          h(
            "div",
            { class: "cards" },
            stat("exchanges", d.exchanges),
            stat("accounts", d.accounts.total),
            stat("attack accounts", d.accounts.attack, href("accounts")),
            stat("under review", d.accounts.review),
            stat("campaigns", d.campaigns.total, href("campaigns")),
            stat("open cases", d.openCases, href("queue")),
          ),
          h("div", { class: "card" }, h("h2", null, "Traffic and flagged share"), h(TrafficChart, null)),
          h(
            "div",
            { class: "card" },
            h("h2", null, "Most active campaigns"),
            h(CampaignTable, { rows: d.campaigns.top }),
          ),
        );
      },
    }),
  );
}
