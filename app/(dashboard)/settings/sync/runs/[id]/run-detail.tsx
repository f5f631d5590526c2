"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, CircleAlert } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";
import { RUN_KIND_LABELS, RunProgress, RunStatusBadge, RunTranscripts, runDuration } from "@/components/sync/sync-run-parts";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatCount } from "@/lib/format";
import { useSyncRun } from "@/lib/hooks/use-sync-run";
import { syncRunKeys } from "@/lib/hooks/use-sync-runs";
import type { SyncRunDetail } from "@/lib/sync/get-sync-run-detail";
import { CancelRunDialog } from "./cancel-run-dialog";
import { RunSteps } from "./run-steps";

export function RunDetail({ initial }: { initial: SyncRunDetail }) {
  const { data, error } = useSyncRun(initial);
  const queryClient = useQueryClient();
  const { run, steps } = data;
  const label = RUN_KIND_LABELS[run.kind];
  return (
    <>
      <PageHeader
        title={`${label} run`}
        description={
          <>
            Started <RelativeTime date={run.createdAt} />
            {data.requestedBy ? ` by ${data.requestedBy}` : run.kind === "scheduled" ? " on schedule" : ""}
            {data.window ? ` · calls ${describeWindow(data.window)}` : ""}
          </>
        }
        action={
          <div className="flex flex-wrap gap-2">
            <Link href="/settings/sync" className={buttonVariants({ variant: "ghost" })}>
              <ArrowLeft aria-hidden />
              Sync activity
            </Link>
            {data.cancellable ? (
              <CancelRunDialog runId={run.id} label={label} onCancelled={() => queryClient.invalidateQueries({ queryKey: syncRunKeys.all })} />
            ) : null}
          </div>
        }
      />
      <div className="space-y-6">
        {error ? (
          <p role="alert" className="rounded-md bg-danger/10 px-4 py-3 text-sm text-danger">
            {error.message} Showing the last known state.
          </p>
        ) : null}
        <Card>
          <CardHeader title="Progress" action={<RunStatusBadge status={run.status} />} />
          <CardBody className="space-y-4">
            <RunProgress run={run} />
            {run.error ? (
              <p className={`flex items-start gap-2 rounded-md px-3 py-2 text-sm ${run.status === "cancelled" ? "bg-warning/12" : "bg-danger/10 text-danger"}`}>
                <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
                {run.error}
              </p>
            ) : null}
            <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
              <Fact label="Calls">{formatCount(run.calls)}</Fact>
              <Fact label="Transcripts">
                <RunTranscripts run={run} />
              </Fact>
              <Fact label="Gong users">{formatCount(run.users)}</Fact>
              <Fact label="Duration">{runDuration(run)}</Fact>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Steps" description="Each unit of work the run recorded, in the order it began. Updates live while the run goes on." />
          <RunSteps steps={steps} status={run.status} />
        </Card>
      </div>
    </>
  );
}

function describeWindow(window: NonNullable<SyncRunDetail["window"]>): string {
  const day = (iso: string) => iso.slice(0, 10);
  if (window.from && window.to) return `from ${day(window.from)} to before ${day(window.to)}`;
  return window.from ? `from ${day(window.from)}` : `before ${day(window.to!)}`;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 tabular-nums">{children}</dd>
    </div>
  );
}
