import { type Kysely, sql } from "kysely";
import { replaceTranscripts } from "@/db/queries/call-sync";
import type { Database, TranscriptUnavailableReason } from "@/db/schema";
import type { SegmentRecord } from "@/lib/sync/to-call-records";

/**
 * Stores transcripts for calls already synced (a page's, or late ones) and marks those calls ready, in two
 * statements for the calls and one or a few for the sentences; returns the calls that got one.
 */
export async function storeLateTranscripts(
  db: Kysely<Database>,
  organizationId: string,
  transcripts: { callGongId: string; segments: SegmentRecord[] }[],
): Promise<{ callId: string; gongId: string }[]> {
  if (transcripts.length === 0) return [];
  const rows = await sql<{ id: string; gong_id: string }>`
    update calls set transcript_status = 'ready', transcript_unavailable_reason = null,
      transcript_segment_count = t.count, updated_at = now()
    from unnest(${sql.val(transcripts.map((entry) => entry.callGongId))}::text[], ${sql.val(transcripts.map((entry) => entry.segments.length))}::int[]) as t(gong_id, count)
    where calls.organization_id = ${organizationId} and calls.gong_id = t.gong_id
    returning calls.id, calls.gong_id`.execute(db);
  const stored = rows.rows.map((row) => ({ callId: row.id, gongId: row.gong_id }));
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

/** How many of these calls hold their transcript, whichever sync stored it. */
export async function countCallsWithTranscript(db: Kysely<Database>, organizationId: string, gongIds: string[]): Promise<number> {
  if (gongIds.length === 0) return 0;
  const row = await db
    .selectFrom("calls")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("organization_id", "=", organizationId)
    .where("gong_id", "in", gongIds)
    .where("transcript_status", "=", "ready")
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Pending transcripts that will not come: Gong made none within 48 hours, or the scope is no longer granted. */
export async function markTranscriptsUnavailable(
  db: Kysely<Database>,
  organizationId: string,
  gongIds: string[],
  reason: TranscriptUnavailableReason,
): Promise<void> {
  if (gongIds.length === 0) return;
  await db
    .updateTable("calls")
    .set({ transcript_status: "unavailable", transcript_unavailable_reason: reason, updated_at: new Date() })
    .where("organization_id", "=", organizationId)
    .where("gong_id", "in", gongIds)
    .where("transcript_status", "=", "pending")
    .execute();
}
