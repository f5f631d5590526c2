import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiHarness } from "@/test-support/api-harness";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";
import {
  deleteFilesEndpoint,
  getFileEndpoint,
  getSyncRunEndpoint,
  listFilesEndpoint,
  resyncFileEndpoint,
  syncFilesEndpoint,
} from "./endpoints";
import { issueApiKey } from "./issue-api-key";

let database: MigratedTestDatabase;
let api: ReturnType<typeof createApiHarness>;
let acme: string;
let acmeConnection: string;
let acmeKey: string;
let globexKey: string;
let globexCallId: string;
let discoveryId: string;
let privateCallId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  api = createApiHarness(database.db);
  acme = await seedOrganization(database.db, "Acme");
  const globex = await seedOrganization(database.db, "Globex");
  acmeConnection = await seedConnection(database.db, acme, { includeSpeakerLabels: true });
  const globexConnection = await seedConnection(database.db, globex);
  await database.db
    .insertInto("gong_workspaces")
    .values({ organization_id: acme, connection_id: acmeConnection, gong_id: "5001", name: "Sales" })
    .execute();
  discoveryId = await seedCall(database.db, {
    organizationId: acme,
    connectionId: acmeConnection,
    gongId: "1001",
    title: "Discovery with Initech",
    startedAt: new Date("2026-11-20T10:00:00Z"),
    durationSeconds: 1800,
    workspaceGongId: "5001",
    url: "https://gong.example/call?id=1001",
    parties: [
      { gongId: "p1", speakerId: "s1", name: "Ada Rep", email: "ada@acme.test", affiliation: "Internal" },
      { gongId: "p2", speakerId: "s2", name: "Bob Buyer", affiliation: "External" },
    ],
    segments: [
      { speakerId: "s1", startMs: 0, endMs: 4000, text: "Thanks for joining." },
      { speakerId: "s2", startMs: 4000, endMs: 9000, text: "Happy to be here." },
    ],
  });
  for (let i = 0; i < 4; i++) {
    await seedCall(database.db, { organizationId: acme, connectionId: acmeConnection, gongId: `20${i}`, startedAt: new Date(Date.UTC(2026, 10, 10 + i)) });
  }
  // The newest call, but private: only its participants may see it, and an API key is no participant.
  privateCallId = await seedCall(database.db, {
    organizationId: acme,
    connectionId: acmeConnection,
    gongId: "1002",
    title: "Board compensation review",
    startedAt: new Date("2026-11-22T10:00:00Z"),
    isPrivate: true,
    parties: [{ gongId: "p9", speakerId: "s9", name: "Ada Rep", email: "ada@acme.test", affiliation: "Internal" }],
    segments: [{ speakerId: "s9", startMs: 0, endMs: 4000, text: "This stays between us." }],
  });
  globexCallId = await seedCall(database.db, { organizationId: globex, connectionId: globexConnection, gongId: "9001", startedAt: new Date("2026-11-21T10:00:00Z") });
  acmeKey = (await issueApiKey(database.db, { kind: "organization", organizationId: acme, name: "acme", createdByUserId: null })).key;
  globexKey = (await issueApiKey(database.db, { kind: "organization", organizationId: globex, name: "globex", createdByUserId: null })).key;
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(() => {
  api.sent.length = 0;
});

