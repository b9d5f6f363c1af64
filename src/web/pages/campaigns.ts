// Campaign list: paged, sorted, searchable.
import { h } from "preact";
import { useState } from "preact/hooks";
import type { Campaign } from "../../scoring/types.js";
import { Loaded, Pager } from "../components/ui.js";
import { useApi } from "../use-api.js";
import { CampaignTable } from "./overview.js";

type Rows = { items: (Omit<Campaign, "accounts"> & { accountCount: number })[]; total: number };
const limit = 50;

/** The campaign list page. */
export function CampaignsPage() {
  const [sort, setSort] = useState("score");
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const list = useApi<Rows>("/campaigns", { sort, search, limit, offset });
  return h(
    "div",
    null,
    h("h1", null, "Campaigns"),
    h(
      "div",
      { class: "row" },
      h("input", {
        "aria-label": "search campaigns",
        placeholder: "search id",
        value: search,
        onInput: (e: Event) => (setSearch((e.target as HTMLInputElement).value), setOffset(0)),
      }),
      h(
        "select",
        {
          "aria-label": "sort",
          value: sort,
          onChange: (e: Event) => setSort((e.target as HTMLSelectElement).value),
        },
        ["score", "accounts", "requests", "lastSeen"].map((s) => h("option", { value: s }, `sort by ${s}`)),
      ),
    ),
    h(Loaded, {
      ...list,
      children: () =>
        h(
          "div",
          null,
          h(CampaignTable, { rows: list.data?.items ?? [] }),
          h(Pager, { offset, limit, total: list.data?.total ?? 0, onChange: setOffset }),
        ),
    }),
  );
}
