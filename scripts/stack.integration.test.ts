import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, createTestDatabase } from "../test-support/test-database";
import { freePort } from "./child-processes";
import { generateSecrets } from "./local-secrets";
import { startStack } from "./stack";

describe("startStack", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("says why a quiet child stopped while starting, with its last output, since nobody saw it", async () => {
    // Somebody else's server on the simulator's port; it hangs up on whoever connects.
    const taken = createServer((socket) => socket.destroy());
    const simulatorPort = await freePort();
    await new Promise<void>((resolve) => taken.listen(simulatorPort, resolve));
    try {
      const starting = startStack({
        root: path.resolve(import.meta.dirname, ".."),
        appPort: await freePort(),
        databaseUrl: database.url,
        dataDir: mkdtempSync(path.join(tmpdir(), "callbridge-stack-")),
        embeddedDatabasePort: 0,
        secrets: generateSecrets(),
        simulatorPort,
        executorPort: null,
        quiet: true,
      });
      await expect(starting).rejects.toThrow(/^gong-sim exited with code 1 while starting\. Its last output:\n[\s\S]*EADDRINUSE/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);
});
