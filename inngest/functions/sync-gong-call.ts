import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { finishSyncRun, markSyncRunRunning } from "@/db/queries/sync-runs";
import { inngest } from "@/inngest/client";
import { gongCallSyncRequested } from "@/inngest/events";
import { sendStoredCallEvents } from "@/inngest/send-page-events";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { syncCallPage } from "@/lib/sync/sync-call-page";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevokeOrRunCancelled } from "./gong-function-options";

/** One call by Gong id, with its transcript: "Resync" from the call page and the API's resync_file. */
export const syncGongCall = inngest.createFunction(
  {
    id: "sync-gong-call",
    retries: GONG_STEP_RETRIES,
    triggers: [gongCallSyncRequested],
    concurrency: { key: "event.data.connectionId", limit: 2 },
    cancelOn: cancelOnRevokeOrRunCancelled,
    onFailure: async ({ event, error }) => {
      const runId = event.data.event.data.runId;
      if (runId) await finishSyncRun(db, runId, "failed", error.message);
    },
  },
  async ({ event, step, runId: workflowRunId }) => {
    const { connectionId, callGongId, explicit, runId } = event.data;
    const result = await step.run("sync-call", () =>
      withGongErrors(db, connectionId, async () => {
        const connection = await getGongConnection(db, connectionId);
        if (connection?.status !== "connected") {
          // The run ends here too: one needing re-authorization fails it, a revoked (or removed) one cancels it.
          if (runId && connection?.status === "needs_reauth") await finishSyncRun(db, runId, "failed", "Gong needs re-authorization; reconnect Gong and resync.");
          else if (runId) await finishSyncRun(db, runId, "cancelled", "Gong is not connected.");
          return null;
        }
        if (runId && !(await markSyncRunRunning(db, runId, workflowRunId))) return null;
        const progress = runId ? { runId, key: `call-${callGongId}` } : undefined;
        return syncCallPage(db, getGongAppConfig(), { connectionId, progress, filter: { callIds: [callGongId] }, explicit });
      }),
    );
    if (!result) return { skipped: "the connection is not connected or the run already ended" };
    await sendStoredCallEvents(step, { connectionId, runId, pendingStepId: "pending-transcript" }, result);
    if (runId) await step.run("finish", () => finishSyncRun(db, runId, "succeeded"));
    return { calls: result.calls, transcriptPending: result.pendingGongIds.length > 0 };
  },
);
