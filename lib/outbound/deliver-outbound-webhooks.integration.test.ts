import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EndpointOwner } from "@/db/queries/outbound/endpoint-owner";
import { decryptSecret, parseEncryptionKey } from "@/lib/crypto/encryption";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";
import { type WebhookReceiver, startWebhookReceiver } from "@/test-support/webhook-receiver";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";
import type { CreateEndpointInput } from "./manage/endpoint-input";
import type { ManageDeps } from "./manage/manage-deps";

// The whole path for real: the app's functions served over HTTP, the embedded executor, PostgreSQL, and a loopback
// receiver verifying each request with the standardwebhooks verifier. Waits are shortened to 1 s, the timeout to
// 1 s and the fan-out's patience with a first attempt to 0.8 s through the environment, as an operator could.
let stack: SyncStack;
let receiver: WebhookReceiver;
let connectionId: string;

beforeAll(async () => {
  stack = await startSyncStack({ env: { OUTBOUND_ALLOW_PRIVATE_TARGETS: "1", OUTBOUND_RETRY_SCHEDULE_SECONDS: "1,1,1", OUTBOUND_TIMEOUT_MS: "1000", OUTBOUND_FIRST_ATTEMPT_PATIENCE_MS: "800" } });
  receiver = await startWebhookReceiver();
  connectionId = await seedConnection(stack.db, stack.organizationId);
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
});

const lib = async () => ({
  ...(await import("./manage/create-endpoint")),
  ...(await import("./manage/change-endpoint")),
  ...(await import("./manage/start-deliveries")),
  ...(await import("@/inngest/events")),
  inngest: (await import("@/inngest/client")).inngest,
});

async function depsFor(owner: EndpointOwner): Promise<ManageDeps> {
  const { inngest } = await lib();
  return {
    db: stack.db,
    owner,
    encryptionKey: parseEncryptionKey(process.env.TOKEN_ENCRYPTION_KEY!),
    allowPrivateTargets: true,
    sendDelivery: (event) => inngest.send(event),
    userId: null,
  };
}

const orgOwner = (): EndpointOwner => ({ kind: "organization", organizationId: stack.organizationId });

async function addEndpoint(path: string, input: Partial<CreateEndpointInput> = {}, owner = orgOwner()) {
  const { createEndpoint } = await lib();
  return createEndpoint(await depsFor(owner), {
    url: receiver.url(path),
    description: path,
    format: "standard",
    event_types: ["call.synced"],
    include_transcript: false,
    throttle_per_second: null,
    filters: {},
    ...input,
  });
}

let gongIds = 100;
async function syncedCall(organizationId = stack.organizationId, connection = connectionId) {
  const callId = await seedCall(stack.db, {
    organizationId,
    connectionId: connection,
    gongId: String(gongIds++),
    title: "Discovery with Globex",
    startedAt: new Date("2026-12-01T10:00:00Z"),
    durationSeconds: 1800,
    parties: [
      { gongId: "p1", name: "Alice Rep", email: "alice@acme.test", affiliation: "Internal" },
      { gongId: "p2", name: "Bob Buyer", email: "bob@globex.test", affiliation: "External" },
    ],
  });
  const { inngest, gongCallSynced } = await lib();
  await inngest.send(gongCallSynced.create({ callId }));
  return callId;
}

const deliveriesOf = (endpointId: string) => stack.db.selectFrom("outbound_deliveries").selectAll().where("endpoint_id", "=", endpointId).orderBy("created_at").execute();

