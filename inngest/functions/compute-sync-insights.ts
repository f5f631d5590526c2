import { db } from "@/db";
import { listCallIdsWithoutInsights } from "@/db/queries/call-insights";
import { inngest } from "@/inngest/client";
import { gongSyncRunEnded } from "@/inngest/events";
import { computeAndStoreCallsInsights } from "@/lib/calls/refresh-call-insights";
import { CALL_INSIGHTS_VERSION } from "@/lib/insights";

const PAGE = 100;

/**
 * After a bulk sync, the insights of every call of the connection that has a transcript but no insights yet,
 * a page of 100 per step (a crash resumes at the page). Calls opened before their turn get theirs on the spot.
 */
export const computeSyncInsights = inngest.createFunction(
  {
    id: "compute-sync-insights",
    triggers: [gongSyncRunEnded],
    // One pass per connection at a time; a second run that ended meanwhile finds what the first left.
    concurrency: { key: "event.data.connectionId", limit: 1 },
  },
  async ({ event, step }) => {
    const { connectionId } = event.data;
    let afterId: string | null = null;
    let computed = 0;
    for (let page = 1; ; page++) {
      const cursor: string | null = afterId;
      const result = await step.run(`page-${page}`, async () => {
        const callIds = await listCallIdsWithoutInsights(db, { connectionId, version: CALL_INSIGHTS_VERSION, afterId: cursor, limit: PAGE });
        const stored = await computeAndStoreCallsInsights(db, callIds);
        return { last: callIds.at(-1) ?? null, count: stored.size, full: callIds.length === PAGE };
      });
      computed += result.count;
      if (!result.full || !result.last) return { computed };
      afterId = result.last;
    }
  },
);
