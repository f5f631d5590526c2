import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningSimulator } from "../src/index";
import { callApi, CLIENT_AUTH, control, startTestSimulator } from "./support";

const REDIRECT = "http://localhost:3999/api/gong/oauth/callback";
const SCOPES = ["api:calls:read:basic", "api:calls:read:transcript", "api:calls:read:media-url", "api:users:read"];

describe("OAuth like Gong's", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(() => control(sim, "POST", "/consent-mode", { mode: "technical-admin" }));

  function authorizeUrl(overrides: Record<string, string> = {}) {
    const params = new URLSearchParams({ client_id: "callbridge-demo", response_type: "code", scope: SCOPES.join(" "), redirect_uri: REDIRECT, state: "st-123", ...overrides });
    return `${sim.url}/oauth2/authorize?${params}`;
  }

  async function decide(decision: "approve" | "deny", scopes: string[] = SCOPES) {
    const form = new URLSearchParams({ client_id: "callbridge-demo", redirect_uri: REDIRECT, state: "st-123", requested_scope: SCOPES.join(" "), decision });
    for (const scope of scopes) form.append("scope", scope);
    const response = await fetch(`${sim.url}/oauth2/authorize`, { method: "POST", body: form, redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    return { status: response.status, location: response.headers.get("location") ? new URL(response.headers.get("location")!) : undefined, html: await response.text() };
  }

  async function exchange(params: Record<string, string>, via: "query" | "form" | "json" = "query", auth = CLIENT_AUTH) {
    const query = via === "query" ? `?${new URLSearchParams(params)}` : "";
    const response = await fetch(`${sim.url}/oauth2/generate-customer-token${query}`, {
      method: "POST",
      headers: { Authorization: auth, ...(via === "json" ? { "Content-Type": "application/json" } : via === "form" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      body: via === "json" ? JSON.stringify(params) : via === "form" ? new URLSearchParams(params) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, string | number> };
  }

  async function getCode(scopes: string[] = SCOPES) {
    const { location } = await decide("approve", scopes);
    return location!.searchParams.get("code")!;
  }

  it("renders a consent page naming the company, the app and each scope as a ticked checkbox", async () => {
    const response = await fetch(authorizeUrl());
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("Callbridge");
    expect(html).toContain("Acme");
    for (const scope of SCOPES) expect(html).toMatch(new RegExp(`value="${scope}" checked[^>]*>\\s*<label for="scope-\\d">${scope}</label>`));
    expect(html).toMatch(/<button[^>]*>Approve<\/button>/);
    expect(html).toMatch(/<button[^>]*>Deny<\/button>/);
  });

  it("refuses unregistered redirect URIs with an error page instead of redirecting", async () => {
    const response = await fetch(authorizeUrl({ redirect_uri: "https://evil.example/cb" }), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("not registered");
  });

  it("approve → code and state; the code exchanges once, from the query string", async () => {
    const { status, location } = await decide("approve", ["api:calls:read:basic", "api:users:read"]);
    expect(status).toBe(302);
    expect(location?.origin + location!.pathname).toBe(REDIRECT);
    expect(location!.searchParams.get("state")).toBe("st-123");
    const code = location!.searchParams.get("code")!;
    const tokens = await exchange({ grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ scope: "api:calls:read:basic api:users:read", token_type: "Bearer", expires_in: 86400, api_base_url_for_customer: sim.url });
    const again = await exchange({ grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(again).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("accepts form and JSON bodies too, and requires the app's Basic credentials", async () => {
    expect((await exchange({ grant_type: "authorization_code", code: await getCode() }, "form")).status).toBe(200);
    expect((await exchange({ grant_type: "authorization_code", code: await getCode() }, "json")).status).toBe(200);
    const wrongSecret = `Basic ${Buffer.from("callbridge-demo:nope").toString("base64")}`;
    expect(await exchange({ grant_type: "authorization_code", code: await getCode() }, "query", wrongSecret)).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("codes expire", async () => {
    const code = await getCode();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 601_000);
      expect(await exchange({ grant_type: "authorization_code", code })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    } finally {
      vi.useRealTimers();
    }
  });

  it("deny → error=access_denied; a non-technical admin gets no Approve button", async () => {
    const denied = await decide("deny");
    expect(denied.location!.searchParams.get("error")).toBe("access_denied");
    expect(denied.location!.searchParams.get("state")).toBe("st-123");
    await control(sim, "POST", "/consent-mode", { mode: "non-technical-admin" });
    const html = await (await fetch(authorizeUrl())).text();
    expect(html).toContain("technical administrator");
    expect(html).not.toContain(">Approve<");
    expect((await decide("approve")).location!.searchParams.get("error")).toBe("access_denied");
  });

  it("refresh tokens rotate and are single-use", async () => {
    const first = await exchange({ grant_type: "authorization_code", code: await getCode() });
    const second = await exchange({ grant_type: "refresh_token", refresh_token: String(first.body.refresh_token) });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(second.body.scope).toBe(first.body.scope);
    const reused = await exchange({ grant_type: "refresh_token", refresh_token: String(first.body.refresh_token) });
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant", error_description: "Token has been expired or revoked." } });
    expect((await exchange({ grant_type: "refresh_token", refresh_token: String(second.body.refresh_token) })).status).toBe(200);
  });

  it("a scope left unticked gives a 401 naming it; expired and revoked tokens give 401", async () => {
    const tokens = await exchange({ grant_type: "authorization_code", code: await getCode(["api:users:read"]) });
    const auth = `Bearer ${tokens.body.access_token}`;
    expect((await callApi(sim, "GET", "/v2/users", { auth })).status).toBe(200);
    const missing = await callApi(sim, "GET", "/v2/calls", { auth });
    expect(missing.status).toBe(401);
    expect(missing.body.errors).toEqual(["You don't have permission to use 'api:calls:read:basic' in your app."]);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 86_401_000);
      expect((await callApi(sim, "GET", "/v2/users", { auth })).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
    const fresh = await exchange({ grant_type: "authorization_code", code: await getCode() });
    await control(sim, "POST", "/revoke");
    expect((await callApi(sim, "GET", "/v2/users", { auth: `Bearer ${fresh.body.access_token}` })).status).toBe(401);
    expect(await exchange({ grant_type: "refresh_token", refresh_token: String(fresh.body.refresh_token) })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("token lifetime is configurable", async () => {
    await control(sim, "POST", "/config", { tokenTtlSeconds: 120 });
    try {
      expect((await exchange({ grant_type: "authorization_code", code: await getCode() })).body.expires_in).toBe(120);
    } finally {
      await control(sim, "POST", "/config", { tokenTtlSeconds: 86400 });
    }
  });
});
