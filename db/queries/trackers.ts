import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, Tracker } from "@/db/schema";

export const DEFAULT_TRACKERS: { name: string; keywords: string[] }[] = [
  { name: "Competitors", keywords: ["Zlymbo", "Competix"] },
  { name: "Pricing", keywords: ["price", "pricing", "discount", "budget", "cost"] },
];

export function listTrackers(db: Kysely<Database>, organizationId: string): Promise<Tracker[]> {
  return db.selectFrom("trackers").selectAll().where("organization_id", "=", organizationId).orderBy("name").execute();
}

/** Gives an organization the default keyword groups the first time its trackers are read. */
export async function ensureDefaultTrackers(db: Kysely<Database>, organizationId: string): Promise<Tracker[]> {
  const existing = await listTrackers(db, organizationId);
  if (existing.length > 0) return existing;
  await db
    .insertInto("trackers")
    .values(DEFAULT_TRACKERS.map((tracker) => ({ organization_id: organizationId, ...tracker })))
    .onConflict((conflict) => conflict.columns(["organization_id", "name"]).doNothing())
    .execute();
  return listTrackers(db, organizationId);
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
