import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrateSchema } from "../src/postgres/schema.js";
import { purgeExpired } from "../src/worker/purge-expired.js";
import { createTestDatabase, describeWithDatabase, type TestDatabase } from "./test-database.js";

const DAY_MS = 86_400_000;
let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
  await migrateSchema(pool);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

/** `count` runs with two steps each, started `ageDays` ago and ended (unless still going) then. */
async function insertRuns(prefix: string, count: number, status: string, ageDays: number): Promise<void> {
  await pool.query(
    `WITH made AS (
       INSERT INTO inngest_executor.runs (id, function_id, status, event, created_at, ended_at)
       SELECT $1 || n, 'app-fn', $2, '{"name":"a/b"}', now() - $3 * interval '1 day',
              CASE WHEN $2 IN ('queued', 'running') THEN NULL ELSE now() - $3 * interval '1 day' END
       FROM generate_series(1, $4) AS n RETURNING id)
     INSERT INTO inngest_executor.run_steps (run_id, step_id, result) SELECT id, s::text, '{"data":1}' FROM made, generate_series(1, 2) AS s`,
    [prefix, status, ageDays, count],
  );
}

const countRows = async (table: string, prefix: string, column = "id") =>
  Number((await pool.query(`SELECT count(*) AS n FROM inngest_executor.${table} WHERE ${column} LIKE $1`, [`${prefix}%`])).rows[0]?.n);

describeWithDatabase("retention", () => {
  it("purges finished runs, their steps and events older than the retention, in batches, and keeps the rest", async () => {
    await insertRuns("old-done-", 250, "completed", 8);
    await insertRuns("old-failed-", 3, "failed", 8);
    await insertRuns("old-cancelled-", 3, "cancelled", 8);
    await insertRuns("recent-", 3, "completed", 6);
    await insertRuns("old-running-", 3, "running", 30);
    await pool.query(
      `INSERT INTO inngest_executor.events (id, name, data, ts, received_at)
       SELECT kind || n, 'a/b', '{}', 0, now() - age * interval '1 day'
       FROM (VALUES ('old-event-', 8), ('recent-event-', 6)) AS e(kind, age), generate_series(1, 3) AS n`,
    );

    expect(await purgeExpired(pool, 7 * DAY_MS)).toEqual({ runs: 256, events: 3 });

    for (const prefix of ["old-done-", "old-failed-", "old-cancelled-"]) {
      expect(await countRows("runs", prefix)).toBe(0);
      expect(await countRows("run_steps", prefix, "run_id")).toBe(0);
    }
    expect(await countRows("runs", "recent-")).toBe(3);
    expect(await countRows("run_steps", "recent-", "run_id")).toBe(6);
    expect(await countRows("runs", "old-running-")).toBe(3);
    expect(await countRows("run_steps", "old-running-", "run_id")).toBe(6);
    expect(await countRows("events", "old-event-")).toBe(0);
    expect(await countRows("events", "recent-event-")).toBe(3);
  });
});
