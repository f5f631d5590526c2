import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

export type StoredCallInsights = { version: number; trackersHash: string; insights: unknown; llmSummary: string | null; computedAt: Date };

export async function getCallInsights(db: Kysely<Database>, callId: string): Promise<StoredCallInsights | undefined> {
  const row = await db.selectFrom("call_insights").selectAll().where("call_id", "=", callId).executeTakeFirst();
  return (
    row && { version: row.version, trackersHash: row.trackers_hash, insights: row.insights, llmSummary: row.llm_summary, computedAt: row.computed_at }
  );
}

/** The insights of a page of calls in one statement; their LLM summaries are left as they are. */
export async function upsertManyCallInsights(
  db: Kysely<Database>,
  values: { callId: string; version: number; trackersHash: string; insights: unknown }[],
): Promise<void> {
  if (values.length === 0) return;
  const computedAt = new Date();
  await db
    .insertInto("call_insights")
    .values(values.map((value) => ({ call_id: value.callId, version: value.version, trackers_hash: value.trackersHash, insights: JSON.stringify(value.insights), computed_at: computedAt })))
    .onConflict((conflict) => conflict.column("call_id").doUpdateSet(({ ref }) => ({
      version: ref("excluded.version"),
      trackers_hash: ref("excluded.trackers_hash"),
      insights: ref("excluded.insights"),
      computed_at: ref("excluded.computed_at"),
    })))
    .execute();
}

/** A connection's calls with a transcript and no insights of `version` yet, by id after `afterId`, `limit` at a time. */
export async function listCallIdsWithoutInsights(
  db: Kysely<Database>,
  input: { connectionId: string; version: number; afterId: string | null; limit: number },
): Promise<string[]> {
  let query = db
    .selectFrom("calls")
    .leftJoin("call_insights", "call_insights.call_id", "calls.id")
    .select("calls.id")
    .where("calls.connection_id", "=", input.connectionId)
    .where("calls.transcript_status", "=", "ready")
    .where((eb) => eb.or([eb("call_insights.call_id", "is", null), eb("call_insights.version", "<", input.version)]))
    .orderBy("calls.id")
    .limit(input.limit);
  if (input.afterId) query = query.where("calls.id", ">", input.afterId);
  return (await query.execute()).map((row) => row.id);
}
