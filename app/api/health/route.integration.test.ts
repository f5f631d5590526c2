import { type Server, type Socket, createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { freePort } from "@/scripts/child-processes";
import { createTestDatabase, type TestDatabase } from "@/test-support/test-database";

let database: TestDatabase | undefined;

/** The route as a fresh server process would load it: its own env and its own pool for DATABASE_URL. */
async function loadHealthRoute(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  vi.resetModules();
  delete (globalThis as { callbridgeDb?: unknown }).callbridgeDb;
  return import("./route");
}

async function readHealth(databaseUrl: string) {
  const { GET } = await loadHealthRoute(databaseUrl);
  const response = await GET();
  return { status: response.status, body: (await response.json()) as unknown };
}

afterEach(async () => {
  const { db } = await import("@/db");
  await db.destroy();
});

afterAll(async () => {
  await database?.drop();
});

describe("GET /api/health", () => {
  it("answers 200 ok when the database answers", async () => {
    database = await createTestDatabase();
    expect(await readHealth(database.url)).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
  });

  it("answers 503 naming the database when nothing listens on its port", async () => {
    const port = await freePort();
    expect(await readHealth(`postgres://postgres@127.0.0.1:${port}/callbridge`)).toEqual({ status: 503, body: { status: "degraded", database: "error" } });
  });

  it("answers 503 naming the database when it accepts connections but never answers", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      expect(await readHealth(`postgres://postgres@127.0.0.1:${port}/callbridge`)).toEqual({ status: 503, body: { status: "degraded", database: "timeout" } });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
