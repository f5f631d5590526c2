import type { RunSummary } from "../runs/list-runs.js";
import type { FunctionsStatus } from "./status.js";

const STATUSES = ["queued", "running", "completed", "failed", "cancelled"];

const STYLE = `
  :root { color-scheme: light dark; --muted: #6b7280; --line: #e5e7eb; }
  @media (prefers-color-scheme: dark) { :root { --line: #27272a; --muted: #a1a1aa; } }
  body { font: 14px/1.45 ui-sans-serif, system-ui, sans-serif; margin: 0; padding: 24px 32px; }
  h1 { font-size: 18px; margin: 0 0 4px; } p.sub { color: var(--muted); margin: 0 0 16px; }
  nav a { margin-right: 12px; color: inherit; } nav a.on { font-weight: 600; text-decoration: none; }
  table { border-collapse: collapse; width: 100%; margin-top: 12px; }
  th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { font-weight: 500; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
  td.num { font-variant-numeric: tabular-nums; } code { font-size: 12px; }
  .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; background: #e5e7eb33; }
  .completed { color: #16a34a; } .failed { color: #dc2626; } .running { color: #2563eb; } .cancelled, .queued { color: var(--muted); }
  .error { color: #dc2626; max-width: 460px; } .warn { border: 1px solid #dc2626; padding: 8px 12px; border-radius: 6px; margin: 12px 0; }
  .empty { color: var(--muted); padding: 24px 0; }`;

/** The dashboard at `/`: recent runs with status, attempts, steps and errors, plus rejected configs. */
export function renderRunsPage(runs: RunSummary[], status: FunctionsStatus, filter: { functionId?: string; status?: string }): string {
  const nav = ["all", ...STATUSES]
    .map((name) => {
      const active = (filter.status ?? "all") === name;
      const href = name === "all" ? "/" : `/?status=${name}`;
      return `<a href="${href}" class="${active ? "on" : ""}">${name}</a>`;
    })
    .join("");
  const warnings = status.syncErrors
    .map((error) => `<div class="warn">Function <code>${escape(error.functionId)}</code> not registered: <code>${escape(error.field)}</code> — ${escape(error.message)}</div>`)
    .join("");
  const rows = runs.map(renderRow).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Inngest executor · runs</title><style>${STYLE}</style></head>
<body><h1>Runs</h1><p class="sub">${status.functions.length} functions registered · newest first · refreshes every 5 s</p>
${warnings}<nav>${nav}</nav>
${runs.length === 0 ? `<p class="empty">No runs yet. Send an event to <code>/e/&lt;event key&gt;</code> to start one.</p>` : `<table><thead><tr>
<th>Run</th><th>Function</th><th>Trigger</th><th>Status</th><th>Attempts</th><th>Steps</th><th>Started</th><th>Duration</th><th>Error</th>
</tr></thead><tbody>${rows}</tbody></table>`}</body></html>`;
}

function renderRow(run: RunSummary): string {
  const error = run.error && typeof run.error === "object" && "message" in run.error ? String(run.error.message) : "";
  const duration = run.startedAt && run.endedAt ? formatDuration(Date.parse(run.endedAt) - Date.parse(run.startedAt)) : "";
  return `<tr><td><a href="/v1/runs/${encodeURIComponent(run.id)}"><code>${escape(run.id)}</code></a></td>
<td>${escape(run.functionId)}</td><td><code>${escape(run.eventName)}</code></td>
<td><span class="badge ${escape(run.status)}">${escape(run.status)}</span></td>
<td class="num">${run.attempts}</td><td class="num">${run.stepCount}</td>
<td title="${escape(run.startedAt ?? run.createdAt)}">${escape(formatAgo(run.startedAt ?? run.createdAt))}</td>
<td class="num">${duration}</td><td class="error">${escape(error)}</td></tr>`;
}

function formatAgo(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toISOString().slice(0, 16).replace("T", " ");
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)}m ${String(Math.round((ms % 60_000) / 1000)).padStart(2, "0")}s`;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
