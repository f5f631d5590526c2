import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, parseEncryptionKey } from "@/lib/crypto/encryption";
import { createApiHarness } from "@/test-support/api-harness";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization } from "@/test-support/seed-calls";
import {
  createWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  listWebhookDeliveriesEndpoint,
  listWebhookEndpointsEndpoint,
  replayWebhookDeliveryEndpoint,
  rotateWebhookEndpointSecretEndpoint,
  sendWebhookTestEventEndpoint,
  updateWebhookEndpointEndpoint,
} from "./endpoints";
import { issueApiKey } from "./issue-api-key";

// OUTBOUND_ALLOW_PRIVATE_TARGETS is left unset here, as in production: private targets must be refused.
let database: MigratedTestDatabase;
let api: ReturnType<typeof createApiHarness>;
let orgKey: string;
let otherOrgKey: string;
let platformKey: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  Object.assign(process.env, { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url"), TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64url") });
  delete process.env.OUTBOUND_ALLOW_PRIVATE_TARGETS;
  api = createApiHarness(database.db);
  const organizationId = await seedOrganization(database.db, "Acme");
  const otherId = await seedOrganization(database.db, "Globex");
  orgKey = (await issueApiKey(database.db, { kind: "organization", organizationId, name: "Acme", createdByUserId: null })).key;
  otherOrgKey = (await issueApiKey(database.db, { kind: "organization", organizationId: otherId, name: "Globex", createdByUserId: null })).key;
  platformKey = (await issueApiKey(database.db, { kind: "platform", organizationId: null, name: "Partner", createdByUserId: null })).key;
});
afterAll(() => database?.drop());

const create = (key: string, body: Record<string, unknown>) => api.call(createWebhookEndpointEndpoint, { key, path: "/webhook_endpoints", body });

