// The look shared by the dashboard and the HTML report: one stylesheet as a string, so the
// report writer can inline it (no network access in a report) and the dashboard injects it.

/** Base styles both the dashboard and the report use: palette, type, tables, badges, cards. */
export const sharedCss = `
:root {
  --bg: #f6f7f9; --panel: #ffffff; --ink: #1d2330; --muted: #5d6678; --line: #dde1e8;
  --accent: #2f5bd3; --attack: #c62828; --review: #b26a00; --benign: #2e7d32;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
h1 { font-size: 20px; margin: 0 0 12px; } h2 { font-size: 16px; margin: 20px 0 8px; } h3 { font-size: 14px; margin: 14px 0 6px; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
code, .mono { font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin-bottom: 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin-bottom: 14px; }
.stat { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.stat .v { font-size: 22px; font-weight: 600; } .stat .k { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
table { width: 100%; border-collapse: collapse; background: var(--panel); }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: var(--muted); }
.badge.attack { background: var(--attack); } .badge.review { background: var(--review); } .badge.benign { background: var(--benign); }
.badge.open { background: var(--accent); } .badge.decided { background: var(--benign); } .badge.dismissed { background: var(--muted); }
.muted { color: var(--muted); }
.reasons li { margin: 2px 0; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; } .chip { font-family: var(--mono); font-size: 12px; background: #eef1f6; border: 1px solid var(--line); border-radius: 4px; padding: 1px 6px; overflow-wrap: anywhere; }
`;

/** Dashboard-only layout on top of the shared styles: shell, navigation, forms, graph. */
export const dashboardCss = `
.shell { display: grid; grid-template-columns: 200px 1fr; min-height: 100vh; }
nav.side { background: #1d2330; color: #cfd6e4; padding: 16px 0; }
nav.side .brand { font-weight: 700; color: #fff; padding: 0 16px 14px; font-size: 16px; }
nav.side a { display: block; color: #cfd6e4; padding: 7px 16px; } nav.side a.active { background: #2c3446; color: #fff; text-decoration: none; }
nav.side .who { padding: 14px 16px; font-size: 12px; color: #8f9ab0; }
main { padding: 20px 24px; min-width: 0; }
button, select, input, textarea { font: inherit; padding: 5px 9px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
button { cursor: pointer; background: var(--accent); color: #fff; border-color: var(--accent); } button.secondary { background: #fff; color: var(--ink); border-color: var(--line); }
button.danger { background: var(--attack); border-color: var(--attack); } button:disabled { opacity: .5; cursor: default; }
form.row, .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
.error { color: var(--attack); margin: 8px 0; } .ok { color: var(--benign); margin: 8px 0; }
.signin { max-width: 380px; margin: 12vh auto; } .signin input { width: 100%; margin: 8px 0; }
.graph { height: 520px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.split { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 14px; }
.pager { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
.sample { border-left: 3px solid var(--line); padding: 4px 10px; margin: 8px 0; white-space: pre-wrap; overflow-wrap: anywhere; font-family: var(--mono); font-size: 12.5px; }
.legend span { margin-right: 12px; font-size: 12px; } .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; vertical-align: middle; }
`;
