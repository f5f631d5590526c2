import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { createTestDatabase, describeWithDatabase, type TestDatabase } from "./test-database.js";
import { startExecutor } from "../src/index.js";
import { TEST_EXECUTOR_OPTIONS } from "./harness.js";

async function listenOnFreePort(server: ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describeWithDatabase("start-up", () => {
  it("answers /health 503 'starting' until its apps were first synced, so no event arrives before their functions", async () => {
    db = await createTestDatabase();
    let answerSync: () => void = () => undefined;
    const syncAnswered = new Promise<void>((resolve) => (answerSync = resolve));
    // An app slow to answer the in-band sync (a cold start); it then declines, which the executor logs and survives.
    const app = createServer((_request, response) => void syncAnswered.then(() => response.writeHead(500).end("not yet")));
    const appPort = await listenOnFreePort(app);
    const probe = createServer();
    const port = await listenOnFreePort(probe);
    await new Promise((resolve) => probe.close(resolve));

    const starting = startExecutor({ ...TEST_EXECUTOR_OPTIONS, port, databaseUrl: db.url, appUrls: [`http://127.0.0.1:${appPort}/api/inngest`], dev: true });
    const health = async () => {
      for (;;) {
        const response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        if (response) return { code: response.status, body: (await response.json()) as { status: string } };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    expect(await health()).toEqual({ code: 503, body: expect.objectContaining({ status: "starting" }) });
    answerSync();
    const executor = await starting;
    expect(await health()).toEqual({ code: 200, body: expect.objectContaining({ status: "ok" }) });
    await executor.stop({ graceMs: 0 });
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
  });
});
