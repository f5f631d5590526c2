import { type Kysely, sql } from "kysely";
import type { Database, TranscriptStatus } from "@/db/schema";
import type { CallCursor } from "@/lib/calls/call-cursor";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/calls/highlight-snippet";
import type { CallViewer } from "./call-access";
import { listGongUserNames } from "./gong-user-names";
import { type CallListFilters, selectVisibleCallRows, tsQuery } from "./calls-list-query";

export type { CallListFilters };

export type CallListParty = { name: string | null; email: string | null; affiliation: string };
export type CallListSnippet = { headline: string; position: number; startMs: number };

/** Who Gong says owns a call: shown for imported calls, for which Gong lists no parties. */
export type CallListHost = { name: string; system: string | null };

export type CallListRow = {
  id: string;
  title: string;
  startedAt: Date;
  durationSeconds: number | null;
  transcriptStatus: TranscriptStatus;
  isPrivate: boolean;
  parties: CallListParty[];
  /** Only for a call without parties. */
  host: CallListHost | null;
  snippet: CallListSnippet | null;
};

export type CallListPage = { rows: CallListRow[]; nextCursor: CallCursor | null };

/** One page of the calls a viewer may see, newest first, keyset-paginated on (started_at desc, id desc). */
export async function listVisibleCalls(
  db: Kysely<Database>,
  viewer: CallViewer,
  filters: CallListFilters,
  cursor: CallCursor | null,
  limit = 50,
): Promise<CallListPage> {
  const rows = await selectVisibleCallRows(db, viewer, filters, cursor, limit);
  const page = rows.slice(0, limit);
  const ids = page.map((row) => row.id);
  const [parties, snippets] = await Promise.all([listPartiesOf(db, ids), filters.q ? listSnippetsOf(db, ids, filters.q) : new Map()]);
  const hostIds = page.flatMap((row) => (!parties.has(row.id) && row.primary_user_gong_id ? [row.primary_user_gong_id] : []));
  const hosts = await listGongUserNames(db, viewer.organizationId, hostIds);
  const hostOf = (row: (typeof page)[number]): CallListHost | null => {
    const name = parties.has(row.id) || !row.primary_user_gong_id ? undefined : hosts.get(row.primary_user_gong_id);
    return name ? { name, system: row.system } : null;
  };
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      id: row.id,
      title: row.title,
      startedAt: row.started_at,
      durationSeconds: row.duration_seconds,
      transcriptStatus: row.transcript_status,
      isPrivate: row.is_private,
      parties: parties.get(row.id) ?? [],
      host: hostOf(row),
      snippet: snippets.get(row.id) ?? null,
    })),
    nextCursor: rows.length > limit && last ? { startedAt: last.started_at_text, id: last.id } : null,
  };
}

async function listPartiesOf(db: Kysely<Database>, callIds: string[]): Promise<Map<string, CallListParty[]>> {
  const byCall = new Map<string, CallListParty[]>();
  if (callIds.length === 0) return byCall;
  const rows = await db
    .selectFrom("call_parties")
    .select(["call_id", "name", "email", "affiliation"])
    .where("call_id", "in", callIds)
    .orderBy("call_id")
    .orderBy("affiliation", "desc")
    .orderBy("name")
    .execute();
  for (const { call_id, ...party } of rows) byCall.set(call_id, [...(byCall.get(call_id) ?? []), party]);
  return byCall;
}

/** The best-ranked matching sentence of each call, with matches between the highlight sentinels. */
async function listSnippetsOf(db: Kysely<Database>, callIds: string[], q: string): Promise<Map<string, CallListSnippet>> {
  const byCall = new Map<string, CallListSnippet>();
  if (callIds.length === 0) return byCall;
  const options = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, HighlightAll=false`;
  const { rows } = await sql<{ call_id: string; position: number; start_ms: number; headline: string }>`
    select best.call_id, best.position, best.start_ms, ts_headline('english', best.text, ${tsQuery(q)}, ${options}) as headline
    from (
      select distinct on (s.call_id) s.call_id, s.position, s.start_ms, s.text
      -- OFFSET 0 keeps the match out of the scan, so it reads the page's sentences by call_id instead of
      -- intersecting with a common term's whole GIN posting list.
      from (select * from transcript_segments where call_id = any(${callIds}::uuid[]) offset 0) s
      where s.search_vector @@ ${tsQuery(q)}
      order by s.call_id, ts_rank(s.search_vector, ${tsQuery(q)}) desc, s.position
    ) best
  `.execute(db);
  for (const row of rows) byCall.set(row.call_id, { headline: row.headline, position: row.position, startMs: row.start_ms });
  return byCall;
}
