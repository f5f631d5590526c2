import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export type StoredCallInsights = { version: number; trackersHash: string; insights: unknown; llmSummary: string | null; computedAt: Date };

export async function getCallInsights(db: Kysely<Database>, callId: string): Promise<StoredCallInsights | undefined> {
  const row = await db.selectFrom("call_insights").selectAll().where("call_id", "=", callId).executeTakeFirst();
  return (
    row && { version: row.version, trackersHash: row.trackers_hash, insights: row.insights, llmSummary: row.llm_summary, computedAt: row.computed_at }
  );
}

/**
 * The insights of a page of calls in one statement; their LLM summaries are left as they are. Insights are kept
 * only for a call whose stored transcript still has the `sentenceCount` they were computed from: a transcript that
 * arrived while they were computed deleted the call's insights (replaceTranscripts), and must not get stale ones
 * back. Returns the ids stored.
 */
export async function upsertManyCallInsights(
  db: Kysely<Database>,
  values: { callId: string; version: number; trackersHash: string; insights: unknown; sentenceCount: number }[],
): Promise<string[]> {
  if (values.length === 0) return [];
  const column = <T>(read: (value: (typeof values)[number]) => T) => sql.val(values.map(read));
  const { rows } = await sql<{ call_id: string }>`
    insert into call_insights (call_id, version, trackers_hash, insights, computed_at)
    select t.call_id, t.version, t.trackers_hash, t.insights, now()
    from unnest(${column((value) => value.callId)}::uuid[], ${column((value) => value.version)}::int[],
      ${column((value) => value.trackersHash)}::text[], ${column((value) => JSON.stringify(value.insights))}::jsonb[],
      ${column((value) => value.sentenceCount)}::int[]) as t(call_id, version, trackers_hash, insights, sentence_count),
      calls
    where calls.id = t.call_id and calls.transcript_segment_count = t.sentence_count
    on conflict (call_id) do update set
      version = excluded.version, trackers_hash = excluded.trackers_hash, insights = excluded.insights, computed_at = excluded.computed_at
    returning call_id`.execute(db);
  return rows.map((row) => row.call_id);
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

/** A connection's calls with insights of a transcript and no LLM summary yet, by id after `afterId`, `limit` at a time. */
export async function listCallIdsWithoutLlmSummary(
  db: Kysely<Database>,
  input: { connectionId: string; afterId: string | null; limit: number },
): Promise<string[]> {
  let query = db
    .selectFrom("calls")
    .innerJoin("call_insights", "call_insights.call_id", "calls.id")
    .select("calls.id")
    .where("calls.connection_id", "=", input.connectionId)
    .where("calls.transcript_segment_count", ">", 0)
    .where("call_insights.llm_summary", "is", null)
    .orderBy("calls.id")
    .limit(input.limit);
  if (input.afterId) query = query.where("calls.id", ">", input.afterId);
  return (await query.execute()).map((row) => row.id);
}

/**
 * An organization's calls with a transcript whose insights were computed against other trackers than `trackersHash`
 * (or never), by id after `afterId`, `limit` at a time.
 */
export async function listCallIdsWithStaleTrackerHits(
  db: Kysely<Database>,
  input: { organizationId: string; trackersHash: string; afterId: string | null; limit: number },
): Promise<string[]> {
  let query = db
    .selectFrom("calls")
    .leftJoin("call_insights", "call_insights.call_id", "calls.id")
    .select("calls.id")
    .where("calls.organization_id", "=", input.organizationId)
    .where("calls.transcript_status", "=", "ready")
    .where((eb) => eb.or([eb("call_insights.call_id", "is", null), eb("call_insights.trackers_hash", "<>", input.trackersHash)]))
    .orderBy("calls.id")
    .limit(input.limit);
  if (input.afterId) query = query.where("calls.id", ">", input.afterId);
  return (await query.execute()).map((row) => row.id);
}
