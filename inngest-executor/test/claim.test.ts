import pg from "pg";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createTestDatabase, describeWithDatabase, type TestDatabase } from "./test-database.js";
import { migrateSchema } from "../src/postgres/schema.js";
import { claimItems, COUNT_EXECUTING } from "../src/worker/claim.js";

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 3 });
  await migrateSchema(pool);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

beforeEach(async () => {
  await pool.query("DELETE FROM inngest_executor.queue");
});

type Item = { run: string; fn?: string; kind?: string; keys?: string[]; limits?: number[]; ageMs?: number; leasedBy?: string };

async function insertItems(items: Item[]): Promise<void> {
  for (const item of items) {
    await pool.query(
      `INSERT INTO inngest_executor.queue (run_id, function_id, kind, available_at, concurrency_keys, concurrency_limits, lease_owner, locked_until)
       VALUES ($1, $7, $2, now() - $3 * interval '1 millisecond', $4, $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE now() + interval '1 minute' END)`,
      [item.run, item.kind ?? "discover", item.ageMs ?? 0, item.keys ?? [], item.limits ?? [], item.leasedBy ?? null, item.fn ?? "app-fn"],
    );
  }
}

const backlog = (key: string, limit: number, size: number): Item[] =>
  Array.from({ length: size }, (_, i) => ({ run: `${key}-${i}`, keys: [key], limits: [limit], ageMs: 60_000 - i }));

const claim = async (capacity: number, owner = "test") =>
  (await claimItems(pool, owner, capacity, 60_000, new Set())).map((item) => item.run_id).sort();

const claimOrdered = async (capacity: number) => (await claimItems(pool, "test", capacity, 60_000, new Set())).map((item) => item.run_id);

describeWithDatabase("claiming the queue", () => {
  it("skips a full key's backlog, however long, and claims the work behind it", async () => {
    await insertItems([{ run: "busy-running", keys: ["busy"], limits: [1], leasedBy: "elsewhere" }, ...backlog("busy", 1, 40)]);
    await insertItems([{ run: "sleeper", kind: "wake" }, { run: "other", keys: ["other"], limits: [1] }]);
    expect(await claim(8)).toEqual(["other", "sleeper"]);
  });

  it("gives a key with room only that room, and the rest of the capacity to other keys", async () => {
    await insertItems([...backlog("hot", 2, 40), { run: "a", keys: ["a"], limits: [1] }, { run: "b", keys: ["b"], limits: [1] }]);
    const claimed = await claim(8);
    expect(claimed.filter((run) => run.startsWith("hot-"))).toHaveLength(2);
    expect(claimed).toEqual(expect.arrayContaining(["a", "b"]));
    // The next claim finds "hot" full in SQL and leaves its backlog alone.
    await insertItems([{ run: "c", keys: ["c"], limits: [1] }]);
    expect(await claim(8)).toEqual(["c"]);
  });

  it("never exceeds a key's limit with claims racing from several connections", async () => {
    await insertItems(backlog("shared", 3, 20));
    const claims = await Promise.all([claim(4, "one"), claim(4, "two"), claim(4, "three")]);
    expect(claims.flat()).toHaveLength(3);
  });

  it("takes each function's oldest item in turn, so a long backlog of one does not hold back another", async () => {
    const older = Array.from({ length: 40 }, (_, i): Item => ({ run: `insights-${i}`, fn: "insights", ageMs: 60_000 - i }));
    await insertItems([...older, { run: "fan-out-1", fn: "fan-out", ageMs: 10 }, { run: "fan-out-2", fn: "fan-out", ageMs: 5 }]);
    await insertItems([{ run: "users-1", fn: "users", ageMs: 1 }]);
    // First turn: every function's oldest; second turn: every function's next (the functions of a turn drawn).
    const claimed = await claimOrdered(5);
    expect(claimed.slice(0, 3).sort()).toEqual(["fan-out-1", "insights-0", "users-1"]);
    expect(claimed.slice(3).sort()).toEqual(["fan-out-2", "insights-1"]);
    expect(await claimOrdered(3)).toEqual(["insights-2", "insights-3", "insights-4"]);
  });

  it("gives a newcomer's item an equal chance against an older backlog when one worker is free", async () => {
    const backlogged = Array.from({ length: 50 }, (_, i): Item => ({ run: `insights-${i}`, fn: "insights", ageMs: 60_000 - i }));
    await insertItems([...backlogged, { run: "fan-out", fn: "fan-out", ageMs: 0 }]);
    // In age order the backlog would take the first 50 free workers; drawn, the newcomer goes within a few.
    const order: string[] = [];
    for (let i = 0; i < 51 && !order.includes("fan-out"); i++) order.push(...(await claimOrdered(1)));
    expect(order.length).toBeLessThan(25); // a chance of 1 in 2^24 of failing
    expect(order.filter((run) => run !== "fan-out")).toEqual(Array.from({ length: order.length - 1 }, (_, i) => `insights-${i}`));
  });

  it("keeps one function's items in the order they came due", async () => {
    await insertItems(Array.from({ length: 10 }, (_, i): Item => ({ run: `step-${i}`, ageMs: 1_000 * (10 - i) })));
    expect(await claimOrdered(10)).toEqual(Array.from({ length: 10 }, (_, i) => `step-${i}`));
  });

  it("counts a key's executing requests over an index of leased rows, never a scan of the backlog", async () => {
    await insertItems(backlog("indexed", 1, 50).map((item, i) => (i % 2 ? { ...item, leasedBy: "elsewhere" } : item)));
    const client = await pool.connect();
    try {
      await client.query("SET enable_seqscan = off");
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${COUNT_EXECUTING}`, ["indexed"]);
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      expect(plan).toContain("queue_locked_until_idx");
      expect(plan).not.toContain("Seq Scan");
    } finally {
      await client.query("RESET enable_seqscan");
      client.release();
    }
  });
});
