// The account graph of one campaign: nodes are its accounts (score, verdict), edges join
// accounts that share an indicator seen in their recent exchanges (IP /24 or /48 prefix, ASN,
// payment fingerprint, template, user agent). A value shared by k accounts would make k²/2
// edges, so members are chained in score order instead — same connected component, linear size.
import type { AccountVerdict, Campaign } from "../scoring/types.js";
import type { ExchangeRow, Store } from "../store/types.js";

export type IndicatorKind = "ip" | "asn" | "payment" | "template" | "userAgent";

/** Most specific first: a shared payment instrument says more than a shared cloud ASN, so it
 *  decides an account's layout group and an edge's colour. */
const specificity: IndicatorKind[] = ["payment", "ip", "template", "userAgent", "asn"];
const rankOf = (k: IndicatorKind) => specificity.indexOf(k);

/** One account in the graph; `group` is its most specific shared indicator, for grouped layouts. */
export interface GraphNode {
  id: string;
  score: number;
  verdict: AccountVerdict["verdict"];
  requests: number;
  group: string | null;
}

/** Accounts `source` and `target` share the indicators in `kinds`. */
export interface GraphEdge {
  source: string;
  target: string;
  kinds: IndicatorKind[];
}

/** One shared value and how many graph accounts carry it. */
export interface SharedIndicator {
  kind: IndicatorKind;
  value: string;
  accounts: number;
}

/** Graph payload for the campaign page. */
export interface CampaignGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  indicators: SharedIndicator[];
  totalAccounts: number;
  truncated: boolean;
}

/** The /24 (IPv4) or /48 (IPv6) prefix of an address, the granularity campaigns rotate within. */
export function ipPrefix(ip: string): string {
  if (ip.includes(":")) return `${ip.split(":").slice(0, 3).join(":")}::/48`;
  const parts = ip.split(".");
  return parts.length === 4 ? `${parts.slice(0, 3).join(".")}.0/24` : ip;
}

function indicatorsOf(rows: ExchangeRow[]): Set<string> {
  const out = new Set<string>();
  for (const r of rows) {
    if (r.ip) out.add(`ip\u0000${ipPrefix(r.ip)}`);
    if (r.asn !== undefined) out.add(`asn\u0000${r.asn}`);
    if (r.payment) out.add(`payment\u0000${r.payment}`);
    if (r.template) out.add(`template\u0000${r.template}`);
    if (r.userAgent) out.add(`userAgent\u0000${r.userAgent}`);
  }
  return out;
}

/** Options: at most `maxNodes` accounts (highest score first), `perAccount` recent exchanges each. */
export interface GraphOptions {
  maxNodes: number;
  perAccount: number;
}

/** Builds the campaign's account graph from the store. */
export async function buildCampaignGraph(
  store: Store,
  campaign: Campaign,
  opts: GraphOptions,
): Promise<CampaignGraph> {
  const page = await store.listAccounts({
    campaign: campaign.campaign,
    sort: "score",
    limit: opts.maxNodes,
    offset: 0,
  });
  const totalAccounts = Math.max(page.total, campaign.accounts.length);
  const members = new Map<string, string[]>();
  const rows = await Promise.all(
    page.items.map((a) => store.listExchanges({ account: a.account, limit: opts.perAccount })),
  );
  page.items.forEach((a, i) => {
    for (const ind of indicatorsOf(rows[i] ?? [])) {
      let list = members.get(ind);
      if (!list) members.set(ind, (list = []));
      list.push(a.account);
    }
  });
  const edges = new Map<string, GraphEdge>();
  const indicators: SharedIndicator[] = [];
  const group = new Map<string, { key: string; rank: number; size: number }>();
  for (const [ind, accts] of members) {
    if (accts.length < 2) continue;
    const [kind, value] = ind.split("\u0000") as [IndicatorKind, string];
    indicators.push({ kind, value, accounts: accts.length });
    for (let i = 0; i < accts.length; i++) {
      const a = accts[i] as string;
      const g = group.get(a);
      const rank = rankOf(kind);
      if (!g || rank < g.rank || (rank === g.rank && g.size < accts.length))
        group.set(a, { key: `${kind}:${value}`, rank, size: accts.length });
      if (i === 0) continue;
      const prev = accts[i - 1] as string;
      const k = `${prev}\u0000${a}`;
      const e = edges.get(k);
      if (e) {
        if (!e.kinds.includes(kind)) {
          e.kinds.push(kind);
          e.kinds.sort((x, y) => rankOf(x) - rankOf(y));
        }
      } else edges.set(k, { source: prev, target: a, kinds: [kind] });
    }
  }
  indicators.sort((x, y) => y.accounts - x.accounts || x.kind.localeCompare(y.kind));
  const nodes = page.items.map((a) => ({
    id: a.account,
    score: a.score,
    verdict: a.verdict,
    requests: a.requests,
    group: group.get(a.account)?.key ?? null,
  }));
  return {
    nodes,
    edges: [...edges.values()],
    indicators: indicators.slice(0, 200),
    totalAccounts,
    truncated: page.items.length < totalAccounts,
  };
}
