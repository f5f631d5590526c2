import { describe, expect, it } from "vitest";
import { isSocketAddressHeaderTrusted, trustSocketAddressHeader } from "./socket-address";

describe("trusting the socket address header", () => {
  it("starts untrusted and is trusted, process-wide, once the app server says it stamps every request", () => {
    expect(isSocketAddressHeaderTrusted()).toBe(false);
    trustSocketAddressHeader();
    expect(isSocketAddressHeaderTrusted()).toBe(true);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("callbridge.socket-address-stamped")]).toBe(true);
  });
});
