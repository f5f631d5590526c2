import { type Kysely, sql } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("call_insights")
    .addColumn("call_id", "uuid", (c) => c.primaryKey().references("calls.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("trackers_hash", "text", (c) => c.notNull())
    .addColumn("insights", "jsonb", (c) => c.notNull())
    .addColumn("llm_summary", "text")
    .addColumn("computed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("trackers")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("keywords", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("trackers_organization_id_name_key", ["organization_id", "name"])
    .execute();

  // Parties are looked up per call when deciding who may see it; the unique (call_id, gong_id) index covers call_id.
  await sql`create index calls_organization_id_workspace_gong_id_started_at_idx on calls (organization_id, workspace_gong_id, started_at desc, id desc)`.execute(db);
  await sql`create index transcript_segments_call_id_idx on transcript_segments (call_id)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists transcript_segments_call_id_idx`.execute(db);
  await sql`drop index if exists calls_organization_id_workspace_gong_id_started_at_idx`.execute(db);
  await db.schema.dropTable("trackers").execute();
  await db.schema.dropTable("call_insights").execute();
}
