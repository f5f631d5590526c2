import { type Kysely, sql } from "kysely";

/**
 * When an organization was given the default trackers. They are given once, so an admin who deletes them keeps
 * none. An organization that already has trackers was seeded (or chose its own) when its first one was made;
 * one with none yet stays null and gets the defaults the first time its trackers are read, as before.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organizations").addColumn("default_trackers_seeded_at", "timestamptz").execute();
  await sql`
    update organizations o
    set default_trackers_seeded_at = first.created_at
    from (select organization_id, min(created_at) as created_at from trackers group by organization_id) first
    where first.organization_id = o.id`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organizations").dropColumn("default_trackers_seeded_at").execute();
}
