import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { inngest } from "@/inngest/client";
import { gongWebhookCallReceived } from "@/inngest/events";
import { sendStoredCallEvents } from "@/inngest/send-page-events";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { syncCallPage } from "@/lib/sync/sync-call-page";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevoke } from "./gong-function-options";

/** At most one request's worth of call ids (Gong pages calls and transcripts by 100). */
const MAX_CALLS_PER_RUN = 100;

/**
 * New calls Gong announced by webhook, with their transcripts. The calls one connection announces within a second
 * are synced together: one request for the calls and one for their transcripts, however many there are, which
 * spares Gong's 3 requests/second and 10,000/day, and the app the per-run overhead, when a company's calls end
 * together. A lone call waits that second.
 */
export const syncWebhookCalls = inngest.createFunction(
  {
    id: "sync-webhook-calls",
    retries: GONG_STEP_RETRIES,
    triggers: [gongWebhookCallReceived],
    batchEvents: { maxSize: MAX_CALLS_PER_RUN, timeout: "1s", key: "event.data.connectionId" },
    concurrency: { key: "event.data.connectionId", limit: 2 },
    // Every event of a batch has the batch's connection (its key), so the first event speaks for all of them.
    cancelOn: cancelOnRevoke,
  },
  async ({ event, events, step }) => {
    const { connectionId } = event.data;
    const callGongIds = [...new Set(events.map((each) => each.data.callGongId))];
    const result = await step.run("sync-calls", () =>
      withGongErrors(db, connectionId, async () => {
        // Not now: reconnecting queues the held calls and every accepted call still missing (queueHeldWebhookCalls).
        const connection = await getGongConnection(db, connectionId);
        if (connection?.status !== "connected") return null;
        return syncCallPage(db, getGongAppConfig(), { connectionId, filter: { callIds: callGongIds }, explicit: false });
      }),
    );
    if (!result) return { skipped: "the connection is not connected", calls: callGongIds.length };
    await sendStoredCallEvents(step, { connectionId, pendingStepId: "pending-transcript" }, result);
    return { requested: callGongIds.length, calls: result.calls, transcriptsPending: result.pendingGongIds.length };
  },
);
