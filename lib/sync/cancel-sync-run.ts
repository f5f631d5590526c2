import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { finishSyncRun, getOrganizationSyncRun } from "@/db/queries/sync-runs";
import type { Database, SyncRunKind } from "@/db/schema";
import { gongSyncRunCancelRequested, gongSyncRunEnded } from "@/inngest/events";
import type { startSyncRun } from "./start-sync-run";
import { logger } from "@/lib/observability/logger";

export type CancelResult = { ok: true } | { ok: false; error: string };

/** A purge follows a disconnect and must finish: the data it removes was asked to be deleted. */
export const CANCELLABLE_KINDS: ReadonlySet<SyncRunKind> = new Set(["backfill", "scheduled", "manual", "single_call", "resync", "delete"]);

/**
 * Stops a queued or running sync run. The cancel event goes out first, so the functions doing the run's work
 * (their cancelOn listens for it) stop at their next step; only then is the run marked cancelled, so a run is never
 * shown cancelled while its work goes on because the event could not be sent. What was stored stays, and gets its
 * insights; transcripts Gong had not finished for the calls stored keep being checked for.
 */
export async function cancelSyncRun(
  db: Kysely<Database>,
  send: Parameters<typeof startSyncRun>[1],
  actor: { organizationId: string; userId: string; name: string },
  runId: string,
): Promise<CancelResult> {
  const run = await getOrganizationSyncRun(db, actor.organizationId, runId);
  if (!run) return { ok: false, error: "That run doesn't exist." };
  if (run.status !== "queued" && run.status !== "running") return { ok: false, error: `The run already ${run.status === "cancelled" ? "was cancelled" : "ended"}.` };
  if (!CANCELLABLE_KINDS.has(run.kind)) return { ok: false, error: "A purge can't be cancelled: it removes data a disconnect asked to delete." };
  const data = { connectionId: run.connection_id, runId };
  try {
    await send([gongSyncRunCancelRequested.create(data), gongSyncRunEnded.create(data)]);
  } catch (error) {
    logger.error({ error, runId, connectionId: run.connection_id }, "could not send the cancel of a sync run");
    return { ok: false, error: "The workflow engine did not answer, so the run goes on. Try again in a moment." };
  }
  await finishSyncRun(db, runId, "cancelled", `Cancelled by ${actor.name}.`);
  await createAuditEvent(db, { organizationId: actor.organizationId, actorUserId: actor.userId, action: "sync.cancelled", target: runId, details: { kind: run.kind } });
  return { ok: true };
}
