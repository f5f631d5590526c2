import { createHash, randomBytes } from "node:crypto";
import { SignJWT, exportSPKI, generateKeyPair } from "jose";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REJECTED_LOG_RATE, WEBHOOK_DELIVERY_RETENTION } from "../../db/queries/webhook-deliveries";
import { type RunningSimulator, startSimulator } from "../../gong-simulator/src/index";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "../../test-support/migrated-database";
import { serveNodeHandler } from "../../test-support/serve-node-handler";
import { type ServedHandler, serveWebHandler } from "../../test-support/serve-web-handler";
import { getWebhookSetup } from "./get-webhook-setup";
import { deliveryFromRequest } from "./incoming-delivery";
import { answerGongWebhook, matchGongWebhookRequest } from "./node-webhook-handler";
import { type HeldCallsSyncEvent, queueHeldWebhookCalls } from "./queue-held-webhook-calls";
import { type CallSyncEvent, type GongWebhookReceiver, createGongWebhookReceiver } from "./receive-gong-webhook";
import { saveWebhookPublicKey, setWebhookAuth } from "./update-webhook-settings";
import { logger } from "@/lib/observability/logger";

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
type Org = { organizationId: string; userId: string; connectionId: string; url: string };

const MARKER = `never-store-${randomBytes(4).toString("hex")}`;
const encryptionKey = new Uint8Array(randomBytes(32));
let database: MigratedTestDatabase;
let receiver: ServedHandler;
let simulator: RunningSimulator;
let keys: Keys;
const sent: CallSyncEvent[] = [];
// How many requests reached "Inngest", and whether it refuses them (as when the executor is down).
const inngestStub = { requests: 0, refusing: false };

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  simulator = await startSimulator({ calls: 5, log: false, webhookRetryDelaysMs: [] });
  keys = await generateKeyPair("RS256", { extractable: true });
  // As the app server answers deliveries: from Node's request, before Next would see them.
  let receive: GongWebhookReceiver | undefined;
  receiver = await serveNodeHandler((request, response) => {
    receive ??= createReceiver(receiver.url);
    void answerGongWebhook(receive, request, response, matchGongWebhookRequest(request) ?? "");
  });
});

function createReceiver(appUrl: string): GongWebhookReceiver {
  return createGongWebhookReceiver({
    db: database.db,
    appUrl,
    getEncryptionKey: () => encryptionKey,
    sendEvents: async (events) => {
      inngestStub.requests += 1;
      await new Promise((resolve) => setTimeout(resolve, 5)); // a round trip, as to a real event API
      if (inngestStub.refusing) throw new Error("connect ECONNREFUSED");
      sent.push(...events);
    },
  });
}

afterAll(async () => {
  await receiver?.close();
  await simulator?.close();
  await database?.drop();
});

async function createOrg(status: "connected" | "revoked" | "needs_reauth" = "connected"): Promise<Org> {
  const { db } = database;
  const org = await db.insertInto("organizations").values({ name: `Org ${randomBytes(3).toString("hex")}` }).returning("id").executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({ organization_id: org.id, email: `admin-${org.id}@x.test`, name: "Ada", role: "admin", password_hash: "x" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const connection = await db.insertInto("gong_connections").values({ organization_id: org.id, status }).returning("id").executeTakeFirstOrThrow();
  return { organizationId: org.id, userId: user.id, connectionId: connection.id, url: `${receiver.url}/api/webhooks/gong/${connection.id}` };
}

async function createJwtOrg(): Promise<Org> {
  const org = await createOrg();
  const pem = await exportSPKI(keys.publicKey);
  const result = await saveWebhookPublicKey(database.db, org, pem.replace(/-----[A-Z ]+-----|\s/g, ""));
  expect(result).toEqual({ ok: true });
  return org;
}

function callBody(callId: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ isTest: false, callData: { metaData: { id: callId, title: MARKER } }, ...extra });
}

