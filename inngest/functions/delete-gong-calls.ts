import { db } from "@/db";
import { deleteCallsByGongId } from "@/db/queries/deleted-calls";
import { addSyncRunDeletedCalls, finishSyncRun, getSyncRun, markSyncRunRunning } from "@/db/queries/sync-runs";
import { inngest } from "@/inngest/client";
import { gongCallsDeleteRequested, outboundEventOccurred } from "@/inngest/events";
import { cancelOnRevokeOrRunCancelled } from "./gong-function-options";

/** Removes calls with their parties, transcripts and insights; scheduled syncs will not bring them back. */
export const deleteGongCalls = inngest.createFunction(
  {
    id: "delete-gong-calls",
    triggers: [gongCallsDeleteRequested],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    cancelOn: cancelOnRevokeOrRunCancelled,
    onFailure: async ({ event, error }) => {
      await finishSyncRun(db, event.data.event.data.runId, "failed", error.message);
    },
  },
  async ({ event, step, runId: workflowRunId }) => {
    const { runId, callGongIds } = event.data;
    const result = await step.run("delete-calls", async () => {
      const run = await getSyncRun(db, runId);
      if (!run || !(await markSyncRunRunning(db, runId, workflowRunId))) return { deleted: 0, organizationId: null };
      // Deleting and counting commit together: a retry after the commit finds nothing left to delete or count.
      const deleted = await db.transaction().execute(async (trx) => {
        const count = await deleteCallsByGongId(trx, { organizationId: run.organization_id, gongIds: callGongIds, userId: run.requested_by_user_id });
        await addSyncRunDeletedCalls(trx, runId, count);
        return count;
      });
      await finishSyncRun(db, runId, "succeeded");
      return { deleted, organizationId: run.organization_id, deletedAt: new Date().toISOString() };
    });
    const { organizationId } = result;
    if (organizationId && result.deleted > 0 && "deletedAt" in result) {
      const deleted = callGongIds.map((subjectId) => outboundEventOccurred.create({ type: "call.deleted", organizationId, subjectId, occurredAt: result.deletedAt }));
      await step.sendEvent("announce-deleted", deleted);
    }
    return { deleted: result.deleted };
  },
);
