// Sign-in: the analyst pastes an API key; it is checked against /me and kept for the tab.
import { h } from "preact";
import { useState } from "preact/hooks";
import { api, rememberKey } from "../api.js";

/** Who is signed in. */
export interface Me {
  name: string;
  role: "viewer" | "analyst" | "admin";
}

/** The sign-in page. */
export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    try {
      const me = await api<Me>("/me", { key: key.trim() });
      rememberKey(key.trim());
      onSignedIn(me);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return h(
    "div",
    { class: "signin card" },
    h("h1", null, "distillwatch"),
    h("p", { class: "muted" }, "Sign in with an API key. It is kept in this tab only."),
    h(
      "form",
      { onSubmit: submit },
      h("input", {
        type: "password",
        name: "key",
        "aria-label": "API key",
        placeholder: "dw_…",
        autocomplete: "off",
        value: key,
        onInput: (e: Event) => setKey((e.target as HTMLInputElement).value),
      }),
      h("button", { type: "submit" }, "Sign in"),
    ),
    error ? h("p", { class: "error", role: "alert" }, error) : null,
  );
}
