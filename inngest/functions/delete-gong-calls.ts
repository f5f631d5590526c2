import { db } from "@/db";
import { deleteCallsByGongId } from "@/db/queries/deleted-calls";
import { addSyncRunProgress, finishSyncRun, getSyncRun, markSyncRunRunning } from "@/db/queries/sync-runs";
import { inngest } from "@/inngest/client";
import { gongCallsDeleteRequested } from "@/inngest/events";

/** Removes calls with their parties, transcripts and insights; scheduled syncs will not bring them back. */
export const deleteGongCalls = inngest.createFunction(
  { id: "delete-gong-calls", triggers: [gongCallsDeleteRequested], concurrency: { key: "event.data.connectionId", limit: 1 } },
  async ({ event, step }) => {
    const { runId, callGongIds } = event.data;
    return step.run("delete-calls", async () => {
      const run = await getSyncRun(db, runId);
      if (!run) return { deleted: 0 };
      await markSyncRunRunning(db, runId);
      const deleted = await db.transaction().execute((trx) =>
        deleteCallsByGongId(trx, { organizationId: run.organization_id, gongIds: callGongIds, userId: run.requested_by_user_id }),
      );
      await addSyncRunProgress(db, runId, { calls: deleted });
      await finishSyncRun(db, runId, "succeeded");
      return { deleted };
    });
  },
);
