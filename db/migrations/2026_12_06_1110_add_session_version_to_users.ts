import type { Kysely } from "kysely";

/**
 * A user's session version, carried in every session token at sign-in. Raising it ends every session issued before:
 * a password change, "sign out everywhere" and an admin ending a user's sessions all do.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("session_version", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("session_version").execute();
}
