import { type Kysely, sql } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("api_keys")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('organization', 'platform')`))
    .addColumn("organization_id", "uuid", (c) => c.references("organizations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_used_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    // Organization keys belong to one organization; platform keys to none (they name a customer per request).
    .addCheckConstraint(
      "api_keys_kind_organization_check",
      sql`(kind = 'organization' and organization_id is not null) or (kind = 'platform' and organization_id is null)`,
    )
    .execute();
  await sql`create index api_keys_organization_id_idx on api_keys (organization_id, created_at desc)`.execute(db);

  // One row per key per fixed one-minute window.
  await db.schema
    .createTable("api_rate_limits")
    .addColumn("api_key_id", "uuid", (c) => c.notNull().references("api_keys.id").onDelete("cascade"))
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("requests", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("api_rate_limits_pkey", ["api_key_id", "window_start"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("api_rate_limits").execute();
  await db.schema.dropTable("api_keys").execute();
}
