import { db } from "@/db";
import { createSyncRun, failQueuedSyncRunsScheduledBy, failStaleQueuedSyncRuns } from "@/db/queries/sync-runs";
import { listConnectionsDueForSync } from "@/db/queries/sync-watermarks";
import { inngest } from "@/inngest/client";
import { gongCallsSyncRequested } from "@/inngest/events";
import { sendEventsInChunks } from "@/inngest/send-events-in-chunks";
import { createWorkflowRunProbe } from "@/inngest/workflow-run-probe";
import { failOrphanedSyncRuns } from "@/lib/sync/fail-orphaned-sync-runs";
import { toStableUuid } from "@/lib/sync/stable-uuid";

// Re-reading a week behind the watermark catches transcripts that arrived late and calls edited in Gong.
const LOOKBACK_MS = 7 * 24 * 3600_000;
// A run queued this long while nothing of its connection runs was never sent (or never arrived).
const STALE_QUEUED_MINUTES = 60;

const weekBefore = (date: Date | string) => new Date(new Date(date).getTime() - LOOKBACK_MS).toISOString();

/**
 * Where a scheduled sync starts: a week before the watermark. Before any sync has succeeded, an admin who chose
 * "sync on connect" still gets the history the backfill did not finish; one who did not gets only what auto-sync
 * promises, the week before connecting and everything since, and can ask for older calls with Sync now.
 */
function toScheduledFrom(connection: { synced_through: Date | null; sync_on_connect: boolean; connected_at: Date }): string | null {
  if (connection.synced_through) return weekBefore(connection.synced_through);
  return connection.sync_on_connect ? null : weekBefore(connection.connected_at);
}

/**
 * Every 15 minutes: fail the syncs whose workflow is gone, then start an incremental sync for each connection
 * whose auto-sync interval has passed.
 */
export const scheduleGongSyncs = inngest.createFunction(
  {
    id: "schedule-gong-syncs",
    triggers: [{ cron: "*/15 * * * *" }],
    // Slots run one at a time: two at once could both find a connection due before either creates its run.
    concurrency: { limit: 1 },
    onFailure: async ({ event, error }) => {
      await failQueuedSyncRunsScheduledBy(db, event.data.run_id, `The scheduled sync could not be queued: ${error.message}`);
    },
  },
  async ({ step, runId: schedulerRunId }) => {
    // A running sync whose workflow is gone, or a stale queued one, would otherwise keep its connection from ever
    // being due again. Orphans go first, so the runs queued behind them are judged stale as they would be alone.
    await step.run("fail-stale-runs", async () => {
      const orphaned = await failOrphanedSyncRuns(db, createWorkflowRunProbe(schedulerRunId));
      return { ...orphaned, neverStarted: await failStaleQueuedSyncRuns(db, STALE_QUEUED_MINUTES) };
    });
    // Finding the due connections and creating their runs is one step, so no other slot sees them due in between.
    // Runs get stable ids and their events are sent in the same step: a retry re-creates nothing, finds its own
    // runs still due, and the event API keeps one event per id, so every run created is also sent. However many
    // connections are due, each request to the event API stays under its size limit.
    const started = await step.run("start-syncs", async () => {
      const due = await listConnectionsDueForSync(db, { exceptScheduledBy: schedulerRunId });
      if (due.length === 0) return 0;
      const events = [];
      for (const connection of due) {
        const id = toStableUuid(`scheduled:${schedulerRunId}:${connection.id}`);
        const fromDateTime = toScheduledFrom(connection);
        await createSyncRun(db, {
          id,
          organizationId: connection.organization_id,
          connectionId: connection.id,
          kind: "scheduled",
          params: { scheduledBy: schedulerRunId, fromDateTime },
        });
        events.push(gongCallsSyncRequested.create({ connectionId: connection.id, runId: id, fromDateTime, toDateTime: null }, { id: `scheduled-${id}` }));
      }
      await sendEventsInChunks(events);
      return events.length;
    });
    return { started };
  },
);
