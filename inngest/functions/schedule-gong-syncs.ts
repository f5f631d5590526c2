import { db } from "@/db";
import { createSyncRun } from "@/db/queries/sync-runs";
import { listConnectionsDueForSync } from "@/db/queries/sync-watermarks";
import { inngest } from "@/inngest/client";
import { gongCallsSyncRequested } from "@/inngest/events";

// Re-reading a week behind the watermark catches transcripts that arrived late and calls edited in Gong.
const LOOKBACK_MS = 7 * 24 * 3600_000;

/** Every 15 minutes: start an incremental sync for each connection whose auto-sync interval has passed. */
export const scheduleGongSyncs = inngest.createFunction(
  { id: "schedule-gong-syncs", triggers: [{ cron: "*/15 * * * *" }] },
  async ({ step }) => {
    const due = await step.run("find-due-connections", async () => {
      const connections = await listConnectionsDueForSync(db);
      return Promise.all(
        connections.map(async (connection) => ({
          connectionId: connection.id,
          runId: await createSyncRun(db, { organizationId: connection.organization_id, connectionId: connection.id, kind: "scheduled" }),
          fromDateTime: connection.synced_through ? new Date(new Date(connection.synced_through).getTime() - LOOKBACK_MS).toISOString() : null,
        })),
      );
    });
    if (due.length > 0) {
      await step.sendEvent("start-syncs", due.map((entry) => gongCallsSyncRequested.create({ ...entry, toDateTime: null })));
    }
    return { started: due.length };
  },
);
