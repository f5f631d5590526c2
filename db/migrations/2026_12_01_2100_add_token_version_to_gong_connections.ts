import type { Kysely } from "kysely";

/**
 * A counter bumped by every write of a connection's tokens, its refresh lease or its status. A refresher
 * takes the lease only at the version it read and stores its tokens only at the version its lease set, so a
 * refresh never spends a refresh token someone else already used and never overwrites a reconnect or a revoke.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("gong_connections")
    .addColumn("token_version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("gong_connections").dropColumn("token_version").execute();
}
