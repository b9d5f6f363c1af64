// Small shared view pieces: verdict badges, loading/error states, a pager.
import { h, type ComponentChildren } from "preact";

/** A coloured badge for a verdict or case status; the label is a text node. */
export function Badge({ kind }: { kind: string }) {
  return h("span", { class: `badge ${kind}` }, kind);
}

/** Renders the error, a loading line, or the children once loaded. */
export function Loaded({
  error,
  loading,
  children,
}: {
  error: string | undefined;
  loading: boolean;
  children: () => ComponentChildren;
}) {
  if (error) return h("p", { class: "error", role: "alert" }, error);
  if (loading) return h("p", { class: "muted" }, "Loading…");
  return h("div", null, children());
}

/** Previous/next paging over `total` items. */
export function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const to = Math.min(offset + limit, total);
  return h(
    "div",
    { class: "pager" },
    h(
      "button",
      { class: "secondary", disabled: offset === 0, onClick: () => onChange(Math.max(0, offset - limit)) },
      "‹ Prev",
    ),
    h(
      "span",
      { class: "muted" },
      total === 0 ? "none" : `${offset + 1}–${to} of ${total.toLocaleString("en-US")}`,
    ),
    h(
      "button",
      { class: "secondary", disabled: to >= total, onClick: () => onChange(offset + limit) },
      "Next ›",
    ),
  );
}
