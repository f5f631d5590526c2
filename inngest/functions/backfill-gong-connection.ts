import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { createSyncRun, finishSyncRun } from "@/db/queries/sync-runs";
import { inngest } from "@/inngest/client";
import { gongCallsSyncRequested, gongConnectionCreated } from "@/inngest/events";
import { toStableUuid } from "@/lib/sync/stable-uuid";
import { cancelOnRevoke } from "./gong-function-options";

const backfillRunIdOf = (functionRunId: string) => toStableUuid(`backfill:${functionRunId}`);

/** A new connection gets everything Gong has, when "sync on connect" is on (the default). */
export const backfillGongConnection = inngest.createFunction(
  {
    id: "backfill-gong-connection",
    triggers: [gongConnectionCreated],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    cancelOn: cancelOnRevoke,
    onFailure: async ({ event, error }) => {
      await finishSyncRun(db, backfillRunIdOf(event.data.run_id), "failed", `The backfill could not be queued: ${error.message}`);
    },
  },
  async ({ event, step, runId: functionRunId }) => {
    const { connectionId } = event.data;
    // Created under a stable id and sent in the same step: a retry neither makes a second run nor leaves one unsent.
    const runId = await step.run("start-backfill", async () => {
      const connection = await getGongConnection(db, connectionId);
      if (!connection || connection.status !== "connected" || !connection.sync_on_connect) return null;
      const id = await createSyncRun(db, {
        id: backfillRunIdOf(functionRunId),
        organizationId: connection.organization_id,
        connectionId,
        kind: "backfill",
        requestedByUserId: connection.connected_by_user_id,
      });
      await inngest.send(gongCallsSyncRequested.create({ connectionId, runId: id }, { id: `backfill-${id}` }));
      return id;
    });
    if (!runId) return { skipped: "sync on connect is off" };
    return { runId };
  },
);
