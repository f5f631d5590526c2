import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness } from "@/test-support/api-harness";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedConnection, seedOrganization, seedUser } from "@/test-support/seed-calls";
import { listFilesEndpoint, syncFilesEndpoint, updateUsersEndpoint } from "./endpoints";
import { issueApiKey } from "./issue-api-key";

let database: MigratedTestDatabase;
let api: ReturnType<typeof createApiHarness>;
let acme: string;
let globex: string;
let orgKey: string;
let platformKey: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  api = createApiHarness(database.db);
  acme = await seedOrganization(database.db, "Acme");
  globex = await seedOrganization(database.db, "Globex");
  await database.db.updateTable("organizations").set({ external_id: "acme" }).where("id", "=", acme).execute();
  await database.db.updateTable("organizations").set({ external_id: "globex" }).where("id", "=", globex).execute();
  const admin = await seedUser(database.db, { organizationId: acme, email: "admin@acme.test", name: "Ada", role: "admin" });
  await seedConnection(database.db, acme);
  orgKey = (await issueApiKey(database.db, { kind: "organization", organizationId: acme, name: "CI", createdByUserId: admin })).key;
  platformKey = (await issueApiKey(database.db, { kind: "platform", organizationId: null, name: "Platform", createdByUserId: null })).key;
});
afterAll(async () => {
  await database?.drop();
});

describe("API keys", () => {
  it("issues keys with a kind prefix, storing only a hash and a short visible prefix", async () => {
    expect(orgKey).toMatch(/^cb_org_[\w-]{43}$/);
    expect(platformKey).toMatch(/^cb_plat_[\w-]{43}$/);
    const rows = await database.db.selectFrom("api_keys").select(["prefix", "secret_hash"]).execute();
    for (const row of rows) {
      expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect([orgKey, platformKey].some((key) => key.startsWith(row.prefix) && key.length > row.prefix.length + 20)).toBe(true);
    }
  });

  it("answers 401 without a key, with a malformed header, an unknown key and a revoked key", async () => {
    const missing = await api.call(listFilesEndpoint, { path: "/files" });
    expect(missing.status).toBe(401);
    expect(missing.body.error?.code).toBe("unauthorized");
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await api.call(listFilesEndpoint, { path: "/files", authorization: `Basic ${orgKey}` })).status).toBe(401);
    expect((await api.call(listFilesEndpoint, { path: "/files", key: `${orgKey.slice(0, -2)}xx` })).status).toBe(401);

    const revoked = await issueApiKey(database.db, { kind: "organization", organizationId: acme, name: "old", createdByUserId: null });
    expect((await api.call(listFilesEndpoint, { path: "/files", key: revoked.key })).status).toBe(200);
    await database.db.updateTable("api_keys").set({ revoked_at: new Date() }).where("id", "=", revoked.apiKey.id).execute();
    const afterRevoke = await api.call(listFilesEndpoint, { path: "/files", key: revoked.key });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body.error?.message).toMatch(/revoked/);
  });

  it("records when a key was last used", async () => {
    const { key, apiKey } = await issueApiKey(database.db, { kind: "organization", organizationId: acme, name: "fresh", createdByUserId: null });
    expect(apiKey.last_used_at).toBeNull();
    await api.call(listFilesEndpoint, { path: "/files", key });
    const row = await database.db.selectFrom("api_keys").select("last_used_at").where("id", "=", apiKey.id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
  });
});

describe("customers", () => {
  it("lets a platform key act for a customer named in the query or the body, and 404s an unknown one", async () => {
    expect((await api.call(listFilesEndpoint, { path: "/files?customer_id=acme", key: platformKey })).status).toBe(200);
    const unknown = await api.call(listFilesEndpoint, { path: "/files?customer_id=initech", key: platformKey });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.message).toContain("initech");
    const inBody = await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key: platformKey, body: { customer_id: "nobody" } });
    expect(inBody.status).toBe(404);
  });

  it("asks a platform key to name a customer", async () => {
    const result = await api.call(listFilesEndpoint, { path: "/files", key: platformKey });
    expect(result.status).toBe(400);
    expect(result.body.error?.message).toMatch(/^customer_id/);
  });

  it("gives an organization key naming another customer the same 404", async () => {
    expect((await api.call(listFilesEndpoint, { path: "/files?customer_id=globex", key: orgKey })).status).toBe(404);
    expect((await api.call(listFilesEndpoint, { path: "/files?customer_id=acme", key: orgKey })).status).toBe(200);
  });
});

describe("request bodies", () => {
  it("answers malformed JSON, a non-object body and a zod error with 400 naming the problem", async () => {
    const malformed = await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key: orgKey, rawBody: "{nope" });
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: "bad_request", message: "The request body is not valid JSON." } } });
    expect((await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key: orgKey, rawBody: "[1]" })).status).toBe(400);
    const wrongType = await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key: orgKey, body: { call_ids: "123" } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error?.message).toMatch(/^call_ids: /);
    const unknownField = await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key: orgKey, body: { callIds: ["1"] } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error?.message).toContain("callIds");
    const badQuery = await api.call(listFilesEndpoint, { path: "/files?limit=1000", key: orgKey });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error?.message).toMatch(/^limit: /);
  });
});

