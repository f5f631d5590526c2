import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "@/scripts/child-processes";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

let stack: SyncStack;

/** The routes as a fresh server process would load them: env read anew, its own pool. */
async function readRoute(path: "ready" | "live", env: Record<string, string> = {}) {
  const saved = { ...process.env };
  // The app's own pool (its Inngest functions use it) is put back afterwards; the route gets one of its own.
  const global = globalThis as { callbridgeDb?: unknown };
  const appDb = global.callbridgeDb;
  Object.assign(process.env, env);
  try {
    vi.resetModules();
    delete global.callbridgeDb;
    const { GET } = path === "ready" ? await import("./route") : await import("../live/route");
    const response = await GET();
    const text = await response.text();
    if (path === "ready") await (await import("@/db")).db.destroy();
    return { status: response.status, text, body: JSON.parse(text) as unknown };
  } finally {
    process.env = saved;
    global.callbridgeDb = appDb;
    // The next import of @/db (the stack's teardown) must see the app's pool again, not this route's.
    vi.resetModules();
  }
}

beforeAll(async () => {
  stack = await startSyncStack();
}, 120_000);
afterAll(() => stack?.stop());

describe("GET /api/health/live and /api/health/ready", () => {
  it("live answers ok without touching anything", async () => {
    expect(await readRoute("live", { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" })).toMatchObject({ status: 200, body: { status: "ok" } });
  });

  it("ready answers 200 with every part ok, before and after a token is stored, and names no secret", async () => {
    const ok = { status: "ready", database: "ok", migrations: "ok", workflows: "ok", encryptionKey: "ok" };
    expect(await readRoute("ready")).toMatchObject({ status: 200, body: ok });
    await stack.connect();
    const ready = await readRoute("ready");
    expect(ready).toMatchObject({ status: 200, body: ok });
    for (const secret of [process.env.TOKEN_ENCRYPTION_KEY!, process.env.INNGEST_SIGNING_KEY!, process.env.DATABASE_URL!, process.env.AUTH_SECRET!]) {
      expect(ready.text).not.toContain(secret);
    }
  }, 30_000);

  it("ready answers 503 naming a key that opens no stored token", async () => {
    const wrong = await readRoute("ready", { TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64url") });
    expect(wrong).toMatchObject({ status: 503, body: { status: "not-ready", encryptionKey: "key-mismatch", database: "ok" } });
    // The old key behind a new one still opens them.
    const ring = await readRoute("ready", { TOKEN_ENCRYPTION_KEY: `${randomBytes(32).toString("base64url")},${process.env.TOKEN_ENCRYPTION_KEY}` });
    expect(ring).toMatchObject({ status: 200, body: { encryptionKey: "ok" } });
  }, 30_000);

  it("ready answers 503 naming pending migrations", async () => {
    const last = await sql<{ name: string }>`delete from kysely_migration where name = (select max(name) from kysely_migration) returning name`.execute(stack.db);
    try {
      expect(await readRoute("ready")).toMatchObject({ status: 503, body: { migrations: "migrations-pending", database: "ok" } });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last.rows[0]!.name}, now()::text)`.execute(stack.db);
    }
  });

  it("ready answers 503 naming the workflow engine when nothing answers there", async () => {
    const port = await freePort();
    expect(await readRoute("ready", { INNGEST_BASE_URL: `http://127.0.0.1:${port}` })).toMatchObject({ status: 503, body: { workflows: "unreachable", database: "ok" } });
  });

  it("ready answers 503 naming the database when it is down", async () => {
    const port = await freePort();
    expect(await readRoute("ready", { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/callbridge` })).toMatchObject({
      status: 503,
      body: { database: "error", migrations: "error" },
    });
  });
});
