import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { importSPKI, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index";
import { control, startTestSimulator } from "./support";

interface Received { headers: IncomingMessage["headers"]; raw: Buffer; url: string }

describe("webhooks (automation rules)", () => {
  let sim: RunningSimulator;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  let failuresToSend = 0;

  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 20 });
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, raw: Buffer.concat(chunks), url: request.url ?? "" });
        response.statusCode = failuresToSend-- > 0 ? 503 : 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  async function waitForDeliveries(count: number) {
    for (let i = 0; i < 200 && received.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received.length).toBe(count);
  }

  async function verifyJwt(publicKey: string, delivery: Received) {
    const pem = `-----BEGIN PUBLIC KEY-----\n${publicKey.match(/.{1,64}/g)!.join("\n")}\n-----END PUBLIC KEY-----`;
    const token = String(delivery.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    const { payload } = await jwtVerify(token, await importSPKI(pem, "RS256"), { algorithms: ["RS256"] });
    return payload;
  }

  /** A receiver's check, as API.md §4.2 sketches it: signature and exp, then the body's hash, then the URL. */
  async function verifyDelivery(publicKey: string, delivery: Received, receivedOn: string) {
    const payload = await verifyJwt(publicKey, delivery);
    const digest = Buffer.from(createHash("sha256").update(delivery.raw).digest("hex"), "hex");
    const claimed = Buffer.from(String(payload.body_sha256), "hex");
    if (digest.length !== claimed.length || !timingSafeEqual(digest, claimed)) throw new Error("body_sha256 does not match the body");
    if (payload.webhook_url !== receivedOn) throw new Error("webhook_url does not match");
    return payload;
  }

  it("a new call fires a signed JWT rule; the token verifies with the published key and binds the body", async () => {
    received.length = 0;
    const rule = await control<{ id: string; publicKey: string }>(sim, "POST", "/rules", { url: `${receiverUrl}/hooks/gong?c=1`, auth: "jwt" });
    expect(rule.publicKey).toMatch(/^MIIB[A-Za-z0-9+/=]+$/);
    const call = await control<{ id: string }>(sim, "POST", "/calls", { title: "Fresh call", primaryUserEmail: "rep2@acme.test", participants: ["buyer@globex.example"] });
    await waitForDeliveries(1);
    const delivery = received[0]!;
    expect(delivery.headers.authorization).not.toMatch(/^Bearer /);
    const receivedOn = `${receiverUrl}${delivery.url}`;
    const payload = await verifyDelivery(rule.publicKey, delivery, receivedOn);
    expect(payload.webhook_url).toBe(`${receiverUrl}/hooks/gong?c=1`);
    expect(payload.body_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(payload.exp! - Date.now() / 1000).toBeGreaterThan(200);
    const tampered = { ...delivery, raw: Buffer.from(delivery.raw.toString("utf8").replace("Fresh call", "Fresh calm")) };
    expect(tampered.raw.equals(delivery.raw)).toBe(false);
    await expect(verifyDelivery(rule.publicKey, tampered, receivedOn)).rejects.toThrow("body_sha256 does not match the body");
    await expect(verifyDelivery(rule.publicKey, { ...delivery, headers: { ...delivery.headers, authorization: `Bearer ${String(delivery.headers.authorization)}` } }, receivedOn)).resolves.toBeDefined();
    await expect(verifyDelivery(rule.publicKey, delivery, `${receiverUrl}/elsewhere`)).rejects.toThrow("webhook_url does not match");
    const body = JSON.parse(delivery.raw.toString("utf8")) as { isTest: boolean; callData: { metaData: { id: string; title: string }; parties: Array<{ emailAddress: string }>; content: unknown; interaction: unknown } };
    expect(body.isTest).toBe(false);
    expect(body.callData.metaData).toMatchObject({ id: call.id, title: "Fresh call" });
    expect(body.callData.parties.map((party) => party.emailAddress)).toEqual(["rep2@acme.test", "buyer@globex.example"]);
    expect(body.callData.content).toBeDefined();
    expect(body.callData.interaction).toBeDefined();
    await control(sim, "DELETE", `/rules/${rule.id}`);
  });

  it("a token signed for another key does not verify", async () => {
    received.length = 0;
    const rule = await control<{ id: string }>(sim, "POST", "/rules", { url: `${receiverUrl}/a`, auth: "jwt" });
    const other = await control<{ id: string; publicKey: string }>(sim, "POST", "/rules", { url: `${receiverUrl}/b`, auth: "jwt", enabled: false });
    await control(sim, "POST", "/calls", {});
    await waitForDeliveries(1);
    await expect(verifyJwt(other.publicKey, received[0]!)).rejects.toThrow();
    await control(sim, "DELETE", `/rules/${rule.id}`);
    await control(sim, "DELETE", `/rules/${other.id}`);
  });

  it("\"Test now\" sends isTest: true; url-key rules carry no Authorization", async () => {
    received.length = 0;
    const rule = await control<{ id: string; publicKey: string | null }>(sim, "POST", "/rules", { url: `${receiverUrl}/hooks?key=s3cret`, auth: "url-key" });
    expect(rule.publicKey).toBeNull();
    const delivery = await control<{ status: string }>(sim, "POST", `/rules/${rule.id}/test`);
    expect(delivery.status).toBe("delivered");
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe("/hooks?key=s3cret");
    expect(received[0]!.headers.authorization).toBeUndefined();
    expect(JSON.parse(received[0]!.raw.toString("utf8")).isTest).toBe(true);
    await control(sim, "DELETE", `/rules/${rule.id}`);
  });

  it("failed deliveries are retried and logged", async () => {
    received.length = 0;
    failuresToSend = 2;
    const rule = await control<{ id: string }>(sim, "POST", "/rules", { url: `${receiverUrl}/flaky`, auth: "jwt" });
    await control(sim, "POST", "/calls", {});
    await waitForDeliveries(3);
    for (let i = 0; i < 100; i++) {
      const { deliveries } = await control<{ deliveries: Array<{ ruleId: string; status: string; attempts: Array<{ status: number }> }> }>(sim, "GET", "/deliveries");
      const mine = deliveries.find((delivery) => delivery.ruleId === rule.id)!;
      if (mine.status !== "pending") {
        expect(mine.status).toBe("delivered");
        expect(mine.attempts.map((attempt) => attempt.status)).toEqual([503, 503, 200]);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const stats = await control<{ webhookDeliveries: number; webhookAttempts: number }>(sim, "GET", "/stats");
    expect(stats.webhookAttempts).toBeGreaterThanOrEqual(stats.webhookDeliveries + 2);
  });
});