describe("rate limiting", () => {
  it("answers 429 with Retry-After once a key passes its per-minute limit, and counts each key alone", async () => {
    const limited = createApiHarness(database.db, { rateLimitPerMinute: 3 });
    const { key } = await issueApiKey(database.db, { kind: "organization", organizationId: acme, name: "busy", createdByUserId: null });
    // Start early in a window so the five requests cannot straddle two windows, however loaded the machine is.
    const secondsLeft = 60 - (await sql<{ s: number }>`select extract(second from now())::float8 as s`.execute(database.db)).rows[0]!.s;
    if (secondsLeft < 15) await new Promise((resolve) => setTimeout(resolve, secondsLeft * 1000 + 100));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.call(listFilesEndpoint, { path: "/files", key })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const over = await limited.call(listFilesEndpoint, { path: "/files", key });
    expect(over.body.error?.code).toBe("rate_limited");
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const other = await issueApiKey(database.db, { kind: "organization", organizationId: acme, name: "quiet", createdByUserId: null });
    expect((await limited.call(listFilesEndpoint, { path: "/files", key: other.key })).status).toBe(200);
  });
});

describe("POST /update_users", () => {
  it("refuses organization keys with 403", async () => {
    const result = await api.call(updateUsersEndpoint, { path: "/update_users", key: orgKey, body: { customer_ids: ["acme"], auto_sync_enabled_sources: ["GONG"] } });
    expect(result.status).toBe(403);
    expect(result.body.error?.code).toBe("forbidden");
  });

  it("turns 24-hourly syncing on and off per customer and lists unknown customers", async () => {
    const on = await api.call(updateUsersEndpoint, {
      path: "/update_users",
      key: platformKey,
      body: { customer_ids: ["acme", "globex", "initech"], auto_sync_enabled_sources: "ALL" },
    });
    expect(on.status).toBe(200);
    updateUsersEndpoint.response.parse(on.body);
    expect(on.body).toEqual({
      results: [
        { customer_id: "acme", status: "updated", auto_sync_enabled_sources: ["GONG"] },
        { customer_id: "globex", status: "not_connected", auto_sync_enabled_sources: [] },
        { customer_id: "initech", status: "unknown_customer", auto_sync_enabled_sources: [] },
      ],
      unknown_customer_ids: ["initech"],
    });
    const interval = () =>
      database.db.selectFrom("gong_connections").select("auto_sync_interval_hours").where("organization_id", "=", acme).executeTakeFirstOrThrow();
    expect((await interval()).auto_sync_interval_hours).toBe(24);
    await api.call(updateUsersEndpoint, { path: "/update_users", key: platformKey, body: { customer_ids: ["acme"], auto_sync_enabled_sources: [] } });
    expect((await interval()).auto_sync_interval_hours).toBeNull();
    await api.call(updateUsersEndpoint, { path: "/update_users", key: platformKey, body: { customer_ids: ["acme"], auto_sync_enabled_sources: ["GONG"] } });
    expect((await interval()).auto_sync_interval_hours).toBe(24);
  });

  it("says when a customer's Gong connection needs re-authorization or was disconnected, instead of \"updated\"", async () => {
    const connectionOf = async (name: string, customerId: string, status: "needs_reauth" | "revoked") => {
      const organizationId = await seedOrganization(database.db, name);
      await database.db.updateTable("organizations").set({ external_id: customerId }).where("id", "=", organizationId).execute();
      const id = await seedConnection(database.db, organizationId);
      await database.db.updateTable("gong_connections").set({ status }).where("id", "=", id).execute();
      return id;
    };
    const lapsed = await connectionOf("Umbrella", "umbrella", "needs_reauth");
    const revoked = await connectionOf("Hooli", "hooli", "revoked");
    const result = await api.call(updateUsersEndpoint, {
      path: "/update_users",
      key: platformKey,
      body: { customer_ids: ["umbrella", "hooli"], auto_sync_enabled_sources: ["GONG"] },
    });
    expect(result.status).toBe(200);
    expect(updateUsersEndpoint.response.parse(result.body).results).toEqual([
      { customer_id: "umbrella", status: "needs_reauth", auto_sync_enabled_sources: ["GONG"] },
      { customer_id: "hooli", status: "disconnected", auto_sync_enabled_sources: ["GONG"] },
    ]);
    // The choice is kept, so scheduled syncing starts by itself once the customer reconnects Gong.
    const intervals = await database.db.selectFrom("gong_connections").select("auto_sync_interval_hours").where("id", "in", [lapsed, revoked]).execute();
    expect(intervals).toEqual([{ auto_sync_interval_hours: 24 }, { auto_sync_interval_hours: 24 }]);
  });

  it("rejects more than 100 customers and unknown sources with 400", async () => {
    const many = Array.from({ length: 101 }, (_, i) => `c${i}`);
    const tooMany = await api.call(updateUsersEndpoint, { path: "/update_users", key: platformKey, body: { customer_ids: many, auto_sync_enabled_sources: "ALL" } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.message).toMatch(/^customer_ids: at most 100/);
    const badSource = await api.call(updateUsersEndpoint, { path: "/update_users", key: platformKey, body: { customer_ids: ["acme"], auto_sync_enabled_sources: ["SLACK"] } });
    expect(badSource.status).toBe(400);
    expect(badSource.body.error?.message).toMatch(/^auto_sync_enabled_sources/);
  });
});
