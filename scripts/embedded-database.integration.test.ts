import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "@/db/migrate";
import { listAllTableRows } from "@/test-support/table-rows";
import { startEmbeddedDatabase } from "./embedded-database";
import { createScriptDb } from "./script-db";
import { DEMO_USERS, seedDemo } from "./seed-demo";

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "callbridge-pglite-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function readAllRows(databaseUrl: string) {
  const db = createScriptDb(databaseUrl);
  try {
    return await listAllTableRows(db);
  } finally {
    await db.destroy();
  }
}

describe("the embedded database", () => {
  it("keeps migrated, seeded data across a restart on the same data dir; the launcher's migrate and seed then change nothing", async () => {
    const first = await startEmbeddedDatabase({ dataDir, port: 0 });
    let beforeRestart: Record<string, unknown[]>;
    try {
      await migrateToLatest(first.url);
      await seedDemo(first.url);
      beforeRestart = await readAllRows(first.url);
    } finally {
      await first.stop();
    }
    expect((beforeRestart.users as Array<{ email: string }>).map((user) => user.email).sort()).toEqual(DEMO_USERS.map((user) => user.email).sort());

    const second = await startEmbeddedDatabase({ dataDir, port: 0 });
    try {
      expect(await readAllRows(second.url)).toEqual(beforeRestart);
      // What every `npm run demo` does at start-up.
      expect(await migrateToLatest(second.url)).toEqual([]);
      await seedDemo(second.url);
      expect(await readAllRows(second.url)).toEqual(beforeRestart);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
