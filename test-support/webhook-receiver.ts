import { type IncomingHttpHeaders, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = { path: string; headers: IncomingHttpHeaders; body: string; receivedAt: number; webhookId: string };

/** How the receiver answers the n-th request (1-based) to a path: a status, after an optional delay. */
export type Answer = (path: string, nth: number) => { status: number; delayMs?: number };

/**
 * A loopback HTTP receiver standing in for a customer's system: records every request and answers as `answer`
 * says. `verify` checks a request with the standardwebhooks verifier, as a receiver would.
 */
export async function startWebhookReceiver(answer: Answer = () => ({ status: 200 })) {
  const received: ReceivedWebhook[] = [];
  const counts = new Map<string, number>();
  let respond = answer;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const nth = (counts.get(path) ?? 0) + 1;
      counts.set(path, nth);
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), receivedAt: Date.now(), webhookId: String(request.headers["webhook-id"] ?? "") });
      const { status, delayMs = 0 } = respond(path, nth);
      setTimeout(() => {
        if (!response.destroyed) response.writeHead(status).end();
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path: string) => `${base}${path}`,
    received,
    on: (path: string) => received.filter((each) => each.path === path),
    setAnswer(next: Answer) {
      respond = next;
    },
    /** The payload if `secret` verifies the request (standardwebhooks: signature, id and a fresh timestamp); else throws. */
    verify(request: ReceivedWebhook, secret: string): unknown {
      const headers = Object.fromEntries(["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(request.headers[name] ?? "")]));
      return new Webhook(secret).verify(request.body, headers);
    },
    async waitFor(predicate: () => boolean, timeoutMs = 20_000, what = "webhooks"): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; received ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
