/** Escapes text for HTML element content and attribute values (attacker-controlled text). */
export function escapeHtml(s: unknown): string {
  return String(s ?? "").replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
