// API keys (admin): create a key with a role (its secret is shown once), revoke keys.
import { h } from "preact";
import { useState } from "preact/hooks";
import type { ApiKeyRecord } from "../../store/types.js";
import { api } from "../api.js";
import { Loaded } from "../components/ui.js";
import { formatTime } from "../format.js";
import { useApi } from "../use-api.js";

/** The API-keys page. */
export function KeysPage() {
  const keys = useApi<{ items: Omit<ApiKeyRecord, "hash">[] }>("/keys");
  const [name, setName] = useState("");
  const [role, setRole] = useState("analyst");
  const [created, setCreated] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const create = async (ev: Event) => {
    ev.preventDefault();
    try {
      const out = await api<{ key: string }>("/keys", { method: "POST", body: { name, role } });
      setCreated(out.key);
      setName("");
      setError(undefined);
      keys.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const revoke = async (id: string) => {
    await api(`/keys/${encodeURIComponent(id)}`, { method: "DELETE" });
    keys.reload();
  };
  return h(
    "div",
    null,
    h("h1", null, "API keys"),
    h(
      "form",
      { class: "row card", onSubmit: create },
      h("input", {
        "aria-label": "key name",
        placeholder: "name",
        value: name,
        onInput: (e: Event) => setName((e.target as HTMLInputElement).value),
      }),
      h(
        "select",
        {
          "aria-label": "role",
          value: role,
          onChange: (e: Event) => setRole((e.target as HTMLSelectElement).value),
        },
        ["viewer", "analyst", "admin"].map((r) => h("option", { value: r }, r)),
      ),
      h("button", { type: "submit", disabled: !name.trim() }, "Create key"),
      error ? h("span", { class: "error" }, error) : null,
    ),
    created ? h("p", { class: "ok" }, "New key (shown once): ", h("code", null, created)) : null,
    h(Loaded, {
      ...keys,
      children: () =>
        h(
          "table",
          null,
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              ["Name", "Role", "Created", "Revoked", ""].map((x) => h("th", null, x)),
            ),
          ),
          h(
            "tbody",
            null,
            (keys.data?.items ?? []).map((k) =>
              h(
                "tr",
                { key: k.id },
                h("td", null, k.name),
                h("td", null, k.role),
                h("td", null, formatTime(k.createdAt)),
                h("td", null, formatTime(k.revokedAt)),
                h(
                  "td",
                  null,
                  k.revokedAt === undefined
                    ? h("button", { class: "danger", onClick: () => void revoke(k.id) }, "Revoke")
                    : null,
                ),
              ),
            ),
          ),
        ),
    }),
  );
}
