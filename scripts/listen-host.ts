import { hostname } from "node:os";

/** Where `npm run demo` serves the app and the worker when HOSTNAME names no other address: this machine only. */
export const LOOPBACK = "127.0.0.1";

/**
 * The address `npm run demo` listens on: loopback, unless HOSTNAME names another one (`0.0.0.0` for every interface).
 * A HOSTNAME that merely repeats this machine's name is what shells and containers export by themselves, not a
 * choice, so it keeps the demo (and its published password) on loopback.
 */
export function chooseDemoListenHost(value: string | undefined, machineName = hostname()): string {
  return value && value !== machineName ? value : LOOPBACK;
}

/** An address a process on this machine reaches a server listening on `host` at, as a URL's host part. */
export function toLocalUrlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return LOOPBACK;
  return host.includes(":") ? `[${host}]` : host;
}
