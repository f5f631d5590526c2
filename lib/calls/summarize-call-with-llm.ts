import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";
import { formatTranscript, summarizeWithLlm } from "@/lib/insights";
import { loadInsightInput } from "./refresh-call-insights";

export type LlmConfig = { baseUrl: string; apiKey: string | undefined; model: string; fetch?: typeof fetch };

/** Summarises a call's transcript through the configured endpoint and stores it; null when there is no transcript. */
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
  await db.updateTable("call_insights").set({ llm_summary: summary }).where("call_id", "=", callId).execute();
  return summary;
}
