import { type Kysely, sql } from "kysely";

/**
 * "Managers see their team's calls", on unless an admin turns it off; and an index for walking Gong's reporting lines
 * down from a manager (gong_users.manager_gong_id), which the access check does on every request of a manager.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organizations").addColumn("managers_see_team", "boolean", (c) => c.notNull().defaultTo(true)).execute();
  await sql`create index gong_users_organization_id_manager_gong_id_idx on gong_users (organization_id, manager_gong_id) where manager_gong_id is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists gong_users_organization_id_manager_gong_id_idx`.execute(db);
  await db.schema.alterTable("organizations").dropColumn("managers_see_team").execute();
}
