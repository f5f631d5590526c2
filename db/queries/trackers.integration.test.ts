import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "@/db/migrate";
import { migrations } from "@/db/migrations";
import type { Database } from "@/db/schema";
import { seedOrganization } from "@/test-support/seed-calls";
import { createTestDatabase, type TestDatabase } from "@/test-support/test-database";
import { deleteTracker, ensureDefaultTrackers } from "./trackers";

let database: TestDatabase;
let db: Kysely<Database>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
  // Organizations as they were before default trackers were given once.
  await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo("2026_12_01_2120_bound_webhook_deliveries");
  ids.customized = await seedOrganization(db, "Customized");
  ids.untouched = await seedOrganization(db, "Untouched");
  await db.insertInto("trackers").values({ organization_id: ids.customized, name: "Security", keywords: ["SOC 2"] }).execute();
  await migrateToLatest(database.url);
});

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe("organizations from before the default trackers were given once", () => {
  it("keep none after deleting the trackers they had", async () => {
    const [security] = await ensureDefaultTrackers(db, ids.customized!);
    expect(security?.name).toBe("Security");
    await deleteTracker(db, ids.customized!, security!.id);
    expect(await ensureDefaultTrackers(db, ids.customized!)).toEqual([]);
  });

  it("get the defaults on first read when they never had trackers, and not again", async () => {
    const defaults = await ensureDefaultTrackers(db, ids.untouched!);
    expect(defaults.map((tracker) => tracker.name)).toEqual(["Competitors", "Pricing"]);
    for (const tracker of defaults) await deleteTracker(db, ids.untouched!, tracker.id);
    expect(await ensureDefaultTrackers(db, ids.untouched!)).toEqual([]);
  });
});
