// A table of account verdicts linking to each account's page.
import { h } from "preact";
import type { AccountVerdict } from "../../scoring/types.js";
import { Badge } from "../components/ui.js";
import { formatCount, formatTime } from "../format.js";
import { href } from "../router.js";

/** Account rows: id, verdict, score, campaign, requests, last seen. */
export function AccountTable({ rows }: { rows: AccountVerdict[] }) {
  return h(
    "table",
    { "data-testid": "account-table" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", null, "Account"),
        h("th", null, "Verdict"),
        h("th", { class: "num" }, "Score"),
        h("th", null, "Campaign"),
        h("th", { class: "num" }, "Requests"),
        h("th", null, "Last seen"),
      ),
    ),
    h(
      "tbody",
      null,
      rows.map((a) =>
        h(
          "tr",
          { key: a.account },
          h("td", { class: "mono" }, h("a", { href: href("accounts", a.account) }, a.account)),
          h("td", null, h(Badge, { kind: a.verdict })),
          h("td", { class: "num" }, String(a.score)),
          h("td", null, a.campaign ? h("a", { href: href("campaigns", a.campaign) }, a.campaign) : "—"),
          h("td", { class: "num" }, formatCount(a.requests)),
          h("td", null, formatTime(a.lastSeen)),
        ),
      ),
    ),
  );
}