/** The endpoint's deliveries (those `which` keeps) once at least `count` are there and none is pending. */
async function waitForSettled(endpointId: string, count = 1, which: (row: Awaited<ReturnType<typeof deliveriesOf>>[number]) => boolean = () => true) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = (await deliveriesOf(endpointId)).filter(which);
    if (rows.length >= count && rows.every((row) => row.status !== "pending")) return rows;
    if (Date.now() > deadline) throw new Error(`deliveries still pending: ${JSON.stringify(rows.map((row) => [row.status, row.attempts]))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The deliver-outbound-webhook runs the executor started for a delivery, with the event that started each. */
async function deliveryRunsOf(deliveryId: string) {
  const { rows } = await sql<{ data: Record<string, unknown> }>`
    select event->'data' as data from inngest_executor.runs
    where function_id like ${"%deliver-outbound-webhook"} and event->'data'->>'deliveryId' = ${deliveryId}`.execute(stack.db);
  return rows.map((row) => row.data);
}

/** Waits until every fan-out run has ended: what it was to start, it has started. */
async function waitForFanOutsEnded() {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await sql<{ open: number }>`
      select count(*)::int as open from inngest_executor.runs
      where function_id like ${"%fan-out-outbound-event"} and status not in ('completed', 'failed', 'cancelled')`.execute(stack.db);
    if (rows[0]!.open === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0]!.open} fan-out runs still open`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("outbound webhooks", () => {
  it("makes a new delivery's first attempt in the fan-out, and starts no delivery run when it succeeds", async () => {
    receiver.setAnswer(() => ({ status: 200 }));
    const { endpoint } = await addEndpoint("/first-attempt");
    await syncedCall();
    const [delivery] = await waitForSettled(endpoint.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, response_status: 200 });
    await waitForFanOutsEnded();
    expect(await deliveryRunsOf(delivery!.id)).toEqual([]);
    expect(receiver.on("/first-attempt")).toHaveLength(1);
  });

  it("hands a delivery whose first attempt failed to a delivery run that goes on from the second attempt", async () => {
    receiver.setAnswer((path, nth) => (path === "/second-attempt" && nth === 1 ? { status: 500 } : { status: 200 }));
    const { endpoint } = await addEndpoint("/second-attempt");
    await syncedCall();
    const [delivery] = await waitForSettled(endpoint.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 2, response_status: 200 });
    expect(await deliveryRunsOf(delivery!.id)).toEqual([expect.objectContaining({ deliveryId: delivery!.id, fromAttempt: 2, notBeforeMs: expect.any(Number) })]);
    const requests = receiver.on("/second-attempt");
    expect(requests.map((request) => request.webhookId)).toEqual([delivery!.message_id, delivery!.message_id]);
  });


  it("signs each delivery as Standard Webhooks says, with the call's ids, title, times, emails and links and no tokens", async () => {
    const { endpoint, secret } = await addEndpoint("/signed");
    expect(secret).toMatch(/^whsec_/);
    const callId = await syncedCall();
    const [delivery] = await waitForSettled(endpoint.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, response_status: 200 });
    const [request] = receiver.on("/signed");
    const payload = receiver.verify(request!, secret) as { type: string; version: number; data: Record<string, unknown> };
    expect(request!.webhookId).toBe(delivery!.message_id);
    expect(payload).toMatchObject({ type: "call.synced", version: 1 });
    expect(payload.data).toMatchObject({
      call_id: callId,
      title: "Discovery with Globex",
      started_at: "2026-12-01T10:00:00.000Z",
      duration_seconds: 1800,
      customer_id: null,
      links: { call: `http://localhost:3999/calls/${callId}`, file: `http://localhost:3999/api/v1/files/${callId}` },
    });
    expect((payload.data.participants as { email: string }[]).map((party) => party.email).sort()).toEqual(["alice@acme.test", "bob@globex.test"]);
    expect(request!.body).not.toMatch(/token|whsec_/i);
    expect(() => receiver.verify(request!, `whsec_${Buffer.alloc(32, 1).toString("base64")}`)).toThrow();
  });

  it("retries a 500 and a timeout with the same webhook-id until the endpoint answers 2xx", async () => {
    receiver.setAnswer((path, nth) => (path === "/flaky" ? (nth === 1 ? { status: 500 } : nth === 2 ? { status: 200, delayMs: 2_500 } : { status: 204 }) : { status: 200 }));
    const { endpoint, secret } = await addEndpoint("/flaky");
    await syncedCall();
    const [delivery] = await waitForSettled(endpoint.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, response_status: 204 });
    const requests = receiver.on("/flaky");
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.webhookId))).toEqual(new Set([delivery!.message_id]));
    for (const request of requests) receiver.verify(request, secret);
    const stored = await stack.db.selectFrom("webhook_endpoints").select("failing_since").where("id", "=", endpoint.id).executeTakeFirstOrThrow();
    expect(stored.failing_since).toBeNull();
  });

  it("leaves a first attempt unanswered within the fan-out's patience to a delivery run, which sends it again at once and counts one attempt", async () => {
    // 0.9 s: past the fan-out's patience (0.8 s), within the delivery's timeout (1 s).
    receiver.setAnswer((path, nth) => (path === "/slow" && nth === 1 ? { status: 200, delayMs: 900 } : { status: 204 }));
    const { endpoint, secret } = await addEndpoint("/slow");
    await syncedCall();
    const [delivery] = await waitForSettled(endpoint.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, response_status: 204 });
    const requests = receiver.on("/slow");
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((request) => request.webhookId))).toEqual(new Set([delivery!.message_id]));
    for (const request of requests) receiver.verify(request, secret);
  });

  it("gives up after the last attempt of the schedule and records why", async () => {
    receiver.setAnswer((path) => ({ status: path === "/down" ? 503 : 200 }));
    const { endpoint } = await addEndpoint("/down");
    await syncedCall();
    const [delivery] = await waitForSettled(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 4, response_status: 503, last_error: "HTTP 503", next_attempt_at: null });
    expect(receiver.on("/down")).toHaveLength(4);
  });

  it("disables an endpoint that answers 410 Gone, and sends it nothing more", async () => {
    receiver.setAnswer((path) => ({ status: path === "/gone" ? 410 : 200 }));
    const { endpoint } = await addEndpoint("/gone");
    await syncedCall();
    const [delivery] = await waitForSettled(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, response_status: 410 });
    const stored = await stack.db.selectFrom("webhook_endpoints").select(["enabled", "disabled_reason"]).where("id", "=", endpoint.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ enabled: false, disabled_reason: expect.stringContaining("410") });
    await syncedCall();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    expect(receiver.on("/gone")).toHaveLength(1);
  });

  it("signs with the new and the previous secret for 24 hours after a rotation", async () => {
    receiver.setAnswer(() => ({ status: 200 }));
    const { endpoint, secret: oldSecret } = await addEndpoint("/rotated");
    const { rotateEndpointSecret } = await lib();
    const { secret: newSecret, endpoint: rotated } = await rotateEndpointSecret(await depsFor(orgOwner()), endpoint.id);
    expect(newSecret).not.toBe(oldSecret);
    expect(new Date(rotated.previous_secret_expires_at!).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    await syncedCall();
    await waitForSettled(endpoint.id);
    const [request] = receiver.on("/rotated");
    expect(receiver.verify(request!, oldSecret)).toBeTruthy();
    expect(receiver.verify(request!, newSecret)).toBeTruthy();

    // Once the window is over, only the new secret signs.
    await stack.db.updateTable("webhook_endpoints").set({ previous_secret_expires_at: new Date(Date.now() - 1000) }).where("id", "=", endpoint.id).execute();
    await syncedCall();
    await waitForSettled(endpoint.id, 2);
    const later = receiver.on("/rotated")[1]!;
    expect(receiver.verify(later, newSecret)).toBeTruthy();
    expect(() => receiver.verify(later, oldSecret)).toThrow();
  });

  it("replays a delivery with the same webhook-id and body, and sends a test event", async () => {
    const { endpoint, secret } = await addEndpoint("/replay");
    await syncedCall();
    const [original] = await waitForSettled(endpoint.id);
    const { replayDelivery, sendTestEvent, listDeliveries } = await lib();
    const deps = await depsFor(orgOwner());
    const replay = await replayDelivery(deps, endpoint.id, original!.id);
    expect(replay).toMatchObject({ webhook_id: original!.message_id, replay_of: original!.id });
    await sendTestEvent(deps, endpoint.id);
    await waitForSettled(endpoint.id, 3);
    // The replay and the test event are runs of their own, so either may arrive first.
    const requests = receiver.on("/replay");
    expect(requests).toHaveLength(3);
    const [first, again] = requests.filter((each) => each.webhookId === original!.message_id);
    const test = requests.find((each) => each.webhookId !== original!.message_id);
    expect(again!.body).toBe(first!.body);
    expect(receiver.verify(test!, secret)).toMatchObject({ type: "endpoint.test" });
    expect((await listDeliveries(deps, endpoint.id)).map((each) => each.status)).toEqual(["delivered", "delivered", "delivered"]);
    await expect(replayDelivery({ ...deps, owner: { kind: "organization", organizationId: await seedOrganization(stack.db, "Other") } }, endpoint.id, original!.id)).rejects.toThrow(/No webhook endpoint/);
  });

  it("sends a platform key's endpoint its customers' events with customer_id, and no one else's", async () => {
    const key = await stack.db.insertInto("api_keys").values({ kind: "platform", name: "Platform", prefix: "cb_plat_x", secret_hash: "unused-hash" }).returning("id").executeTakeFirstOrThrow();
    const platform: EndpointOwner = { kind: "platform", apiKeyId: key.id };
    const { endpoint } = await addEndpoint("/platform", {}, platform);
    const customer = await stack.db.insertInto("organizations").values({ name: "Customer", external_id: "cust-42" }).returning("id").executeTakeFirstOrThrow();
    const customerConnection = await seedConnection(stack.db, customer.id);
    const customerCall = await syncedCall(customer.id, customerConnection);
    await syncedCall();
    const [delivery] = await waitForSettled(endpoint.id);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    expect(delivery!.organization_id).toBe(customer.id);
    const [request] = receiver.on("/platform");
    expect(JSON.parse(request!.body).data).toMatchObject({ call_id: customerCall, customer_id: "cust-42" });
  });

  it("posts call.insights_ready to a Slack endpoint whose filters the call passes", async () => {
    const { endpoint } = await addEndpoint("/slack", { format: "slack", event_types: ["call.insights_ready"], filters: { externalOnly: true } });
    // Stored encrypted and shown masked, yet posted to.
    const stored = await stack.db.selectFrom("webhook_endpoints").select(["url", "url_encrypted"]).where("id", "=", endpoint.id).executeTakeFirstOrThrow();
    expect([stored.url, endpoint.url]).toEqual([`${new URL(receiver.url("/")).origin}/slack/…`, `${new URL(receiver.url("/")).origin}/slack/…`]);
    expect(await decryptSecret(stored.url_encrypted!, parseEncryptionKey(process.env.TOKEN_ENCRYPTION_KEY!))).toBe(receiver.url("/slack"));
    await syncedCall();
    await waitForSettled(endpoint.id);
    const [request] = receiver.on("/slack");
    expect(request!.headers["webhook-signature"]).toBeUndefined();
    const message = JSON.parse(request!.body) as { text: string; blocks: { type: string }[] };
    expect(message.text).toBe("New call: Discovery with Globex");
    expect(message.blocks.map((block) => block.type)).toContain("actions");
  });

  it("still posts to a Slack endpoint stored before Slack URLs were encrypted, and shows it masked", async () => {
    const { endpoint } = await addEndpoint("/slack-legacy/T0/B0/token", { format: "slack", event_types: ["call.insights_ready"] });
    await stack.db.updateTable("webhook_endpoints").set({ url: receiver.url("/slack-legacy/T0/B0/token"), url_encrypted: null }).where("id", "=", endpoint.id).execute();
    const { getEndpointOrThrow } = await lib();
    const { serializeEndpoint } = await import("./manage/serialize-endpoint");
    expect(serializeEndpoint(await getEndpointOrThrow(await depsFor(orgOwner()), endpoint.id)).url).toBe(`${new URL(receiver.url("/")).origin}/slack-legacy/T0/…`);
    const callId = await syncedCall();
    // The insights of the calls of the tests before are computed in batches and may be announced after this
    // endpoint was added: it posts those too. This test is about this call's post.
    const ofThisCall = await waitForSettled(endpoint.id, 1, (row) => JSON.stringify(row.payload).includes(callId));
    expect(ofThisCall.map((row) => row.status)).toEqual(["delivered"]);
    expect(receiver.on("/slack-legacy/T0/B0/token").filter((request) => request.body.includes(callId))).toHaveLength(1);
  });

  it("does not post a call to a Slack endpoint whose filters it fails", async () => {
    const { endpoint } = await addEndpoint("/slack-filtered", { format: "slack", event_types: ["call.insights_ready"], filters: { workspaceGongIds: ["9999"] } });
    const { endpoint: witness } = await addEndpoint("/slack-witness", { event_types: ["call.insights_ready"] });
    await syncedCall();
    await waitForSettled(witness.id);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
  });

  it("tells endpoints when a run ends, a call is deleted and the connection needs reconnecting or is revoked", async () => {
    const types = ["sync_run.completed", "sync_run.failed", "call.deleted", "connection.needs_reauthorization", "connection.revoked"] as const;
    const { endpoint, secret } = await addEndpoint("/lifecycle", { event_types: [...types] });
    const { createSyncRun, finishSyncRun } = await import("@/db/queries/sync-runs");
    const { flagConnectionNeedsReauth } = await import("@/lib/gong-connection/flag-connection-needs-reauth");
    const { inngest, gongSyncRunEnded, gongConnectionRevoked, outboundEventOccurred } = await lib();
    const done = await createSyncRun(stack.db, { organizationId: stack.organizationId, connectionId, kind: "manual" });
    await finishSyncRun(stack.db, done, "succeeded");
    const broken = await createSyncRun(stack.db, { organizationId: stack.organizationId, connectionId, kind: "manual" });
    await finishSyncRun(stack.db, broken, "failed", "Gong answered 500 five times");
    await inngest.send([gongSyncRunEnded.create({ connectionId, runId: done }), gongSyncRunEnded.create({ connectionId, runId: done }), gongSyncRunEnded.create({ connectionId, runId: broken })]);
    await inngest.send(outboundEventOccurred.create({ type: "call.deleted", organizationId: stack.organizationId, subjectId: "5551234", occurredAt: new Date().toISOString() }));
    await flagConnectionNeedsReauth(stack.db, connectionId, "Gong refused the token.");
    await flagConnectionNeedsReauth(stack.db, connectionId, "Gong refused the token again.");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await inngest.send(gongConnectionRevoked.create({ connectionId, organizationId: stack.organizationId, deleteData: false }));
    await waitForSettled(endpoint.id, 5);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const bodies = receiver.on("/lifecycle").map((request) => receiver.verify(request, secret) as { type: string; data: Record<string, unknown> });
    expect(bodies.map((body) => body.type).sort()).toEqual([...types].sort());
    expect(bodies.find((body) => body.type === "sync_run.completed")?.data).toMatchObject({ sync_run_id: done, status: "succeeded", links: { sync_run: `http://localhost:3999/api/v1/sync_runs/${done}` } });
    expect(bodies.find((body) => body.type === "sync_run.failed")?.data).toMatchObject({ sync_run_id: broken, error: "Gong answered 500 five times" });
    expect(bodies.find((body) => body.type === "call.deleted")?.data).toMatchObject({ gong_id: "5551234" });
    expect(bodies.find((body) => body.type === "connection.needs_reauthorization")?.data).toMatchObject({ connection_id: connectionId, status: "needs_reauth" });
    expect(JSON.stringify(bodies)).not.toMatch(/access_token|refresh_token/);
  });

  it("sends call.deleted only for the calls a delete request deleted, not for unknown, already deleted or other organizations' ids", async () => {
    const organizationId = await seedOrganization(stack.db, "Deleting Co");
    const connection = await seedConnection(stack.db, organizationId);
    const otherOrganization = await seedOrganization(stack.db, "Bystander Co");
    const otherConnection = await seedConnection(stack.db, otherOrganization);
    const owner: EndpointOwner = { kind: "organization", organizationId };
    const { endpoint } = await addEndpoint("/deleted", { event_types: ["call.deleted"] }, owner);
    const { endpoint: bystander } = await addEndpoint("/deleted-bystander", { event_types: ["call.deleted"] }, { kind: "organization", organizationId: otherOrganization });
    const startedAt = new Date("2026-12-01T10:00:00Z");
    await seedCall(stack.db, { organizationId, connectionId: connection, gongId: "7001", startedAt });
    await seedCall(stack.db, { organizationId, connectionId: connection, gongId: "7002", startedAt });
    await seedCall(stack.db, { organizationId: otherOrganization, connectionId: otherConnection, gongId: "7003", startedAt });
    const { deleteCallsByGongId } = await import("@/db/queries/deleted-calls");
    await deleteCallsByGongId(stack.db, { organizationId, gongIds: ["7002"], userId: null });

    const { createSyncRun } = await import("@/db/queries/sync-runs");
    const { inngest, gongCallsDeleteRequested } = await lib();
    const callGongIds = ["7001", "7002", "7003", "7404"];
    const runId = await createSyncRun(stack.db, { organizationId, connectionId: connection, kind: "delete", params: { call_ids: callGongIds } });
    await inngest.send(gongCallsDeleteRequested.create({ connectionId: connection, runId, callGongIds }, { id: runId }));
    const run = await stack.waitForRun(runId, 30_000);
    expect([run.status, run.calls]).toEqual(["succeeded", 1]);
    // The announcement is sent after the run is marked finished: wait for the function itself, then for its fan-outs.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await sql<{ status: string }>`
        select status from inngest_executor.runs where function_id like ${"%delete-gong-calls"} and event->'data'->>'runId' = ${runId}`.execute(stack.db);
      if (rows[0]?.status === "completed") break;
      if (Date.now() > deadline) throw new Error(`delete-gong-calls run: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await waitForFanOutsEnded();
    const deliveries = await waitForSettled(endpoint.id);
    expect(deliveries.map((delivery) => [delivery.event_type, (delivery.payload as { data: { gong_id: string } }).data.gong_id, delivery.status])).toEqual([["call.deleted", "7001", "delivered"]]);
    expect(await deliveriesOf(bystander.id)).toEqual([]);
    expect(await stack.db.selectFrom("calls").select("gong_id").where("organization_id", "=", otherOrganization).execute()).toEqual([{ gong_id: "7003" }]);
  });

  it("disables an endpoint that has failed for 3 days and says why", async () => {
    receiver.setAnswer((path) => ({ status: path === "/failing" ? 502 : 200 }));
    const { endpoint } = await addEndpoint("/failing");
    await stack.db.updateTable("webhook_endpoints").set({ failing_since: new Date(Date.now() - 3 * 86_400_000 - 60_000) }).where("id", "=", endpoint.id).execute();
    await syncedCall();
    const [delivery] = await waitForSettled(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 1 });
    const stored = await stack.db.selectFrom("webhook_endpoints").select(["enabled", "disabled_reason"]).where("id", "=", endpoint.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ enabled: false, disabled_reason: expect.stringMatching(/^Every delivery since .* failed \(last: HTTP 502\)/) });
  });

  it("spaces the deliveries to a throttled endpoint by its rate, and still delivers them all", async () => {
    receiver.setAnswer(() => ({ status: 200 }));
    const { endpoint } = await addEndpoint("/throttled", { throttle_per_second: 4 });
    await Promise.all([syncedCall(), syncedCall(), syncedCall()]);
    const rows = await waitForSettled(endpoint.id, 3);
    expect(rows.map((row) => row.status)).toEqual(["delivered", "delivered", "delivered"]);
    const { reserveEndpointSlot } = await import("@/db/queries/outbound/endpoint-health");
    const [first, second] = [await reserveEndpointSlot(stack.db, endpoint.id, 4), await reserveEndpointSlot(stack.db, endpoint.id, 4)];
    expect(second.getTime() - first.getTime()).toBe(250);
  });
});
