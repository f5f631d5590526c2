import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSecrets } from "../scripts/local-secrets";
import { startStack } from "../scripts/stack";
import { createTestDatabase } from "../test-support/test-database";

/** Starts the whole product on a fresh database, as a user would run it; returns the teardown. */
export default async function globalSetup() {
  const database = await createTestDatabase();
  const stack = await startStack({
    root: path.resolve(import.meta.dirname, ".."),
    appPort: Number(process.env.E2E_PORT),
    databaseUrl: database.url,
    dataDir: mkdtempSync(path.join(tmpdir(), "callbridge-e2e-")),
    embeddedDatabasePort: 0,
    secrets: generateSecrets(),
    simulatorPort: Number(process.env.E2E_PORT) + 1,
    executorPort: Number(process.env.E2E_PORT) + 2,
    workerPort: Number(process.env.E2E_PORT) + 3,
    // Outbound webhooks go to receivers the specs start on loopback, as `npm run demo` allows.
    extraEnv: { INNGEST_EXECUTOR_BACKOFF_SCALE: "0.01", GONG_SIMULATOR_LOG: "none", OUTBOUND_ALLOW_PRIVATE_TARGETS: "1" },
    quiet: !process.env.E2E_VERBOSE,
  });
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  return async () => {
    await stack.stop();
    await database.drop();
  };
}
