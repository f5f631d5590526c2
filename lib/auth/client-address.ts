import { isIPv4, isIPv6 } from "node:net";
import { SOCKET_ADDRESS_HEADER, isSocketAddressHeaderTrusted } from "./socket-address";

/** What sign-in failures are counted against besides the email: one client, or every client at once. */
export type ClientAddress = { key: string; shared: boolean };

/** A function, not a constant, so that mutation testing can see it (docs/TESTING.md). */
const shared = (): ClientAddress => ({ key: "shared", shared: true });

/**
 * The client's address as far as it can be trusted. With `trustedProxyHops` proxies we run in front of the app, it is
 * the X-Forwarded-For entry the outermost of them appended (the right-most one they did not add themselves): the
 * rest of that header is written by whoever sends the request. Without proxies it is the TCP peer's address, which
 * the app server passes in SOCKET_ADDRESS_HEADER. Where neither is known (`next start` or `next dev` without proxies:
 * Next copies the socket address into X-Forwarded-For only when the client sent none, so that proves nothing), every
 * client shares one bucket. IPv6 clients are keyed by their /64, as any one of them holds a whole /64 to rotate through.
 */
export function getClientAddress(headers: Headers, trustedProxyHops: number, socketAddressTrusted = isSocketAddressHeaderTrusted()): ClientAddress {
  if (trustedProxyHops < 1) {
    const socket = socketAddressTrusted ? normalizeAddress(headers.get(SOCKET_ADDRESS_HEADER) ?? "") : null;
    return socket ? { key: `ip:${socket}`, shared: false } : shared();
  }
  // No header reads as one empty entry, which is no address.
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  const address = hops.length >= trustedProxyHops ? normalizeAddress(hops[hops.length - trustedProxyHops]!) : null;
  return address ? { key: `ip:${address}`, shared: false } : shared();
}

function normalizeAddress(entry: string): string | null {
  const unwrapped = entry.replace(/^\[([^\]]+)\](?::\d+)?$/, "$1").replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(unwrapped)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(unwrapped)) return unwrapped;
  if (isIPv6(unwrapped)) return `${expandIPv6(unwrapped).slice(0, 4).join(":")}::/64`;
  return null;
}

/** The eight groups of an IPv6 address, lower-case without leading zeros ("::" filled in). */
function expandIPv6(address: string): string[] {
  // parseInt below lower-cases each group; a group with dots (IPv4) has no letters.
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.map((group) => (group.includes(".") ? group : parseInt(group, 16).toString(16)));
}
