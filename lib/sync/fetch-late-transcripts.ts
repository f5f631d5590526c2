import type { Kysely } from "kysely";
import { listPendingTranscriptCallIds, storeLateTranscripts } from "@/db/queries/call-sync";
import type { Database } from "@/db/schema";
import { listCallTranscripts } from "@/lib/gong/client";
import type { GongAppConfig } from "@/lib/gong-connection/config";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { getGongConnectionOrNull } from "./get-gong-connection-or-null";
import { toSegmentRecords } from "./to-call-records";

/** One transcript request for the calls still pending; returns what arrived and what is still missing. */
export async function fetchLateTranscripts(
  db: Kysely<Database>,
  config: GongAppConfig,
  input: { connectionId: string; callGongIds: string[] },
): Promise<{ stored: string[]; remaining: string[] }> {
  const connection = await getGongConnectionOrNull(db, input.connectionId);
  if (!connection) return { stored: [], remaining: [] };
  const pending = await listPendingTranscriptCallIds(db, connection.organization_id, input.callGongIds);
  if (pending.length === 0) return { stored: [], remaining: [] };
  const context = await createGongContext(db, config, input.connectionId);
  const page = await listCallTranscripts(context, { callIds: pending });
  // Status and sentences change together, so nobody sees a "ready" call without its transcript.
  const stored = await db.transaction().execute((trx) =>
    storeLateTranscripts(
      trx,
      connection.organization_id,
      page.items.map((transcript) => ({ callGongId: transcript.callId, segments: toSegmentRecords(transcript) })),
    ),
  );
  const arrived = new Set(stored.map((entry) => entry.gongId));
  return { stored: stored.map((entry) => entry.callId), remaining: pending.filter((gongId) => !arrived.has(gongId)) };
}
