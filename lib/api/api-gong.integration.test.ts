import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCallCore } from "@/gong-simulator/src/data/call-core";
import { type RunningSimulator, startSimulator } from "@/gong-simulator/src/index";
import { completeGongOAuth } from "@/lib/gong-connection/complete-gong-oauth";
import { createApiHarness } from "@/test-support/api-harness";
import { answerGongConsent } from "@/test-support/gong-consent";
import { createSimulatorAppConfig } from "@/test-support/gong-oauth-fixture";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedOrganization } from "@/test-support/seed-calls";
import { createOAuthUrlEndpoint, listItemsEndpoint } from "./endpoints";
import { issueApiKey } from "./issue-api-key";

let database: MigratedTestDatabase;
let simulator: RunningSimulator;
let api: ReturnType<typeof createApiHarness>;
let acme: string;
let acmeKey: string;
let platformKey: string;

beforeAll(async () => {
  [database, simulator] = await Promise.all([createMigratedTestDatabase(), startSimulator({ calls: 30, workspaces: 2, rateLimit: 1000 })]);
  api = createApiHarness(database.db, { gongConfig: createSimulatorAppConfig(simulator.url) });
  acme = await seedOrganization(database.db, "Acme");
  await database.db.updateTable("organizations").set({ external_id: "acme" }).where("id", "=", acme).execute();
  acmeKey = (await issueApiKey(database.db, { kind: "organization", organizationId: acme, name: "acme", createdByUserId: null })).key;
  platformKey = (await issueApiKey(database.db, { kind: "platform", organizationId: null, name: "platform", createdByUserId: null })).key;
});
afterAll(async () => {
  await simulator?.close();
  await database?.drop();
});

/** Gong ids of the simulator's private calls, which items/list leaves out. */
function listPrivateGongIds(): string[] {
  const { dataset } = simulator.state;
  return Array.from({ length: 30 }, (_, index) => buildCallCore(dataset, index)).filter((call) => call.isPrivate).map((call) => call.id);
}

async function connectThroughApi(body: Record<string, unknown>) {
  const result = await api.call(createOAuthUrlEndpoint, { path: "/integrations/oauth_url", key: platformKey, body: { customer_id: "acme", ...body } });
  expect(result.status).toBe(200);
  const { oauth_url } = createOAuthUrlEndpoint.response.parse(result.body);
  const callback = await answerGongConsent(oauth_url);
  // The person approving is not signed in to Callbridge: the state was issued to no user.
  return completeGongOAuth(database.db, api.deps.getGongConfig(), {
    state: callback.searchParams.get("state") ?? "",
    code: callback.searchParams.get("code") ?? "",
    sessionUserId: null,
  });
}

describe("POST /integrations/items/list", () => {
  it("answers 409 before Gong is connected", async () => {
    const result = await api.call(listItemsEndpoint, { path: "/integrations/items/list", key: acmeKey, body: {} });
    expect(result.status).toBe(409);
    expect(result.body.error?.code).toBe("conflict");
  });
});

describe("POST /integrations/oauth_url", () => {
  it("returns Gong's authorize URL that connects the customer with the requested settings", async () => {
    const connection = await connectThroughApi({
      gong_account_email: "Admin@Acme.test",
      sync_files_on_connection: false,
      file_sync_config: { include_speaker_labels: false },
    });
    expect(connection).toMatchObject({
      organization_id: acme,
      status: "connected",
      gong_account_email: "admin@acme.test",
      sync_on_connect: false,
      include_speaker_labels: false,
      connected_by_user_id: null,
    });
  });

  it("validates the email and the settings", async () => {
    const result = await api.call(createOAuthUrlEndpoint, { path: "/integrations/oauth_url", key: acmeKey, body: { gong_account_email: "nope" } });
    expect(result.status).toBe(400);
    expect(result.body.error?.message).toMatch(/^gong_account_email: /);
    const extra = await api.call(createOAuthUrlEndpoint, {
      path: "/integrations/oauth_url",
      key: acmeKey,
      body: { gong_account_email: "a@b.test", file_sync_config: { speaker_labels: true } },
    });
    expect(extra.status).toBe(400);
  });
});

