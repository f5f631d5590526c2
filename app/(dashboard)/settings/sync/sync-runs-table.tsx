"use client";

import { Activity, RotateCw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/relative-time";
import { formatCount, formatDuration } from "@/lib/format";
import { useSyncRuns } from "@/lib/hooks/use-sync-runs";
import type { SyncRunView } from "@/lib/sync/sync-run-view";

const KIND_LABELS: Record<SyncRunView["kind"], string> = {
  backfill: "Backfill",
  scheduled: "Scheduled",
  manual: "Manual",
  single_call: "Single call",
  resync: "Resync",
  delete: "Delete",
  purge: "Purge",
};

const STATUS_TONES = { queued: "neutral", running: "accent", succeeded: "success", failed: "danger", cancelled: "warning" } as const;

export function SyncRunsTable({ initial }: { initial: SyncRunView[] }) {
  const { data: runs, error, refetch, isFetching } = useSyncRuns(initial);
  if (error) {
    return (
      <div role="alert" className="flex items-center justify-between gap-3 px-5 py-4 text-sm text-danger">
        {error.message}
        <Button variant="secondary" size="sm" onClick={() => refetch()}>
          <RotateCw aria-hidden /> Retry
        </Button>
      </div>
    );
  }
  if (runs.length === 0) {
    return (
      <EmptyState icon={Activity} title="No syncs have run yet">
        Connecting Gong starts a backfill; you can also start one below with Sync now.
      </EmptyState>
    );
  }
  return (
    <Table aria-busy={isFetching}>
      <thead>
        <tr>
          <Th>Run</Th>
          <Th>Status</Th>
          <Th className="w-56">Progress</Th>
          <Th className="text-right">Calls</Th>
          <Th className="text-right">Transcripts</Th>
          <Th>Duration</Th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <Td>
              <p className="font-medium">{KIND_LABELS[run.kind]}</p>
              <p className="text-xs text-muted-foreground">
                <RelativeTime date={run.createdAt} />
              </p>
            </Td>
            <Td>
              <Badge tone={STATUS_TONES[run.status]}>{run.status}</Badge>
              {run.error ? <p className="mt-1 max-w-xs text-xs text-danger">{run.error}</p> : null}
            </Td>
            <Td>
              <RunProgress run={run} />
            </Td>
            <Td className="text-right tabular-nums">{formatCount(run.calls)}</Td>
            <Td className="text-right tabular-nums">
              {formatCount(run.transcripts)}
              {run.transcriptsPending > 0 ? <span className="block text-xs text-warning">{formatCount(run.transcriptsPending)} pending</span> : null}
            </Td>
            <Td className="tabular-nums text-muted-foreground">{duration(run)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function RunProgress({ run }: { run: SyncRunView }) {
  const total = run.callsTotal ?? 0;
  const done = run.status === "succeeded";
  const label = `${KIND_LABELS[run.kind]} progress`;
  return (
    <div className="space-y-1">
      <ProgressBar value={done ? 1 : run.calls} max={done ? 1 : Math.max(total, run.calls, 1)} label={label} tone={run.status === "failed" ? "danger" : "accent"} />
      <p className="text-xs text-muted-foreground">
        {run.workspacesTotal > 0 ? `${run.workspacesDone}/${run.workspacesTotal} workspaces · ` : ""}
        {formatCount(run.pages)} pages{total > 0 ? ` · ${formatCount(run.calls)} of ${formatCount(total)} calls` : ""}
        {run.skippedDeleted > 0 ? ` · ${formatCount(run.skippedDeleted)} deleted skipped` : ""}
        {run.quarantined > 0 ? ` · ${formatCount(run.quarantined)} quarantined` : ""}
      </p>
    </div>
  );
}

function duration(run: SyncRunView): string {
  if (!run.startedAt) return "—";
  const end = run.finishedAt ? new Date(run.finishedAt).getTime() : Date.now();
  return formatDuration((end - new Date(run.startedAt).getTime()) / 1000);
}
