// Deciding a case or a subject: an action and a reason from the taxonomy, plus a note.
// Confirming a campaign puts its indicators on block lists; the form says so before submit.
import { h } from "preact";
import { useState } from "preact/hooks";
import { api } from "../api.js";
import { useApi } from "../use-api.js";

type Taxonomy = Record<"attack" | "benign" | "undecided", string[]>;

const actions = [
  { value: "confirm", label: "Confirm attack (block indicators)", group: "attack" },
  { value: "block", label: "Block", group: "attack" },
  { value: "throttle", label: "Throttle", group: "attack" },
  { value: "degrade", label: "Degrade (withhold reasoning)", group: "attack" },
  { value: "false-positive", label: "False positive (allow)", group: "benign" },
  { value: "allow", label: "Allow", group: "benign" },
  { value: "review", label: "Keep under review", group: "undecided" },
] as const;

/** The decision form; posts to the case's decide route when `caseId` is given. */
export function DecideForm({
  subjectType,
  subject,
  caseId,
  onDone,
}: {
  subjectType: "account" | "campaign";
  subject: string;
  caseId?: string;
  onDone: (msg: string) => void;
}) {
  const taxonomy = useApi<Taxonomy>("/decisions/reasons");
  const [action, setAction] = useState<string>("confirm");
  const [reason, setReason] = useState<string>("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const group = actions.find((a) => a.value === action)?.group ?? "undecided";
  const reasons = taxonomy.data?.[group] ?? [];
  const chosen = reasons.includes(reason) ? reason : (reasons[0] ?? "");
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = { action, reason: chosen, ...(note ? { note } : {}) };
      const out = caseId
        ? await api<{ lists: { added: number } }>(`/cases/${encodeURIComponent(caseId)}/decide`, {
            method: "POST",
            body,
          })
        : await api<{ lists: { added: number } }>("/decisions", {
            method: "POST",
            body: { ...body, subjectType, subject },
          });
      onDone(`Decided: ${action} (${chosen}); ${out.lists.added} list entries added.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const dismiss = async () => {
    if (!caseId) return;
    setBusy(true);
    try {
      await api(`/cases/${encodeURIComponent(caseId)}/dismiss`, {
        method: "POST",
        body: { reason: chosen, ...(note ? { note } : {}) },
      });
      onDone("Case dismissed.");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return h(
    "form",
    { class: "row", onSubmit: submit, "data-testid": "decide-form" },
    h(
      "select",
      {
        "aria-label": "action",
        value: action,
        onChange: (e: Event) => setAction((e.target as HTMLSelectElement).value),
      },
      actions.map((a) => h("option", { value: a.value }, a.label)),
    ),
    h(
      "select",
      {
        "aria-label": "reason",
        value: chosen,
        onChange: (e: Event) => setReason((e.target as HTMLSelectElement).value),
      },
      reasons.map((r) => h("option", { value: r }, r)),
    ),
    h("input", {
      "aria-label": "note",
      placeholder: "note (optional)",
      value: note,
      onInput: (e: Event) => setNote((e.target as HTMLInputElement).value),
    }),
    h("button", { type: "submit", disabled: busy || !chosen }, "Decide"),
    caseId
      ? h(
          "button",
          { type: "button", class: "secondary", disabled: busy || !chosen, onClick: dismiss },
          "Dismiss",
        )
      : null,
    error ? h("span", { class: "error", role: "alert" }, error) : null,
  );
}
