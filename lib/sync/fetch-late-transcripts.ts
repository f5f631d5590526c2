import type { Kysely } from "kysely";
import { countCallsWithTranscript, listPendingTranscriptCallIds, markTranscriptsUnavailable, storeLateTranscripts } from "@/db/queries/late-transcripts";
import { quarantineGongRecords, releaseQuarantinedRecords } from "@/db/queries/quarantined-gong-records";
import { recordSyncRunProgress } from "@/db/queries/sync-run-progress";
import type { Database } from "@/db/schema";
import type { GongAppConfig } from "@/lib/gong-connection/config";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { fetchTranscripts, noTranscripts, TRANSCRIPT_SCOPE } from "./fetch-transcripts";
import { getGongConnectionOrNull } from "./get-gong-connection-or-null";
import { toQuarantineEntries } from "./quarantine-entries";

export type LateTranscriptCheck = {
  connectionId: string;
  callGongIds: string[];
  /** The run that counted these calls as pending, and a key stable across retries of this check. */
  progress?: { runId: string; key: string };
};

/**
 * One transcript request for the calls still pending; returns what arrived and what is still missing. The run
 * that counted the calls as pending counts each one resolved here (arrived, or no longer pending) off again, and
 * counts as its transcripts every one of these calls that now has one. A transcript that arrives but fails
 * validation is quarantined and not waited for: asking again within the hour would get the same answer; the next
 * sync tries it again.
 */
export async function fetchLateTranscripts(
  db: Kysely<Database>,
  config: GongAppConfig,
  input: LateTranscriptCheck,
): Promise<{ stored: string[]; remaining: string[] }> {
  const connection = await getGongConnectionOrNull(db, input.connectionId);
  if (!connection) return { stored: [], remaining: [] };
  const organizationId = connection.organization_id;
  const pending = await listPendingTranscriptCallIds(db, organizationId, input.callGongIds);
  // The grant was withdrawn since the page was stored: asking would only earn a 401, so nothing is awaited.
  const granted = connection.granted_scopes.includes(TRANSCRIPT_SCOPE);
  const fetched = granted && pending.length > 0 ? await fetchTranscripts(await createGongContext(db, config, input.connectionId), pending) : noTranscripts();
  const unreadable = new Set(fetched.rejected.map((record) => record.gongId));
  // Status and sentences change together, so nobody sees a "ready" call without its transcript.
  return db.transaction().execute(async (trx) => {
    const stored = await storeLateTranscripts(trx, organizationId, [...fetched.transcripts].map(([callGongId, segments]) => ({ callGongId, segments })));
    const arrived = new Set(stored.map((entry) => entry.gongId));
    await releaseQuarantinedRecords(trx, organizationId, "transcript", [...arrived]);
    await quarantineGongRecords(trx, { organizationId, connectionId: connection.id }, toQuarantineEntries(fetched.rejected, "transcript", connection.id));
    const remaining = granted ? pending.filter((gongId) => !arrived.has(gongId) && !unreadable.has(gongId)) : [];
    if (!granted) await markTranscriptsUnavailable(trx, organizationId, pending, "scope_missing");
    if (input.progress) {
      // A run counts the transcripts its calls have, so one re-reading calls whose transcripts were stored before
      // (a scheduled sync, a second backfill) shows them, not a 0 that reads like a failure.
      await recordSyncRunProgress(trx, input.progress.runId, input.progress.key, {
        transcripts: await countCallsWithTranscript(trx, organizationId, input.callGongIds),
        transcripts_pending: remaining.length - input.callGongIds.length,
        quarantined: fetched.rejected.length,
      });
    }
    return { stored: stored.map((entry) => entry.callId), remaining };
  });
}