describe("POST /integrations/items/list once connected", () => {
  it("pages every call Gong has for the range except private ones, each marked synced or not", async () => {
    await connectThroughApi({ gong_account_email: "admin@acme.test" });
    const connection = await database.db.selectFrom("gong_connections").select("id").where("organization_id", "=", acme).executeTakeFirstOrThrow();
    const range = { from: new Date(Date.now() - 40 * 86_400_000).toISOString(), to: new Date().toISOString() };

    const first = listItemsEndpoint.response.parse(
      (await api.call(listItemsEndpoint, { path: "/integrations/items/list", key: acmeKey, body: { ...range, page_size: 7 } })).body,
    );
    expect(first.workspaces).toHaveLength(2);
    expect(first.calls).toHaveLength(7);
    const synced = first.calls[2]!;
    const fileId = await seedCall(database.db, { organizationId: acme, connectionId: connection.id, gongId: synced.id, startedAt: new Date() });
    // Private in Callbridge's copy (made private since Gong listed it): left out as well.
    const madePrivate = first.calls[3]!;
    await seedCall(database.db, { organizationId: acme, connectionId: connection.id, gongId: madePrivate.id, startedAt: new Date(), isPrivate: true });
    const privateIds = listPrivateGongIds();
    expect(privateIds.length).toBeGreaterThan(0);

    const seen = [];
    let cursor: string | null = null;
    do {
      const body: Record<string, unknown> = cursor ? { cursor, page_size: 7 } : { ...range, page_size: 7 };
      const page = listItemsEndpoint.response.parse((await api.call(listItemsEndpoint, { path: "/integrations/items/list", key: acmeKey, body })).body);
      seen.push(...page.calls);
      cursor = page.next_cursor;
    } while (cursor);
    const expected = 30 - privateIds.length - 1;
    expect(seen).toHaveLength(expected);
    expect(new Set(seen.map((call) => call.id)).size).toBe(expected);
    expect(seen.map((call) => call.id)).not.toContain(madePrivate.id);
    for (const id of privateIds) expect(seen.map((call) => call.id)).not.toContain(id);
    expect(seen.filter((call) => call.synced)).toEqual([expect.objectContaining({ id: synced.id, file_id: fileId })]);
  });

  it("walks chosen workspaces one after another", async () => {
    const workspaces = listItemsEndpoint.response.parse(
      (await api.call(listItemsEndpoint, { path: "/integrations/items/list", key: acmeKey, body: { page_size: 1 } })).body,
    ).workspaces;
    const ids = workspaces.map((workspace) => workspace.id);
    const seen = [];
    let cursor: string | null = null;
    do {
      const body: Record<string, unknown> = cursor ? { cursor } : { workspace_ids: ids, from: new Date(Date.now() - 40 * 86_400_000).toISOString() };
      const page = listItemsEndpoint.response.parse((await api.call(listItemsEndpoint, { path: "/integrations/items/list", key: acmeKey, body })).body);
      seen.push(...page.calls);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(30 - listPrivateGongIds().length - 1);
    expect(new Set(seen.map((call) => call.workspace_id))).toEqual(new Set(ids));
  });

  it("answers 400 in the API's error shape for a well-formed cursor with a bad date or position", async () => {
    const base = { workspaces: null, index: 0, gongCursor: null, offset: 0, from: "2026-11-01T00:00:00Z", to: "2026-11-20T00:00:00Z" };
    for (const forged of [{ from: "yesterday" }, { to: "2026-02-30T00:00:00Z" }, { workspaces: ["1"], index: 3 }]) {
      const cursor = Buffer.from(JSON.stringify({ ...base, ...forged })).toString("base64url");
      const result = await api.call(listItemsEndpoint, { path: "/integrations/items/list", key: acmeKey, body: { cursor } });
      expect(result, JSON.stringify(forged)).toMatchObject({ status: 400, body: { error: { code: "bad_request", message: expect.stringMatching(/^cursor: /) } } });
    }
  });
});
