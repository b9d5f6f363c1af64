// The self-contained HTML report of an analysis: no scripts, no network; every piece of
// attacker-controlled text (prompts, account ids, user agents) is escaped.
import { writeFile } from "node:fs/promises";
import type { AnalyzeSummary } from "./summary.js";
import type { Campaign } from "../scoring/index.js";
import type { Store } from "../store/index.js";
import { trafficChart } from "./chart.js";
import { escapeHtml as e } from "./escape.js";
import { reportCss } from "./style.js";

export { escapeHtml } from "./escape.js";
export { reportCss } from "./style.js";
export { buildSummary, writeSummary, type AnalyzeSummary } from "./summary.js";

const iso = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 19);

async function campaignSection(c: Campaign, store: Store): Promise<string> {
  const accounts = await store.listAccounts({ campaign: c.campaign, sort: "score", limit: 25, offset: 0 });
  const top = accounts.items[0];
  const samples = top ? await store.listSamples(top.account, 3) : [];
  const ind = c.indicators;
  const row = (k: string, v: (string | number)[]) =>
    v.length ? `<tr><th>${k}</th><td>${v.map((x) => `<code>${e(x)}</code>`).join(" ")}</td></tr>` : "";
  return `<section id="campaign-${e(c.campaign)}"><h2>Campaign ${e(c.campaign)} <span class="pill attack">score ${c.score}</span></h2>
<p>${c.accounts.length} accounts, ${c.requests} requests, ${e(iso(c.firstSeen))} – ${e(iso(c.lastSeen))}. Harvests: ${c.targets.map((t) => `<b>${e(t)}</b>`).join(", ") || "—"}.</p>
<h3>Why</h3><ul class=reasons>${c.reasons.map((r) => `<li>${e(r.detail)} <span class=muted>(${e(r.signal)}, ${r.weight})</span></li>`).join("")}</ul>
<h3>Shared indicators</h3><table>${row("IP blocks", ind.ipPrefixes)}${row("ASNs", ind.asns)}${row("Payment", ind.payments)}${row("User agents", ind.userAgents)}${row("Templates", ind.templates)}${row("E-mail domains", ind.emailDomains)}${row("Timing", ind.timing)}</table>
<h3>Accounts (top ${accounts.items.length} of ${accounts.total})</h3><table><tr><th>account</th><th>score</th><th>verdict</th><th>requests</th><th>first flagged</th></tr>
${accounts.items.map((a) => `<tr><td><code>${e(a.account)}</code></td><td>${a.score}</td><td><span class="pill ${a.verdict}">${a.verdict}</span></td><td>${a.requests}</td><td>${a.firstFlaggedAt ? e(iso(a.firstFlaggedAt)) : "—"}</td></tr>`).join("")}</table>
${samples.length ? `<details><summary>Sample prompts of ${e(top!.account)}</summary>${samples.map((s) => `<pre class=sample>${s.system ? `[system] ${e(s.system)}\n\n` : ""}${e(s.prompt)}</pre>`).join("")}</details>` : ""}
</section>`;
}

/** Writes report.html for an analysis. */
export async function writeReport(
  path: string,
  x: { summary: AnalyzeSummary; campaigns: Campaign[]; store: Store },
): Promise<void> {
  const s = x.summary;
  const series = await x.store.trafficSeries(3_600_000);
  const flagged = await x.store.listAccounts({ verdict: "attack", sort: "score", limit: 50, offset: 0 });
  const review = await x.store.listAccounts({ verdict: "review", sort: "score", limit: 50, offset: 0 });
  const campaigns = await Promise.all(x.campaigns.slice(0, 20).map((c) => campaignSection(c, x.store)));
  const acctRows = (items: typeof flagged.items) =>
    items
      .map(
        (a) =>
          `<tr><td><code>${e(a.account)}</code></td><td>${a.score}</td><td>${a.campaign ? e(a.campaign) : "—"}</td><td>${a.requests}</td><td><ul class=reasons>${a.reasons
            .slice(0, 3)
            .map((r) => `<li>${e(r.detail)}</li>`)
            .join("")}</ul></td></tr>`,
      )
      .join("");
  const html = `<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>distillwatch report</title><style>${reportCss}</style></head><body>
<header><h1>distillwatch</h1><span class=muted>analysis of ${e(s.files.join(", "))} · ${e(s.last_event ?? "")}</span></header><main>
<section><h2>Overview</h2><div class=cards>
<div class=card><b>${s.events.exchanges.toLocaleString("en")}</b>exchanges</div>
<div class=card><b>${s.accounts.total.toLocaleString("en")}</b>accounts</div>
<div class=card><b>${s.campaigns.total}</b>campaigns</div>
<div class=card><b>${s.accounts.attack}</b>accounts flagged attack</div>
<div class=card><b>${s.accounts.review}</b>accounts to review</div>
<div class=card><b>${s.events.rejected}</b>rejected lines</div></div>
<h3>Traffic per hour</h3>${trafficChart(series)}</section>
<section><h2>Campaigns</h2>${x.campaigns.length ? `<table><tr><th>campaign</th><th>score</th><th>accounts</th><th>requests</th><th>targets</th><th>strongest reason</th></tr>${x.campaigns.map((c) => `<tr><td><a href="#campaign-${e(c.campaign)}">${e(c.campaign)}</a></td><td>${c.score}</td><td>${c.accounts.length}</td><td>${c.requests}</td><td>${e(c.targets.join(", "))}</td><td>${e(c.reasons[0]?.detail ?? "")}</td></tr>`).join("")}</table>` : "<p class=muted>No campaign found.</p>"}</section>
${campaigns.join("\n")}
<section><h2>Accounts flagged attack (top ${flagged.items.length} of ${flagged.total})</h2><table><tr><th>account</th><th>score</th><th>campaign</th><th>requests</th><th>reasons</th></tr>${acctRows(flagged.items)}</table></section>
<section><h2>Accounts to review (top ${review.items.length} of ${review.total})</h2><table><tr><th>account</th><th>score</th><th>campaign</th><th>requests</th><th>reasons</th></tr>${acctRows(review.items)}</table></section>
<section><h2>Run</h2><pre class=sample>${e(JSON.stringify(s, null, 2))}</pre></section>
</main></body></html>`;
  await writeFile(path, html);
}
