import { type Kysely, sql } from "kysely";
import type { Database, QuarantinedGongRecord, QuarantineSource } from "@/db/schema";
import { listDeletedCallGongIds } from "./deleted-calls";

export type QuarantineEntry = { gongId: string; source: QuarantineSource; fieldPath: string; valueType: string };

type Scope = { organizationId: string; connectionId: string };

/**
 * Records Gong calls that failed validation, one row per call: seen again, the row takes the latest failure, so
 * a retried step changes nothing. A call an admin deleted is left out; no sync would store it anyway.
 */
export async function quarantineGongRecords(db: Kysely<Database>, scope: Scope, entries: QuarantineEntry[]): Promise<void> {
  const latest = [...new Map(entries.map((entry) => [entry.gongId, entry])).values()];
  const deleted = await listDeletedCallGongIds(db, scope.organizationId, latest.map((entry) => entry.gongId));
  const rows = latest
    .filter((entry) => !deleted.has(entry.gongId))
    .map((entry) => ({
      organization_id: scope.organizationId,
      connection_id: scope.connectionId,
      gong_id: entry.gongId,
      source: entry.source,
      field_path: entry.fieldPath,
      value_type: entry.valueType,
    }));
  if (rows.length === 0) return;
  await db
    .insertInto("quarantined_gong_records")
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(["organization_id", "gong_id"]).doUpdateSet((eb) => ({
        connection_id: eb.ref("excluded.connection_id"),
        source: eb.ref("excluded.source"),
        field_path: eb.ref("excluded.field_path"),
        value_type: eb.ref("excluded.value_type"),
        last_seen_at: sql`now()`,
      })),
    )
    .execute();
}

/**
 * Lets go of calls that were stored after all: a call quarantined for itself once the call is stored, one
 * quarantined for its transcript once the transcript is.
 */
export async function releaseQuarantinedRecords(db: Kysely<Database>, organizationId: string, source: QuarantineSource, gongIds: string[]): Promise<void> {
  if (gongIds.length === 0) return;
  await db
    .deleteFrom("quarantined_gong_records")
    .where("organization_id", "=", organizationId)
    .where("source", "=", source)
    .where("gong_id", "in", gongIds)
    .execute();
}

/** Forgets a connection's quarantined calls whatever they failed in: Gong no longer has them. */
export async function forgetQuarantinedRecords(db: Kysely<Database>, connectionId: string, gongIds: string[]): Promise<void> {
  if (gongIds.length === 0) return;
  await db.deleteFrom("quarantined_gong_records").where("connection_id", "=", connectionId).where("gong_id", "in", gongIds).execute();
}

/** The organization's quarantined calls, most recently seen first, and how many there are in all. */
export async function listQuarantinedRecords(
  db: Kysely<Database>,
  organizationId: string,
  limit = 50,
): Promise<{ records: QuarantinedGongRecord[]; total: number }> {
  const [records, count] = await Promise.all([
    db
      .selectFrom("quarantined_gong_records")
      .selectAll()
      .where("organization_id", "=", organizationId)
      .orderBy("last_seen_at", "desc")
      .orderBy("gong_id")
      .limit(limit)
      .execute(),
    db
      .selectFrom("quarantined_gong_records")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("organization_id", "=", organizationId)
      .executeTakeFirstOrThrow(),
  ]);
  return { records, total: Number(count.n) };
}

export function getQuarantinedRecord(db: Kysely<Database>, organizationId: string, gongId: string): Promise<QuarantinedGongRecord | undefined> {
  return db
    .selectFrom("quarantined_gong_records")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("gong_id", "=", gongId)
    .executeTakeFirst();
}

/**
 * Up to `limit` of a connection's quarantined calls last seen before `seenBefore` (a run's start: calls that run
 * met again itself are not asked for twice), longest waiting first.
 */
export async function listQuarantinedCallIdsToRetry(db: Kysely<Database>, connectionId: string, seenBefore: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("quarantined_gong_records")
    .select("gong_id")
    .where("connection_id", "=", connectionId)
    .where("last_seen_at", "<", seenBefore)
    .orderBy("last_seen_at")
    .orderBy("gong_id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.gong_id);
}
