import { type Kysely, sql } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("gong_connections")
    .addColumn("webhook_auth", "text", (c) => c.notNull().defaultTo("jwt").check(sql`webhook_auth in ('jwt', 'url-key')`))
    .addColumn("webhook_public_key", "text")
    .addColumn("webhook_url_key_encrypted", "text")
    .execute();

  // Only the verdict is kept: a body that failed verification is never stored.
  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.references("organizations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.references("gong_connections.id").onDelete("cascade"))
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`outcome in ('accepted', 'test', 'rejected')`))
    .addColumn("reason", "text")
    .addColumn("http_status", "integer", (c) => c.notNull())
    .addColumn("call_gong_id", "text")
    .addColumn("is_test", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("event_id", "text")
    .execute();
  await sql`create index webhook_deliveries_connection_id_received_at_idx on webhook_deliveries (connection_id, received_at desc)`.execute(db);
  await sql`create index webhook_deliveries_organization_id_received_at_idx on webhook_deliveries (organization_id, received_at desc)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("webhook_deliveries").execute();
  await db.schema
    .alterTable("gong_connections")
    .dropColumn("webhook_auth")
    .dropColumn("webhook_public_key")
    .dropColumn("webhook_url_key_encrypted")
    .execute();
}
