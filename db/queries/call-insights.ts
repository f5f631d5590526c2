import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

export type StoredCallInsights = { version: number; trackersHash: string; insights: unknown; llmSummary: string | null; computedAt: Date };

export async function getCallInsights(db: Kysely<Database>, callId: string): Promise<StoredCallInsights | undefined> {
  const row = await db.selectFrom("call_insights").selectAll().where("call_id", "=", callId).executeTakeFirst();
  return (
    row && { version: row.version, trackersHash: row.trackers_hash, insights: row.insights, llmSummary: row.llm_summary, computedAt: row.computed_at }
  );
}

export async function upsertCallInsights(
  db: Kysely<Database>,
  callId: string,
  value: { version: number; trackersHash: string; insights: unknown; llmSummary?: string | null },
): Promise<void> {
  const row = {
    call_id: callId,
    version: value.version,
    trackers_hash: value.trackersHash,
    insights: JSON.stringify(value.insights),
    computed_at: new Date(),
    ...(value.llmSummary !== undefined ? { llm_summary: value.llmSummary } : {}),
  };
  await db
    .insertInto("call_insights")
    .values(row)
    .onConflict((conflict) => conflict.column("call_id").doUpdateSet(({ ref }) => ({
      version: ref("excluded.version"),
      trackers_hash: ref("excluded.trackers_hash"),
      insights: ref("excluded.insights"),
      computed_at: ref("excluded.computed_at"),
      ...(value.llmSummary !== undefined ? { llm_summary: ref("excluded.llm_summary") } : {}),
    })))
    .execute();
}
