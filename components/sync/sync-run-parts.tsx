import { Badge } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatCount, formatDuration } from "@/lib/format";
import type { SyncRunView } from "@/lib/sync/sync-run-view";

/** The pieces of a sync run shown by Sync activity, a run's page and the first sync after connecting. */

export const RUN_KIND_LABELS: Record<SyncRunView["kind"], string> = {
  backfill: "Backfill",
  scheduled: "Scheduled",
  manual: "Manual",
  single_call: "Single call",
  resync: "Resync",
  delete: "Delete",
  purge: "Purge",
};

const STATUS_TONES = { queued: "neutral", running: "accent", succeeded: "success", failed: "danger", cancelled: "warning" } as const;

export function RunStatusBadge({ status }: { status: SyncRunView["status"] }) {
  return <Badge tone={STATUS_TONES[status]}>{status}</Badge>;
}

export function RunProgress({ run }: { run: SyncRunView }) {
  const total = run.callsTotal ?? 0;
  const done = run.status === "succeeded";
  return (
    <div className="space-y-1">
      <ProgressBar
        value={done ? 1 : run.calls}
        max={done ? 1 : Math.max(total, run.calls, 1)}
        label={`${RUN_KIND_LABELS[run.kind]} progress`}
        tone={run.status === "failed" ? "danger" : run.status === "cancelled" ? "warning" : "accent"}
      />
      <p className="text-xs text-muted-foreground">
        {run.workspacesTotal > 0 ? `${run.workspacesDone}/${run.workspacesTotal} workspaces · ` : ""}
        {formatCount(run.pages)} {run.pages === 1 ? "page" : "pages"}
        {total > 0 ? ` · ${formatCount(run.calls)} of ${formatCount(total)} calls` : ""}
        {run.skippedDeleted > 0 ? ` · ${formatCount(run.skippedDeleted)} deleted skipped` : ""}
        {run.quarantined > 0 ? ` · ${formatCount(run.quarantined)} quarantined` : ""}
      </p>
    </div>
  );
}

/** Kinds that fetch no transcripts, where a count of them would read as a failure. */
const WITHOUT_TRANSCRIPTS: ReadonlySet<SyncRunView["kind"]> = new Set(["delete", "purge"]);

/** Transcripts the run's calls have, and those Gong has not finished; a dash where a run fetches none. */
export function RunTranscripts({ run }: { run: SyncRunView }) {
  if (WITHOUT_TRANSCRIPTS.has(run.kind) || (run.calls === 0 && run.transcripts === 0 && run.transcriptsPending === 0)) {
    return <span className="text-muted-foreground">—</span>;
  }
  return (
    <>
      {formatCount(run.transcripts)}
      {run.transcriptsPending > 0 ? <span className="block text-xs text-warning">{formatCount(run.transcriptsPending)} pending</span> : null}
    </>
  );
}

export function runDuration(run: SyncRunView): string {
  if (!run.startedAt) return "—";
  const end = run.finishedAt ? new Date(run.finishedAt).getTime() : Date.now();
  return formatDuration((end - new Date(run.startedAt).getTime()) / 1000);
}
