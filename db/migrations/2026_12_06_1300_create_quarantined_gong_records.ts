import { type Kysely, sql } from "kysely";

/**
 * `quarantined_gong_records`: Gong calls a sync could not store because a field it computes on failed validation
 * (the call itself, or its transcript). One row per call, keyed like `calls` by organization and Gong id, with
 * the failing field's path and the JSON type found there, never the payload; the row goes once the call (or its
 * transcript) is stored. `quarantined`: how many such records each unit of a run, and the run, met.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("quarantined_gong_records")
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("gong_connections.id").onDelete("cascade"))
    .addColumn("gong_id", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('call', 'transcript')`))
    .addColumn("field_path", "text", (c) => c.notNull())
    .addColumn("value_type", "text", (c) => c.notNull())
    .addColumn("first_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("quarantined_gong_records_pkey", ["organization_id", "gong_id"])
    .execute();
  await sql`create index quarantined_gong_records_connection_id_last_seen_at_idx on quarantined_gong_records (connection_id, last_seen_at)`.execute(db);
  await db.schema.alterTable("sync_runs").addColumn("quarantined", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("sync_run_progress").addColumn("quarantined", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_run_progress").dropColumn("quarantined").execute();
  await db.schema.alterTable("sync_runs").dropColumn("quarantined").execute();
  await db.schema.dropTable("quarantined_gong_records").execute();
}
