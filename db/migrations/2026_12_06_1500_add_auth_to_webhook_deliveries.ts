import { type Kysely, sql } from "kysely";

/**
 * The authentication method a delivery was checked with, so its detail can say which header or key was checked
 * even after the admin switched methods. Null for deliveries recorded before this column existed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("webhook_deliveries")
    .addColumn("auth", "text", (c) => c.check(sql`auth in ('jwt', 'url-key')`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("webhook_deliveries").dropColumn("auth").execute();
}
