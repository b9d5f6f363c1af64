// Account search: filter by verdict, id substring and minimum score.
import { h } from "preact";
import { useState } from "preact/hooks";
import type { AccountVerdict } from "../../scoring/types.js";
import type { Page } from "../../store/types.js";
import { Loaded, Pager } from "../components/ui.js";
import { useApi } from "../use-api.js";
import { AccountTable } from "./account-table.js";

const limit = 50;

/** The account list page. */
export function AccountsPage() {
  const [verdict, setVerdict] = useState("");
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const list = useApi<Page<AccountVerdict>>("/accounts", { verdict, search, limit, offset, sort: "score" });
  return h(
    "div",
    null,
    h("h1", null, "Accounts"),
    h(
      "div",
      { class: "row" },
      h("input", {
        "aria-label": "search accounts",
        placeholder: "search id",
        value: search,
        onInput: (e: Event) => (setSearch((e.target as HTMLInputElement).value), setOffset(0)),
      }),
      h(
        "select",
        {
          "aria-label": "verdict",
          value: verdict,
          onChange: (e: Event) => (setVerdict((e.target as HTMLSelectElement).value), setOffset(0)),
        },
        ["", "attack", "review", "benign"].map((v) => h("option", { value: v }, v || "any verdict")),
      ),
    ),
    h(Loaded, {
      ...list,
      children: () =>
        h(
          "div",
          null,
          h(AccountTable, { rows: list.data?.items ?? [] }),
          h(Pager, { offset, limit, total: list.data?.total ?? 0, onChange: setOffset }),
        ),
    }),
  );
}
