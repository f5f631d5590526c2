import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSimulator, startSimulator } from "../../gong-simulator/src/index";
import { webhookPayloadSchema } from "./schemas";
import { verifyGongWebhook } from "./webhook";

type Delivery = { authorization: string | undefined; rawBody: Buffer };

let simulator: RunningSimulator;
let receiver: Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  simulator = await startSimulator({ calls: 5, log: false, webhookRetryDelaysMs: [] });
  receiver = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    deliveries.push({ authorization: request.headers.authorization, rawBody: Buffer.concat(chunks) });
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/gong/conn-1`;
});

afterAll(async () => {
  await simulator.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function control(path: string, body: unknown) {
  const response = await fetch(`${simulator.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe("verifyGongWebhook against the simulator's signed deliveries", () => {
  it("verifies a 'Test now' delivery with the rule's bare public key and reads its payload", async () => {
    const rule = await control("/__sim/rules", { url: receiverUrl, auth: "jwt" });
    await control(`/__sim/rules/${String(rule.id)}/test`, {});
    const delivery = deliveries.at(-1);
    expect(delivery).toBeDefined();
    const claims = await verifyGongWebhook({
      publicKeyBase64: String(rule.publicKey),
      authorization: delivery?.authorization,
      rawBody: delivery?.rawBody ?? "",
      expectedUrl: receiverUrl,
    });
    expect(claims.webhook_url).toBe(receiverUrl);
    const payload = webhookPayloadSchema.parse(JSON.parse(delivery?.rawBody.toString("utf8") ?? "{}"));
    expect(payload.isTest).toBe(true);
    expect(payload.callData.metaData.id).toMatch(/^\d+$/);
  });
});
