import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ServedHandler = { url: string; close(): Promise<void> };

/** Serves a plain Node request handler on a loopback port, as the app server (scripts/app-server.ts) does. */
export async function serveNodeHandler(handler: (request: IncomingMessage, response: ServerResponse) => void, port = 0): Promise<ServedHandler> {
  const server = createServer(handler);
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
