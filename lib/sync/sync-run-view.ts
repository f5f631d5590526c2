import type { SyncRun } from "@/db/schema";

/** What the browser sees of a run: plain fields, ISO dates, nothing else from the row. */
export type SyncRunView = {
  id: string;
  kind: SyncRun["kind"];
  status: SyncRun["status"];
  workspacesTotal: number;
  workspacesDone: number;
  callsTotal: number | null;
  pages: number;
  calls: number;
  transcripts: number;
  transcriptsPending: number;
  users: number;
  skippedDeleted: number;
  /** Records that failed validation and were quarantined instead of stored. */
  quarantined: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export function toSyncRunView(run: SyncRun): SyncRunView {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    workspacesTotal: run.workspaces_total,
    workspacesDone: run.workspaces_done,
    callsTotal: run.calls_total,
    pages: run.pages,
    calls: run.calls,
    transcripts: run.transcripts,
    transcriptsPending: run.transcripts_pending,
    users: run.users,
    skippedDeleted: run.skipped_deleted,
    quarantined: run.quarantined,
    error: run.error,
    createdAt: new Date(run.created_at).toISOString(),
    startedAt: iso(run.started_at),
    finishedAt: iso(run.finished_at),
  };
}
