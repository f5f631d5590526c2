import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import errors from "./__fixtures__/errors.json";
import tokenResponse from "./__fixtures__/token-response.json";
import { GongAuthRevokedError, GongClientConfigError, GongRateLimitedError, GongUpstreamError } from "./errors";
import { buildAuthorizeUrl, exchangeAuthorizationCode, refreshAccessToken } from "./oauth";

type Seen = { method: string; url: URL; authorization: string | undefined; body: string };
type Reply = { status: number; body: unknown; headers?: Record<string, string> };

let server: Server;
let oauthBaseUrl: string;
let seen: Seen[] = [];
let reply: Reply = { status: 200, body: tokenResponse };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    seen.push({ method: request.method ?? "", url: new URL(request.url ?? "/", "http://x"), authorization: request.headers.authorization, body });
    response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    response.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  oauthBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  reply = { status: 200, body: tokenResponse };
});

const credentials = () => ({ oauthBaseUrl, clientId: "client-1", clientSecret: "s3cr3t:with colon" });
const expectedBasic = `Basic ${Buffer.from("client-1:s3cr3t:with colon").toString("base64")}`;

describe("gong oauth", () => {
  it("builds the authorize URL with space-separated scopes encoded as %20", () => {
    const url = buildAuthorizeUrl({
      oauthBaseUrl: "https://app.gong.io/",
      clientId: "038HLrv1cef0h7",
      redirectUri: "https://example.com/oauth_cb",
      scopes: ["api:calls:create", "api:calls:read:basic"],
      state: "296bc9a0",
    });
    expect(url).toBe(
      "https://app.gong.io/oauth2/authorize?client_id=038HLrv1cef0h7&response_type=code" +
        "&scope=api%3Acalls%3Acreate%20api%3Acalls%3Aread%3Abasic&redirect_uri=https%3A%2F%2Fexample.com%2Foauth_cb&state=296bc9a0",
    );
    expect(new URL(url).searchParams.get("scope")).toBe("api:calls:create api:calls:read:basic");
  });

  it("exchanges a code with Basic client auth and query parameters", async () => {
    const before = Date.now();
    const tokens = await exchangeAuthorizationCode({ ...credentials(), code: "code-1", redirectUri: "http://localhost:3000/cb?x=1" });
    const request = seen[0];
    expect(request?.method).toBe("POST");
    expect(request?.url.pathname).toBe("/oauth2/generate-customer-token");
    expect(request?.authorization).toBe(expectedBasic);
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      grant_type: "authorization_code",
      code: "code-1",
      client_id: "client-1",
      redirect_uri: "http://localhost:3000/cb?x=1",
    });
    expect(request?.body).toBe("");
    expect(tokens).toMatchObject({
      accessToken: tokenResponse.access_token,
      refreshToken: "rt-7f3c1d",
      grantedScopes: ["api:calls:read:basic", "api:calls:read:transcript"],
      apiBaseUrl: "https://company-17.api.gong.io",
      tokenType: "Bearer",
    });
    expect(tokens.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 86_400_000);
    expect(tokens.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 86_400_000);
  });

  it("refreshes with the refresh token and reports what Gong leaves out as null", async () => {
    reply = { status: 200, body: { access_token: "a2", scope: "api:users:read", expires_in: 60 } };
    const tokens = await refreshAccessToken({ ...credentials(), refreshToken: "rt-1" });
    expect(Object.fromEntries(seen[0]?.url.searchParams ?? [])).toEqual({ grant_type: "refresh_token", refresh_token: "rt-1" });
    expect(seen[0]?.authorization).toBe(expectedBasic);
    expect(tokens).toMatchObject({ accessToken: "a2", refreshToken: null, apiBaseUrl: null });
  });

  it("defaults a new grant without api_base_url_for_customer to Gong's US host", async () => {
    reply = { status: 200, body: { access_token: "a1", refresh_token: "r1", scope: "api:users:read", expires_in: 60 } };
    const tokens = await exchangeAuthorizationCode({ ...credentials(), code: "code-2", redirectUri: "http://localhost:3000/cb" });
    expect(tokens.apiBaseUrl).toBe("https://api.gong.io");
  });

  it("maps invalid_grant to GongAuthRevokedError", async () => {
    reply = { status: 400, body: errors.invalidGrant };
    const error = await refreshAccessToken({ ...credentials(), refreshToken: "rt-spent-9d1" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GongAuthRevokedError);
    expect(error).toMatchObject({ kind: "invalid_grant", status: 400 });
    expect((error as Error).message).toContain("Token has been expired or revoked.");
    expect((error as Error).message).not.toContain("rt-spent-9d1");
  });

  it.each<[string, Reply]>([
    ["Gong's usual invalid_grant", { status: 400, body: errors.invalidGrant }],
    ["a text saying the refresh token is invalid", { status: 400, body: { errors: ["Refresh token code is invalid"] } }],
    ["a description saying it expired", { status: 401, body: { error_description: "The token has expired" } }],
  ])("blames the grant only when Gong's body says it is invalid: %s", async (_name, response) => {
    reply = response;
    const error = await refreshAccessToken({ ...credentials(), refreshToken: "rt" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GongAuthRevokedError);
    expect(error).toMatchObject({ kind: "invalid_grant" });
  });

  it.each<[string, Reply]>([
    ["invalid_client", { status: 401, body: { error: "invalid_client" } }],
    ["unauthorized_client", { status: 400, body: { error: "unauthorized_client", error_description: "Client is not allowed" } }],
    ["invalid_request, whatever its text", { status: 400, body: { error: "invalid_request", error_description: "refresh_token is invalid" } }],
    ["a bare 401", { status: 401, body: "" }],
    ["a 403 with an unrelated message", { status: 403, body: { errors: ["Access denied"] } }],
    ["a 404 (a wrong GONG_OAUTH_BASE_URL)", { status: 404, body: "<html>Not Found</html>" }],
  ])("reads any other refusal as the app's own configuration, not the customer's grant: %s", async (_name, response) => {
    reply = response;
    const error = await refreshAccessToken({ ...credentials(), refreshToken: "rt" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GongClientConfigError);
    expect(error).toMatchObject({ retriable: false, status: response.status });
    expect((error as Error).message).toMatch(/check GONG_CLIENT_ID and GONG_CLIENT_SECRET/);
  });

  it("maps 429, 5xx and an unreadable body to their own errors", async () => {
    const refresh = () => refreshAccessToken({ ...credentials(), refreshToken: "rt" }).catch((caught: unknown) => caught);
    reply = { status: 429, body: {}, headers: { "retry-after": "4" } };
    expect(await refresh()).toMatchObject({ retryAfterSeconds: 4 });
    expect(await refresh()).toBeInstanceOf(GongRateLimitedError);
    reply = { status: 503, body: "<html>down</html>" };
    expect(await refresh()).toBeInstanceOf(GongUpstreamError);
    reply = { status: 200, body: '{"access_token":' };
    expect(await refresh()).toBeInstanceOf(GongUpstreamError);
  });
});
