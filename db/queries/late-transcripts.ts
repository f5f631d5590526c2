import type { Kysely } from "kysely";
import { replaceTranscripts } from "@/db/queries/call-sync";
import type { Database, TranscriptUnavailableReason } from "@/db/schema";
import type { SegmentRecord } from "@/lib/sync/to-call-records";

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
      .set({ transcript_status: "ready", transcript_unavailable_reason: null, transcript_segment_count: segments.length, updated_at: new Date() })
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
