import { db } from "@/db";
import { listCallIdsWithStaleTrackerHits } from "@/db/queries/call-insights";
import { ensureDefaultTrackers, hashTrackers } from "@/db/queries/trackers";
import { inngest } from "@/inngest/client";
import { trackerRecountContinued, trackersChanged } from "@/inngest/events";
import { computeAndStoreCallsInsights } from "@/lib/calls/refresh-call-insights";

const PAGE = 100;
// Pages one run recounts before a fresh run goes on after the last call it reached (Inngest caps a run at 1,000 steps).
const PAGES_PER_RUN = 500;

/**
 * After a tracker edit, every call of the organization with a transcript gets its insights (and so its tracker
 * hits) computed against the new trackers, a page of 100 per step, so the trackers page's hit counts and the calls
 * list's tracker filter catch up without each call being opened; PAGES_PER_RUN pages a run, then the pass goes on in
 * a fresh run. An edit made meanwhile starts another pass, which finds only what this one left.
 */
export const recountTrackerHits = inngest.createFunction(
  {
    id: "recount-tracker-hits",
    triggers: [trackersChanged, trackerRecountContinued],
    concurrency: { key: "event.data.organizationId", limit: 1 },
  },
  async ({ event, step, runId }) => {
    const { organizationId } = event.data;
    const continued = event.name === trackerRecountContinued.name ? event.data : null;
    let afterId: string | null = continued?.afterId ?? null;
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
      if (page >= PAGES_PER_RUN) {
        const passId = continued?.passId ?? runId;
        const part = (continued?.part ?? 1) + 1;
        await step.sendEvent("continue-pass", trackerRecountContinued.create({ organizationId, passId, part, afterId }, { id: `tracker-recount-${passId}-${part}` }));
        return { recounted, continuedIn: part };
      }
    }
    return { recounted };
  },
);
