import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceiverFigures = { delivered: number; duplicatesSeenByReceiver: number; lagsMs: number[]; requests: number; answered500: number; heldPastTimeout: number };

/**
 * The customers' receivers, in the benchmark's process: `/ok/…` always answers 204; `/flaky/…` answers 500 to a
 * share of requests and holds a smaller share past the sender's timeout (then answers 200, as a slow server would:
 * the receiver saw it, the sender did not hear back, so it comes again). Counts each (path, webhook-id) once, and
 * the lag from the event's timestamp to the first attempt's arrival, whatever the answer.
 */
export async function startOutboundReceiver(options: { failShare: number; timeoutShare: number; holdMs: number }) {
  const seen = new Map<string, number>();
  const arrived = new Set<string>();
  const figures: ReceiverFigures = { delivered: 0, duplicatesSeenByReceiver: 0, lagsMs: [], requests: 0, answered500: 0, heldPastTimeout: 0 };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const receivedAt = Date.now();
      figures.requests++;
      const path = request.url ?? "/";
      const key = `${path} ${String(request.headers["webhook-id"])}`;
      if (!arrived.has(key)) {
        arrived.add(key);
        const { timestamp } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { timestamp: string };
        figures.lagsMs.push(receivedAt - new Date(timestamp).getTime());
      }
      const flaky = path.startsWith("/flaky/");
      const roll = Math.random();
      if (flaky && roll < options.failShare) {
        figures.answered500++;
        response.writeHead(500).end();
        return;
      }
      const held = flaky && roll < options.failShare + options.timeoutShare;
      if (held) figures.heldPastTimeout++;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count === 1) figures.delivered++;
      else figures.duplicatesSeenByReceiver++;
      setTimeout(() => response.writeHead(held ? 200 : 204).end(), held ? options.holdMs : 0);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    figures,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
