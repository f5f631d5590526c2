import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "@/db/schema";
import type { CallCursor } from "@/lib/calls/call-cursor";
import { type CallViewer, whereTeamCall, whereVisibleTo } from "./call-access";

export type CallListFilters = {
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  workspaceGongId?: string;
  participant?: string;
  hasTranscript?: boolean;
  /** Only calls where this tracker has hits, as their stored insights counted them. */
  trackerId?: string;
  /** Only calls of the viewer's team (their reports in Gong); none for a viewer without one. */
  team?: boolean;
  q?: string;
};

/**
 * How a transcript search narrows the list. Paging by date and checking each call's sentences finds a page
 * of a common term at once but walks every call for a rare one; listing a term's calls from the GIN index
 * is instant for a rare term but reads millions of entries for a common one. So: check the newest calls
 * first ("recent"), and only when they don't fill a page ask the index ("ids"); "scan" is the fallback.
 */
export type SearchStrategy = { kind: "recent"; calls: number } | { kind: "ids"; callIds: string[] } | { kind: "scan" };

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);
export const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

function applyListFilters<O>(
  query: SelectQueryBuilder<Database, "calls", O>,
  viewer: CallViewer,
  filters: CallListFilters,
  cursor: CallCursor | null,
): SelectQueryBuilder<Database, "calls", O> {
  let next = query.where(whereVisibleTo(viewer)).where("calls.organization_id", "=", viewer.organizationId);
  if (filters.from) next = next.where("calls.started_at", ">=", filters.from);
  if (filters.to) next = next.where("calls.started_at", "<", filters.to);
  if (filters.workspaceGongId) next = next.where("calls.workspace_gong_id", "=", filters.workspaceGongId);
  if (filters.hasTranscript) next = next.where("calls.transcript_status", "=", "ready");
  if (filters.team) next = next.where(whereTeamCall(viewer));
  if (filters.participant) {
    const pattern = `%${escapeLike(filters.participant)}%`;
    next = next.where((eb) =>
      eb.exists(
        eb
          .selectFrom("call_parties")
          .select(sql`1`.as("one"))
          .whereRef("call_parties.call_id", "=", "calls.id")
          .where((party) => party.or([party("call_parties.name", "ilike", pattern), party("call_parties.email", "ilike", pattern)])),
      ),
    );
  }
  if (filters.trackerId) {
    next = next.where(sql<boolean>`exists (
      select 1 from call_insights, jsonb_array_elements(call_insights.insights -> 'trackers') as tracker
      where call_insights.call_id = calls.id and tracker ->> 'trackerId' = ${filters.trackerId} and (tracker ->> 'count')::int > 0)`);
  }
  if (cursor) next = next.where(sql<boolean>`(calls.started_at, calls.id) < (${cursor.startedAt}::timestamptz, ${cursor.id}::uuid)`);
  return next.orderBy("calls.started_at", "desc").orderBy("calls.id", "desc");
}

/** The list query itself, exported so the benchmark can EXPLAIN exactly what the page runs. */
export function buildVisibleCallsQuery(
  db: Kysely<Database>,
  viewer: CallViewer,
  filters: CallListFilters,
  cursor: CallCursor | null,
  limit: number,
  search: SearchStrategy = { kind: "scan" },
) {
  let query = applyListFilters(
    db
      .selectFrom("calls")
      .select(["calls.id", "calls.title", "calls.started_at", "calls.duration_seconds", "calls.transcript_status", "calls.is_private", "calls.primary_user_gong_id", "calls.system"])
      .select(sql<string>`calls.started_at::text`.as("started_at_text")),
    viewer,
    filters,
    cursor,
  );
  const q = filters.q;
  if (q && search.kind === "ids") query = query.where(sql<boolean>`calls.id = any(${search.callIds}::uuid[])`);
  if (q && search.kind === "recent") {
    const recent = applyListFilters(db.selectFrom("calls").select("calls.id"), viewer, { ...filters, q: undefined }, cursor).limit(search.calls);
    query = query.where("calls.id", "in", recent);
  }
  if (q && search.kind !== "ids") {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("transcript_segments")
          .select(sql`1`.as("one"))
          .whereRef("transcript_segments.call_id", "=", "calls.id")
          .where(sql<boolean>`transcript_segments.search_vector @@ ${tsQuery(q)}`),
      ),
    );
  }
  return query.limit(limit + 1);
}

/** Checked one by one before the index is asked; a term in ≥ 10 % of calls fills a page from these. */
const RECENT_CALLS_SCANNED = 500;
/** More matching sentences than this and listing the term's calls from the index costs more than paging. */
export const INDEX_SENTENCE_LIMIT = 20_000;

/** The index lookup itself, exported so tests and the benchmark can EXPLAIN exactly what the page runs. */
export function buildCallsMatchingSearchQuery(organizationId: string, q: string) {
  // Spelled as the index's first key, `array[organization_id]`, so the lookup is scoped in the index itself.
  return sql<{ call_id: string }>`
    select call_id from transcript_segments
    where array[organization_id] @> array[${organizationId}::uuid] and search_vector @@ ${tsQuery(q)}
    limit ${INDEX_SENTENCE_LIMIT + 1}`;
}

/**
 * An organization's calls containing a term, from the GIN index; null when the term is too common there to list
 * them all. The organization is part of the index lookup (the index's first key), so other organizations' sentences
 * are never read, and their volume can't push this one's search onto the slow path.
 */
export async function findCallsMatchingSearch(db: Kysely<Database>, organizationId: string, q: string): Promise<string[] | null> {
  const { rows } = await buildCallsMatchingSearchQuery(organizationId, q).execute(db);
  return rows.length > INDEX_SENTENCE_LIMIT ? null : [...new Set(rows.map((row) => row.call_id))];
}

/** One page (plus one row, to know there is a next page) of visible calls, choosing the search strategy. */
export async function selectVisibleCallRows(db: Kysely<Database>, viewer: CallViewer, filters: CallListFilters, cursor: CallCursor | null, limit: number) {
  if (!filters.q) return buildVisibleCallsQuery(db, viewer, filters, cursor, limit).execute();
  const recent = await buildVisibleCallsQuery(db, viewer, filters, cursor, limit, { kind: "recent", calls: RECENT_CALLS_SCANNED }).execute();
  if (recent.length > limit) return recent;
  const callIds = await findCallsMatchingSearch(db, viewer.organizationId, filters.q);
  if (callIds?.length === 0) return [];
  return buildVisibleCallsQuery(db, viewer, filters, cursor, limit, callIds ? { kind: "ids", callIds } : { kind: "scan" }).execute();
}
