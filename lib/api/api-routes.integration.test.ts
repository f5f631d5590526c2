import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";
import { syncRunAcceptedSchema } from "./api-schemas";
import { getFileEndpoint, getSyncRunEndpoint, listFilesEndpoint, listItemsEndpoint } from "./endpoints";
import { issueApiKey } from "./issue-api-key";

/**
 * The API end to end: the real route modules (default wiring: app database, Inngest client), the embedded
 * executor running Callbridge's sync functions, and the Gong simulator.
 */

type Handler = (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

let stack: SyncStack;
let key: string;
let platformKey: string;
let routes: Record<string, Handler>;

async function request(route: string, init: { path: string; body?: unknown; params?: Record<string, string>; key?: string }) {
  const response = await routes[route]!(
    new Request(`http://localhost:3999/api/v1${init.path}`, {
      method: init.body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${init.key ?? key}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );
  return { status: response.status, body: (await response.json()) as unknown };
}

beforeAll(async () => {
  stack = await startSyncStack({ simulator: { calls: 12, seed: 3 }, env: { API_RATE_LIMIT_PER_MINUTE: "1000" } });
  await stack.db.updateTable("organizations").set({ external_id: "acme" }).where("id", "=", stack.organizationId).execute();
  await stack.connect();
  key = (await issueApiKey(stack.db, { kind: "organization", organizationId: stack.organizationId, name: "e2e", createdByUserId: null })).key;
  platformKey = (await issueApiKey(stack.db, { kind: "platform", organizationId: null, name: "platform", createdByUserId: null })).key;
  const [sync, runs, files, file, remove, resync, items, updateUsers, openapi] = await Promise.all([
    import("@/app/api/v1/integrations/files/sync/route"),
    import("@/app/api/v1/sync_runs/[id]/route"),
    import("@/app/api/v1/files/route"),
    import("@/app/api/v1/files/[id]/route"),
    import("@/app/api/v1/delete_files/route"),
    import("@/app/api/v1/resync_file/route"),
    import("@/app/api/v1/integrations/items/list/route"),
    import("@/app/api/v1/update_users/route"),
    import("@/app/api/v1/openapi.json/route"),
  ]);
  routes = {
    sync: sync.POST,
    run: runs.GET,
    files: files.GET,
    file: file.GET,
    delete: remove.POST,
    resync: resync.POST,
    items: items.POST,
    updateUsers: updateUsers.POST,
    openapi: openapi.GET,
  };
}, 120_000);
afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await stack?.stop();
});

async function waitForApiRun(id: string) {
  await stack.waitForRun(id, 60_000);
  return getSyncRunEndpoint.response.parse((await request("run", { path: `/sync_runs/${id}`, params: { id } })).body);
}

describe("the API through the real routes, executor and Gong simulator", () => {
  it("syncs every call, then lists them as files", async () => {
    const started = await request("sync", { path: "/integrations/files/sync", body: {} });
    expect(started.status).toBe(202);
    const run = await waitForApiRun(syncRunAcceptedSchema.parse(started.body).sync_run_id);
    expect(run).toMatchObject({ status: "succeeded", progress: { calls: 12 } });
    const files = await request("files", { path: "/files?limit=100" });
    expect(files.status).toBe(200);
    expect(listFilesEndpoint.response.parse(files.body).data).toHaveLength(12);
  }, 90_000);

  it("deletes calls, shows them unsynced in Gong's list, and brings one back with resync_file", async () => {
    const [first, second] = listFilesEndpoint.response.parse((await request("files", { path: "/files?limit=2" })).body).data;
    if (!first || !second) throw new Error("expected two synced calls");
    const deleted = await request("delete", { path: "/delete_files", body: { call_ids: [first.id, second.gong_id] } });
    expect(deleted.status).toBe(202);
    expect(await waitForApiRun(syncRunAcceptedSchema.parse(deleted.body).sync_run_id)).toMatchObject({ status: "succeeded" });
    expect((await request("file", { path: `/files/${first.id}`, params: { id: first.id } })).status).toBe(404);

    const items = await request("items", { path: "/integrations/items/list", body: {} });
    expect(items.status).toBe(200);
    const listed = listItemsEndpoint.response.parse(items.body).calls;
    expect(listed).toHaveLength(12);
    expect(listed.filter((call) => !call.synced).map((call) => call.id).sort()).toEqual([first.gong_id, second.gong_id].sort());

    const resynced = await request("resync", { path: "/resync_file", body: { call_id: first.gong_id } });
    expect(resynced.status).toBe(202);
    expect(await waitForApiRun(syncRunAcceptedSchema.parse(resynced.body).sync_run_id)).toMatchObject({ status: "succeeded" });
    const back = await request("file", { path: `/files/${first.gong_id}?include=transcript`, params: { id: first.gong_id } });
    expect(back.status).toBe(200);
    const file = getFileEndpoint.response.parse(back.body);
    expect(file.gong_id).toBe(first.gong_id);
    expect(file.transcript?.length).toBeGreaterThan(0);
    expect(file.transcript?.[0]?.speaker).not.toBeNull();
  }, 90_000);

  it("lets a platform key turn scheduled syncing on for the customer", async () => {
    const result = await request("updateUsers", { path: "/update_users", key: platformKey, body: { customer_ids: ["acme"], auto_sync_enabled_sources: ["GONG"] } });
    expect(result.status).toBe(200);
    const connection = await stack.db.selectFrom("gong_connections").select("auto_sync_interval_hours").executeTakeFirstOrThrow();
    expect(connection.auto_sync_interval_hours).toBe(24);
  });

  it("serves the OpenAPI document without a key", async () => {
    const response = await routes.openapi!(new Request("http://localhost:3999/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});
