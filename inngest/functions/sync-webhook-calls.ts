import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { inngest } from "@/inngest/client";
import { gongWebhookCallReceived } from "@/inngest/events";
import { sendStoredCallEvents } from "@/inngest/send-page-events";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { syncCallPage } from "@/lib/sync/sync-call-page";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES } from "./gong-function-options";

/** At most one request's worth of call ids (Gong pages calls and transcripts by 100). */
const MAX_CALLS_PER_RUN = 100;

/**
 * New calls Gong announced by webhook, with their transcripts. The calls one connection announces within a second
 * are synced together: one request for the calls and one for their transcripts, however many there are, which
 * spares Gong's 3 requests/second and 10,000/day, and the app the per-run overhead, when a company's calls end
 * together. A lone call waits that second.
 *
 * Unlike the other Gong workflows it has no `cancelOn`: Inngest does not cancel batched runs by events. It asks
 * instead: a connection revoked, disconnected or needing re-authorization, found so before the request or while
 * it was under way, ends the run without an error. Nothing is lost: a reconnect queues every announced call
 * still missing (queueHeldWebhookCalls).
 *
 * At most 3 run at once over all connections: a burst from every company at once then leaves the executor's other
 * workers to what follows the syncs (the outbound fan-out above all, whose first attempts are timed from the calls
 * being stored), and 3 batches of up to 100 calls keep well ahead of Gong's per-company pace.
 */
export const syncWebhookCalls = inngest.createFunction(
  {
    id: "sync-webhook-calls",
    retries: GONG_STEP_RETRIES,
    triggers: [gongWebhookCallReceived],
    batchEvents: { maxSize: MAX_CALLS_PER_RUN, timeout: "1s", key: "event.data.connectionId" },
    concurrency: [{ key: "event.data.connectionId", limit: 2 }, { limit: 3 }],
  },
  async ({ event, events, step }) => {
    // Every event of a batch has the batch's connection (its key), so the first event speaks for all of them.
    const { connectionId } = event.data;
    const callGongIds = [...new Set(events.map((each) => each.data.callGongId))];
    const isConnected = async () => (await getGongConnection(db, connectionId))?.status === "connected";
    const result = await step.run("sync-calls", async () => {
      if (!(await isConnected())) return null;
      try {
        return await withGongErrors(db, connectionId, () => syncCallPage(db, getGongAppConfig(), { connectionId, filter: { callIds: callGongIds }, explicit: false }));
      } catch (error) {
        if (!(await isConnected())) return null;
        throw error;
      }
    });
    if (!result) return { skipped: "the connection is not connected", calls: callGongIds.length };
    await sendStoredCallEvents(step, { connectionId, pendingStepId: "pending-transcript" }, result);
    return { requested: callGongIds.length, calls: result.calls, transcriptsPending: result.pendingGongIds.length };
  },
);