describe("/api/v1/webhook_endpoints", () => {
  it("creates an endpoint with a secret shown once, lists, updates, rotates and deletes it", async () => {
    const created = await create(orgKey, { url: "https://hooks.example.com/callbridge", description: "CRM sync", event_types: ["call.synced", "call.synced", "sync_run.failed"] });
    expect(created.status).toBe(200);
    const { endpoint, secret } = created.body as { endpoint: { id: string; event_types: string[] }; secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(endpoint.event_types).toEqual(["call.synced", "sync_run.failed"]);
    const stored = await database.db.selectFrom("webhook_endpoints").select("secret_encrypted").where("id", "=", endpoint.id).executeTakeFirstOrThrow();
    expect(stored.secret_encrypted).not.toContain(secret.slice(6));

    const listed = await api.call(listWebhookEndpointsEndpoint, { key: orgKey, path: "/webhook_endpoints" });
    expect(JSON.stringify(listed.body)).not.toContain("whsec_");
    expect((listed.body.data as { id: string }[]).map((each) => each.id)).toEqual([endpoint.id]);

    const updated = await api.call(updateWebhookEndpointEndpoint, { key: orgKey, path: `/webhook_endpoints/${endpoint.id}`, params: { id: endpoint.id }, body: { enabled: false, throttle_per_second: 5 } });
    expect(updated.body).toMatchObject({ enabled: false, disabled_reason: "Disabled by an admin.", throttle_per_second: 5 });

    const rotated = await api.call(rotateWebhookEndpointSecretEndpoint, { key: orgKey, path: `/webhook_endpoints/${endpoint.id}/rotate_secret`, params: { id: endpoint.id } });
    expect((rotated.body as { secret: string }).secret).not.toBe(secret);
    expect((rotated.body as { endpoint: { previous_secret_expires_at: string } }).endpoint.previous_secret_expires_at).toBeTruthy();

    const deleted = await api.call(deleteWebhookEndpointEndpoint, { key: orgKey, path: `/webhook_endpoints/${endpoint.id}`, params: { id: endpoint.id } });
    expect(deleted.body).toEqual({ id: endpoint.id, deleted: true });
    expect((await api.call(getWebhookEndpointEndpoint, { key: orgKey, path: `/webhook_endpoints/${endpoint.id}`, params: { id: endpoint.id } })).status).toBe(404);
  });

  it("keeps a Slack URL encrypted when it is created and when it is changed, and answers only its masked form", async () => {
    const first = "https://hooks.slack.com/services/T0API/B0ONE/first-slack-token";
    const second = "https://hooks.slack.com/services/T0API/B0TWO/second-slack-token";
    const created = await create(orgKey, { url: first, format: "slack" });
    const { endpoint } = created.body as { endpoint: { id: string; url: string } };
    expect([created.status, endpoint.url]).toEqual([200, "https://hooks.slack.com/services/T0API/…"]);
    const updated = await api.call(updateWebhookEndpointEndpoint, { key: orgKey, path: `/webhook_endpoints/${endpoint.id}`, params: { id: endpoint.id }, body: { url: second } });
    expect([updated.status, (updated.body as { url: string }).url]).toEqual([200, "https://hooks.slack.com/services/T0API/…"]);
    const fetched = await api.call(getWebhookEndpointEndpoint, { key: orgKey, path: `/webhook_endpoints/${endpoint.id}`, params: { id: endpoint.id } });
    expect(JSON.stringify(fetched.body)).not.toMatch(/slack-token/);
    const stored = await database.db.selectFrom("webhook_endpoints").select(["url", "url_encrypted"]).where("id", "=", endpoint.id).executeTakeFirstOrThrow();
    expect(stored.url).toBe("https://hooks.slack.com/services/T0API/…");
    expect(await decryptSecret(stored.url_encrypted!, parseEncryptionKey(process.env.TOKEN_ENCRYPTION_KEY!))).toBe(second);
    await api.call(deleteWebhookEndpointEndpoint, { key: orgKey, path: `/webhook_endpoints/${endpoint.id}`, params: { id: endpoint.id } });
  });

  it("refuses http and private targets without OUTBOUND_ALLOW_PRIVATE_TARGETS, and unknown event types", async () => {
    for (const url of ["http://hooks.example.com/x", "https://127.0.0.1/x", "https://[::1]/x", "https://169.254.169.254/latest", "https://10.0.0.8/x"]) {
      const refused = await create(orgKey, { url });
      expect([url, refused.status, refused.body.error?.message]).toEqual([url, 400, expect.stringMatching(/^url: /)]);
    }
    const unknown = await create(orgKey, { url: "https://hooks.example.com/x", event_types: ["call.exploded"] });
    expect(unknown.status).toBe(400);
    const slack = await create(orgKey, { url: "https://evil.example.com/services/x", format: "slack" });
    expect(slack.body.error?.message).toMatch(/hooks\.slack\.com/);
    expect(await database.db.selectFrom("webhook_endpoints").select("id").execute()).toHaveLength(0);
  });

  it("shows and lets manage an endpoint only to the key that owns it", async () => {
    const { endpoint } = (await create(orgKey, { url: "https://hooks.example.com/own" })).body as { endpoint: { id: string } };
    const { endpoint: partners } = (await create(platformKey, { url: "https://partner.example.com/hooks" })).body as { endpoint: { id: string } };
    for (const key of [otherOrgKey, platformKey]) {
      const params = { id: endpoint.id };
      expect((await api.call(getWebhookEndpointEndpoint, { key, path: `/webhook_endpoints/${endpoint.id}`, params })).status).toBe(404);
      expect((await api.call(updateWebhookEndpointEndpoint, { key, path: `/webhook_endpoints/${endpoint.id}`, params, body: { url: "https://attacker.example.com/" } })).status).toBe(404);
      expect((await api.call(listWebhookDeliveriesEndpoint, { key, path: `/webhook_endpoints/${endpoint.id}/deliveries`, params })).status).toBe(404);
      expect((await api.call(sendWebhookTestEventEndpoint, { key, path: `/webhook_endpoints/${endpoint.id}/test`, params })).status).toBe(404);
      expect((await api.call(rotateWebhookEndpointSecretEndpoint, { key, path: `/webhook_endpoints/${endpoint.id}/rotate_secret`, params })).status).toBe(404);
      expect((await api.call(deleteWebhookEndpointEndpoint, { key, path: `/webhook_endpoints/${endpoint.id}`, params })).status).toBe(404);
    }
    const platformList = await api.call(listWebhookEndpointsEndpoint, { key: platformKey, path: "/webhook_endpoints" });
    expect((platformList.body.data as { id: string }[]).map((each) => each.id)).toEqual([partners.id]);
  });

  it("queues a test event and replays a delivery with the same webhook-id", async () => {
    const { endpoint } = (await create(orgKey, { url: "https://hooks.example.com/test" })).body as { endpoint: { id: string } };
    const params = { id: endpoint.id };
    const test = await api.call(sendWebhookTestEventEndpoint, { key: orgKey, path: `/webhook_endpoints/${endpoint.id}/test`, params });
    expect(test.status).toBe(202);
    const delivery = test.body as { id: string; webhook_id: string; event_type: string };
    expect(delivery.event_type).toBe("endpoint.test");
    const replay = await api.call(replayWebhookDeliveryEndpoint, {
      key: orgKey,
      path: `/webhook_endpoints/${endpoint.id}/deliveries/${delivery.id}/replay`,
      params: { id: endpoint.id, delivery_id: delivery.id },
    });
    expect(replay.body).toMatchObject({ webhook_id: delivery.webhook_id, replay_of: delivery.id, status: "pending" });
    expect(api.sent.map((event) => event.name)).toEqual(["callbridge/outbound-delivery.requested", "callbridge/outbound-delivery.requested"]);
    const log = await api.call(listWebhookDeliveriesEndpoint, { key: orgKey, path: `/webhook_endpoints/${endpoint.id}/deliveries?limit=10`, params });
    expect((log.body.data as unknown[]).length).toBe(2);
  });
});
