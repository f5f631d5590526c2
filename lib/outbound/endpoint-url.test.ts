import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/encryption";
import { displayEndpointUrl, maskSlackUrl, readTargetUrl, sealEndpointUrl } from "./endpoint-url";

const key = randomBytes(32);
const slackUrl = "https://hooks.slack.com/services/T0001/B0002/abcdefghijklmnopqrstuvwx";
const noKey = () => {
  throw new Error("the key was read");
};

describe("endpoint URLs", () => {
  it("masks a Slack URL down to its origin and team, and anything unparsable entirely", () => {
    expect([maskSlackUrl(slackUrl), maskSlackUrl("http://127.0.0.1:4000/slack"), maskSlackUrl("not a url")]).toEqual([
      "https://hooks.slack.com/services/T0001/…",
      "http://127.0.0.1:4000/slack/…",
      "…",
    ]);
  });

  it("stores a Slack URL encrypted beside its masked form, and a standard endpoint's URL as it is", async () => {
    const sealed = await sealEndpointUrl("slack", slackUrl, key);
    expect(sealed.url).toBe("https://hooks.slack.com/services/T0001/…");
    expect(sealed.urlEncrypted).not.toContain("abcdefghijklmnopqrstuvwx");
    expect(await decryptSecret(sealed.urlEncrypted!, key)).toBe(slackUrl);
    expect(await sealEndpointUrl("standard", "https://example.com/hook", key)).toEqual({ url: "https://example.com/hook", urlEncrypted: null });
  });

  it("delivers to the decrypted URL, or to a plain one without reading the key", async () => {
    const sealed = await sealEndpointUrl("slack", slackUrl, key);
    expect(await readTargetUrl({ url: sealed.url, url_encrypted: sealed.urlEncrypted }, () => key)).toBe(slackUrl);
    expect(await readTargetUrl({ url: "https://example.com/hook", url_encrypted: null }, noKey)).toBe("https://example.com/hook");
  });

  it("never shows a Slack URL in full, even one stored before URLs were encrypted", async () => {
    const sealed = await sealEndpointUrl("slack", slackUrl, key);
    expect([
      displayEndpointUrl({ format: "slack", url: sealed.url, url_encrypted: sealed.urlEncrypted }),
      displayEndpointUrl({ format: "slack", url: slackUrl, url_encrypted: null }),
      displayEndpointUrl({ format: "standard", url: "https://example.com/hook", url_encrypted: null }),
    ]).toEqual(["https://hooks.slack.com/services/T0001/…", "https://hooks.slack.com/services/T0001/…", "https://example.com/hook"]);
  });
});
