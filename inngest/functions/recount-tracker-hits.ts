import { db } from "@/db";
import { listCallIdsWithStaleTrackerHits } from "@/db/queries/call-insights";
import { ensureDefaultTrackers, hashTrackers } from "@/db/queries/trackers";
import { inngest } from "@/inngest/client";
import { trackersChanged } from "@/inngest/events";
import { computeAndStoreCallsInsights } from "@/lib/calls/refresh-call-insights";

const PAGE = 100;

/**
 * After a tracker edit, every call of the organization with a transcript gets its insights (and so its tracker
 * hits) computed against the new trackers, a page of 100 per step, so the trackers page's hit counts and the calls
 * list's tracker filter catch up without each call being opened. An edit made meanwhile starts another pass, which
 * finds only what this one left.
 */
export const recountTrackerHits = inngest.createFunction(
  {
    id: "recount-tracker-hits",
    triggers: [trackersChanged],
    concurrency: { key: "event.data.organizationId", limit: 1 },
  },
  async ({ event, step }) => {
    const { organizationId } = event.data;
    let afterId: string | null = null;
    let recounted = 0;
    for (let page = 1; ; page++) {
      const cursor: string | null = afterId;
      const result = await step.run(`page-${page}`, async () => {
        const trackersHash = hashTrackers(await ensureDefaultTrackers(db, organizationId));
        const callIds = await listCallIdsWithStaleTrackerHits(db, { organizationId, trackersHash, afterId: cursor, limit: PAGE });
        const stored = await computeAndStoreCallsInsights(db, callIds);
        return { last: callIds.at(-1) ?? null, count: stored.size, full: callIds.length === PAGE };
      });
      recounted += result.count;
      if (!result.full || !result.last) break;
      afterId = result.last;
    }
    return { recounted };
  },
);
