import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { gongCallInsightsComputed, gongCallSynced } from "@/inngest/events";
import { computeAndStoreCallInsights } from "@/lib/calls/refresh-call-insights";
import { summarizeCallsWithLlm } from "@/lib/calls/summarize-call-with-llm";
import { getLlmConfig } from "@/lib/env";

/**
 * Recomputes a call's insights after each sync of it; adds an LLM summary when an endpoint is configured. A failed
 * summary fails neither the insights nor the run; compute-sync-insights tries it again after the next sync.
 */
export const computeCallInsights = inngest.createFunction(
  {
    id: "compute-call-insights",
    triggers: [gongCallSynced],
    concurrency: { key: "event.data.callId", limit: 1 },
  },
  async ({ event, step }) => {
    const { callId } = event.data;
    const computed = await step.run("compute", async () => {
      const insights = await computeAndStoreCallInsights(db, callId);
      return insights ? { sentences: insights.sentenceCount } : null;
    });
    if (!computed) return { callId, skipped: "call no longer exists" };
    const llm = getLlmConfig();
    const summary = llm && computed.sentences > 0 ? await step.run("llm-summary", () => summarizeCallsWithLlm(db, [callId], llm)) : null;
    await step.sendEvent("announce-insights", gongCallInsightsComputed.create({ callId }));
    return { callId, ...computed, llmSummary: summary?.summarized === 1 };
  },
);
