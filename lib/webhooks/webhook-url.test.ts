import { describe, expect, it } from "vitest";
import { buildGongWebhookUrl } from "./webhook-url";

describe("buildGongWebhookUrl", () => {
  it("puts the connection's path on the app's origin, with the URL key when there is one", () => {
    expect(buildGongWebhookUrl("https://callbridge.example.com", "c1")).toBe("https://callbridge.example.com/api/webhooks/gong/c1");
    expect(buildGongWebhookUrl("https://callbridge.example.com/ignored/", "c1", "k+y")).toBe("https://callbridge.example.com/api/webhooks/gong/c1?key=k%2By");
    expect(buildGongWebhookUrl("http://127.0.0.1:3000", "c1", "")).toBe("http://127.0.0.1:3000/api/webhooks/gong/c1");
  });
});
