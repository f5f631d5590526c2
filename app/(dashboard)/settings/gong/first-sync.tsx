"use client";

import Link from "next/link";
import { CircleCheck } from "lucide-react";
import { RUN_KIND_LABELS, RunProgress, RunStatusBadge } from "@/components/sync/sync-run-parts";
import { formatCount } from "@/lib/format";
import { useSyncRuns } from "@/lib/hooks/use-sync-runs";
import type { SyncRunView } from "@/lib/sync/sync-run-view";

/**
 * Where connecting lands: the connection is confirmed and the sync it started is followed live, so the admin sees
 * calls arriving instead of an empty page. The backfill is created by a workflow a moment after the redirect.
 */
export function FirstSync({ runs, connectedAt, syncOnConnect }: { runs: SyncRunView[]; connectedAt: string; syncOnConnect: boolean }) {
  // The backfill is created after connecting; a second of slack covers clocks of app and database.
  const since = new Date(connectedAt).getTime() - 1_000;
  const findRun = (list: SyncRunView[]) => list.find((candidate) => candidate.kind === "backfill" && new Date(candidate.createdAt).getTime() >= since);
  const { data } = useSyncRuns(runs, { awaiting: (recent) => syncOnConnect && !findRun(recent) });
  const run = findRun(data);
  return (
    <section role="status" aria-label="Gong is connected" className="space-y-3 rounded-md bg-success/10 px-4 py-3 text-sm">
      <p className="flex items-center gap-2 font-medium text-success">
        <CircleCheck className="size-4 shrink-0" aria-hidden />
        Gong is connected.
      </p>
      {!syncOnConnect ? (
        <p>
          Sync on connect is off, so nothing was synced yet.{" "}
          <Link href="/settings/sync" className="text-accent underline underline-offset-4">
            Start a sync
          </Link>{" "}
          when you are ready.
        </p>
      ) : run ? (
        <div className="space-y-2 rounded-md border border-border bg-card p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium">
              First sync: {RUN_KIND_LABELS[run.kind].toLowerCase()} <RunStatusBadge status={run.status} />
            </p>
            <Link href={`/settings/sync/runs/${run.id}`} className="text-accent underline-offset-4 hover:underline">
              Open the run
            </Link>
          </div>
          <RunProgress run={run} />
          <p className="text-xs text-muted-foreground">
            {formatCount(run.calls)} calls and {formatCount(run.transcripts)} transcripts so far
            {run.status === "succeeded" ? (
              <>
                {" · "}
                <Link href="/calls" className="text-accent underline-offset-4 hover:underline">
                  See the calls
                </Link>
              </>
            ) : null}
          </p>
        </div>
      ) : (
        <p className="text-muted-foreground">Starting the first sync: users, workspaces, then every call Gong has…</p>
      )}
    </section>
  );
}
