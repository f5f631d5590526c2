import { describe, expect, it } from "vitest";
import { matchGongWebhookRequest } from "./node-webhook-handler";

describe("matchGongWebhookRequest", () => {
  const id = "0b6f3e8e-7d0c-4a52-9a53-4a7b7c3f0f11";

  it("takes POSTs to a connection's webhook URL, with or without its key", () => {
    expect(matchGongWebhookRequest({ method: "POST", url: `/api/webhooks/gong/${id}` })).toBe(id);
    expect(matchGongWebhookRequest({ method: "POST", url: `/api/webhooks/gong/${id}?key=abc` })).toBe(id);
    expect(matchGongWebhookRequest({ method: "POST", url: "/api/webhooks/gong/%zz" })).toBe("%zz");
    expect(matchGongWebhookRequest({ method: "POST", url: "/api/webhooks/gong/a%20b" })).toBe("a b");
  });

  it("leaves every other request to Next", () => {
    expect(matchGongWebhookRequest({ method: "GET", url: `/api/webhooks/gong/${id}` })).toBeNull();
    expect(matchGongWebhookRequest({ method: "POST", url: "/api/webhooks/gong/deliveries" })).toBeNull();
    expect(matchGongWebhookRequest({ method: "POST", url: `/api/webhooks/gong/${id}/` })).toBeNull();
    expect(matchGongWebhookRequest({ method: "POST", url: `/api/webhooks/gong/${id}/more` })).toBeNull();
    expect(matchGongWebhookRequest({ method: "POST", url: "/api/webhooks/gong/" })).toBeNull();
    expect(matchGongWebhookRequest({ method: "POST", url: `/x/api/webhooks/gong/${id}` })).toBeNull();
    expect(matchGongWebhookRequest({ method: "POST", url: `/api/webhooks/gong/${id}#x` })).toBeNull();
    expect(matchGongWebhookRequest({ method: "POST", url: `/api/webhooks/gong/${id}?key=a#x` })).toBeNull();
    expect(matchGongWebhookRequest({ method: "POST", url: undefined })).toBeNull();
  });
});
