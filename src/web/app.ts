// The dashboard shell: sign-in gate, side navigation, and the page for the current route.
import { h } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, currentKey, forgetKey } from "./api.js";
import { AccountPage } from "./pages/account.js";
import { AccountsPage } from "./pages/accounts.js";
import { AuditPage } from "./pages/audit.js";
import { CampaignPage } from "./pages/campaign.js";
import { CampaignsPage } from "./pages/campaigns.js";
import { KeysPage } from "./pages/keys.js";
import { ListsPage } from "./pages/lists.js";
import { OverviewPage } from "./pages/overview.js";
import { QueuePage } from "./pages/queue.js";
import { SignIn, type Me } from "./pages/sign-in.js";
import { href, useRoute } from "./router.js";

function Page({ route, me }: { route: string[]; me: Me }) {
  const [section, id] = route;
  const canDecide = me.role !== "viewer";
  if (section === "queue") return h(QueuePage, { canDecide });
  if (section === "campaigns" && id) return h(CampaignPage, { id, canDecide, key: id });
  if (section === "campaigns") return h(CampaignsPage, null);
  if (section === "accounts" && id) return h(AccountPage, { id, canDecide, key: id });
  if (section === "accounts") return h(AccountsPage, null);
  if (section === "lists") return h(ListsPage, { canEdit: canDecide });
  if (section === "audit") return h(AuditPage, null);
  if (section === "keys" && me.role === "admin") return h(KeysPage, null);
  return h(OverviewPage, null);
}

/** The whole dashboard. */
export function App() {
  const route = useRoute();
  const [me, setMe] = useState<Me | null | undefined>(currentKey() ? undefined : null);
  useEffect(() => {
    if (me !== undefined) return;
    api<Me>("/me")
      .then(setMe)
      .catch(() => (forgetKey(), setMe(null)));
  }, [me]);
  if (me === undefined) return h("p", { class: "muted" }, "Loading…");
  if (me === null) return h(SignIn, { onSignedIn: setMe });
  const section = route[0] ?? "";
  const link = (to: string, label: string) =>
    h("a", { href: href(...(to ? [to] : [])), class: section === to ? "active" : "" }, label);
  return h(
    "div",
    { class: "shell" },
    h(
      "nav",
      { class: "side" },
      h("div", { class: "brand" }, "distillwatch"),
      link("", "Overview"),
      link("queue", "Review queue"),
      link("campaigns", "Campaigns"),
      link("accounts", "Accounts"),
      link("lists", "Rules & lists"),
      link("audit", "Audit log"),
      me.role === "admin" ? link("keys", "API keys") : null,
      h(
        "div",
        { class: "who" },
        `${me.name} (${me.role}) `,
        h("a", { href: "#/", onClick: () => (forgetKey(), setMe(null)) }, "sign out"),
      ),
    ),
    h("main", null, h(Page, { route, me })),
  );
}
