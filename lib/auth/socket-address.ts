import type { IncomingMessage } from "node:http";

/**
 * The header scripts/app-server.ts sets on every request to the TCP peer's address, after dropping any copy the
 * client sent. Next gives route handlers and server actions no socket, so this is how the address reaches Auth.js'
 * authorize callback. It is read only in a process whose requests all pass through the app server: under `next start`
 * or `next dev` nobody removes a client's copy, so there it is ignored.
 */
export const SOCKET_ADDRESS_HEADER = "x-callbridge-socket-address";

// On globalThis, not in this module: the app server loads its own copy of the module, Next's build another.
const STAMPED = Symbol.for("callbridge.socket-address-stamped");

/** The app server, before it serves: from now on every request this process sees has the header set by us. */
export function trustSocketAddressHeader(): void {
  (globalThis as Record<symbol, unknown>)[STAMPED] = true;
}

export function isSocketAddressHeaderTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

/** The app server, for each request before Next sees it. */
export function stampSocketAddress(request: { headers: IncomingMessage["headers"]; socket: { remoteAddress?: string } }): void {
  const address = request.socket.remoteAddress;
  if (address) request.headers[SOCKET_ADDRESS_HEADER] = address;
  else delete request.headers[SOCKET_ADDRESS_HEADER];
}
