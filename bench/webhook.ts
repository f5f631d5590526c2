// npm run bench:webhook [-- --deliveries N --connections C]: signed Gong deliveries through the webhook receiver.
import "./allow-server-only";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { exportSPKI, generateKeyPair } from "jose";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { z } from "zod";
import { migrateToLatest } from "../db/migrate";
import type { Database } from "../db/schema";
import { startSimulator } from "../gong-simulator/src/index";
import { buildWebhookBody } from "../gong-simulator/src/webhooks/deliver";
import { serveWebHandler } from "../test-support/serve-web-handler";
import { createTestDatabase } from "../test-support/test-database";
import { signGongDelivery } from "./webhook-sign";

const { receiveGongWebhook } = await import("../lib/webhooks/receive-gong-webhook");
type CallSyncEvent = import("../lib/webhooks/receive-gong-webhook").CallSyncEvent;

const { measureWebhookToTranscript } = await import("./webhook-full-stack");

const { values } = parseArgs({
  options: {
    deliveries: { type: "string", default: "4000" },
    connections: { type: "string", default: "16" },
    "stack-calls": { type: "string", default: "20" },
  },
});
const total = z.coerce.number().int().positive().parse(values.deliveries);
const connections = z.coerce.number().int().positive().parse(values.connections);
const stackCalls = z.coerce.number().int().min(0).parse(values["stack-calls"]);

const database = await createTestDatabase();
await migrateToLatest(database.url);
// PGlite serves one connection at a time anyway; a real Postgres gets a small pool, as the app has.
const pool = new pg.Pool({ connectionString: database.url, max: process.env.DATABASE_URL ? 8 : 1 });
pool.on("error", () => undefined); // dropping the database at the end terminates idle clients
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
const org = await db.insertInto("organizations").values({ name: "Bench" }).returning("id").executeTakeFirstOrThrow();
const keys = await generateKeyPair("RS256");
const publicKey = (await exportSPKI(keys.publicKey)).replace(/-----[A-Z ]+-----|\s/g, "");
const connection = await db
  .insertInto("gong_connections")
  .values({ organization_id: org.id, status: "connected", webhook_auth: "jwt", webhook_public_key: publicKey })
  .returning("id")
  .executeTakeFirstOrThrow();

const events: CallSyncEvent[] = [];
const served = await serveWebHandler(async (request) => {
  const result = await receiveGongWebhook(request, connection.id, {
    db,
    appUrl: served.url,
    getEncryptionKey: () => new Uint8Array(32),
    sendEvent: async (event) => events.push(event),
  });
  return Response.json(result.body, { status: result.status });
});
const route = `/api/webhooks/gong/${connection.id}`;
const webhookUrl = `${served.url}${route}`;

// Real Gong-shaped bodies (calls/extensive call data) from the simulator, one distinct call per delivery.
const simulator = await startSimulator({ calls: total, log: false });
const signingStarted = performance.now();
const deliveries: Array<{ body: string; authorization: string }> = [];
for (let index = 0; index < total; index++) {
  const body = buildWebhookBody(simulator.state, index, false);
  deliveries.push({ body, authorization: await signGongDelivery(body, webhookUrl, keys.privateKey) });
}
await simulator.close();
const averageBytes = Math.round(deliveries.reduce((sum, delivery) => sum + delivery.body.length, 0) / total);
console.log(`signed ${total} deliveries (avg ${averageBytes} B) in ${Math.round(performance.now() - signingStarted)} ms`);

let next = 0;
const result = await autocannon({
  url: served.url,
  connections,
  amount: total,
  requests: [
    {
      method: "POST",
      path: route,
      setupRequest: (request) => {
        const delivery = deliveries[next++ % total]!;
        return { ...request, headers: { "content-type": "application/json", authorization: delivery.authorization }, body: delivery.body };
      },
    },
  ],
});

// Accepted = answered 2xx: the delivery log keeps only the newest deliveries per connection, so it cannot be counted.
const accepted = result["2xx"];
const distinctEventIds = new Set(events.map((event) => event.id)).size;
const figures = {
  deliveries: total,
  connections,
  deliveriesPerSecond: Math.round(result["2xx"] / result.duration),
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  maxMs: result.latency.max,
  ok2xx: result["2xx"],
  non2xx: result.non2xx,
  errors: result.errors,
  accepted,
  eventsEnqueued: events.length,
  distinctEventIds,
  lost: total - Math.min(accepted, events.length, distinctEventIds),
  averageBodyBytes: averageBytes,
  database: process.env.DATABASE_URL ? "postgres" : "pglite",
};
console.log(`${figures.deliveriesPerSecond} verified deliveries/s over ${connections} connections (${figures.database})`);
console.log(`latency p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms`);
console.log(`accepted ${accepted}, events enqueued ${events.length} (${distinctEventIds} distinct ids), non-2xx ${result.non2xx}, errors ${result.errors}, lost ${figures.lost}`);
await served.close();
await db.destroy();
await database.drop();

const stack = stackCalls > 0 ? await measureWebhookToTranscript(path.resolve(import.meta.dirname, ".."), stackCalls) : { skipped: "--stack-calls 0" };
if ("skipped" in stack) console.log(`webhook to transcript visible: not measured (${stack.skipped})`);
else {
  console.log(
    `webhook to transcript stored, full stack: p50 ${stack.webhookToTranscriptP50Ms} ms, p90 ${stack.webhookToTranscriptP90Ms} ms (${stack.stored}/${stack.calls} calls stored)`,
  );
}
console.log(
  JSON.stringify({
    ...figures,
    webhookToTranscriptP50Ms: "skipped" in stack ? null : stack.webhookToTranscriptP50Ms,
    webhookToTranscriptP90Ms: "skipped" in stack ? null : stack.webhookToTranscriptP90Ms,
    fullStackCallsStored: "skipped" in stack ? null : `${stack.stored}/${stack.calls}`,
  }),
);
