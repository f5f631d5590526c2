import { exportSPKI, generateKeyPair } from "jose";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../db/migrate";
import type { Database } from "../db/schema";
import { startSimulator } from "../gong-simulator/src/index";
import { buildWebhookBody } from "../gong-simulator/src/webhooks/deliver";
import { answerGongWebhook } from "../lib/webhooks/node-webhook-handler";
import { type GongWebhookReceiver, createGongWebhookReceiver } from "../lib/webhooks/receive-gong-webhook";
import { serveNodeHandler } from "../test-support/serve-node-handler";
import { createTestDatabase } from "../test-support/test-database";
import { fireDeliveries, type LoadFigures } from "./webhook-pipeline";
import { signGongDelivery } from "./webhook-sign";

export type ReceiverOnlyFigures = LoadFigures & { eventsCollected: number };

/**
 * A lower bound on the receiver's own cost: the domain function (verify, record, build the event) as the app server
 * answers it, with `inngest.send` replaced by pushing into an array. No Next, no executor, nothing synced.
 */
export async function measureReceiverOnly(total: number, concurrency: number): Promise<ReceiverOnlyFigures> {
  const database = await createTestDatabase();
  await migrateToLatest(database.url);
  // A small pool, as the app has.
  const pool = new pg.Pool({ connectionString: database.url, max: 8 });
  pool.on("error", () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const org = await db.insertInto("organizations").values({ name: "Bench" }).returning("id").executeTakeFirstOrThrow();
    const keys = await generateKeyPair("RS256");
    const publicKey = (await exportSPKI(keys.publicKey)).replace(/-----[A-Z ]+-----|\s/g, "");
    const connection = await db
      .insertInto("gong_connections")
      .values({ organization_id: org.id, status: "connected", webhook_auth: "jwt", webhook_public_key: publicKey, auto_sync_interval_hours: null })
      .returning("id")
      .executeTakeFirstOrThrow();

    const events: unknown[] = [];
    let receive: GongWebhookReceiver | undefined;
    const served = await serveNodeHandler((request, response) => {
      receive ??= createGongWebhookReceiver({
        db,
        appUrl: served.url,
        getEncryptionKey: () => new Uint8Array(32),
        sendEvents: async (batch) => events.push(...batch),
      });
      void answerGongWebhook(receive, request, response, connection.id);
    });
    const path = `/api/webhooks/gong/${connection.id}`;
    const simulator = await startSimulator({ calls: total, log: false });
    const deliveries = [];
    for (let index = 0; index < total; index++) {
      const body = buildWebhookBody(simulator.state, index, false);
      deliveries.push({ path, body, authorization: await signGongDelivery(body, `${served.url}${path}`, keys.privateKey) });
    }
    await simulator.close();
    try {
      return { ...(await fireDeliveries(served.url, deliveries, concurrency)), eventsCollected: events.length };
    } finally {
      await served.close();
    }
  } finally {
    await db.destroy();
    await database.drop();
  }
}
