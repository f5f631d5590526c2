import { exportSPKI, generateKeyPair } from "jose";
import { z } from "zod";
import { startSimulator } from "../gong-simulator/src/index";
import { buildWebhookBody } from "../gong-simulator/src/webhooks/deliver";
import type { BenchStack } from "./webhook-stack";
import { signGongDelivery } from "./webhook-sign";

export type SignedDelivery = { path: string; body: string; authorization: string };
export type BenchDeliveries = { deliveries: SignedDelivery[]; connectionIds: string[]; averageBodyBytes: number; signingMs: number };

const DAY_MS = 86_400_000;
// The simulator's default access key (README), which reads any call without OAuth.
const SIMULATOR_ACCESS_KEY = Buffer.from("sim-access-key:sim-access-key-secret").toString("base64");
const metaDataSchema = z.object({ id: z.string(), started: z.string() });
const bodySchema = z.object({ callData: z.object({ metaData: metaDataSchema }) });

/**
 * One dataset, twice: the stack's simulator is reset to it and an in-process copy renders the bodies, so every
 * delivery names a call the stack's Gong really has. `to` is two days back, so every transcript already exists.
 */
function describeDataset(calls: number) {
  const to = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS);
  return { seed: 7, calls, from: new Date(to.getTime() - 30 * DAY_MS).toISOString(), to: to.toISOString() };
}

/**
 * `organizations` organizations, each its own connection and RSA key (our pacer holds each to Gong's 3 requests/s),
 * and `total` Gong-shaped "New call" deliveries, one distinct call each, dealt round-robin and signed as Gong signs.
 */
export async function prepareDeliveries(bench: BenchStack, total: number, organizations: number): Promise<BenchDeliveries> {
  const dataset = describeDataset(total);
  await bench.control("reset", dataset);
  // Reset clears faults: the simulator answers at once, and its own company limit never throttles the bench.
  await bench.control("faults", { rateLimit: 1_000_000, dailyLimit: 100_000_000 });

  const connections = [];
  for (let index = 0; index < organizations; index++) {
    const keys = await generateKeyPair("RS256");
    const publicKey = (await exportSPKI(keys.publicKey)).replace(/-----[A-Z ]+-----|\s/g, "");
    const id = await bench.connectOrganization(`Bench ${index + 1}`, publicKey);
    const path = `/api/webhooks/gong/${id}`;
    connections.push({ id, path, url: `${bench.stack.appUrl}${path}`, privateKey: keys.privateKey });
  }

  const simulator = await startSimulator({ ...dataset, log: false });
  const signingStarted = performance.now();
  const deliveries: SignedDelivery[] = [];
  try {
    for (let index = 0; index < total; index++) {
      const connection = connections[index % organizations]!;
      const body = buildWebhookBody(simulator.state, index, false);
      deliveries.push({ path: connection.path, body, authorization: await signGongDelivery(body, connection.url, connection.privateKey) });
    }
    if (total > 0) await assertSameCall(bench, deliveries[total - 1]!.body);
  } finally {
    await simulator.close();
  }
  const averageBodyBytes = Math.round(deliveries.reduce((sum, delivery) => sum + delivery.body.length, 0) / Math.max(1, total));
  return { deliveries, connectionIds: connections.map((connection) => connection.id), averageBodyBytes, signingMs: Math.round(performance.now() - signingStarted) };
}

/** Guards the alignment: the stack's simulator must hold the newest call the bodies name, started at the same time. */
async function assertSameCall(bench: BenchStack, body: string): Promise<void> {
  const { id, started } = bodySchema.parse(JSON.parse(body)).callData.metaData;
  const response = await fetch(`${bench.stack.simulatorUrl}/v2/calls/${id}`, { headers: { authorization: `Basic ${SIMULATOR_ACCESS_KEY}` } });
  const held = response.ok ? z.object({ call: metaDataSchema }).parse(await response.json()).call : null;
  if (held?.started !== started) throw new Error(`the stack's simulator does not hold call ${id} as the bodies describe it (HTTP ${response.status})`);
}