describe("GET /files", () => {
  it("pages the organization's calls newest first with metadata, and only its own", async () => {
    const first = await api.call(listFilesEndpoint, { path: "/files?limit=2", key: acmeKey });
    expect(first.status).toBe(200);
    const page = listFilesEndpoint.response.parse(first.body);
    expect(page.data.map((file) => file.gong_id)).toEqual(["1001", "203"]);
    expect(page.data[0]).toMatchObject({
      id: discoveryId,
      title: "Discovery with Initech",
      duration_seconds: 1800,
      workspace: { id: "5001", name: "Sales" },
      transcript_status: "ready",
      started_at: "2026-11-20T10:00:00.000Z",
    });
    expect(page.data[0]!.parties).toHaveLength(2);
    const seen = [...page.data.map((file) => file.gong_id)];
    let cursor = page.next_cursor;
    while (cursor) {
      const next = listFilesEndpoint.response.parse((await api.call(listFilesEndpoint, { path: `/files?limit=2&cursor=${cursor}`, key: acmeKey })).body);
      seen.push(...next.data.map((file) => file.gong_id));
      cursor = next.next_cursor;
    }
    expect(seen).toEqual(["1001", "203", "202", "201", "200"]);
  });

  it("filters by workspace and date range, and rejects a forged cursor", async () => {
    const inWorkspace = listFilesEndpoint.response.parse((await api.call(listFilesEndpoint, { path: "/files?workspace_id=5001", key: acmeKey })).body);
    expect(inWorkspace.data.map((file) => file.gong_id)).toEqual(["1001"]);
    const ranged = listFilesEndpoint.response.parse(
      (await api.call(listFilesEndpoint, { path: "/files?from=2026-11-11T00:00:00Z&to=2026-11-13T00:00:00Z", key: acmeKey })).body,
    );
    expect(ranged.data.map((file) => file.gong_id)).toEqual(["202", "201"]);
    const forged = await api.call(listFilesEndpoint, { path: "/files?cursor=abc", key: acmeKey });
    expect(forged.status).toBe(400);
    expect(forged.body.error?.message).toMatch(/^cursor/);
  });
});

describe("GET /files/{id}", () => {
  it("finds a call by our id or its Gong id and 404s another organization's", async () => {
    const byId = await api.call(getFileEndpoint, { path: `/files/${discoveryId}`, key: acmeKey, params: { id: discoveryId } });
    expect(byId.status).toBe(200);
    expect(byId.body).not.toHaveProperty("transcript");
    const byGongId = await api.call(getFileEndpoint, { path: "/files/1001", key: acmeKey, params: { id: "1001" } });
    expect(byGongId.body.id).toBe(discoveryId);
    expect((await api.call(getFileEndpoint, { path: `/files/${globexCallId}`, key: acmeKey, params: { id: globexCallId } })).status).toBe(404);
    expect((await api.call(getFileEndpoint, { path: "/files/9001", key: acmeKey, params: { id: "9001" } })).status).toBe(404);
    expect((await api.call(getFileEndpoint, { path: "/files/../x", key: acmeKey, params: { id: "../x" } })).status).toBe(400);
  });

  it("returns transcript sentences with speaker labels only when the organization has them on", async () => {
    const labelled = getFileEndpoint.response.parse(
      (await api.call(getFileEndpoint, { path: "/files/1001?include=transcript", key: acmeKey, params: { id: "1001" } })).body,
    );
    expect(labelled.transcript).toEqual([
      { start_ms: 0, end_ms: 4000, text: "Thanks for joining.", speaker_id: "s1", speaker: { name: "Ada Rep", affiliation: "Internal" } },
      { start_ms: 4000, end_ms: 9000, text: "Happy to be here.", speaker_id: "s2", speaker: { name: "Bob Buyer", affiliation: "External" } },
    ]);
    await database.db.updateTable("gong_connections").set({ include_speaker_labels: false }).where("id", "=", acmeConnection).execute();
    try {
      const plain = getFileEndpoint.response.parse(
        (await api.call(getFileEndpoint, { path: "/files/1001?include=transcript", key: acmeKey, params: { id: "1001" } })).body,
      );
      expect(plain.transcript?.map((sentence) => [sentence.speaker_id, sentence.speaker])).toEqual([["s1", null], ["s2", null]]);
    } finally {
      await database.db.updateTable("gong_connections").set({ include_speaker_labels: true }).where("id", "=", acmeConnection).execute();
    }
  });
});

