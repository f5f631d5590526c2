import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { describe, expect, it } from "vitest";
import { startExecutor } from "@/inngest-executor/src/index";
import { callApi } from "@/inngest-executor/test/harness";
import { startSyncStack } from "@/test-support/sync-stack";
import { createTestDatabase } from "@/test-support/test-database";
import { freePort, waitForHttp } from "./child-processes";
import { requireAllFunctionsSynced } from "./executor-health";

describe("requireAllFunctionsSynced, the launcher's check once the executor is up", () => {
  it("refuses an executor that answers 200 \"degraded\", naming each rejected function and field", async () => {
    const database = await createTestDatabase();
    const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
    const executorPort = await freePort();
    const client = new Inngest({ id: "launcher-test", isDev: false, signingKey, baseUrl: `http://127.0.0.1:${executorPort}` });
    const functions = [
      client.createFunction({ id: "plain", triggers: [{ event: "test/plain" }] }, async () => "runs"),
      client.createFunction({ id: "debounced", triggers: [{ event: "test/debounced" }], debounce: { period: "5s" } }, async () => "never registered"),
    ];
    const app = createServer(serve({ client, functions }));
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
    const executor = await startExecutor({ databaseUrl: database.url, port: executorPort, appUrls: [appUrl], signingKey, eventKey: "launcher-test" });
    try {
      await waitForHttp(`${executor.url}/health`);
      const health = await (await callApi(executor.url, signingKey, "/health")).json();
      expect(health).toMatchObject({ status: "degraded", rejectedFunctions: ["launcher-test-debounced"] });
      await expect(requireAllFunctionsSynced(executor.url, signingKey)).rejects.toThrow(
        /rejected 1 function\(s\) at sync.*: launcher-test-debounced \(debounce: debounce is not supported by the embedded executor\)/,
      );
    } finally {
      await executor.stop({ graceMs: 0 });
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
      await database.drop();
    }
  });

  // Last: startSyncStack points DATABASE_URL at its own database for the rest of the file.
  it("passes for Callbridge's own functions, so the demo starts", async () => {
    const stack = await startSyncStack();
    try {
      await waitForHttp(`${stack.executor.url}/health`);
      await expect(requireAllFunctionsSynced(stack.executor.url, stack.signingKey)).resolves.toBeUndefined();
    } finally {
      await stack.stop();
    }
  });
});
