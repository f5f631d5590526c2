import type { Kysely } from "kysely";
import { upsertSyncedCalls } from "@/db/queries/call-sync";
import { forgetDeletedCalls, listDeletedCallGongIds } from "@/db/queries/deleted-calls";
import { getGongConnection } from "@/db/queries/gong-connections";
import { addSyncRunProgress } from "@/db/queries/sync-runs";
import type { Database } from "@/db/schema";
import { type ExtensiveCallsFilter, listCallTranscripts, listExtensiveCalls } from "@/lib/gong/client";
import type { GongAppConfig } from "@/lib/gong-connection/config";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { toCallRecords, toSegmentRecords } from "./to-call-records";

export type CallPageInput = {
  connectionId: string;
  runId?: string;
  filter: ExtensiveCallsFilter;
  cursor?: string | null;
  /** An admin asked for these calls: a deleted call comes back. Otherwise deleted calls are skipped. */
  explicit: boolean;
};

export type CallPageResult = { nextCursor: string | null; callIds: string[]; pendingGongIds: string[]; calls: number };

/**
 * One page of calls: `calls/extensive` (100 calls), then ONE `calls/transcript` request for all of them, then
 * one transaction storing calls, parties, transcripts and the run's progress together.
 */
export async function syncCallPage(db: Kysely<Database>, config: GongAppConfig, input: CallPageInput): Promise<CallPageResult> {
  const connection = await getGongConnection(db, input.connectionId);
  if (!connection) throw new Error(`Gong connection ${input.connectionId} no longer exists`);
  const scopes = new Set(connection.granted_scopes);
  const context = await createGongContext(db, config, input.connectionId);

  const page = await listExtensiveCalls(context, {
    filter: input.filter,
    cursor: input.cursor ?? undefined,
    content: { parties: true, media: scopes.has("api:calls:read:media-url") },
  });
  const gongIds = page.items.map((call) => call.metaData.id);
  const deleted = input.explicit ? new Set<string>() : await listDeletedCallGongIds(db, connection.organization_id, gongIds);
  const calls = page.items.filter((call) => !deleted.has(call.metaData.id));

  const transcripts = new Map<string, ReturnType<typeof toSegmentRecords>>();
  if (calls.length > 0 && scopes.has("api:calls:read:transcript")) {
    const transcriptPage = await listCallTranscripts(context, { callIds: calls.map((call) => call.metaData.id) });
    for (const transcript of transcriptPage.items) transcripts.set(transcript.callId, toSegmentRecords(transcript));
  }

  const records = calls.map((call) => ({ ...toCallRecords(call), segments: transcripts.get(call.metaData.id) ?? null }));
  const pendingGongIds = records.filter((record) => record.segments === null).map((record) => record.call.gong_id);
  const ids = await db.transaction().execute(async (trx) => {
    const stored = await upsertSyncedCalls(trx, { organizationId: connection.organization_id, connectionId: connection.id }, records);
    if (input.explicit) await forgetDeletedCalls(trx, connection.organization_id, gongIds);
    if (input.runId) {
      await addSyncRunProgress(trx, input.runId, {
        pages: 1,
        calls: records.length,
        transcripts: records.length - pendingGongIds.length,
        transcripts_pending: pendingGongIds.length,
        skipped_deleted: deleted.size,
        ...(input.cursor ? {} : { calls_total: page.records?.totalRecords ?? page.items.length }),
      });
    }
    return stored;
  });
  return { nextCursor: page.nextCursor, callIds: [...ids.values()], pendingGongIds, calls: records.length };
}
