import { type Kysely, sql } from "kysely";

/**
 * `webhook_endpoints`: where Callbridge pushes its events, owned by one organization or by one platform key (which
 * receives the events of every customer, an organization with an external id). `format` 'standard' is a signed
 * Standard Webhooks request; 'slack' an incoming-webhook message. Secrets are stored encrypted; the previous one
 * stays valid until `previous_secret_expires_at` after a rotation.
 * `outbound_deliveries`: one event to one endpoint; `message_id` is the `webhook-id` every attempt and replay sends.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.references("organizations.id").onDelete("cascade"))
    .addColumn("api_key_id", "uuid", (c) => c.references("api_keys.id").onDelete("cascade"))
    .addColumn("format", "text", (c) => c.notNull().defaultTo("standard").check(sql`format in ('standard', 'slack')`))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("event_types", sql`text[]`, (c) => c.notNull())
    .addColumn("include_transcript", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("filters", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("enabled", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("disabled_reason", "text")
    .addColumn("disabled_at", "timestamptz")
    .addColumn("throttle_per_second", "integer", (c) => c.check(sql`throttle_per_second between 1 and 1000`))
    .addColumn("next_slot_at", "timestamptz")
    .addColumn("failing_since", "timestamptz")
    .addColumn("secret_encrypted", "text", (c) => c.notNull())
    .addColumn("previous_secret_encrypted", "text")
    .addColumn("previous_secret_expires_at", "timestamptz")
    .addColumn("created_by_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("webhook_endpoints_owner_check", sql`(organization_id is null) <> (api_key_id is null)`)
    .execute();
  await sql`create index webhook_endpoints_organization_id_idx on webhook_endpoints (organization_id) where organization_id is not null`.execute(db);
  await sql`create index webhook_endpoints_api_key_id_idx on webhook_endpoints (api_key_id) where api_key_id is not null`.execute(db);

  await db.schema
    .createTable("outbound_deliveries")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("endpoint_id", "uuid", (c) => c.notNull().references("webhook_endpoints.id").onDelete("cascade"))
    .addColumn("organization_id", "uuid", (c) => c.references("organizations.id").onDelete("cascade"))
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending', 'delivered', 'failed', 'cancelled')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("response_status", "integer")
    .addColumn("latency_ms", "integer")
    .addColumn("last_error", "text")
    .addColumn("next_attempt_at", "timestamptz")
    .addColumn("replay_of", "uuid", (c) => c.references("outbound_deliveries.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("first_attempt_at", "timestamptz")
    .addColumn("last_attempt_at", "timestamptz")
    .addColumn("delivered_at", "timestamptz")
    .execute();
  await sql`create unique index outbound_deliveries_endpoint_id_message_id_idx on outbound_deliveries (endpoint_id, message_id) where replay_of is null`.execute(db);
  await sql`create index outbound_deliveries_endpoint_id_created_at_idx on outbound_deliveries (endpoint_id, created_at desc)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outbound_deliveries").execute();
  await db.schema.dropTable("webhook_endpoints").execute();
}
