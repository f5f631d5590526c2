import { type Kysely, sql } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("gong_connections")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().unique().references("organizations.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('connected', 'needs_reauth', 'revoked')`))
    .addColumn("connected_by_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("connected_at", "timestamptz")
    .addColumn("gong_account_email", "text")
    .addColumn("granted_scopes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("api_base_url", "text")
    .addColumn("access_token_encrypted", "text")
    .addColumn("refresh_token_encrypted", "text")
    .addColumn("access_token_expires_at", "timestamptz")
    .addColumn("token_refreshed_at", "timestamptz")
    .addColumn("token_refresh_locked_until", "timestamptz")
    .addColumn("last_token_error", "text")
    .addColumn("sync_on_connect", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("include_speaker_labels", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("auto_sync_interval_hours", "integer", (c) => c.defaultTo(24).check(sql`auto_sync_interval_hours in (6, 12, 24)`))
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_by_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("gong_oauth_states")
    .addColumn("state_hash", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("gong_account_email", "text")
    .addColumn("settings", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("gong_request_slots")
    .addColumn("connection_id", "uuid", (c) => c.primaryKey().references("gong_connections.id").onDelete("cascade"))
    .addColumn("next_slot_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("api_usage")
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("gong_connections.id").onDelete("cascade"))
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("requests", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rate_limited", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("api_usage_pkey", ["connection_id", "day"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("api_usage").execute();
  await db.schema.dropTable("gong_request_slots").execute();
  await db.schema.dropTable("gong_oauth_states").execute();
  await db.schema.dropTable("gong_connections").execute();
}
