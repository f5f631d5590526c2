import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { gongCallInsightsComputed, gongCallSynced } from "@/inngest/events";
import { stepSendEventsInChunks } from "@/inngest/send-events-in-chunks";
import { computeAndStoreCallsInsights } from "@/lib/calls/refresh-call-insights";
import { summarizeCallsWithLlm } from "@/lib/calls/summarize-call-with-llm";
import { getLlmConfig } from "@/lib/env";

/** Calls one run takes (Inngest's largest batch): one page of reads and one write, as compute-sync-insights does. */
const MAX_CALLS_PER_RUN = 100;
// LLM requests in flight at once, one step of them (each request gives up after 30 s).
const SUMMARIES_PER_STEP = 10;

/**
 * Recomputes the insights of the calls synced in the last second, after each sync of them; adds LLM summaries when
 * an endpoint is configured, then announces the calls' insights (call.insights_ready). A burst of 3,000 new calls is
 * then 30 runs, not 3,000 runs of three requests each that would hold the machine from everything else.
 *
 * Two runs may hold the same call (synced twice within a few seconds): each computes from what is stored, and a call
 * whose transcript changed meanwhile is not stored (its next sync's run computes it), so no per-call concurrency
 * key is needed. A failed summary fails neither the insights nor the run; compute-sync-insights tries it again
 * after the next sync. Batched, so no `cancelOn`.
 */
export const computeCallInsights = inngest.createFunction(
  {
    id: "compute-call-insights",
    triggers: [gongCallSynced],
    batchEvents: { maxSize: MAX_CALLS_PER_RUN, timeout: "1s" },
    concurrency: { limit: 1 },
  },
  async ({ events, step }) => {
    const callIds = [...new Set(events.map((event) => event.data.callId))];
    const computed = await step.run("compute", async () => {
      const insights = await computeAndStoreCallsInsights(db, callIds);
      return [...insights].map(([callId, each]) => ({ callId, sentences: each.sentenceCount }));
    });

    const llm = getLlmConfig();
    let summarized = 0;
    if (llm) {
      const transcribed = computed.filter((call) => call.sentences > 0).map((call) => call.callId);
      for (let start = 0; start < transcribed.length; start += SUMMARIES_PER_STEP) {
        const part = transcribed.slice(start, start + SUMMARIES_PER_STEP);
        const id = transcribed.length > SUMMARIES_PER_STEP ? `llm-summary-${start / SUMMARIES_PER_STEP + 1}` : "llm-summary";
        summarized += (await step.run(id, () => summarizeCallsWithLlm(db, part, llm))).summarized;
      }
    }

    await stepSendEventsInChunks(step, "announce-insights", computed.map(({ callId }) => gongCallInsightsComputed.create({ callId })));
    return { calls: callIds.length, computed: computed.length, gone: callIds.length - computed.length, llmSummaries: summarized };
  },
);