describe("runs", () => {
  it("queues a manual sync of chosen workspaces and calls and reports it at /sync_runs/{id}", async () => {
    const result = await api.call(syncFilesEndpoint, {
      path: "/integrations/files/sync",
      key: acmeKey,
      body: { workspace_ids: ["5001"], call_ids: ["777"], from: "2026-11-01T00:00:00Z", to: "2026-11-23T00:00:00Z" },
    });
    expect(result.status).toBe(202);
    const { sync_run_id } = syncFilesEndpoint.response.parse(result.body);
    expect(api.sent).toEqual([
      expect.objectContaining({
        name: "gong/calls.sync-requested",
        id: sync_run_id,
        data: { connectionId: acmeConnection, runId: sync_run_id, workspaceGongIds: ["5001"], callGongIds: ["777"], fromDateTime: "2026-11-01T00:00:00Z", toDateTime: "2026-11-23T00:00:00Z" },
      }),
    ]);
    const run = await api.call(getSyncRunEndpoint, { path: `/sync_runs/${sync_run_id}`, key: acmeKey, params: { id: sync_run_id } });
    expect(getSyncRunEndpoint.response.parse(run.body)).toMatchObject({ id: sync_run_id, kind: "manual", status: "queued", progress: { calls: 0 } });
    expect((await api.call(getSyncRunEndpoint, { path: `/sync_runs/${sync_run_id}`, key: globexKey, params: { id: sync_run_id } })).status).toBe(404);
  });

  it("404s an unknown workspace, 400s over 100 call ids and a reversed range", async () => {
    expect((await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key: acmeKey, body: { workspace_ids: ["nope"] } })).status).toBe(404);
    const many = Array.from({ length: 101 }, (_, i) => String(i + 1));
    const tooMany = await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key: acmeKey, body: { call_ids: many } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.message).toMatch(/^call_ids: at most 100/);
    const reversed = await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key: acmeKey, body: { from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" } });
    expect(reversed.body.error?.message).toBe("from: from must be before to");
    expect(api.sent).toEqual([]);
  });

  it("resyncs one call by either id as an explicit single-call sync", async () => {
    const result = await api.call(resyncFileEndpoint, { path: "/resync_file", key: acmeKey, body: { call_id: discoveryId } });
    expect(result.status).toBe(202);
    const { sync_run_id } = resyncFileEndpoint.response.parse(result.body);
    expect(api.sent[0]).toMatchObject({ name: "gong/call.sync-requested", data: { callGongId: "1001", explicit: true, runId: sync_run_id } });
    expect((await api.call(resyncFileEndpoint, { path: "/resync_file", key: acmeKey, body: { call_id: "9001" } })).status).toBe(404);
    expect((await api.call(resyncFileEndpoint, { path: "/resync_file", key: acmeKey, body: {} })).body.error?.message).toMatch(/^call_id: /);
  });

  it("queues deletion of the organization's calls, refusing any other organization's id and more than 100", async () => {
    const result = await api.call(deleteFilesEndpoint, { path: "/delete_files", key: acmeKey, body: { call_ids: ["200", discoveryId, "200"] } });
    expect(result.status).toBe(202);
    const { sync_run_id } = deleteFilesEndpoint.response.parse(result.body);
    expect(api.sent[0]).toMatchObject({ name: "gong/calls.delete-requested", data: { runId: sync_run_id, callGongIds: ["200", "1001"] } });
    const run = await database.db.selectFrom("sync_runs").select(["kind", "params"]).where("id", "=", sync_run_id).executeTakeFirstOrThrow();
    expect(run.kind).toBe("delete");

    const mixed = await api.call(deleteFilesEndpoint, { path: "/delete_files", key: acmeKey, body: { call_ids: ["200", globexCallId] } });
    expect(mixed.status).toBe(404);
    expect(mixed.body.error?.message).toContain(globexCallId);
    const tooMany = await api.call(deleteFilesEndpoint, { path: "/delete_files", key: acmeKey, body: { call_ids: Array.from({ length: 101 }, (_, i) => String(i)) } });
    expect(tooMany).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
    expect(tooMany.body.error?.message).toMatch(/^call_ids: at most 100 call_ids per request/);
    expect((await api.call(deleteFilesEndpoint, { path: "/delete_files", key: acmeKey, body: { call_ids: [] } })).status).toBe(400);
    expect(api.sent).toHaveLength(1);
  });

  it("marks a run failed and answers 503 when the event cannot be sent", async () => {
    const failing = createApiHarness(database.db);
    failing.deps.sendEvent = async () => {
      throw new Error("executor down");
    };
    const result = await failing.call(resyncFileEndpoint, { path: "/resync_file", key: acmeKey, body: { call_id: "1001" } });
    expect(result.status).toBe(503);
    const latest = await database.db.selectFrom("sync_runs").select(["status", "kind"]).orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(latest).toEqual({ status: "failed", kind: "resync" });
  });

  it("answers 409 when Gong is not connected", async () => {
    await database.db.updateTable("gong_connections").set({ status: "revoked" }).where("id", "=", acmeConnection).execute();
    try {
      const result = await api.call(syncFilesEndpoint, { path: "/integrations/files/sync", key: acmeKey, body: {} });
      expect(result.status).toBe(409);
      expect(result.body.error?.message).toMatch(/oauth_url/);
    } finally {
      await database.db.updateTable("gong_connections").set({ status: "connected" }).where("id", "=", acmeConnection).execute();
    }
  });
});

