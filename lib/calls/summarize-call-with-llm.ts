import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { formatTranscript, summarizeWithLlm } from "@/lib/insights";
import { loadInsightInput } from "./refresh-call-insights";
import { logger } from "@/lib/observability/logger";

export type LlmConfig = { baseUrl: string; apiKey: string | undefined; model: string; fetch?: typeof fetch };

/**
 * Summarises a call's transcript through the configured endpoint and stores it beside its insights; null when
 * there is no transcript, or no insights to keep it with (a new transcript deleted them meanwhile).
 */
export async function summarizeCallWithLlm(db: Kysely<Database>, callId: string, config: LlmConfig): Promise<string | null> {
  const loaded = await loadInsightInput(db, callId);
  if (!loaded || loaded.input.segments.length === 0) return null;
  const { summary } = await summarizeWithLlm({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    model: config.model,
    transcript: formatTranscript(loaded.input.segments, loaded.input.parties),
    fetch: config.fetch,
  });
  const updated = await db.updateTable("call_insights").set({ llm_summary: summary }).where("call_id", "=", callId).executeTakeFirst();
  return updated.numUpdatedRows > 0n ? summary : null;
}

/**
 * Summarises calls side by side. A summary is never required: a call the endpoint failed is logged and counted,
 * keeps its insights, and is tried again by the next compute-sync-insights pass of its connection. Any other
 * error (the database) is thrown, so the step retries.
 */
export async function summarizeCallsWithLlm(db: Kysely<Database>, callIds: string[], config: LlmConfig): Promise<{ summarized: number; failed: number }> {
  const outcomes = await Promise.allSettled(callIds.map((callId) => summarizeCallWithLlm(db, callId, config)));
  const unexpected = outcomes.find((outcome) => outcome.status === "rejected" && !(outcome.reason instanceof AppError));
  if (unexpected?.status === "rejected") throw unexpected.reason;
  let summarized = 0;
  let failed = 0;
  outcomes.forEach((outcome, index) => {
    if (outcome.status === "fulfilled") {
      if (outcome.value !== null) summarized++;
      return;
    }
    failed++;
    logger.warn({ callId: callIds[index], error: (outcome.reason as AppError).message }, "LLM summary of a call failed");
  });
  return { summarized, failed };
}
