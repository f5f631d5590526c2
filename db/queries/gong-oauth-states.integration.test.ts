import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization, seedUser } from "@/test-support/seed-calls";
import { consumeOAuthState, createOAuthState } from "./gong-oauth-states";

let database: MigratedTestDatabase;
let organizationId: string;
let userId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  organizationId = await seedOrganization(database.db, "Acme");
  userId = await seedUser(database.db, { organizationId, email: "admin@acme.test", name: "Admin", role: "admin" });
});
afterAll(() => database?.drop());

const create = (stateHash: string, overrides: Partial<Parameters<typeof createOAuthState>[1]> = {}) =>
  createOAuthState(database.db, { stateHash, organizationId, userId, gongAccountEmail: "gong@acme.test", settings: { sync_on_connect: true }, ttlSeconds: 600, ...overrides });

describe("Gong OAuth states", () => {
  it("returns a state once, with who asked and their settings, then never again", async () => {
    await create("hash-once");
    expect(await consumeOAuthState(database.db, "hash-once")).toEqual({
      organization_id: organizationId,
      user_id: userId,
      gong_account_email: "gong@acme.test",
      settings: { sync_on_connect: true },
      expired: false,
    });
    expect(await consumeOAuthState(database.db, "hash-once")).toBeUndefined();
    expect(await consumeOAuthState(database.db, "never-issued")).toBeUndefined();
  });

  it("lets one of two concurrent consumers have the state", async () => {
    await create("hash-race");
    const results = await Promise.all([consumeOAuthState(database.db, "hash-race"), consumeOAuthState(database.db, "hash-race")]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("marks a state past its lifetime expired, and one within it not", async () => {
    await create("hash-expired", { ttlSeconds: -1 });
    await create("hash-fresh", { ttlSeconds: 5 });
    expect((await consumeOAuthState(database.db, "hash-expired"))?.expired).toBe(true);
    expect((await consumeOAuthState(database.db, "hash-fresh"))?.expired).toBe(false);
  });

  it("stores a state without a user (API-started) and empty settings as they are", async () => {
    await create("hash-api", { userId: null, gongAccountEmail: null, settings: {} });
    expect(await consumeOAuthState(database.db, "hash-api")).toEqual({ organization_id: organizationId, user_id: null, gong_account_email: null, settings: {}, expired: false });
  });

  it("removes states expired more than a day ago when a new one is issued, and keeps younger ones", async () => {
    await create("hash-old", { ttlSeconds: -(24 * 3600 + 60) });
    await create("hash-recent", { ttlSeconds: -(24 * 3600 - 60) });
    await create("hash-new");
    const left = await database.db.selectFrom("gong_oauth_states").select("state_hash").orderBy("state_hash").execute();
    expect(left.map((row) => row.state_hash)).toEqual(["hash-new", "hash-recent"]);
    const expiresIn = await sql<{ seconds: number }>`select extract(epoch from expires_at - now())::int as seconds from gong_oauth_states where state_hash = 'hash-new'`.execute(database.db);
    expect(expiresIn.rows[0]?.seconds).toBeGreaterThan(590);
    expect(expiresIn.rows[0]?.seconds).toBeLessThanOrEqual(600);
  });
});
