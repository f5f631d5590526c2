import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization, seedUser } from "@/test-support/seed-calls";
import { authenticateApiKey } from "./authenticate-api-key";
import { issueApiKey } from "./issue-api-key";
import { rollApiKey } from "./roll-api-key";

let database: MigratedTestDatabase;
let actor: { organizationId: string; userId: string };

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const organizationId = await seedOrganization(database.db, "Acme");
  actor = { organizationId, userId: await seedUser(database.db, { organizationId, email: "admin@acme.test", name: "Ada", role: "admin" }) };
});
afterAll(async () => {
  await database?.drop();
});

const request = (key: string) => new Request("http://callbridge.test/api/v1/files", { headers: { authorization: `Bearer ${key}` } });
const accepts = (key: string) => authenticateApiKey(database.db, request(key)).then(() => true, () => false);
const issue = (name: string, expiresAt: Date | null = null) =>
  issueApiKey(database.db, { kind: "organization", organizationId: actor.organizationId, name, createdByUserId: actor.userId, expiresAt });

describe("API key expiry and roll", () => {
  it("refuses a key once it has expired, as it refuses a revoked one", async () => {
    const live = await issue("Live", new Date(Date.now() + 60_000));
    const expired = await issue("Expired", new Date(Date.now() - 1_000));
    expect([await accepts(live.key), await accepts(expired.key)]).toEqual([true, false]);
  });

  it("rolls to a new secret under the same name; the old one works through the overlap chosen, then is refused", async () => {
    const old = await issue("Warehouse", new Date(Date.now() + 30 * 86_400_000));
    const rolled = await rollApiKey(database.db, actor, { id: old.apiKey.id, overlapSeconds: 3_600 });
    expect(rolled?.apiKey.name).toBe("Warehouse");
    expect([await accepts(old.key), await accepts(rolled!.key)]).toEqual([true, true]);
    // The old secret ends an hour from the roll; the new one keeps the key's 30-day lifetime.
    const rows = await database.db.selectFrom("api_keys").select(["id", "expires_at", "created_at"]).where("id", "in", [old.apiKey.id, rolled!.apiKey.id]).execute();
    const ends = (id: string) => new Date(rows.find((row) => row.id === id)!.expires_at!).getTime();
    expect(Math.abs(ends(old.apiKey.id) - (Date.now() + 3_600_000))).toBeLessThan(60_000);
    expect(ends(rolled!.apiKey.id) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    await database.db.updateTable("api_keys").set({ expires_at: new Date(Date.now() - 1_000) }).where("id", "=", old.apiKey.id).execute();
    expect([await accepts(old.key), await accepts(rolled!.key)]).toEqual([false, true]);
  });

  it("never lengthens the old secret's life, stops it at once with no overlap, and rolls only a live key of the organization", async () => {
    const soon = await issue("Soon", new Date(Date.now() + 60_000));
    await rollApiKey(database.db, actor, { id: soon.apiKey.id, overlapSeconds: 86_400 });
    const stored = await database.db.selectFrom("api_keys").select("expires_at").where("id", "=", soon.apiKey.id).executeTakeFirstOrThrow();
    expect(new Date(stored.expires_at!).getTime()).toBeLessThan(Date.now() + 120_000);

    const now = await issue("Now");
    const rolled = await rollApiKey(database.db, actor, { id: now.apiKey.id, overlapSeconds: 0 });
    expect([await accepts(now.key), await accepts(rolled!.key)]).toEqual([false, true]);
    expect(await rollApiKey(database.db, actor, { id: now.apiKey.id, overlapSeconds: 0 })).toBeUndefined();

    const other = await seedOrganization(database.db, "Other");
    expect(await rollApiKey(database.db, { organizationId: other, userId: actor.userId }, { id: rolled!.apiKey.id, overlapSeconds: 0 })).toBeUndefined();
    expect(await accepts(rolled!.key)).toBe(true);
  });
});
