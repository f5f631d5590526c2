import { db } from "@/db";
import { purgeSyncedData } from "@/db/queries/purge-synced-data";
import { addSyncRunProgress, createSyncRun, finishSyncRun } from "@/db/queries/sync-runs";
import { inngest } from "@/inngest/client";
import { gongConnectionRevoked } from "@/inngest/events";

/** After a disconnect with "also delete all synced data": nothing Gong sent stays behind. */
export const purgeGongData = inngest.createFunction(
  { id: "purge-gong-data", triggers: [{ event: gongConnectionRevoked.name, if: "event.data.deleteData == true" }] },
  async ({ event, step }) => {
    const { connectionId, organizationId } = event.data;
    return step.run("purge", async () => {
      const runId = await createSyncRun(db, { organizationId, connectionId, kind: "purge" });
      const { calls } = await db.transaction().execute((trx) => purgeSyncedData(trx, organizationId, connectionId));
      await addSyncRunProgress(db, runId, { calls });
      await finishSyncRun(db, runId, "succeeded");
      return { calls };
    });
  },
);
