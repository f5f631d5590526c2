import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";
import type { CallRecord, PartyRecord, SegmentRecord } from "@/lib/sync/to-call-records";

const SEGMENT_CHUNK = 5_000;

export type SyncedCall = { call: CallRecord; parties: PartyRecord[]; segments: SegmentRecord[] | null };

/**
 * Upserts calls, their parties and (when given) their transcripts, keyed by Gong's ids, so writing the same
 * page twice changes nothing. `segments: null` means Gong has no transcript yet: the call is marked pending.
 * Returns our call ids by Gong id.
 */
export async function upsertSyncedCalls(
  db: Kysely<Database>,
  scope: { organizationId: string; connectionId: string },
  calls: SyncedCall[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  calls = [...new Map(calls.map((entry) => [entry.call.gong_id, entry])).values()];
  if (calls.length === 0) return ids;
  const rows = await db
    .insertInto("calls")
    .values(
      calls.map(({ call, segments }) => ({
        ...call,
        organization_id: scope.organizationId,
        connection_id: scope.connectionId,
        media_fetched_at: call.audio_url || call.video_url ? new Date() : null,
        transcript_status: segments ? ("ready" as const) : ("pending" as const),
        transcript_segment_count: segments?.length ?? 0,
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
        // A transcript, once stored, is never demoted back to pending by a later page without one.
        transcript_status: sql`case when excluded.transcript_status = 'ready' then 'ready' else calls.transcript_status end`,
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
  const transcribed = calls.filter((entry) => entry.segments !== null);
  await replaceTranscripts(
    db,
    transcribed.map(({ call, segments }) => ({ callId: ids.get(call.gong_id)!, segments: segments! })),
  );
  return ids;
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

/** Transcript sentences are keyed by position; a shorter new transcript drops the old tail. */
async function replaceTranscripts(db: Kysely<Database>, transcripts: { callId: string; segments: SegmentRecord[] }[]): Promise<void> {
  if (transcripts.length === 0) return;
  const callIds = transcripts.map((entry) => entry.callId);
  const lengths = transcripts.map((entry) => entry.segments.length);
  await sql`
    delete from transcript_segments s
    using unnest(${sql.val(callIds)}::uuid[], ${sql.val(lengths)}::int[]) as t(call_id, length)
    where s.call_id = t.call_id and s.position >= t.length`.execute(db);
  const rows = transcripts.flatMap(({ callId, segments }) => segments.map((segment) => ({ ...segment, call_id: callId })));
  // One statement with seven array parameters: far cheaper to send and plan than thousands of bound values.
  for (let start = 0; start < rows.length; start += SEGMENT_CHUNK) {
    const chunk = rows.slice(start, start + SEGMENT_CHUNK);
    const column = <K extends keyof (typeof chunk)[number]>(key: K) => sql.val(chunk.map((row) => row[key]));
    await sql`
      insert into transcript_segments (call_id, position, speaker_id, topic, start_ms, end_ms, text)
      select * from unnest(
        ${column("call_id")}::uuid[], ${column("position")}::int[], ${column("speaker_id")}::text[], ${column("topic")}::text[],
        ${column("start_ms")}::int[], ${column("end_ms")}::int[], ${column("text")}::text[])
      on conflict (call_id, position) do update set
        speaker_id = excluded.speaker_id, topic = excluded.topic, start_ms = excluded.start_ms,
        end_ms = excluded.end_ms, text = excluded.text
      where (transcript_segments.speaker_id, transcript_segments.topic, transcript_segments.start_ms, transcript_segments.end_ms, transcript_segments.text)
        is distinct from (excluded.speaker_id, excluded.topic, excluded.start_ms, excluded.end_ms, excluded.text)`.execute(db);
  }
}

/** Stores late transcripts for calls already synced; returns the Gong ids that got one. */
export async function storeLateTranscripts(
  db: Kysely<Database>,
  organizationId: string,
  transcripts: { callGongId: string; segments: SegmentRecord[] }[],
): Promise<{ callId: string; gongId: string }[]> {
  const stored: { callId: string; gongId: string }[] = [];
  for (const { callGongId, segments } of transcripts) {
    const row = await db
      .updateTable("calls")
      .set({ transcript_status: "ready", transcript_segment_count: segments.length, updated_at: new Date() })
      .where("organization_id", "=", organizationId)
      .where("gong_id", "=", callGongId)
      .returning("id")
      .executeTakeFirst();
    if (row) stored.push({ callId: row.id, gongId: callGongId });
  }
  const segmentsByGongId = new Map(transcripts.map((entry) => [entry.callGongId, entry.segments]));
  await replaceTranscripts(db, stored.map(({ callId, gongId }) => ({ callId, segments: segmentsByGongId.get(gongId)! })));
  return stored;
}

export async function listPendingTranscriptCallIds(db: Kysely<Database>, organizationId: string, gongIds: string[]): Promise<string[]> {
  if (gongIds.length === 0) return [];
  const rows = await db
    .selectFrom("calls")
    .select("gong_id")
    .where("organization_id", "=", organizationId)
    .where("gong_id", "in", gongIds)
    .where("transcript_status", "=", "pending")
    .execute();
  return rows.map((row) => row.gong_id);
}

export async function markTranscriptsUnavailable(db: Kysely<Database>, organizationId: string, gongIds: string[]): Promise<void> {
  if (gongIds.length === 0) return;
  await db
    .updateTable("calls")
    .set({ transcript_status: "unavailable", updated_at: new Date() })
    .where("organization_id", "=", organizationId)
    .where("gong_id", "in", gongIds)
    .where("transcript_status", "=", "pending")
    .execute();
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
