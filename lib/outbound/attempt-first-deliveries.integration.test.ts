import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { encryptSecret, parseEncryptionKey } from "@/lib/crypto/encryption";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization } from "@/test-support/seed-calls";
import { type WebhookReceiver, startWebhookReceiver } from "@/test-support/webhook-receiver";
import { FIRST_ATTEMPTS_IN_FLIGHT_PER_ENDPOINT, startFirstAttempts } from "./attempt-first-deliveries";
import { createOutboundLoaders } from "./outbound-loaders";
import type { RecordedDelivery } from "./record-outbound-deliveries";

// Real PostgreSQL and a loopback receiver that holds every request HOLD_MS, so the requests of one endpoint come in
// waves whose overlap shows how many were in flight at once.
const HOLD_MS = 1_200;
const SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const encryptionKey = parseEncryptionKey(randomBytes(32).toString("base64url"));
let database: MigratedTestDatabase;
let receiver: WebhookReceiver;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  receiver = await startWebhookReceiver(() => ({ status: 204, delayMs: HOLD_MS }));
}, 60_000);

afterAll(async () => {
  await receiver?.close();
  await database?.drop();
});

it("sends an endpoint as many requests at once as its limit, no more, each signed as it goes with its secret decrypted once, and records every delivery", async () => {
  const { db } = database;
  const organizationId = await seedOrganization(db, "Acme");
  const endpoint = await db
    .insertInto("webhook_endpoints")
    .values({ organization_id: organizationId, url: receiver.url("/waves"), event_types: ["call.synced"], secret_encrypted: await encryptSecret(SECRET, encryptionKey) })
    .returningAll()
    .executeTakeFirstOrThrow();
  const count = FIRST_ATTEMPTS_IN_FLIGHT_PER_ENDPOINT * 2 + 4;
  const rows = Array.from({ length: count }, (_, index) => ({ endpointId: endpoint.id, organizationId, messageId: `msg_wave_${index}`, eventType: "call.synced", payload: { index } }));
  const stored = await createOutboundLoaders(db).deliveries.load(rows);
  const recorded: RecordedDelivery[] = stored.map((delivery) => ({ deliveryId: delivery.id, endpointId: endpoint.id, target: { delivery, endpoint } }));

  const loaders = createOutboundLoaders(db, { writeWindowMs: 10 });
  let keyReads = 0;
  const getEncryptionKey = () => (keyReads++, [encryptionKey]);
  const firstAttempts = startFirstAttempts(db, { retryScheduleSeconds: [1], timeoutMs: 5_000, patienceMs: 5_000, allowPrivateTargets: true, getEncryptionKey, loaders });
  expect(await firstAttempts.attempt(recorded)).toEqual([]);
  // The key is read only to decrypt a secret (a standard endpoint's URL is plain), and the secret once for all.
  expect(keyReads).toBe(1);

  const requests = receiver.on("/waves");
  expect(requests).toHaveLength(count);
  // At most the endpoint's limit in flight at any arrival, and the limit reached: the requests went as fast as allowed.
  const inFlightAt = (at: number) => requests.filter((each) => each.receivedAt <= at && at < each.receivedAt + HOLD_MS).length;
  const peak = Math.max(...requests.map((each) => inFlightAt(each.receivedAt)));
  expect(peak).toBe(FIRST_ATTEMPTS_IN_FLIGHT_PER_ENDPOINT);
  // The last wave waited two holds for its turn, yet its signature is as of its own sending (webhook-timestamp is in
  // whole seconds), and it verifies.
  const last = requests.at(-1)!;
  expect(last.receivedAt - requests[0]!.receivedAt).toBeGreaterThanOrEqual(2 * HOLD_MS - 100);
  expect(Math.abs(Number(last.headers["webhook-timestamp"]) * 1000 - last.receivedAt)).toBeLessThan(1_500);
  expect(receiver.verify(last, SECRET)).toMatchObject({ index: expect.any(Number) });

  const outcomes = await db.selectFrom("outbound_deliveries").select(["status", "attempts"]).where("endpoint_id", "=", endpoint.id).execute();
  expect(outcomes).toHaveLength(count);
  expect(outcomes.every((each) => each.status === "delivered" && each.attempts === 1)).toBe(true);
}, 30_000);