describe("private calls", () => {
  it("are not listed, not found by either id, and their transcripts are not served", async () => {
    const all = listFilesEndpoint.response.parse((await api.call(listFilesEndpoint, { path: "/files?limit=100", key: acmeKey })).body);
    expect(all.data.map((file) => file.gong_id)).not.toContain("1002");
    for (const id of [privateCallId, "1002"]) {
      const found = await api.call(getFileEndpoint, { path: `/files/${id}?include=transcript`, key: acmeKey, params: { id } });
      expect(found.status).toBe(404);
      expect(found.body).toEqual({ error: { code: "not_found", message: `No call with id "${id}" in this organization.` } });
    }
  });

  it("cannot be resynced or deleted, and answer as if they did not exist", async () => {
    for (const id of [privateCallId, "1002"]) {
      const resync = await api.call(resyncFileEndpoint, { path: "/resync_file", key: acmeKey, body: { call_id: id } });
      expect(resync).toMatchObject({ status: 404, body: { error: { code: "not_found", message: `No call with id "${id}" in this organization.` } } });
    }
    const remove = await api.call(deleteFilesEndpoint, { path: "/delete_files", key: acmeKey, body: { call_ids: ["200", privateCallId] } });
    expect(remove.status).toBe(404);
    expect(remove.body.error?.message).toContain(privateCallId);
    expect(api.sent).toEqual([]);
    expect(await database.db.selectFrom("calls").select("id").where("id", "=", privateCallId).executeTakeFirst()).toEqual({ id: privateCallId });
  });
});

describe("GET /files cursors", () => {
  it("keeps Postgres' microseconds, so calls started within one millisecond are not skipped", async () => {
    const initech = await seedOrganization(database.db, "Initech");
    const connection = await seedConnection(database.db, initech);
    const key = (await issueApiKey(database.db, { kind: "organization", organizationId: initech, name: "initech", createdByUserId: null })).key;
    for (const [gongId, startedAt] of [["301", "2026-11-05 10:00:00.123900+00"], ["302", "2026-11-05 10:00:00.123400+00"], ["303", "2026-11-05 10:00:00.1234+00"]] as const) {
      const id = await seedCall(database.db, { organizationId: initech, connectionId: connection, gongId, startedAt: new Date("2026-11-05T10:00:00Z") });
      await database.db.updateTable("calls").set({ started_at: startedAt }).where("id", "=", id).execute();
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result = await api.call(listFilesEndpoint, { path: `/files?limit=1${cursor ? `&cursor=${cursor}` : ""}`, key });
      expect(result.status).toBe(200);
      const page = listFilesEndpoint.response.parse(result.body);
      seen.push(...page.data.map((file) => file.gong_id));
      cursor = page.next_cursor;
    } while (cursor && seen.length < 10);
    expect(seen.slice(0, 1)).toEqual(["301"]);
    expect([...seen].sort()).toEqual(["301", "302", "303"]);
  });

  it("answers 400 in the API's error shape for a well-formed cursor holding no date", async () => {
    for (const startedAt of ["yesterday", "2026-02-30 10:00:00+00", "1", ""]) {
      const forged = Buffer.from(JSON.stringify({ startedAt, id: discoveryId, s: startedAt, i: discoveryId })).toString("base64url");
      const result = await api.call(listFilesEndpoint, { path: `/files?cursor=${forged}`, key: acmeKey });
      expect(result).toMatchObject({ status: 400, body: { error: { code: "bad_request", message: expect.stringMatching(/^cursor: /) } } });
    }
  });
});
