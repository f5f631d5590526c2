import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { createSyncRun } from "@/db/queries/sync-runs";
import { inngest } from "@/inngest/client";
import { gongCallsSyncRequested, gongConnectionCreated } from "@/inngest/events";

/** A new connection gets everything Gong has, when "sync on connect" is on (the default). */
export const backfillGongConnection = inngest.createFunction(
  { id: "backfill-gong-connection", triggers: [gongConnectionCreated] },
  async ({ event, step }) => {
    const { connectionId } = event.data;
    const runId = await step.run("create-run", async () => {
      const connection = await getGongConnection(db, connectionId);
      if (!connection || connection.status !== "connected" || !connection.sync_on_connect) return null;
      return createSyncRun(db, { organizationId: connection.organization_id, connectionId, kind: "backfill", requestedByUserId: connection.connected_by_user_id });
    });
    if (!runId) return { skipped: "sync on connect is off" };
    await step.sendEvent("start-backfill", gongCallsSyncRequested.create({ connectionId, runId }));
    return { runId };
  },
);
