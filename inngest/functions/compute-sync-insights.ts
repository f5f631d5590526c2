import { db } from "@/db";
import { listCallIdsWithoutInsights, listCallIdsWithoutLlmSummary } from "@/db/queries/call-insights";
import { inngest } from "@/inngest/client";
import { gongSyncInsightsContinued, gongSyncRunEnded } from "@/inngest/events";
import { computeAndStoreCallsInsights } from "@/lib/calls/refresh-call-insights";
import { summarizeCallsWithLlm } from "@/lib/calls/summarize-call-with-llm";
import { getLlmConfig } from "@/lib/env";
import { CALL_INSIGHTS_VERSION } from "@/lib/insights";

const PAGE = 100;
// Pages one run computes before a fresh run goes on after the last call it reached: with the summaries' steps
// this keeps a run near 200 steps however many calls wait (Inngest caps a run at 1,000).
const PAGES_PER_RUN = 100;
// Requests in flight at once (each gives up after 30 s), and steps of them a pass: a pass asks for at most 500
// summaries, so it does not hold the connection's next pass back for long; the next pass takes the rest.
const SUMMARIES_PER_STEP = 5;
const SUMMARY_STEPS_PER_PASS = 100;

/**
 * After a bulk sync, the insights of every call of the connection that has a transcript but no insights yet,
 * a page of 100 per step (a crash resumes at the page), PAGES_PER_RUN pages a run: the pass goes on in a fresh
 * run after the last call reached. Calls opened before their turn get theirs on the spot. Then, when an LLM
 * endpoint is configured, summaries of the calls that have none, a few per step.
 */
export const computeSyncInsights = inngest.createFunction(
  {
    id: "compute-sync-insights",
    triggers: [gongSyncRunEnded, gongSyncInsightsContinued],
    // One pass per connection at a time; a second run that ended meanwhile finds what the first left.
    concurrency: { key: "event.data.connectionId", limit: 1 },
  },
  async ({ event, step, runId: functionRunId }) => {
    const { connectionId, runId } = event.data;
    const continued = event.name === gongSyncInsightsContinued.name ? event.data : null;
    let afterId: string | null = continued?.afterId ?? null;
    let computed = 0;
    for (let page = 1; ; page++) {
      const cursor: string | null = afterId;
      const result = await step.run(`page-${page}`, async () => {
        const callIds = await listCallIdsWithoutInsights(db, { connectionId, version: CALL_INSIGHTS_VERSION, afterId: cursor, limit: PAGE });
        const stored = await computeAndStoreCallsInsights(db, callIds);
        return { last: callIds.at(-1) ?? null, count: stored.size, full: callIds.length === PAGE };
      });
      computed += result.count;
      if (!result.full || !result.last) break;
      afterId = result.last;
      if (page >= PAGES_PER_RUN) {
        const passId = continued?.passId ?? functionRunId;
        const part = (continued?.part ?? 1) + 1;
        const next = gongSyncInsightsContinued.create({ connectionId, runId, passId, part, afterId }, { id: `sync-insights-${passId}-${part}` });
        await step.sendEvent("continue-pass", next);
        return { computed, continuedIn: part };
      }
    }

    // Summaries come after every page's insights: they are optional and slow, and insights are neither.
    const llm = getLlmConfig();
    if (!llm) return { computed };
    const summaries = { summarized: 0, failed: 0 };
    afterId = null;
    for (let batch = 1; batch <= SUMMARY_STEPS_PER_PASS; batch++) {
      const cursor: string | null = afterId;
      const result = await step.run(`llm-summary-${batch}`, async () => {
        const callIds = await listCallIdsWithoutLlmSummary(db, { connectionId, afterId: cursor, limit: SUMMARIES_PER_STEP });
        const outcome = await summarizeCallsWithLlm(db, callIds, llm);
        return { last: callIds.at(-1) ?? null, ...outcome, full: callIds.length === SUMMARIES_PER_STEP };
      });
      summaries.summarized += result.summarized;
      summaries.failed += result.failed;
      // An endpoint that failed every call of a step is down or misconfigured; the next pass tries again.
      if (result.summarized === 0 && result.failed > 0) break;
      if (!result.full || !result.last) break;
      afterId = result.last;
    }
    return { computed, llmSummaries: summaries };
  },
);
