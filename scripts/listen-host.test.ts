import { describe, expect, it } from "vitest";
import { chooseDemoListenHost, toLocalUrlHost } from "./listen-host";

describe("where npm run demo listens", () => {
  it("stays on loopback unless HOSTNAME names another address", () => {
    expect(chooseDemoListenHost(undefined, "box")).toBe("127.0.0.1");
    expect(chooseDemoListenHost("0.0.0.0", "box")).toBe("0.0.0.0");
    expect(chooseDemoListenHost("192.0.2.10", "box")).toBe("192.0.2.10");
  });

  it("ignores a HOSTNAME that only repeats the machine's name, as shells and containers export it", () => {
    expect(chooseDemoListenHost("box", "box")).toBe("127.0.0.1");
  });

  it("reaches a server on every interface through loopback, and brackets IPv6 literals", () => {
    expect(toLocalUrlHost("0.0.0.0")).toBe("127.0.0.1");
    expect(toLocalUrlHost("::")).toBe("127.0.0.1");
    expect(toLocalUrlHost("::1")).toBe("[::1]");
    expect(toLocalUrlHost("127.0.0.1")).toBe("127.0.0.1");
  });
});
