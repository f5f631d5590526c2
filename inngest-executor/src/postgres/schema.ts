import type pg from "pg";

/** Ordered, append-only list of schema changes; each entry runs once, recorded in schema_versions. */
const MIGRATIONS: string[][] = [
  [
    `CREATE TABLE inngest_executor.functions (
      id text PRIMARY KEY, app_url text NOT NULL, name text NOT NULL, config jsonb NOT NULL,
      synced_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE inngest_executor.sync_errors (
      app_url text NOT NULL, function_id text NOT NULL, field text NOT NULL, message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (app_url, function_id, field))`,
    `CREATE TABLE inngest_executor.events (
      id text PRIMARY KEY, name text NOT NULL, data jsonb NOT NULL, ts bigint NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE inngest_executor.event_ids (
      event_id text PRIMARY KEY, internal_id text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE inngest_executor.runs (
      id text PRIMARY KEY, function_id text NOT NULL, status text NOT NULL, event jsonb NOT NULL,
      output jsonb, error jsonb, attempts int NOT NULL DEFAULT 0, parent_run_id text, parent_step_id text,
      disable_immediate boolean NOT NULL DEFAULT false, concurrency_keys text[] NOT NULL DEFAULT '{}',
      concurrency_limits int[] NOT NULL DEFAULT '{}', created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz, ended_at timestamptz)`,
    `CREATE UNIQUE INDEX runs_parent_run_id_parent_step_id_idx ON inngest_executor.runs (parent_run_id, parent_step_id)
      WHERE parent_run_id IS NOT NULL`,
    `CREATE INDEX runs_created_at_idx ON inngest_executor.runs (created_at DESC)`,
    `CREATE INDEX runs_function_id_idx ON inngest_executor.runs (function_id, created_at DESC)`,
    `CREATE TABLE inngest_executor.run_steps (
      run_id text NOT NULL, step_id text NOT NULL, seq bigserial, result jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (run_id, step_id))`,
    `CREATE TABLE inngest_executor.queue (
      id bigserial PRIMARY KEY, run_id text NOT NULL, kind text NOT NULL, step_id text NOT NULL DEFAULT '',
      attempt int NOT NULL DEFAULT 0, available_at timestamptz NOT NULL DEFAULT now(), locked_until timestamptz,
      lease_owner text, rerun boolean NOT NULL DEFAULT false, concurrency_keys text[] NOT NULL DEFAULT '{}',
      concurrency_limits int[] NOT NULL DEFAULT '{}', UNIQUE (run_id, kind, step_id))`,
    `CREATE INDEX queue_available_at_idx ON inngest_executor.queue (available_at)`,
    `CREATE TABLE inngest_executor.pauses (
      run_id text NOT NULL, kind text NOT NULL, step_id text NOT NULL, event_name text NOT NULL,
      expression text, expires_at timestamptz, PRIMARY KEY (run_id, kind, step_id))`,
    `CREATE INDEX pauses_event_name_idx ON inngest_executor.pauses (event_name)`,
    `CREATE TABLE inngest_executor.throttles (key text PRIMARY KEY, tat timestamptz NOT NULL)`,
    `CREATE TABLE inngest_executor.crons (
      function_id text NOT NULL, schedule text NOT NULL, next_at timestamptz NOT NULL,
      PRIMARY KEY (function_id, schedule))`,
  ],
  [
    // Leased rows are few (at most the workers of every process), so counting a key's executing requests over
    // them never reads the backlog, however long.
    `CREATE INDEX queue_locked_until_idx ON inngest_executor.queue (locked_until) WHERE lease_owner IS NOT NULL`,
  ],
  [
    // batchEvents: the open batch per function and key, and a batch run's events (null: just `event`).
    `CREATE TABLE inngest_executor.batches (
      function_id text NOT NULL, batch_key text NOT NULL, id text NOT NULL UNIQUE, events jsonb NOT NULL,
      opened_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (function_id, batch_key))`,
    `ALTER TABLE inngest_executor.runs ADD COLUMN events jsonb`,
  ],
  [
    // A batch's events as rows of their own: adding to a batch writes the new events only, where appending to one
    // jsonb array rewrote (and recompressed) every event already in it.
    `CREATE TABLE inngest_executor.batch_events (
      batch_id text NOT NULL, position int NOT NULL, event jsonb NOT NULL, PRIMARY KEY (batch_id, position))`,
    `INSERT INTO inngest_executor.batch_events (batch_id, position, event)
     SELECT b.id, e.n, e.value FROM inngest_executor.batches b CROSS JOIN LATERAL jsonb_array_elements(b.events) WITH ORDINALITY AS e(value, n)`,
    `ALTER TABLE inngest_executor.batches ADD COLUMN size int NOT NULL DEFAULT 0`,
    `UPDATE inngest_executor.batches SET size = jsonb_array_length(events)`,
    `ALTER TABLE inngest_executor.batches DROP COLUMN events`,
  ],
  [
    // Each memoised result's size, so a run's state (Inngest's 32 MiB limit) is a sum of small integers; the runs
    // still going are counted, finished ones no longer matter.
    `ALTER TABLE inngest_executor.run_steps ADD COLUMN bytes int NOT NULL DEFAULT 0`,
    `UPDATE inngest_executor.run_steps s SET bytes = octet_length(s.result::text)
     FROM inngest_executor.runs r WHERE r.id = s.run_id AND r.status IN ('queued', 'running')`,
    // Retention: finished runs, events and event-id claims are purged oldest first, a small batch at a time.
    `CREATE INDEX runs_ended_at_idx ON inngest_executor.runs (ended_at) WHERE ended_at IS NOT NULL`,
    `CREATE INDEX events_received_at_idx ON inngest_executor.events (received_at)`,
    `CREATE INDEX event_ids_received_at_idx ON inngest_executor.event_ids (received_at)`,
  ],
  [
    // A partition per function, as Inngest's queue has: claims take each function's oldest item in turn, so a
    // function with a long backlog does not hold back another's first item. A batch timeout's step id is its function.
    `ALTER TABLE inngest_executor.queue ADD COLUMN function_id text NOT NULL DEFAULT ''`,
    `UPDATE inngest_executor.queue q SET function_id = r.function_id FROM inngest_executor.runs r WHERE r.id = q.run_id`,
    `UPDATE inngest_executor.queue SET function_id = step_id WHERE kind = 'batch-timeout'`,
    `CREATE INDEX queue_function_id_available_at_idx ON inngest_executor.queue (function_id, available_at, id)`,
  ],
];

/**
 * Creates or upgrades the executor's own schema; safe to run from several processes at once. `upTo` stops at an
 * earlier version (tests of an upgrade).
 */
export async function migrateSchema(pool: pg.Pool, upTo = MIGRATIONS.length): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Serialises concurrent starts so two executors never apply the same migration twice.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('inngest_executor.migrate'))");
    await client.query("CREATE SCHEMA IF NOT EXISTS inngest_executor");
    await client.query(`CREATE TABLE IF NOT EXISTS inngest_executor.schema_versions (
      version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(
      "SELECT coalesce(max(version), 0) AS version FROM inngest_executor.schema_versions",
    );
    const current = rows[0]?.version ?? 0;
    for (const [index, statements] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (version <= current || version > upTo) continue;
      for (const statement of statements) await client.query(statement);
      await client.query("INSERT INTO inngest_executor.schema_versions (version) VALUES ($1)", [version]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
