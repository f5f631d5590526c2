import { describe, expect, it } from "vitest";
import { isAllowedGongApiBaseUrl } from "./api-base-url";

describe("the API hosts a Gong token response may name", () => {
  it("are Gong's own: https on a gong.io subdomain, a bare origin", () => {
    for (const url of ["https://api.gong.io", "https://us-49467.api.gong.io", "https://company-17.api.gong.io/", "https://EU-1.API.GONG.IO"]) {
      expect(isAllowedGongApiBaseUrl(url), url).toBe(true);
    }
  });

  it("are nothing else, however it is dressed up", () => {
    for (const url of [
      "https://attacker.example",
      "https://gong.io",
      "http://api.gong.io",
      "https://api.gong.io.attacker.example",
      "https://attacker.example/.gong.io",
      "https://apigong.io",
      "https://api.gong.io:8443",
      "https://user:pass@api.gong.io",
      "https://api.gong.io/v2",
      "https://api.gong.io?x=1",
      "https://api.gong.io.",
      "not a url",
      "",
    ]) {
      expect(isAllowedGongApiBaseUrl(url), url).toBe(false);
    }
  });

  it("widen by the operator's exact origins and *. patterns only", () => {
    const extra = ["http://localhost:4010", "https://*.gong.internal.test"];
    expect(isAllowedGongApiBaseUrl("http://localhost:4010", extra)).toBe(true);
    expect(isAllowedGongApiBaseUrl("http://localhost:4011", extra)).toBe(false);
    expect(isAllowedGongApiBaseUrl("http://127.0.0.1:4010", extra)).toBe(false);
    expect(isAllowedGongApiBaseUrl("https://eu.gong.internal.test", extra)).toBe(true);
    expect(isAllowedGongApiBaseUrl("https://gong.internal.test", extra)).toBe(false);
    expect(isAllowedGongApiBaseUrl("https://attacker.example", extra)).toBe(false);
  });
});
