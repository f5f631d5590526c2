import { db } from "@/db";
import { PURGE_BATCH_CALLS, deleteSyncedCallsBatch, purgeSyncedRecords } from "@/db/queries/purge-synced-data";
import { addSyncRunDeletedCalls, createSyncRun, finishSyncRun, markSyncRunRunning } from "@/db/queries/sync-runs";
import { inngest } from "@/inngest/client";
import { gongConnectionRevoked, gongDataPurgeContinued } from "@/inngest/events";
import { toStableUuid } from "@/lib/sync/stable-uuid";

const purgeRunIdOf = (functionRunId: string) => toStableUuid(`purge:${functionRunId}`);

// Batches of calls one run deletes before a fresh run goes on: 50,000 calls a run, so a purge of any size fits
// Inngest's 1,000 steps a run (one that failed there would leave the rest of the data behind).
const BATCHES_PER_RUN = 100;

/**
 * After a disconnect with "also delete all synced data": nothing Gong sent stays behind. Calls go in batches,
 * one short transaction per step, BATCHES_PER_RUN a run, then a fresh run goes on with the same sync run. Not
 * cancelled by the revoke: it is what runs after one.
 */
export const purgeGongData = inngest.createFunction(
  {
    id: "purge-gong-data",
    triggers: [{ event: gongConnectionRevoked.name, if: "event.data.deleteData == true" }, gongDataPurgeContinued],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    onFailure: async ({ event, error }) => {
      const trigger = event.data.event;
      const runId = trigger.name === gongDataPurgeContinued.name ? trigger.data.runId : purgeRunIdOf(event.data.run_id);
      await finishSyncRun(db, runId, "failed", error.message);
    },
  },
  async ({ event, step, runId: functionRunId }) => {
    const { connectionId, organizationId } = event.data;
    const continued = event.name === gongDataPurgeContinued.name ? event.data : null;
    // Each run of the purge marks the sync run as its own, so it is not taken for orphaned.
    const runId = await step.run(continued ? "continue-run" : "create-run", async () => {
      const id = continued?.runId ?? (await createSyncRun(db, { id: purgeRunIdOf(functionRunId), organizationId, connectionId, kind: "purge" }));
      await markSyncRunRunning(db, id, functionRunId);
      return id;
    });
    let calls = 0;
    for (let batch = 1; ; batch++) {
      // The count is added in the batch's own transaction: a retried batch deletes (and counts) only what is left.
      const deleted = await step.run(`purge-calls-${batch}`, () =>
        db.transaction().execute(async (trx) => {
          const count = await deleteSyncedCallsBatch(trx, organizationId);
          await addSyncRunDeletedCalls(trx, runId, count);
          return count;
        }),
      );
      calls += deleted;
      if (deleted < PURGE_BATCH_CALLS) break;
      if (batch >= BATCHES_PER_RUN) {
        const part = (continued?.part ?? 1) + 1;
        await step.sendEvent("continue-purge", gongDataPurgeContinued.create({ connectionId, organizationId, runId, part }, { id: `purge-${runId}-${part}` }));
        return { calls, continuedIn: part };
      }
    }
    await step.run("purge-records", async () => {
      await db.transaction().execute((trx) => purgeSyncedRecords(trx, organizationId, connectionId));
      await finishSyncRun(db, runId, "succeeded");
    });
    return { calls };
  },
);
