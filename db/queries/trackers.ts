import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database, Tracker } from "@/db/schema";
import { runInTransaction } from "./run-in-transaction";

export const DEFAULT_TRACKERS: { name: string; keywords: string[] }[] = [
  { name: "Competitors", keywords: ["Zlymbo", "Competix"] },
  { name: "Pricing", keywords: ["price", "pricing", "discount", "budget", "cost"] },
];

export function listTrackers(db: Kysely<Database>, organizationId: string): Promise<Tracker[]> {
  return db.selectFrom("trackers").selectAll().where("organization_id", "=", organizationId).orderBy("name").execute();
}

/**
 * An organization's trackers; the first time they are read, the organization is given the default keyword groups.
 * That happens once: an admin who deletes every tracker keeps none.
 */
export async function ensureDefaultTrackers(db: Kysely<Database>, organizationId: string): Promise<Tracker[]> {
  const existing = await listTrackers(db, organizationId);
  if (existing.length > 0) return existing;
  await seedDefaultTrackersOnce(db, organizationId);
  return listTrackers(db, organizationId);
}

async function seedDefaultTrackersOnce(db: Kysely<Database>, organizationId: string): Promise<void> {
  await runInTransaction(db, async (trx) => {
    // The row lock makes a concurrent first read wait here and then find the organization already seeded.
    const claimed = await trx
      .updateTable("organizations")
      .set({ default_trackers_seeded_at: sql`now()` })
      .where("id", "=", organizationId)
      .where("default_trackers_seeded_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!claimed) return;
    await trx
      .insertInto("trackers")
      .values(DEFAULT_TRACKERS.map((tracker) => ({ organization_id: organizationId, ...tracker })))
      .onConflict((conflict) => conflict.columns(["organization_id", "name"]).doNothing())
      .execute();
  });
}

export async function createTracker(db: Kysely<Database>, organizationId: string, input: { name: string; keywords: string[] }): Promise<Tracker> {
  return db.insertInto("trackers").values({ organization_id: organizationId, ...input }).returningAll().executeTakeFirstOrThrow();
}

export async function updateTracker(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
  input: { name: string; keywords: string[] },
): Promise<Tracker | undefined> {
  return db
    .updateTable("trackers")
    .set({ ...input, updated_at: new Date() })
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteTracker(db: Kysely<Database>, organizationId: string, id: string): Promise<Tracker | undefined> {
  return db.deleteFrom("trackers").where("organization_id", "=", organizationId).where("id", "=", id).returningAll().executeTakeFirst();
}

/** Stored beside insights: when an admin edits trackers the hash changes and tracker hits are recomputed on view. */
export function hashTrackers(trackers: Pick<Tracker, "id" | "name" | "keywords">[]): string {
  const canonical = [...trackers]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((tracker) => [tracker.id, tracker.name, [...tracker.keywords].sort()]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex").slice(0, 16);
}

export type TrackerHitCounts = {
  /** Per tracker id: calls with at least one hit, and hits in all. */
  byTracker: Map<string, { calls: number; mentions: number }>;
  /** Calls with a transcript whose hits were counted against other tracker definitions (or not yet at all). */
  uncounted: number;
};

/**
 * Tracker hits across an organization's calls, from the insights stored with each call. Only insights computed
 * against the current trackers (`trackersHash`) count; the others are recounted in the background after an edit.
 */
export async function countTrackerHits(db: Kysely<Database>, organizationId: string, trackersHash: string): Promise<TrackerHitCounts> {
  const [hits, uncounted] = await Promise.all([
    sql<{ tracker_id: string; calls: number; mentions: number }>`
      select tracker ->> 'trackerId' as tracker_id,
        count(*) filter (where (tracker ->> 'count')::int > 0)::int as calls,
        coalesce(sum((tracker ->> 'count')::int), 0)::int as mentions
      from calls
      join call_insights on call_insights.call_id = calls.id
      cross join jsonb_array_elements(call_insights.insights -> 'trackers') as tracker
      where calls.organization_id = ${organizationId} and call_insights.trackers_hash = ${trackersHash}
      group by 1`.execute(db),
    sql<{ count: number }>`
      select count(*)::int as count
      from calls
      left join call_insights on call_insights.call_id = calls.id
      where calls.organization_id = ${organizationId} and calls.transcript_status = 'ready'
        and (call_insights.call_id is null or call_insights.trackers_hash <> ${trackersHash})`.execute(db),
  ]);
  return {
    byTracker: new Map(hits.rows.map((row) => [row.tracker_id, { calls: row.calls, mentions: row.mentions }])),
    uncounted: uncounted.rows[0]?.count ?? 0,
  };
}
