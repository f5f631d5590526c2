import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebhookReceiver, startWebhookReceiver } from "@/test-support/webhook-receiver";
import { isPublicAddress } from "./public-address";
import { sendWebhookRequest } from "./send-webhook-request";

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver?.close());

const send = (url: string, allowPrivateTargets = false) => sendWebhookRequest({ url, headers: {}, body: "{}", timeoutMs: 2_000, allowPrivateTargets });

describe("the SSRF guard on outbound webhooks", () => {
  it("tells public addresses from private, loopback, link-local and IPv4-embedding ones", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"]) expect([address, isPublicAddress(address)]).toEqual([address, true]);
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:7f00:1::", "not-an-ip"]) {
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    }
  });

  it("refuses http, credentials in the URL, and private addresses written out, without connecting", async () => {
    const port = new URL(receiver.url("/")).port;
    for (const url of [receiver.url("/plain-http"), `https://user:pass@example.com/`, `https://127.0.0.1:${port}/`, `https://[::1]:${port}/`, "https://169.254.169.254/latest/meta-data/", `https://[::ffff:127.0.0.1]:${port}/`]) {
      const result = await send(url);
      expect([url, result.ok, "refused" in result && result.refused]).toEqual([url, false, true]);
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("checks the address a name resolves to when connecting, so a name pointing at a private address is refused", async () => {
    const port = new URL(receiver.url("/")).port;
    const result = await send(`https://localhost:${port}/rebound`);
    expect(result).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(/resolves to a private address/) });
    expect(receiver.received).toHaveLength(0);
  });

  it("reaches a loopback receiver only with OUTBOUND_ALLOW_PRIVATE_TARGETS", async () => {
    expect(await send(receiver.url("/allowed"), true)).toMatchObject({ ok: true, status: 200 });
    expect(receiver.on("/allowed")).toHaveLength(1);
  });

  it("gives up on a receiver that does not answer in time", async () => {
    receiver.setAnswer(() => ({ status: 200, delayMs: 1_000 }));
    const result = await sendWebhookRequest({ url: receiver.url("/slow"), headers: {}, body: "{}", timeoutMs: 200, allowPrivateTargets: true });
    expect(result).toMatchObject({ ok: false, status: null, error: "No response within 200 ms." });
  });
});
