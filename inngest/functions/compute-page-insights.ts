import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { gongCallsSynced } from "@/inngest/events";
import { computeAndStoreCallInsights } from "@/lib/calls/refresh-call-insights";

/**
 * Insights for a page of calls from a bulk sync, in one step. One run at a time: a backfill's insights follow
 * its pages without competing with them for the machine.
 */
export const computePageInsights = inngest.createFunction(
  { id: "compute-page-insights", triggers: [gongCallsSynced], concurrency: { limit: 1 } },
  async ({ event, step }) => {
    const computed = await step.run("compute", async () => {
      let count = 0;
      for (const callId of event.data.callIds) if (await computeAndStoreCallInsights(db, callId)) count++;
      return count;
    });
    return { computed };
  },
);
