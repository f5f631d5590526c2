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
      if (!run || !(await markSyncRunRunning(db, runId, workflowRunId))) return { deletedGongIds: [], organizationId: null };
      // Deleting and counting commit together: a retry after the commit finds nothing left to delete or count.
      const deletedGongIds = await db.transaction().execute(async (trx) => {
        const gongIds = await deleteCallsByGongId(trx, { organizationId: run.organization_id, gongIds: callGongIds, userId: run.requested_by_user_id });
        await addSyncRunDeletedCalls(trx, runId, gongIds.length);
        return gongIds;
      });
      await finishSyncRun(db, runId, "succeeded");
      return { deletedGongIds, organizationId: run.organization_id, deletedAt: new Date().toISOString() };
    });
    const { organizationId, deletedGongIds } = result;
    // Only the calls this request removed: an id that named no call of the organization, or one already deleted, is not announced.
    if (organizationId && deletedGongIds.length > 0 && "deletedAt" in result) {
      const deleted = deletedGongIds.map((subjectId) => outboundEventOccurred.create({ type: "call.deleted", organizationId, subjectId, occurredAt: result.deletedAt }));
      await step.sendEvent("announce-deleted", deleted);
    }
    return { deleted: deletedGongIds.length };
  },
);
