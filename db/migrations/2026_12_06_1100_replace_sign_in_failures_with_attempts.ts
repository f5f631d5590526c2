import { type Kysely, sql } from "kysely";

/**
 * One row per limit key (an account, an unknown email, a client address, a device) holding the times of the
 * attempts counted against it. A row can be locked, so an attempt is reserved against a key in one upsert before its
 * password is hashed; counting rows of a failures table after the hash let parallel guesses all through. Recorded
 * failures are not carried over: they held for 15 minutes at most.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sign_in_attempts")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("counted_at", sql`timestamptz[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("sign_in_attempts_updated_at_idx").on("sign_in_attempts").column("updated_at").execute();
  await db.schema.dropTable("sign_in_failures").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sign_in_failures")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("failed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("sign_in_failures_key_failed_at_idx").on("sign_in_failures").columns(["key", "failed_at"]).execute();
  await db.schema.dropTable("sign_in_attempts").execute();
}
