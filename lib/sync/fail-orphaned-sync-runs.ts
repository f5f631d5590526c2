import type { Kysely } from "kysely";
import { failQuietSyncRuns, listQuietSyncRunWorkflows } from "@/db/queries/sync-runs";
import type { Database } from "@/db/schema";

/**
 * A running sync whose workflow Inngest no longer knows, once it has made no progress for this long, is failed. The
 * wait spares a run just started the question, and Inngest the asking about busy runs.
 */
export const GONE_WORKFLOW_QUIET_MINUTES = 60;

/**
 * A running sync without progress for this long is failed whatever Inngest says, or when it cannot say. A live
 * sync records progress with every page, delete batch and transcript request. The longest it rightly goes without
 * is a wait for a retry: a failing step's whole schedule (GONG_STEP_RETRIES retries on Inngest's backoff, which
 * tops out at 2 h: about 5.6 h with jitter), or one Retry-After, which Inngest never schedules more than a day
 * ahead (`MaxRetryDuration`) and Gong's daily limit can ask for in full. Twice the day leaves room for a run
 * queued behind its Inngest account's concurrency.
 */
export const SYNC_RUN_STALL_HOURS = 48;

const PROBES_IN_FLIGHT = 8;

export const GONE_WORKFLOW_ERROR =
  "The sync was stopped: Inngest no longer has the workflow that ran it (the executor was drained or replaced, or the app moved to another Inngest). Start it again, or wait for the next scheduled sync.";
export const STALLED_ERROR = `The sync made no progress for ${SYNC_RUN_STALL_HOURS} hours, so its workflow is gone or stuck. Start it again, or wait for the next scheduled sync.`;

/**
 * Fails running syncs whose workflow is gone, so their connection's scheduled syncs go ahead again (a running
 * backfill or scheduled sync holds them back). `isWorkflowGone` answers true only when Inngest says so.
 */
export async function failOrphanedSyncRuns(db: Kysely<Database>, isWorkflowGone: (workflowRunId: string) => Promise<boolean>): Promise<{ gone: number; stalled: number }> {
  const quiet = await listQuietSyncRunWorkflows(db, GONE_WORKFLOW_QUIET_MINUTES);
  const goneIds: string[] = [];
  for (let start = 0; start < quiet.length; start += PROBES_IN_FLIGHT) {
    const batch = quiet.slice(start, start + PROBES_IN_FLIGHT);
    const answers = await Promise.all(batch.map((run) => isWorkflowGone(run.workflow_run_id)));
    goneIds.push(...batch.filter((_, index) => answers[index]).map((run) => run.id));
  }
  const gone = await failQuietSyncRuns(db, { ids: goneIds, minutes: GONE_WORKFLOW_QUIET_MINUTES, error: GONE_WORKFLOW_ERROR });
  const stalled = await failQuietSyncRuns(db, { minutes: SYNC_RUN_STALL_HOURS * 60, error: STALLED_ERROR });
  return { gone, stalled };
}
