// Rules and lists: the policy rules in force (read-only, from the config file) and the typed
// allow/block lists, which analysts edit here.
import { h } from "preact";
import { useState } from "preact/hooks";
import type { ListEntry } from "../../store/types.js";
import { api } from "../api.js";
import { Badge, Loaded } from "../components/ui.js";
import { formatTime } from "../format.js";
import { useApi } from "../use-api.js";

const types = ["account", "key", "ip", "asn", "payment", "template"];

function AddEntry({ onAdded }: { onAdded: () => void }) {
  const [list, setList] = useState("block");
  const [type, setType] = useState("ip");
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    try {
      await api("/lists", { method: "POST", body: { list, type, value, ...(note ? { note } : {}) } });
      setValue("");
      setNote("");
      setError(undefined);
      onAdded();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const sel = (label: string, v: string, set: (s: string) => void, options: string[]) =>
    h(
      "select",
      { "aria-label": label, value: v, onChange: (e: Event) => set((e.target as HTMLSelectElement).value) },
      options.map((o) => h("option", { value: o }, o)),
    );
  return h(
    "form",
    { class: "row", onSubmit: submit },
    sel("list", list, setList, ["block", "allow"]),
    sel("type", type, setType, types),
    h("input", {
      "aria-label": "value",
      placeholder: "value (IP or CIDR, ASN, id…)",
      value,
      onInput: (e: Event) => setValue((e.target as HTMLInputElement).value),
    }),
    h("input", {
      "aria-label": "note",
      placeholder: "note",
      value: note,
      onInput: (e: Event) => setNote((e.target as HTMLInputElement).value),
    }),
    h("button", { type: "submit", disabled: !value.trim() }, "Add"),
    error ? h("span", { class: "error", role: "alert" }, error) : null,
  );
}

function Rules() {
  const r = useApi<{ rules: { name: string; when: unknown; action: { type: string } }[]; failMode: string }>(
    "/rules",
  );
  return h(Loaded, {
    ...r,
    children: () =>
      h(
        "div",
        null,
        h(
          "p",
          { class: "muted" },
          `Rules come from the configuration file, first match wins; fail mode: ${r.data?.failMode ?? ""}.`,
        ),
        h(
          "table",
          null,
          h(
            "thead",
            null,
            h("tr", null, h("th", null, "Rule"), h("th", null, "When"), h("th", null, "Action")),
          ),
          h(
            "tbody",
            null,
            (r.data?.rules ?? []).map((x) =>
              h(
                "tr",
                null,
                h("td", null, x.name),
                h("td", { class: "mono" }, JSON.stringify(x.when)),
                h("td", { class: "mono" }, JSON.stringify(x.action)),
              ),
            ),
          ),
        ),
      ),
  });
}

/** The rules-and-lists page. */
export function ListsPage({ canEdit }: { canEdit: boolean }) {
  const [filter, setFilter] = useState("");
  const entries = useApi<{ items: ListEntry[] }>("/lists", { list: filter });
  const remove = async (id: string) => {
    await api(`/lists/${encodeURIComponent(id)}`, { method: "DELETE" });
    entries.reload();
  };
  return h(
    "div",
    null,
    h("h1", null, "Rules and lists"),
    h("div", { class: "card" }, h("h2", null, "Policy rules"), h(Rules, null)),
    h(
      "div",
      { class: "card" },
      h("h2", null, "Allow and block lists"),
      canEdit ? h(AddEntry, { onAdded: entries.reload }) : null,
      h(
        "div",
        { class: "row" },
        ["", "block", "allow"].map((f) =>
          h("button", { class: f === filter ? "" : "secondary", onClick: () => setFilter(f) }, f || "all"),
        ),
      ),
      h(Loaded, {
        ...entries,
        children: () =>
          h(
            "table",
            { "data-testid": "list-entries" },
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                ["List", "Type", "Value", "Note", "By", "Added", ""].map((x) => h("th", null, x)),
              ),
            ),
            h(
              "tbody",
              null,
              (entries.data?.items ?? [])
                .slice(0, 1000)
                .map((e) =>
                  h(
                    "tr",
                    { key: e.id },
                    h("td", null, h(Badge, { kind: e.list === "block" ? "attack" : "benign" })),
                    h("td", null, e.type),
                    h("td", { class: "mono" }, e.value),
                    h("td", null, e.note ?? ""),
                    h("td", null, e.createdBy ?? ""),
                    h("td", null, formatTime(e.createdAt)),
                    h(
                      "td",
                      null,
                      canEdit
                        ? h("button", { class: "secondary", onClick: () => void remove(e.id) }, "Remove")
                        : null,
                    ),
                  ),
                ),
            ),
          ),
      }),
    ),
  );
}
