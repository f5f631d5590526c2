import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";

const uuidPrimaryKey = (c: ColumnDefinitionBuilder) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("gong_workspaces")
    .addColumn("id", "uuid", uuidPrimaryKey)
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("gong_connections.id").onDelete("cascade"))
    .addColumn("gong_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("sync_enabled", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("is_new", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("discovered_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_synced_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("gong_workspaces_organization_id_gong_id_key", ["organization_id", "gong_id"])
    .execute();

  await db.schema
    .createTable("gong_users")
    .addColumn("id", "uuid", uuidPrimaryKey)
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("gong_id", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("email_aliases", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("first_name", "text")
    .addColumn("last_name", "text")
    .addColumn("title", "text")
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("manager_gong_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("gong_users_organization_id_gong_id_key", ["organization_id", "gong_id"])
    .execute();
  await sql`create index gong_users_organization_id_email_idx on gong_users (organization_id, lower(email))`.execute(db);

  await db.schema
    .createTable("user_gong_links")
    .addColumn("user_id", "uuid", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("gong_user_id", "uuid", (c) => c.references("gong_users.id").onDelete("cascade"))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('email', 'manual')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index user_gong_links_gong_user_id_idx on user_gong_links (gong_user_id) where gong_user_id is not null`.execute(db);

  await db.schema
    .createTable("calls")
    .addColumn("id", "uuid", uuidPrimaryKey)
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("gong_connections.id").onDelete("cascade"))
    .addColumn("gong_id", "text", (c) => c.notNull())
    .addColumn("workspace_gong_id", "text")
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("url", "text")
    .addColumn("scheduled_at", "timestamptz")
    .addColumn("started_at", "timestamptz", (c) => c.notNull())
    .addColumn("duration_seconds", "integer")
    .addColumn("primary_user_gong_id", "text")
    .addColumn("direction", "text")
    .addColumn("system", "text")
    .addColumn("scope", "text")
    .addColumn("media_type", "text")
    .addColumn("language", "text")
    .addColumn("purpose", "text")
    .addColumn("meeting_url", "text")
    .addColumn("is_private", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("content", "jsonb")
    .addColumn("interaction", "jsonb")
    .addColumn("audio_url", "text")
    .addColumn("video_url", "text")
    .addColumn("media_fetched_at", "timestamptz")
    .addColumn("transcript_status", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`transcript_status in ('pending', 'ready', 'unavailable')`),
    )
    .addColumn("transcript_segment_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("synced_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("calls_organization_id_gong_id_key", ["organization_id", "gong_id"])
    .execute();
  await sql`create index calls_organization_id_started_at_idx on calls (organization_id, started_at desc, id desc)`.execute(db);
  await sql`create index calls_organization_id_primary_user_gong_id_idx on calls (organization_id, primary_user_gong_id)`.execute(db);

  await db.schema
    .createTable("call_parties")
    .addColumn("id", "uuid", uuidPrimaryKey)
    .addColumn("call_id", "uuid", (c) => c.notNull().references("calls.id").onDelete("cascade"))
    .addColumn("gong_id", "text", (c) => c.notNull())
    .addColumn("speaker_id", "text")
    .addColumn("user_gong_id", "text")
    .addColumn("name", "text")
    .addColumn("email", "text")
    .addColumn("title", "text")
    .addColumn("affiliation", "text", (c) => c.notNull().defaultTo("Unknown"))
    .addColumn("methods", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addUniqueConstraint("call_parties_call_id_gong_id_key", ["call_id", "gong_id"])
    .execute();
  await db.schema.createIndex("call_parties_user_gong_id_idx").on("call_parties").columns(["user_gong_id", "call_id"]).execute();
  await sql`create index call_parties_lower_email_idx on call_parties (lower(email))`.execute(db);

  await db.schema
    .createTable("transcript_segments")
    .addColumn("call_id", "uuid", (c) => c.notNull().references("calls.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("speaker_id", "text")
    .addColumn("topic", "text")
    .addColumn("start_ms", "integer", (c) => c.notNull())
    .addColumn("end_ms", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("search_vector", sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('english', text)`).stored())
    .addPrimaryKeyConstraint("transcript_segments_pkey", ["call_id", "position"])
    .execute();
  await sql`create index transcript_segments_search_vector_idx on transcript_segments using gin (search_vector)`.execute(db);

  await db.schema
    .createTable("deleted_calls")
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("gong_id", "text", (c) => c.notNull())
    .addColumn("deleted_by_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("deleted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("deleted_calls_pkey", ["organization_id", "gong_id"])
    .execute();

  await db.schema
    .createTable("sync_runs")
    .addColumn("id", "uuid", uuidPrimaryKey)
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("gong_connections.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('backfill', 'scheduled', 'manual', 'single_call', 'resync', 'delete', 'purge')`),
    )
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("queued").check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn("requested_by_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("params", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("workspaces_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("workspaces_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("calls_total", "integer")
    .addColumn("pages", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("calls", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("transcripts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("transcripts_pending", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("users", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("skipped_deleted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("gong_requests", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("error", "text")
    .addColumn("started_at", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index sync_runs_organization_id_created_at_idx on sync_runs (organization_id, created_at desc)`.execute(db);

  await db.schema
    .createTable("sync_watermarks")
    .addColumn("connection_id", "uuid", (c) => c.primaryKey().references("gong_connections.id").onDelete("cascade"))
    .addColumn("synced_through", "timestamptz", (c) => c.notNull())
    .addColumn("last_run_started_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable("gong_connections")
    .addColumn("include_new_workspaces", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("gong_connections").dropColumn("include_new_workspaces").execute();
  for (const table of ["sync_watermarks", "sync_runs", "deleted_calls", "transcript_segments", "call_parties", "calls", "user_gong_links", "gong_users", "gong_workspaces"]) {
    await db.schema.dropTable(table).execute();
  }
}
