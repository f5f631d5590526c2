import type { Kysely } from "kysely";
import { createSyncRun, finishSyncRun, type NewSyncRun } from "@/db/queries/sync-runs";
import type { Database } from "@/db/schema";
import type { inngest } from "@/inngest/client";
import { logger } from "@/lib/observability/logger";

type SyncEvent = Parameters<typeof inngest.send>[0];

export const NOT_QUEUED_ERROR = "The sync could not be queued; the workflow engine did not answer.";

/**
 * Records a queued run and sends the event that performs it. When the event cannot be sent the run is failed at
 * once, so it never sits queued forever; the result is then null and the caller tells the user to try again.
 */
export async function startSyncRun(
  db: Kysely<Database>,
  send: (event: SyncEvent) => Promise<unknown>,
  run: NewSyncRun,
  event: (runId: string) => SyncEvent,
): Promise<string | null> {
  const runId = await createSyncRun(db, run);
  try {
    await send(event(runId));
    return runId;
  } catch (error) {
    logger.error({ error, runId, kind: run.kind }, "could not queue a sync run");
    await finishSyncRun(db, runId, "failed", NOT_QUEUED_ERROR);
    return null;
  }
}
