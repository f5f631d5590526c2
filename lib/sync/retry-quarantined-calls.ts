import type { Kysely } from "kysely";
import { forgetQuarantinedRecords, listQuarantinedCallIdsToRetry } from "@/db/queries/quarantined-gong-records";
import type { Database } from "@/db/schema";
import type { GongAppConfig } from "@/lib/gong-connection/config";
import { syncCallPage } from "./sync-call-page";

/** One `calls/extensive` request's worth of ids; more wait for the runs after. */
export const QUARANTINE_RETRY_BATCH = 100;

/**
 * Asks Gong again, by id, for calls quarantined before this run started (calls the run met again itself were
 * retried by meeting them): one `calls/extensive` and one `calls/transcript` request for up to 100 calls. Each
 * is stored (and let go) or quarantined again; one Gong no longer returns is forgotten.
 */
export async function retryQuarantinedCalls(
  db: Kysely<Database>,
  config: GongAppConfig,
  input: { connectionId: string; runId: string; runStartedAt: Date },
): Promise<{ retried: number; calls: number; quarantined: number; pendingGongIds: string[] }> {
  const { connectionId, runId } = input;
  const gongIds = await listQuarantinedCallIdsToRetry(db, connectionId, input.runStartedAt, QUARANTINE_RETRY_BATCH);
  if (gongIds.length === 0) return { retried: 0, calls: 0, quarantined: 0, pendingGongIds: [] };
  const result = await syncCallPage(db, config, { connectionId, progress: { runId, key: "quarantine-retry" }, filter: { callIds: gongIds }, explicit: false });
  // Stored ones were let go and failing ones seen again now; a row still as old as the run was not in Gong's answer.
  const unseen = await listQuarantinedCallIdsToRetry(db, connectionId, input.runStartedAt, QUARANTINE_RETRY_BATCH);
  await forgetQuarantinedRecords(db, connectionId, unseen.filter((gongId) => gongIds.includes(gongId)));
  return { retried: gongIds.length, calls: result.calls, quarantined: result.quarantined, pendingGongIds: result.pendingGongIds };
}
