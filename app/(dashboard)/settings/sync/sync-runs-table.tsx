"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Activity, RotateCw } from "lucide-react";
import { RUN_KIND_LABELS, RunProgress, RunStatusBadge, RunTranscripts, runDuration } from "@/components/sync/sync-run-parts";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/relative-time";
import { formatCount } from "@/lib/format";
import { useSyncRuns } from "@/lib/hooks/use-sync-runs";
import type { SyncRunView } from "@/lib/sync/sync-run-view";

export function SyncRunsTable({ initial }: { initial: SyncRunView[] }) {
  const { data: runs, error, refetch, isFetching } = useSyncRuns(initial);
  useRefreshWhenRunsEnd(runs);
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
    <Table aria-busy={isFetching} aria-label="Sync runs">
      <thead>
        <tr>
          <Th>Run</Th>
          <Th>Status</Th>
          <Th className="hidden w-56 md:table-cell">Progress</Th>
          <Th className="text-right">Calls</Th>
          <Th className="hidden text-right sm:table-cell">Transcripts</Th>
          <Th className="hidden sm:table-cell">Duration</Th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <Td>
              <Link href={`/settings/sync/runs/${run.id}`} className="font-medium underline-offset-4 hover:underline">
                {RUN_KIND_LABELS[run.kind]}
              </Link>
              <p className="text-xs text-muted-foreground">
                <RelativeTime date={run.createdAt} />
              </p>
            </Td>
            <Td>
              <RunStatusBadge status={run.status} />
              {run.error ? <p className="mt-1 line-clamp-2 max-w-xs text-xs text-danger">{run.error}</p> : null}
            </Td>
            <Td className="hidden md:table-cell">
              <RunProgress run={run} />
            </Td>
            <Td className="text-right tabular-nums">{formatCount(run.calls)}</Td>
            <Td className="hidden text-right tabular-nums sm:table-cell">
              <RunTranscripts run={run} />
            </Td>
            <Td className="hidden tabular-nums text-muted-foreground sm:table-cell">{runDuration(run)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The rest of the page (each workspace's "Last synced" and call count) is the server's: refresh it when a run ends.
 * A run may start and end between two polls, so what counts is a run seen ended that was not ended before.
 */
function useRefreshWhenRunsEnd(runs: SyncRunView[]) {
  const router = useRouter();
  const ended = useRef<Set<string> | null>(null);
  useEffect(() => {
    const now = new Set(runs.filter((run) => run.status !== "queued" && run.status !== "running").map((run) => run.id));
    const newlyEnded = ended.current !== null && [...now].some((id) => !ended.current!.has(id));
    ended.current = now;
    if (newlyEnded) router.refresh();
  }, [runs, router]);
}
