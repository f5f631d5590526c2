import type { Kysely } from "kysely";
import { upsertSyncedCalls, type SyncedTranscript } from "@/db/queries/call-sync";
import { forgetDeletedCalls } from "@/db/queries/deleted-calls";
import { getGongConnection } from "@/db/queries/gong-connections";
import { quarantineGongRecords, releaseQuarantinedRecords } from "@/db/queries/quarantined-gong-records";
import { recordSyncRunProgress } from "@/db/queries/sync-run-progress";
import type { Database } from "@/db/schema";
import { type ExtensiveCallsFilter, listExtensiveCalls } from "@/lib/gong/client";
import type { GongAppConfig } from "@/lib/gong-connection/config";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { fetchTranscripts, noTranscripts, TRANSCRIPT_SCOPE } from "./fetch-transcripts";
import { toQuarantineEntries } from "./quarantine-entries";
import { isRejectedCursor } from "./rejected-cursor";
import { toCallRecords } from "./to-call-records";
import { withSpan } from "@/lib/observability/tracing";

export type CallPageInput = {
  connectionId: string;
  /** Where the page reports its numbers: the run, and a key stable across retries of this page. */
  progress?: { runId: string; key: string };
  filter: ExtensiveCallsFilter;
  cursor?: string | null;
  /** An admin asked for these calls: a deleted call comes back. Otherwise deleted calls are skipped. */
  explicit: boolean;
  /**
   * "later": store the calls as pending and leave their transcripts to a step of their own (fetchLateTranscripts),
   * so a workspace's next page is fetched while this page's sentences are written.
   */
  transcripts?: "inline" | "later";
};

export type CallPageResult = {
  nextCursor: string | null;
  callIds: string[];
  pendingGongIds: string[];
  calls: number;
  /** Calls, or transcripts, of the page that failed validation and were quarantined instead of stored. */
  quarantined: number;
  /** Gong rejected `cursor` (expired); nothing was stored and the window must be read again from its start. */
  cursorExpired: boolean;
};

/**
 * One page of calls: `calls/extensive` (100 calls), then `calls/transcript` for all of them (one request unless
 * Gong pages the transcripts; none with `transcripts: "later"`), then one transaction storing calls, parties,
 * transcripts and the page's progress. A call that fails validation is quarantined, not the page: the rest is
 * stored; a call whose transcript fails is stored with its transcript pending, quarantined, and not waited for.
 */
export async function syncCallPage(db: Kysely<Database>, config: GongAppConfig, input: CallPageInput): Promise<CallPageResult> {
  const connection = await getGongConnection(db, input.connectionId);
  if (!connection) throw new Error(`Gong connection ${input.connectionId} no longer exists`);
  const scopes = new Set(connection.granted_scopes);
  const context = await createGongContext(db, config, input.connectionId);

  const content = { parties: true, media: scopes.has("api:calls:read:media-url") };
  const page = await listExtensiveCalls(context, { filter: input.filter, cursor: input.cursor ?? undefined, content }).catch((error: unknown) => {
    if (isRejectedCursor(error, input.cursor)) return null;
    throw error;
  });
  if (!page) return { nextCursor: null, callIds: [], pendingGongIds: [], calls: 0, quarantined: 0, cursorExpired: true };
  const gongIds = page.items.map((call) => call.metaData.id);
  const granted = scopes.has(TRANSCRIPT_SCOPE);
  const fetched = granted && input.transcripts !== "later" ? await fetchTranscripts(context, gongIds) : noTranscripts();
  const unreadable = new Set(fetched.rejected.map((record) => record.gongId));

  const transcriptOf = (gongId: string): SyncedTranscript => (granted ? (fetched.transcripts.get(gongId) ?? "pending") : "scope_missing");
  const records = page.items.map((call) => ({ ...toCallRecords(call), transcript: transcriptOf(call.metaData.id) }));
  const quarantine = [...toQuarantineEntries(page.rejected, "call", connection.id), ...toQuarantineEntries(fetched.rejected, "transcript", connection.id)];
  const stored = await withSpan("sync.store_calls", { "callbridge.connection_id": connection.id, "callbridge.calls": records.length }, () => db.transaction().execute(async (trx) => {
    const organizationId = connection.organization_id;
    const scope = { organizationId, connectionId: connection.id, skipDeleted: !input.explicit };
    const upserted = await upsertSyncedCalls(trx, scope, records);
    if (input.explicit) await forgetDeletedCalls(trx, organizationId, gongIds);
    const written = records.filter((record) => upserted.ids.has(record.call.gong_id));
    await releaseQuarantinedRecords(trx, organizationId, "call", written.map((record) => record.call.gong_id));
    await releaseQuarantinedRecords(trx, organizationId, "transcript", written.filter((record) => Array.isArray(record.transcript)).map((record) => record.call.gong_id));
    await quarantineGongRecords(trx, scope, quarantine);
    const pendingGongIds = written.filter((record) => record.transcript === "pending" && !unreadable.has(record.call.gong_id)).map((record) => record.call.gong_id);
    const quarantined = page.rejected.length + fetched.rejected.length;
    if (input.progress) {
      await recordSyncRunProgress(trx, input.progress.runId, input.progress.key, {
        pages: 1,
        calls: written.length,
        transcripts: written.filter((record) => Array.isArray(record.transcript)).length,
        transcripts_pending: pendingGongIds.length,
        skipped_deleted: upserted.skippedDeleted,
        quarantined,
        calls_total: input.cursor ? null : (page.records?.totalRecords ?? page.items.length + page.rejected.length),
      });
    }
    return { callIds: [...upserted.ids.values()], pendingGongIds, calls: written.length, quarantined };
  }));
  return { nextCursor: page.nextCursor, ...stored, cursorExpired: false };
}
