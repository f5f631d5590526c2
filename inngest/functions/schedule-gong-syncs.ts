import { db } from "@/db";
import { createSyncRun, failQueuedSyncRunsScheduledBy, failStaleQueuedSyncRuns } from "@/db/queries/sync-runs";
import { listConnectionsDueForSync } from "@/db/queries/sync-watermarks";
import { inngest } from "@/inngest/client";
import { gongCallsSyncRequested } from "@/inngest/events";
import { toStableUuid } from "@/lib/sync/stable-uuid";

// Re-reading a week behind the watermark catches transcripts that arrived late and calls edited in Gong.
const LOOKBACK_MS = 7 * 24 * 3600_000;
// A run queued this long while nothing of its connection runs was never sent (or never arrived).
const STALE_QUEUED_MINUTES = 60;

/** Every 15 minutes: start an incremental sync for each connection whose auto-sync interval has passed. */
export const scheduleGongSyncs = inngest.createFunction(
  {
    id: "schedule-gong-syncs",
    triggers: [{ cron: "*/15 * * * *" }],
    onFailure: async ({ event, error }) => {
      await failQueuedSyncRunsScheduledBy(db, event.data.run_id, `The scheduled sync could not be queued: ${error.message}`);
    },
  },
  async ({ step, runId: schedulerRunId }) => {
    // A stale queued run would otherwise keep its connection from ever being due again.
    await step.run("fail-stale-runs", () => failStaleQueuedSyncRuns(db, STALE_QUEUED_MINUTES));
    const due = await step.run("find-due-connections", async () =>
      (await listConnectionsDueForSync(db)).map((connection) => ({
        connectionId: connection.id,
        organizationId: connection.organization_id,
        fromDateTime: connection.synced_through ? new Date(new Date(connection.synced_through).getTime() - LOOKBACK_MS).toISOString() : null,
      })),
    );
    if (due.length === 0) return { started: 0 };
    // Runs get stable ids and their events are sent in the same step: a retry re-creates nothing and the event
    // API keeps one event per id, so every run created is also sent.
    await step.run("start-syncs", async () => {
      const runs = [];
      for (const { organizationId, ...entry } of due) {
        const id = toStableUuid(`scheduled:${schedulerRunId}:${entry.connectionId}`);
        await createSyncRun(db, { id, organizationId, connectionId: entry.connectionId, kind: "scheduled", params: { scheduledBy: schedulerRunId } });
        runs.push({ ...entry, runId: id });
      }
      await inngest.send(runs.map((run) => gongCallsSyncRequested.create({ ...run, toDateTime: null }, { id: `scheduled-${run.runId}` })));
    });
    return { started: due.length };
  },
);
