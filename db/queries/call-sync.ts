import { type Kysely, sql } from "kysely";
import { listDeletedCallGongIdsForWrite } from "@/db/queries/deleted-calls";
import type { Database } from "@/db/schema";
import type { CallRecord, PartyRecord, SegmentRecord } from "@/lib/sync/to-call-records";

const SEGMENT_CHUNK = 5_000;

/** A call's transcript as its page saw it: the sentences, not finished by Gong yet, or not readable without the scope. */
export type SyncedTranscript = SegmentRecord[] | "pending" | "scope_missing";

export type SyncedCall = { call: CallRecord; parties: PartyRecord[]; transcript: SyncedTranscript };

export type UpsertedCalls = { ids: Map<string, string>; skippedDeleted: number };

/**
 * Upserts calls, their parties and (when given) their transcripts, keyed by Gong's ids, so writing the same
 * page twice changes nothing. With `skipDeleted`, calls an admin deleted are left out, decided inside the
 * caller's transaction so a delete that commits while the page was being fetched still wins.
 */
export async function upsertSyncedCalls(
  db: Kysely<Database>,
  scope: { organizationId: string; connectionId: string; skipDeleted: boolean },
  calls: SyncedCall[],
): Promise<UpsertedCalls> {
  const ids = new Map<string, string>();
  calls = [...new Map(calls.map((entry) => [entry.call.gong_id, entry])).values()];
  const deleted = scope.skipDeleted
    ? await listDeletedCallGongIdsForWrite(db, scope.organizationId, calls.map((entry) => entry.call.gong_id))
    : new Set<string>();
  calls = calls.filter((entry) => !deleted.has(entry.call.gong_id));
  if (calls.length === 0) return { ids, skippedDeleted: deleted.size };
  const rows = await db
    .insertInto("calls")
    .values(
      calls.map(({ call, transcript }) => ({
        ...call,
        organization_id: scope.organizationId,
        connection_id: scope.connectionId,
        media_fetched_at: call.audio_url || call.video_url ? new Date() : null,
        transcript_status: Array.isArray(transcript) ? ("ready" as const) : transcript === "pending" ? ("pending" as const) : ("unavailable" as const),
        transcript_segment_count: Array.isArray(transcript) ? transcript.length : 0,
        transcript_unavailable_reason: transcript === "scope_missing" ? ("scope_missing" as const) : null,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(["organization_id", "gong_id"]).doUpdateSet((eb) => ({
        connection_id: eb.ref("excluded.connection_id"),
        workspace_gong_id: eb.ref("excluded.workspace_gong_id"),
        title: eb.ref("excluded.title"),
        url: eb.ref("excluded.url"),
        scheduled_at: eb.ref("excluded.scheduled_at"),
        started_at: eb.ref("excluded.started_at"),
        duration_seconds: eb.ref("excluded.duration_seconds"),
        primary_user_gong_id: eb.ref("excluded.primary_user_gong_id"),
        direction: eb.ref("excluded.direction"),
        system: eb.ref("excluded.system"),
        scope: eb.ref("excluded.scope"),
        media_type: eb.ref("excluded.media_type"),
        language: eb.ref("excluded.language"),
        purpose: eb.ref("excluded.purpose"),
        meeting_url: eb.ref("excluded.meeting_url"),
        is_private: eb.ref("excluded.is_private"),
        content: eb.ref("excluded.content"),
        interaction: eb.ref("excluded.interaction"),
        audio_url: sql`coalesce(excluded.audio_url, calls.audio_url)`,
        video_url: sql`coalesce(excluded.video_url, calls.video_url)`,
        media_fetched_at: sql`coalesce(excluded.media_fetched_at, calls.media_fetched_at)`,
        // A stored transcript is never demoted by a later page without one; a call that lacked only the scope
        // becomes pending once the scope is granted, and one given up on after 48 hours stays unavailable.
        transcript_status: sql`case
          when excluded.transcript_status = 'ready' or calls.transcript_status = 'ready' then 'ready'
          when excluded.transcript_unavailable_reason = 'scope_missing' then 'unavailable'
          when calls.transcript_unavailable_reason = 'scope_missing' then 'pending'
          else calls.transcript_status end`,
        transcript_unavailable_reason: sql`case
          when excluded.transcript_status = 'ready' or calls.transcript_status = 'ready' then null
          when excluded.transcript_unavailable_reason = 'scope_missing' then 'scope_missing'
          when calls.transcript_unavailable_reason = 'scope_missing' then null
          else calls.transcript_unavailable_reason end`,
        transcript_segment_count: sql`case when excluded.transcript_status = 'ready' then excluded.transcript_segment_count else calls.transcript_segment_count end`,
        synced_at: sql`now()`,
        updated_at: sql`now()`,
      })),
    )
    .returning(["id", "gong_id"])
    .execute();
  for (const row of rows) ids.set(row.gong_id, row.id);

  const callIds = [...ids.values()];
  const parties = uniqueBy(
    calls.flatMap(({ call, parties }) => parties.map((party) => ({ ...party, call_id: ids.get(call.gong_id)! }))),
    (party) => `${party.call_id}/${party.gong_id}`,
  );
  await replaceParties(db, callIds, parties);
  await replaceTranscripts(
    db,
    calls.flatMap(({ call, transcript }) => (Array.isArray(transcript) ? [{ callId: ids.get(call.gong_id)!, segments: transcript }] : [])),
  );
  return { ids, skippedDeleted: deleted.size };
}

/** Parties of a whole page in two statements: drop the ones Gong no longer lists, upsert the rest. */
async function replaceParties(db: Kysely<Database>, callIds: string[], parties: (PartyRecord & { call_id: string })[]): Promise<void> {
  const keep = parties.map((party) => `${party.call_id}/${party.gong_id}`);
  await db
    .deleteFrom("call_parties")
    .where("call_id", "in", callIds)
    .where(sql<boolean>`call_id::text || '/' || gong_id <> all(${sql.val(keep)}::text[])`)
    .execute();
  if (parties.length === 0) return;
  await db
    .insertInto("call_parties")
    .values(parties)
    .onConflict((conflict) =>
      conflict.columns(["call_id", "gong_id"]).doUpdateSet((eb) => ({
        speaker_id: eb.ref("excluded.speaker_id"),
        user_gong_id: eb.ref("excluded.user_gong_id"),
        name: eb.ref("excluded.name"),
        email: eb.ref("excluded.email"),
        title: eb.ref("excluded.title"),
        affiliation: eb.ref("excluded.affiliation"),
        methods: eb.ref("excluded.methods"),
      })),
    )
    .execute();
}

/**
 * Transcript sentences are keyed by position; a shorter new transcript drops the old tail. The insights of a call
 * whose sentences changed are deleted in the same statements, so whichever path stored the transcript (a page, a
 * late check, a resync) the call is found again by listCallIdsWithoutInsights and recomputed on view.
 */
export async function replaceTranscripts(db: Kysely<Database>, transcripts: { callId: string; segments: SegmentRecord[] }[]): Promise<void> {
  if (transcripts.length === 0) return;
  const callIds = transcripts.map((entry) => entry.callId);
  const lengths = transcripts.map((entry) => entry.segments.length);
  await sql`
    with dropped as (
      delete from transcript_segments s
      using unnest(${sql.val(callIds)}::uuid[], ${sql.val(lengths)}::int[]) as t(call_id, length)
      where s.call_id = t.call_id and s.position >= t.length
      returning s.call_id)
    delete from call_insights where call_id in (select call_id from dropped)`.execute(db);
  const rows = transcripts.flatMap(({ callId, segments }) => segments.map((segment) => ({ ...segment, call_id: callId })));
  // One statement with seven array parameters: far cheaper to send and plan than thousands of bound values.
  for (let start = 0; start < rows.length; start += SEGMENT_CHUNK) {
    const chunk = rows.slice(start, start + SEGMENT_CHUNK);
    const column = <K extends keyof (typeof chunk)[number]>(key: K) => sql.val(chunk.map((row) => row[key]));
    // Only sentences inserted or altered come back, so the same transcript stored again keeps its insights.
    await sql`
      with written as (
        insert into transcript_segments (call_id, position, speaker_id, topic, start_ms, end_ms, text, organization_id)
        select u.*, calls.organization_id from unnest(
          ${column("call_id")}::uuid[], ${column("position")}::int[], ${column("speaker_id")}::text[], ${column("topic")}::text[],
          ${column("start_ms")}::int[], ${column("end_ms")}::int[], ${column("text")}::text[]) as u(call_id)
        join calls on calls.id = u.call_id
        on conflict (call_id, position) do update set
          speaker_id = excluded.speaker_id, topic = excluded.topic, start_ms = excluded.start_ms,
          end_ms = excluded.end_ms, text = excluded.text
        where (transcript_segments.speaker_id, transcript_segments.topic, transcript_segments.start_ms, transcript_segments.end_ms, transcript_segments.text)
          is distinct from (excluded.speaker_id, excluded.topic, excluded.start_ms, excluded.end_ms, excluded.text)
        returning call_id)
      delete from call_insights where call_id in (select distinct call_id from written)`.execute(db);
  }
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