async function sign(body: string, claims: { webhook_url: string; exp?: number; key?: Keys["privateKey"]; sha?: string }) {
  return new SignJWT({ webhook_url: claims.webhook_url, body_sha256: claims.sha ?? createHash("sha256").update(body).digest("hex") })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300)
    .sign(claims.key ?? keys.privateKey);
}

async function post(url: string, body: BodyInit, authorization?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (authorization) headers.authorization = authorization;
  const response = await fetch(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { status: response.status, json: (await response.json()) as unknown };
}

async function lastDelivery(connectionId: string) {
  return database.db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .orderBy("received_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
}

const countDeliveries = async () => Number((await database.db.selectFrom("webhook_deliveries").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

async function simulatorControl(path: string, body: unknown) {
  const response = await fetch(`${simulator.url}/__sim/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

async function expectRejected(connectionId: string, reason: string, status: number, response: { status: number; json: unknown }) {
  expect(response.status).toBe(status);
  expect(JSON.stringify(response.json)).not.toMatch(/signature|sha|expired|key/i);
  expect(await lastDelivery(connectionId)).toMatchObject({ outcome: "rejected", reason, http_status: status, event_id: null });
}

describe("receiveGongWebhook with the simulator's real deliveries", () => {
  it("accepts a new call signed by a JWT rule and sends the call sync with an id derived from the call", async () => {
    const org = await createOrg();
    const rule = await simulatorControl("rules", { url: org.url, auth: "jwt" });
    expect((await saveWebhookPublicKey(database.db, org, String(rule.publicKey))).ok).toBe(true);
    const before = sent.length;
    const call = await simulatorControl("calls", { title: "Acme <> Globex", primaryUserEmail: "rep1@acme.test" });
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBe(before + 1);
    const callGongId = String(call.id);
    expect(sent.at(-1)).toMatchObject({
      name: "gong/webhook.call-received",
      id: `gong-call-${org.connectionId}-${callGongId}`,
      data: { connectionId: org.connectionId, callGongId },
    });
    await expect.poll(async () => (await lastDelivery(org.connectionId)).outcome).toBe("accepted");
    expect(await lastDelivery(org.connectionId)).toMatchObject({ call_gong_id: callGongId, http_status: 200, is_test: false });
    await fetch(`${simulator.url}/__sim/rules/${String(rule.id)}`, { method: "DELETE" });
  });

  it("records a 'Test now' delivery as a test and enqueues nothing", async () => {
    const org = await createOrg();
    const rule = await simulatorControl("rules", { url: org.url, auth: "jwt" });
    await saveWebhookPublicKey(database.db, org, String(rule.publicKey));
    const before = sent.length;
    const delivery = await simulatorControl(`rules/${String(rule.id)}/test`, {});
    expect(delivery.status).toBe("delivered");
    expect(await lastDelivery(org.connectionId)).toMatchObject({ outcome: "test", is_test: true, http_status: 200, event_id: null });
    expect(sent.length).toBe(before);
    await fetch(`${simulator.url}/__sim/rules/${String(rule.id)}`, { method: "DELETE" });
  });

  it("accepts the right URL key and rejects a wrong one", async () => {
    const org = await createOrg();
    expect(await setWebhookAuth(database.db, org, "url-key", encryptionKey)).toEqual({ ok: true });
    const setup = await getWebhookSetup(database.db, org.organizationId, { appUrl: receiver.url, getEncryptionKey: () => encryptionKey });
    expect(setup?.urlWithKey).toMatch(/\?key=[\w-]{32}$/);
    const rule = await simulatorControl("rules", { url: setup?.urlWithKey, auth: "url-key" });
    const delivery = await simulatorControl(`rules/${String(rule.id)}/test`, {});
    expect(delivery.status).toBe("delivered");
    expect(await lastDelivery(org.connectionId)).toMatchObject({ outcome: "test" });
    await fetch(`${simulator.url}/__sim/rules/${String(rule.id)}`, { method: "DELETE" });

    const before = sent.length;
    await expectRejected(org.connectionId, "bad_key", 401, await post(`${org.url}?key=${"x".repeat(32)}`, callBody("101")));
    await expectRejected(org.connectionId, "bad_key", 401, await post(org.url, callBody("101")));
    expect(sent.length).toBe(before);
  });
});

describe("receiveGongWebhook: signed JWT header checks", () => {
  let org: Org;
  beforeAll(async () => {
    org = await createJwtOrg();
  });

  it("accepts a raw token and a Bearer token, and a repeated delivery keeps one event id", async () => {
    const body = callBody("9000000000000000001");
    const token = await sign(body, { webhook_url: org.url });
    const before = sent.length;
    expect(await post(org.url, body, token)).toEqual({ status: 200, json: { received: true } });
    expect(await post(org.url, body, `Bearer ${token}`)).toEqual({ status: 200, json: { received: true } });
    const events = sent.slice(before);
    expect(events).toHaveLength(2);
    expect(new Set(events.map((event) => event.id))).toEqual(new Set([`gong-call-${org.connectionId}-9000000000000000001`]));
  });

  it("accepts a token expired within the 60 s leeway and rejects one beyond it", async () => {
    const body = callBody("9000000000000000002");
    const now = Math.floor(Date.now() / 1000);
    expect((await post(org.url, body, await sign(body, { webhook_url: org.url, exp: now - 30 }))).status).toBe(200);
    const before = sent.length;
    await expectRejected(org.connectionId, "expired", 401, await post(org.url, body, await sign(body, { webhook_url: org.url, exp: now - 120 })));
    expect(sent.length).toBe(before);
  });

  it("rejects a bad signature, a changed body, another URL and a missing token", async () => {
    const body = callBody("9000000000000000003");
    const other = await generateKeyPair("RS256");
    const before = sent.length;
    await expectRejected(org.connectionId, "bad_signature", 401, await post(org.url, body, await sign(body, { webhook_url: org.url, key: other.privateKey })));
    const token = await sign(body, { webhook_url: org.url });
    await expectRejected(org.connectionId, "body_changed", 401, await post(org.url, body.replace("9000000000000000003", "9000000000000000004"), token));
    const elsewhere = `${receiver.url}/api/webhooks/gong/00000000-0000-4000-8000-000000000000`;
    await expectRejected(org.connectionId, "url_mismatch", 401, await post(org.url, body, await sign(body, { webhook_url: elsewhere })));
    await expectRejected(org.connectionId, "bad_token", 401, await post(org.url, body));
    expect(sent.length).toBe(before);
  });

  it("rejects malformed JSON and a payload without callData with 400, after verifying", async () => {
    const before = sent.length;
    const broken = `{"isTest":false,"callData":{"metaData":{"id":"1","title":"${MARKER}"}`;
    await expectRejected(org.connectionId, "malformed_payload", 400, await post(org.url, broken, await sign(broken, { webhook_url: org.url })));
    const noCall = JSON.stringify({ isTest: false, title: MARKER });
    await expectRejected(org.connectionId, "malformed_payload", 400, await post(org.url, noCall, await sign(noCall, { webhook_url: org.url })));
    expect(sent.length).toBe(before);
  });

  it("answers 413 beyond 1 MB, whether Content-Length says so or the stream runs over", async () => {
    const big = callBody("9000000000000000005", { padding: "x".repeat(1024 * 1024) });
    const token = await sign(big, { webhook_url: org.url });
    await expectRejected(org.connectionId, "too_large", 413, await post(org.url, big, token));
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let pushed = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pushed++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    await expectRejected(org.connectionId, "too_large", 413, await post(org.url, stream, token));
  });
});

describe("receiveGongWebhook: a forged delivery", () => {
  /** A body that counts what the receiver reads of it: 64 MB if it reads it all. */
  function watchedBody() {
    const read = { chunks: 0 };
    async function* chunks() {
      for (let index = 0; index < 1024; index++) {
        read.chunks += 1;
        yield new Uint8Array(64 * 1024);
      }
    }
    return { read, body: chunks() };
  }

  it("is refused on its credentials before a byte of its body is read", async () => {
    const jwtOrg = await createJwtOrg();
    const keyOrg = await createOrg();
    await setWebhookAuth(database.db, keyOrg, "url-key", encryptionKey);
    const receive = createReceiver(receiver.url);
    const body = callBody("9000000000000000030");
    const now = Math.floor(Date.now() / 1000);
    const forgeries = [
      { org: jwtOrg, reason: "bad_token", authorization: null, urlKey: null },
      { org: jwtOrg, reason: "bad_signature", authorization: await sign(body, { webhook_url: jwtOrg.url, key: (await generateKeyPair("RS256")).privateKey }), urlKey: null },
      { org: jwtOrg, reason: "expired", authorization: await sign(body, { webhook_url: jwtOrg.url, exp: now - 3600 }), urlKey: null },
      { org: jwtOrg, reason: "url_mismatch", authorization: await sign(body, { webhook_url: keyOrg.url }), urlKey: null },
      { org: jwtOrg, reason: "long_lived", authorization: await sign(body, { webhook_url: jwtOrg.url, exp: now + 30 * 24 * 3600 }), urlKey: null },
      { org: keyOrg, reason: "bad_key", authorization: null, urlKey: "x".repeat(32) },
    ];
    for (const { org, reason, authorization, urlKey } of forgeries) {
      const { read, body: stream } = watchedBody();
      const result = await receive({ authorization, urlKey, declaredLength: null, body: stream }, org.connectionId);
      expect({ reason, status: result.status, chunksRead: read.chunks }).toEqual({ reason, status: 401, chunksRead: 0 });
      expect(await lastDelivery(org.connectionId)).toMatchObject({ outcome: "rejected", reason });
    }
  });

  it("that replays a valid one queues the same event id each time, which the executor drops as a repeat for 24 h", async () => {
    const org = await createJwtOrg();
    const body = callBody("9000000000000000031");
    const token = await sign(body, { webhook_url: org.url });
    const before = sent.length;
    for (let replay = 0; replay < 3; replay++) expect((await post(org.url, body, token)).status).toBe(200);
    expect(new Set(sent.slice(before).map((event) => event.id))).toEqual(new Set([`gong-call-${org.connectionId}-9000000000000000031`]));
  });
});

describe("receiveGongWebhook: connections", () => {
  it("answers 404 for an unknown connection without storing anything, and 410 for a revoked one", async () => {
    const body = callBody("9000000000000000006");
    const unknown = `${receiver.url}/api/webhooks/gong/0b6f3e8e-7d0c-4a52-9a53-4a7b7c3f0f11`;
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const stored = await countDeliveries();
    try {
      for (let attempt = 0; attempt < 20; attempt++) {
        expect((await post(unknown.replace(/11$/, String(attempt).padStart(2, "0")), body)).status).toBe(404);
      }
      expect(await post(`${receiver.url}/api/webhooks/gong/not-a-uuid`, body, "x")).toEqual({ status: 404, json: { error: "Not found." } });
      expect(await countDeliveries()).toBe(stored);
      // A flood to random URLs costs a line in the log now and then, not a row each.
      expect(warn).toHaveBeenCalledWith(expect.anything(), expect.stringMatching(/^webhook: deliveries to unknown connections/));
      expect(warn.mock.calls.length).toBeLessThan(3);
    } finally {
      warn.mockRestore();
    }
    const revoked = await createOrg("revoked");
    await expectRejected(revoked.connectionId, "revoked_connection", 410, await post(revoked.url, body, await sign(body, { webhook_url: revoked.url })));
  });

  it("rejects deliveries before a public key is saved", async () => {
    const org = await createOrg();
    const body = callBody("9000000000000000007");
    await expectRejected(org.connectionId, "missing_key", 401, await post(org.url, body, await sign(body, { webhook_url: org.url })));
  });

  it("refuses a malformed public key with a clear message", async () => {
    const org = await createOrg();
    const result = await saveWebhookPublicKey(database.db, org, "not a key!");
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^That doesn't look like a Gong public key:/) });
  });

  it("never stores a delivery's body", async () => {
    const rows = await database.db.selectFrom("webhook_deliveries").selectAll().execute();
    expect(rows.length).toBeGreaterThan(10);
    expect(JSON.stringify(rows)).not.toContain(MARKER);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      ["auth", "call_gong_id", "connection_id", "event_id", "http_status", "id", "is_test", "organization_id", "outcome", "reason", "received_at"].sort(),
    );
    // Each verdict keeps the method it was checked with, for its detail on the webhook page.
    expect(new Set(rows.map((row) => row.auth))).toEqual(new Set(["jwt", "url-key"]));
  });
});

describe("receiveGongWebhook: the delivery log stays bounded", () => {
  const rowsOf = (connectionId: string) =>
    database.db.selectFrom("webhook_deliveries").select(["outcome", "reason", "call_gong_id"]).where("connection_id", "=", connectionId).orderBy("received_at").execute();

  it("keeps the newest rejected deliveries per connection, without pushing out verified ones", async () => {
    const org = await createJwtOrg();
    const body = callBody("9000000000000000010");
    expect((await post(org.url, body, await sign(body, { webhook_url: org.url }))).status).toBe(200);
    // Rejections of the past days, more than the log keeps.
    await sql`
      insert into webhook_deliveries (organization_id, connection_id, outcome, reason, http_status, received_at)
      select ${org.organizationId}, ${org.connectionId}, 'rejected', 'bad_token', 401, now() - n * interval '10 minutes'
      from generate_series(7, ${WEBHOOK_DELIVERY_RETENTION.rejected + 36}) n`.execute(database.db);
    expect((await post(org.url, body)).status).toBe(401);
    const rows = await rowsOf(org.connectionId);
    expect(rows.filter((row) => row.outcome === "rejected")).toHaveLength(WEBHOOK_DELIVERY_RETENTION.rejected);
    expect(rows.filter((row) => row.outcome === "accepted")).toEqual([{ outcome: "accepted", reason: null, call_gong_id: "9000000000000000010" }]);
  });

  it("logs a flood of forged deliveries at 30 an hour, so it can't push out the rejections Gong's own deliveries met", async () => {
    const org = await createJwtOrg();
    const body = callBody("9000000000000000011");
    const stale = await sign(body, { webhook_url: org.url, exp: Math.floor(Date.now() / 1000) - 600 });
    await expectRejected(org.connectionId, "expired", 401, await post(org.url, body, stale));
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    try {
      for (let wave = 0; wave < 6; wave++) {
        const answers = await Promise.all(Array.from({ length: 50 }, () => post(org.url, body)));
        expect(answers.every((answer) => answer.status === 401)).toBe(true);
      }
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ connectionId: org.connectionId }), expect.stringMatching(/^webhook: rejected deliveries not logged/));
    } finally {
      warn.mockRestore();
    }
    const rejected = (await rowsOf(org.connectionId)).filter((row) => row.outcome === "rejected");
    expect(rejected).toHaveLength(REJECTED_LOG_RATE.rows);
    expect(rejected[0]).toEqual({ outcome: "rejected", reason: "expired", call_gong_id: null });
    expect(new Set(rejected.slice(1).map((row) => row.reason))).toEqual(new Set(["bad_token"]));
  });
});

describe("receiveGongWebhook: while the connection needs re-authorization", () => {
  it("holds verified calls, says so in the log, and syncs them once Gong is connected again", async () => {
    const org = await createOrg();
    const pem = await exportSPKI(keys.publicKey);
    await saveWebhookPublicKey(database.db, org, pem.replace(/-----[A-Z ]+-----|\s/g, ""));
    // Accepted just before Gong's grant lapsed: the sync that event started found the connection unusable.
    const lastAccepted = callBody("9000000000000000020");
    expect((await post(org.url, lastAccepted, await sign(lastAccepted, { webhook_url: org.url }))).status).toBe(200);
    await database.db.updateTable("gong_connections").set({ status: "needs_reauth" }).where("id", "=", org.connectionId).execute();
    const before = sent.length;
    for (const callId of ["9000000000000000021", "9000000000000000022", "9000000000000000023"]) {
      const body = callBody(callId);
      expect(await post(org.url, body, await sign(body, { webhook_url: org.url }))).toEqual({ status: 202, json: { received: true } });
      expect(await lastDelivery(org.connectionId)).toMatchObject({ outcome: "deferred", reason: "needs_reauth", http_status: 202, call_gong_id: callId, event_id: null });
    }
    // Nothing was sent: an event now would be skipped by the sync and would make Gong's retries duplicates for 24 h.
    expect(sent.length).toBe(before);
    const unsigned = await post(org.url, callBody("9000000000000000024"));
    expect(unsigned.status).toBe(401);

    // Meanwhile one call arrived by another way, and one was deleted by an admin: neither is synced again.
    await database.db.insertInto("calls").values({ organization_id: org.organizationId, connection_id: org.connectionId, gong_id: "9000000000000000022", started_at: new Date(), synced_at: new Date() }).execute();
    await database.db.insertInto("deleted_calls").values({ organization_id: org.organizationId, gong_id: "9000000000000000023" }).execute();
    await database.db.updateTable("gong_connections").set({ status: "connected" }).where("id", "=", org.connectionId).execute();
    const queued: HeldCallsSyncEvent[] = [];
    const runIds = await queueHeldWebhookCalls(database.db, org.connectionId, async (event) => void queued.push(event));
    expect(runIds).toHaveLength(1);
    expect(queued).toEqual([
      expect.objectContaining({
        name: "gong/calls.sync-requested",
        id: runIds[0],
        data: { connectionId: org.connectionId, runId: runIds[0], callGongIds: ["9000000000000000020", "9000000000000000021"] },
      }),
    ]);
    const run = await database.db.selectFrom("sync_runs").select(["kind", "params", "organization_id"]).where("id", "=", runIds[0]!).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ kind: "manual", organization_id: org.organizationId, params: { call_ids: ["9000000000000000020", "9000000000000000021"], source: "webhook_after_reconnect" } });
    const held = await database.db.selectFrom("webhook_deliveries").select(["call_gong_id", "event_id"]).where("connection_id", "=", org.connectionId).where("outcome", "=", "deferred").orderBy("call_gong_id").execute();
    expect(held).toEqual([
      { call_gong_id: "9000000000000000021", event_id: runIds[0] },
      { call_gong_id: "9000000000000000022", event_id: "stored" },
      { call_gong_id: "9000000000000000023", event_id: "deleted" },
    ]);
    // Held calls are taken up once; an accepted call still missing is asked for again, which is harmless.
    await queueHeldWebhookCalls(database.db, org.connectionId, async (event) => void queued.push(event));
    expect(queued.slice(1).map((event) => event.data.callGongIds)).toEqual([["9000000000000000020"]]);
  });
});

describe("receiveGongWebhook: a burst of deliveries", () => {
  const signedPost = async (org: Org, callId: string) => {
    const body = callBody(callId);
    return post(org.url, body, await sign(body, { webhook_url: org.url }));
  };
  const outcomes = async (connectionId: string) =>
    database.db
      .selectFrom("webhook_deliveries")
      .select(["outcome", "reason", "call_gong_id", "event_id"])
      .where("connection_id", "=", connectionId)
      .orderBy("call_gong_id")
      .execute();

  it("shares Inngest requests among concurrent deliveries and records each with its own verdict", async () => {
    const [first, second] = [await createJwtOrg(), await createJwtOrg()];
    const ids = (prefix: string) => Array.from({ length: 20 }, (_, index) => `${prefix}${String(index).padStart(3, "0")}`);
    const before = { sent: sent.length, requests: inngestStub.requests };
    const responses = await Promise.all([
      ...ids("9100000000000000").map((id) => signedPost(first, id)),
      ...ids("9200000000000000").map((id) => signedPost(second, id)),
      ...ids("9300000000000000").slice(0, 5).map((id) => post(first.url, callBody(id))), // unsigned
    ]);
    expect(responses.map((response) => response.status)).toEqual([...Array(40).fill(200), ...Array(5).fill(401)]);

    const events = sent.slice(before.sent);
    expect(events.map((event) => event.id).sort()).toEqual(
      [...ids("9100000000000000").map((id) => `gong-call-${first.connectionId}-${id}`), ...ids("9200000000000000").map((id) => `gong-call-${second.connectionId}-${id}`)].sort(),
    );
    // 40 accepted deliveries in far fewer requests (12 here): those arriving while one was in flight went together.
    expect(inngestStub.requests - before.requests).toBeLessThanOrEqual(20);
    const firstLog = await outcomes(first.connectionId);
    expect(firstLog.filter((row) => row.outcome === "accepted").map((row) => row.call_gong_id)).toEqual(ids("9100000000000000"));
    expect(firstLog.filter((row) => row.outcome === "rejected")).toEqual(
      ids("9300000000000000").slice(0, 5).map(() => ({ outcome: "rejected", reason: "bad_token", call_gong_id: null, event_id: null })),
    );
    const secondLog = await outcomes(second.connectionId);
    expect(secondLog.map((row) => [row.outcome, row.call_gong_id, row.event_id])).toEqual(
      ids("9200000000000000").map((id) => ["accepted", id, `gong-call-${second.connectionId}-${id}`]),
    );
  });

  it("answers 503 to every delivery of a request Inngest refused and logs why; Gong's retries are then accepted", async () => {
    const org = await createJwtOrg();
    const callIds = ["9400000000000000001", "9400000000000000002", "9400000000000000003"];
    const before = sent.length;
    inngestStub.refusing = true;
    try {
      const refused = await Promise.all(callIds.map((id) => signedPost(org, id)));
      expect(refused).toEqual(callIds.map(() => ({ status: 503, json: { error: "Try again later." } })));
    } finally {
      inngestStub.refusing = false;
    }
    expect(sent.length).toBe(before);
    expect(await outcomes(org.connectionId)).toEqual(callIds.map((id) => ({ outcome: "rejected", reason: "enqueue_failed", call_gong_id: id, event_id: null })));

    const retried = await Promise.all(callIds.map((id) => signedPost(org, id)));
    expect(retried.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(sent.slice(before).map((event) => event.data.callGongId).sort()).toEqual(callIds);
  });
});

// `next dev`, or a host running `next start` itself, reaches the receiver through the App Router route instead.
describe("receiveGongWebhook behind the App Router route's web Request", () => {
  let web: ServedHandler;
  let receive: GongWebhookReceiver;
  beforeAll(async () => {
    web = await serveWebHandler(async (request) => {
      const result = await receive(deliveryFromRequest(request), new URL(request.url).pathname.split("/").at(-1) ?? "");
      return Response.json(result.body, { status: result.status });
    });
    receive = createReceiver(web.url);
  });
  afterAll(async () => {
    await web?.close();
  });

  it("reads the same credentials and body: accepts a signed call, checks the URL key, refuses 413 past 1 MB", async () => {
    const org = await createJwtOrg();
    const url = `${web.url}/api/webhooks/gong/${org.connectionId}`;
    const body = callBody("9500000000000000001");
    const before = sent.length;
    expect(await post(url, body, await sign(body, { webhook_url: url }))).toEqual({ status: 200, json: { received: true } });
    expect(sent.slice(before).map((event) => event.id)).toEqual([`gong-call-${org.connectionId}-9500000000000000001`]);

    const big = callBody("9500000000000000002", { padding: "x".repeat(1024 * 1024) });
    await expectRejected(org.connectionId, "too_large", 413, await post(url, big, await sign(big, { webhook_url: url })));

    expect(await setWebhookAuth(database.db, org, "url-key", encryptionKey)).toEqual({ ok: true });
    await expectRejected(org.connectionId, "bad_key", 401, await post(`${url}?key=${"x".repeat(32)}`, callBody("9500000000000000003")));
  });
});
