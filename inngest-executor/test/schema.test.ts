import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrateSchema } from "../src/postgres/schema.js";
import { addToBatches, takeBatch } from "../src/runs/batches.js";
import type { FunctionConfig } from "../src/sync/function-config.js";
import { createTestDatabase, describeWithDatabase, type TestDatabase } from "./test-database.js";

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describeWithDatabase("schema upgrades", () => {
  it("moves the events of a batch left open by version 3 into rows of their own, in order", async () => {
    await migrateSchema(pool, 3);
    const events = [1, 2, 3].map((n) => ({ name: "test/batched", id: `e${n}`, data: { n }, ts: n }));
    await pool.query("INSERT INTO inngest_executor.batches (function_id, batch_key, id, events) VALUES ('app-fn', 'k', 'batch-1', $1)", [JSON.stringify(events)]);
    await migrateSchema(pool);
    const { rows } = await pool.query("SELECT function_id, batch_key, id, size FROM inngest_executor.batches");
    expect(rows).toEqual([{ function_id: "app-fn", batch_key: "k", id: "batch-1", size: 3 }]);
    const stored = await pool.query("SELECT position, event FROM inngest_executor.batch_events WHERE batch_id = 'batch-1' ORDER BY position");
    expect(stored.rows).toEqual(events.map((event, index) => ({ position: index + 1, event })));
  });
});

describeWithDatabase("schema upgrades, version 5 to 6", () => {
  it("gives queue items left by version 5 their function's partition", async () => {
    const upgraded = await createTestDatabase();
    const upgradedPool = new pg.Pool({ connectionString: upgraded.url, max: 1 });
    try {
      await migrateSchema(upgradedPool, 5);
      await upgradedPool.query("INSERT INTO inngest_executor.runs (id, function_id, status, event) VALUES ('run-1', 'app-sync', 'running', '{}')");
      await upgradedPool.query(
        `INSERT INTO inngest_executor.queue (run_id, kind, step_id) VALUES ('run-1', 'discover', ''), ('run-1', 'wake', 'nap'),
           ('batch-1', 'batch-timeout', 'app-batched'), ('gone', 'wake', 'nap')`,
      );
      await migrateSchema(upgradedPool);
      const { rows } = await upgradedPool.query("SELECT run_id, kind, function_id FROM inngest_executor.queue ORDER BY id");
      expect(rows).toEqual([
        { run_id: "run-1", kind: "discover", function_id: "app-sync" },
        { run_id: "run-1", kind: "wake", function_id: "app-sync" },
        { run_id: "batch-1", kind: "batch-timeout", function_id: "app-batched" },
        { run_id: "gone", kind: "wake", function_id: "" },
      ]);
    } finally {
      await upgradedPool.end();
      await upgraded.drop();
    }
  });
});

describeWithDatabase("batches under concurrent intake", () => {
  it("a batch taken while an intake adds to it gets the added events too, once the intake commits", async () => {
    await migrateSchema(pool);
    const config = { id: "app-race", name: "race", triggers: [{ event: "test/race" }], batchEvents: { maxSize: 100, timeout: "60s" } } as unknown as FunctionConfig;
    const event = (n: number) => ({ name: "test/race", id: `race-${n}`, data: { n }, ts: n });
    await addToBatches(pool, config, new Map([["k", [event(1)]]]));
    const { rows: [first] } = await pool.query<{ id: string }>("SELECT id FROM inngest_executor.batches WHERE function_id = 'app-race'");
    const adding = await pool.connect();
    const taking = await pool.connect();
    try {
      await adding.query("BEGIN");
      await addToBatches(adding, config, new Map([["k", [event(2), event(3)]]]));
      const taken = takeBatch(taking, first!.id); // waits for the intake's row lock
      await new Promise((resolve) => setTimeout(resolve, 200));
      await adding.query("COMMIT");
      expect((await taken).map((each) => each.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    } finally {
      adding.release();
      taking.release();
    }
    const left = await pool.query("SELECT count(*)::int AS n FROM inngest_executor.batch_events WHERE batch_id = $1", [first!.id]);
    expect(left.rows[0]?.n).toBe(0);
  });
});
