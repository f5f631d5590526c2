import type { Kysely } from "kysely";
import { listWorkspaces } from "@/db/queries/gong-workspaces";
import { listSyncRunProgress } from "@/db/queries/sync-run-progress";
import { getOrganizationSyncRun } from "@/db/queries/sync-runs";
import type { Database } from "@/db/schema";
import { CANCELLABLE_KINDS } from "./cancel-sync-run";
import { type RunStep, describeRunSteps } from "./describe-run-steps";
import { type SyncRunView, toSyncRunView } from "./sync-run-view";

export type SyncRunDetail = {
  run: SyncRunView;
  requestedBy: string | null;
  /** The date window a manual run was asked for, as ISO times; null ends are open. */
  window: { from: string | null; to: string | null } | null;
  cancellable: boolean;
  steps: RunStep[];
};

/** One run of the organization with its steps, for the run page and its live updates; undefined if not theirs. */
export async function getSyncRunDetail(db: Kysely<Database>, organizationId: string, runId: string): Promise<SyncRunDetail | undefined> {
  const run = await getOrganizationSyncRun(db, organizationId, runId);
  if (!run) return undefined;
  const [units, workspaces] = await Promise.all([listSyncRunProgress(db, runId), listWorkspaces(db, organizationId)]);
  const active = run.status === "queued" || run.status === "running";
  const params = (run.params ?? {}) as { fromDateTime?: string | null; toDateTime?: string | null };
  return {
    run: toSyncRunView(run),
    requestedBy: run.requested_by_name,
    window: params.fromDateTime || params.toDateTime ? { from: params.fromDateTime ?? null, to: params.toDateTime ?? null } : null,
    cancellable: active && CANCELLABLE_KINDS.has(run.kind),
    steps: describeRunSteps(units, { active, workspaceNames: new Map(workspaces.map((workspace) => [workspace.gong_id, workspace.name])) }),
  };
}
