/** The report's stylesheet (inlined; the dashboard uses the same palette and layout). */
export const reportCss = `
:root{--bg:#0f1419;--panel:#171d24;--ink:#e6edf3;--muted:#8b98a5;--accent:#4aa3ff;--bad:#ff5d5d;--warn:#f2b84b;--ok:#3fb950;--line:#2a333d}
a{color:var(--accent)}*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:var(--bg);color:var(--ink)}
header{padding:18px 28px;border-bottom:1px solid var(--line);display:flex;gap:16px;align-items:baseline}header h1{font-size:20px;margin:0}
main{padding:20px 28px;max-width:1300px}section{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin:0 0 18px}
h2{font-size:16px;margin:0 0 12px}h3{font-size:14px;margin:14px 0 6px}.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px}.card{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:10px 12px}.card b{display:block;font-size:22px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{color:var(--muted);font-weight:600}
.pill{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px}.attack{background:#5a1d1d;color:#ffb3b3}.review{background:#4d3b12;color:#ffe0a3}.benign{background:#173d23;color:#b6f0c4}
.chart{width:100%;height:auto}.area-total{fill:#4aa3ff55;stroke:#4aa3ff}.area-flagged{fill:#ff5d5d88;stroke:#ff5d5d}.axis{fill:var(--muted);font-size:11px}
.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}.sw-total{background:#4aa3ff}.sw-flagged{background:#ff5d5d}
pre.sample{white-space:pre-wrap;word-break:break-word;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px;max-height:220px;overflow:auto;font-size:12px}
ul.reasons{margin:4px 0;padding-left:18px}code{font-size:12px}details summary{cursor:pointer}
`;
