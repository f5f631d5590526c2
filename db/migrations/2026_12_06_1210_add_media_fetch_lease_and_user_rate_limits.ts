import type { Kysely } from "kysely";

/**
 * A call's recording link is fetched from Gong by one request at a time, whichever app replica serves it: the one
 * holding `media_fetch_lease_until` asks, the others wait for what it stores. `user_rate_limits` counts a signed-in
 * user's requests per action in fixed windows, shared by every replica.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("calls").addColumn("media_fetch_lease_until", "timestamptz").execute();
  await db.schema
    .createTable("user_rate_limits")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("requests", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("user_rate_limits_pkey", ["user_id", "action", "window_start"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("user_rate_limits").execute();
  await db.schema.alterTable("calls").dropColumn("media_fetch_lease_until").execute();
}
