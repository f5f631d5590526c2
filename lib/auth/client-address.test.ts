import { describe, expect, it } from "vitest";
import { getClientAddress } from "./client-address";
import { SOCKET_ADDRESS_HEADER, stampSocketAddress } from "./socket-address";

const headers = (forwardedFor?: string, extra: Record<string, string> = {}) =>
  new Headers({ ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }), ...extra });

describe("the client address the sign-in limits are keyed on", () => {
  it("ignores forwarding headers unless the app is configured to sit behind proxies", () => {
    // Next copies the socket address into X-Forwarded-For only when the client sent none, so it proves nothing.
    for (const forwarded of [undefined, "203.0.113.7", "198.51.100.1, 203.0.113.7"]) {
      expect(getClientAddress(headers(forwarded, { "x-real-ip": "192.0.2.1" }), 0, false)).toEqual({ key: "shared", shared: true });
      const stamped = headers(forwarded, { [SOCKET_ADDRESS_HEADER]: "::ffff:127.0.0.1" });
      expect(getClientAddress(stamped, 0, true)).toEqual({ key: "ip:127.0.0.1", shared: false });
    }
  });

  it("takes the socket address the app server stamped, and only in a process where it stamps every request", () => {
    const request = { headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.9" } as Record<string, string | undefined>, socket: { remoteAddress: "198.51.100.4" } };
    stampSocketAddress(request);
    expect(request.headers[SOCKET_ADDRESS_HEADER]).toBe("198.51.100.4");
    const stamped = new Headers(request.headers as Record<string, string>);
    expect(getClientAddress(stamped, 0, true)).toEqual({ key: "ip:198.51.100.4", shared: false });
    // Under `next start` nobody removes a copy the client wrote, so there the header means nothing.
    expect(getClientAddress(stamped, 0, false)).toEqual({ key: "shared", shared: true });
    // Behind proxies the socket is the proxy's: X-Forwarded-For names the client.
    expect(getClientAddress(new Headers({ ...request.headers, "x-forwarded-for": "203.0.113.7" } as Record<string, string>), 1, true)).toEqual({
      key: "ip:203.0.113.7",
      shared: false,
    });
    const closed = { headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.9" } as Record<string, string | undefined>, socket: { remoteAddress: undefined } };
    stampSocketAddress(closed);
    expect(Object.keys(closed.headers)).toEqual([]);
  });

  it("takes the right-most address not added by a trusted proxy, so a client cannot choose its own key", () => {
    expect(getClientAddress(headers("203.0.113.7"), 1)).toEqual({ key: "ip:203.0.113.7", shared: false });
    // The client wrote the first entry itself; the proxy appended the address it saw.
    expect(getClientAddress(headers("1.1.1.1, 2.2.2.2, 203.0.113.7"), 1)).toEqual({ key: "ip:203.0.113.7", shared: false });
    expect(getClientAddress(headers("1.1.1.1, 203.0.113.7, 10.0.0.2"), 2)).toEqual({ key: "ip:203.0.113.7", shared: false });
    const separateHeaders = new Headers([["x-forwarded-for", "1.1.1.1"], ["x-forwarded-for", "203.0.113.7"]]);
    expect(getClientAddress(separateHeaders, 1)).toEqual({ key: "ip:203.0.113.7", shared: false });
  });

  it("falls back to the shared bucket when the proxies did not say who the client is", () => {
    expect(getClientAddress(headers(), 1, false)).toEqual({ key: "shared", shared: true });
    expect(getClientAddress(headers("203.0.113.7"), 2)).toEqual({ key: "shared", shared: true });
    expect(getClientAddress(headers("not-an-address"), 1)).toEqual({ key: "shared", shared: true });
    expect(getClientAddress(headers("1.1.1.1, "), 1)).toEqual({ key: "shared", shared: true });
  });

  it("keys IPv6 clients by their /64, which any one of them can rotate within, and reads mapped IPv4 and ports", () => {
    expect(getClientAddress(headers("2001:db8:85a3:0:1:2:3:4"), 1)).toEqual({ key: "ip:2001:db8:85a3:0::/64", shared: false });
    expect(getClientAddress(headers("2001:DB8:85a3::ffff"), 1)).toEqual({ key: "ip:2001:db8:85a3:0::/64", shared: false });
    expect(getClientAddress(headers("::ffff:203.0.113.7"), 1)).toEqual({ key: "ip:203.0.113.7", shared: false });
    expect(getClientAddress(headers("203.0.113.7:51234"), 1)).toEqual({ key: "ip:203.0.113.7", shared: false });
    expect(getClientAddress(headers("[2001:db8::1]:443"), 1)).toEqual({ key: "ip:2001:db8:0:0::/64", shared: false });
    expect(getClientAddress(headers("[2001:db8::1]"), 1)).toEqual({ key: "ip:2001:db8:0:0::/64", shared: false });
    expect(getClientAddress(headers("::1"), 1)).toEqual({ key: "ip:0:0:0:0::/64", shared: false });
    expect(getClientAddress(headers("2001:0DB8:85a3:0000::1"), 1)).toEqual({ key: "ip:2001:db8:85a3:0::/64", shared: false });
    expect(getClientAddress(headers("2001::1:2:3:4:5:6"), 1)).toEqual({ key: "ip:2001:0:1:2::/64", shared: false });
    expect(getClientAddress(headers("1::ffff:1.2.3.4"), 1)).toEqual({ key: "ip:1:0:0:0::/64", shared: false });
  });

  it("reads an entry whole: no address is pieced together from part of one", () => {
    for (const entry of ["1[::1]", "[2001:db8::]1", "::ffff:1.2.3.4:80", "::ffff:1.2.3.4x"]) {
      expect(getClientAddress(headers(entry), 1)).toEqual({ key: "shared", shared: true });
    }
    expect(getClientAddress(headers(", 203.0.113.7"), 1)).toEqual({ key: "ip:203.0.113.7", shared: false });
  });
});
