import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization } from "@/test-support/seed-calls";
import { authenticateApiKey } from "./authenticate-api-key";
import { issueApiKey } from "./issue-api-key";
import { resolveApiOrganization } from "./resolve-api-organization";

/** Who an API request is and which organization it acts on, each rule on its own against PostgreSQL. */

let database: MigratedTestDatabase;
const org = { acme: "", globex: "", noExternalId: "" };
const keys = { acme: "", platform: "" };

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const { db } = database;
  org.acme = await seedOrganization(db, "Acme");
  org.globex = await seedOrganization(db, "Globex");
  org.noExternalId = await seedOrganization(db, "Initech");
  await db.updateTable("organizations").set({ external_id: "acme-1" }).where("id", "=", org.acme).execute();
  await db.updateTable("organizations").set({ external_id: "globex-1" }).where("id", "=", org.globex).execute();
  keys.acme = (await issueApiKey(db, { kind: "organization", organizationId: org.acme, name: "Acme key", createdByUserId: null })).key;
  keys.platform = (await issueApiKey(db, { kind: "platform", organizationId: null, name: "Platform", createdByUserId: null })).key;
});
afterAll(() => database?.drop());

const request = (authorization?: string) => new Request("http://localhost/api/v1/files", { headers: authorization === undefined ? {} : { authorization } });
const failure = (promise: Promise<unknown>) => promise.then(() => "accepted", (error: { code?: string; message?: string; headers?: unknown }) => ({ code: error.code, message: error.message }));

describe("authenticateApiKey", () => {
  it("names the key's kind and organization, and records its use", async () => {
    const principal = await authenticateApiKey(database.db, request(`Bearer ${keys.acme}`));
    expect(principal).toEqual({ keyId: expect.any(String), kind: "organization", organizationId: org.acme });
    const used = await database.db.selectFrom("api_keys").select("last_used_at").where("id", "=", principal.keyId).executeTakeFirstOrThrow();
    expect(used.last_used_at).toBeInstanceOf(Date);
    expect(await authenticateApiKey(database.db, request(`bearer   ${keys.platform}  `))).toEqual({ keyId: expect.any(String), kind: "platform", organizationId: null });
  });

  it("answers 401 with a challenge to no header, another scheme, a malformed, unknown or revoked key", async () => {
    const { db } = database;
    expect(await failure(authenticateApiKey(db, request()))).toEqual({ code: "unauthorized", message: "Send an API key as `Authorization: Bearer <key>`." });
    const malformed = { code: "unauthorized", message: "The Authorization header must be `Bearer <key>` with a Callbridge API key." };
    expect(await failure(authenticateApiKey(db, request(`Basic ${keys.acme}`)))).toEqual(malformed);
    expect(await failure(authenticateApiKey(db, request(`Bearer ${keys.acme} extra`)))).toEqual(malformed);
    expect(await failure(authenticateApiKey(db, request(`xBearer ${keys.acme}`)))).toEqual(malformed);
    expect(await failure(authenticateApiKey(db, request("Bearer cb_org_short")))).toEqual(malformed);
    expect(await failure(authenticateApiKey(db, request(`Bearer cb_org_${"a".repeat(201)}`)))).toEqual(malformed);
    const invalid = { code: "unauthorized", message: "This API key is not valid or has been revoked." };
    expect(await failure(authenticateApiKey(db, request(`Bearer cb_org_${"a".repeat(40)}`)))).toEqual(invalid);
    const { key, apiKey } = await issueApiKey(db, { kind: "organization", organizationId: org.acme, name: "Revoked", createdByUserId: null });
    await db.updateTable("api_keys").set({ revoked_at: new Date() }).where("id", "=", apiKey.id).execute();
    expect(await failure(authenticateApiKey(db, request(`Bearer ${key}`)))).toEqual(invalid);
    const error = await authenticateApiKey(db, request()).catch((caught: { headers?: Record<string, string> }) => caught);
    expect((error as { headers?: Record<string, string> }).headers).toEqual({ "www-authenticate": 'Bearer realm="callbridge"' });
  });
});

describe("resolveApiOrganization", () => {
  const organizationKey = (organizationId: string | null) => ({ keyId: "k", kind: "organization" as const, organizationId });
  const platformKey = { keyId: "p", kind: "platform" as const, organizationId: null };

  it("gives an organization key its own organization, named or not, and nothing of another's", async () => {
    const { db } = database;
    expect(await resolveApiOrganization(db, organizationKey(org.acme), undefined)).toBe(org.acme);
    expect(await resolveApiOrganization(db, organizationKey(org.acme), "acme-1")).toBe(org.acme);
    expect(await failure(resolveApiOrganization(db, organizationKey(org.acme), "globex-1"))).toEqual({ code: "not_found", message: 'No customer with customer_id "globex-1".' });
    expect(await failure(resolveApiOrganization(db, organizationKey(org.noExternalId), "acme-1"))).toEqual({ code: "not_found", message: 'No customer with customer_id "acme-1".' });
    expect(await failure(resolveApiOrganization(db, organizationKey(null), undefined))).toEqual({ code: "unauthorized", message: "This API key belongs to no organization." });
  });

  it("gives a platform key the organization it names, and refuses one it does not name or that does not exist", async () => {
    const { db } = database;
    expect(await resolveApiOrganization(db, platformKey, "globex-1")).toBe(org.globex);
    expect(await resolveApiOrganization(db, platformKey, "acme-1")).toBe(org.acme);
    expect(await failure(resolveApiOrganization(db, platformKey, undefined))).toEqual({
      code: "bad_request",
      message: "customer_id: platform keys must name the customer (an organization's external id).",
    });
    expect(await failure(resolveApiOrganization(db, platformKey, "nobody"))).toEqual({ code: "not_found", message: 'No customer with customer_id "nobody".' });
  });
});
