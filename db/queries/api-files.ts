import { type Kysely, sql } from "kysely";
import type { Database, TranscriptStatus } from "@/db/schema";
import type { CallCursor } from "@/lib/calls/call-cursor";

/** `from` and `to` are ISO-8601 strings, compared by Postgres so no precision is lost on the way. */
export type ApiFileFilters = { workspaceGongId?: string; from?: string; to?: string };

export type ApiFileRow = {
  id: string;
  gong_id: string;
  title: string;
  url: string | null;
  started_at: Date;
  /** started_at as Postgres prints it, to the microsecond; a JS Date would cut it to milliseconds. */
  started_at_text: string;
  duration_seconds: number | null;
  workspace_gong_id: string | null;
  workspace_name: string | null;
  transcript_status: TranscriptStatus;
  transcript_segment_count: number;
  synced_at: Date;
};

/**
 * The calls an API key may read. Private calls are for their participants only, and a key is no participant, so
 * they are left out everywhere the API reads calls (DESIGN.md, "Who may see what").
 */
function selectFiles(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom("calls")
    .leftJoin("gong_workspaces", (join) =>
      join.onRef("gong_workspaces.organization_id", "=", "calls.organization_id").onRef("gong_workspaces.gong_id", "=", "calls.workspace_gong_id"),
    )
    .select([
      "calls.id",
      "calls.gong_id",
      "calls.title",
      "calls.url",
      "calls.started_at",
      "calls.duration_seconds",
      "calls.workspace_gong_id",
      "gong_workspaces.name as workspace_name",
      "calls.transcript_status",
      "calls.transcript_segment_count",
      "calls.synced_at",
    ])
    .select(sql<string>`calls.started_at::text`.as("started_at_text"))
    .where("calls.organization_id", "=", organizationId)
    .where("calls.is_private", "=", false);
}

/** Newest first, keyset-paged on (started_at, id) so pages stay stable while syncs add calls. */
export function listApiFiles(
  db: Kysely<Database>,
  organizationId: string,
  options: ApiFileFilters & { cursor?: CallCursor; limit: number },
): Promise<ApiFileRow[]> {
  let query = selectFiles(db, organizationId);
  if (options.workspaceGongId) query = query.where("calls.workspace_gong_id", "=", options.workspaceGongId);
  if (options.from) query = query.where(sql<boolean>`calls.started_at >= ${options.from}::timestamptz`);
  if (options.to) query = query.where(sql<boolean>`calls.started_at < ${options.to}::timestamptz`);
  const cursor = options.cursor;
  if (cursor) query = query.where(sql<boolean>`(calls.started_at, calls.id) < (${cursor.startedAt}::timestamptz, ${cursor.id}::uuid)`);
  return query.orderBy("calls.started_at", "desc").orderBy("calls.id", "desc").limit(options.limit).execute();
}

export function getApiFile(db: Kysely<Database>, organizationId: string, idOrGongId: string): Promise<ApiFileRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrGongId);
  return selectFiles(db, organizationId)
    .where(isUuid ? "calls.id" : "calls.gong_id", "=", idOrGongId)
    .executeTakeFirst();
}

export function listApiFileParties(db: Kysely<Database>, callIds: string[]) {
  if (callIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("call_parties")
    .select(["call_id", "speaker_id", "name", "email", "title", "affiliation"])
    .where("call_id", "in", callIds)
    .orderBy("call_id")
    .orderBy("name")
    .execute();
}

export function listApiFileSegments(db: Kysely<Database>, callId: string) {
  return db
    .selectFrom("transcript_segments")
    .select(["speaker_id", "start_ms", "end_ms", "text"])
    .where("call_id", "=", callId)
    .orderBy("position")
    .execute();
}

/** The call row behind an API file, for exports; the caller has already checked it is one the key may read. */
export function getApiFileCall(db: Kysely<Database>, organizationId: string, callId: string) {
  return db
    .selectFrom("calls")
    .select(["id", "organization_id", "connection_id", "title", "started_at", "duration_seconds", "url"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", callId)
    .where("is_private", "=", false)
    .executeTakeFirst();
}
