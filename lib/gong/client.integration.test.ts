import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSimulator, startSimulator } from "../../gong-simulator/src/index";
import { answerGongConsent } from "../../test-support/gong-consent";
import {
  type GongContext,
  GongAuthRevokedError,
  GongRateLimitedError,
  GongScopeMissingError,
  getCall,
  iterateExtensiveCalls,
  listCalls,
  listCallTranscripts,
  listUsers,
  listWorkspaces,
} from "./client";
import { buildAuthorizeUrl, exchangeAuthorizationCode, refreshAccessToken } from "./oauth";
import { REQUIRED_GONG_SCOPE_NAMES } from "./scopes";

const CLIENT_ID = "callbridge-demo";
const CLIENT_SECRET = "callbridge-demo-secret";
const REDIRECT_URI = "http://localhost:3000/api/gong/oauth/callback";

let simulator: RunningSimulator;

beforeAll(async () => {
  // A generous rate limit: pacing is the caller's job and is tested where the pacer lives.
  simulator = await startSimulator({ calls: 230, rateLimit: 1000, log: false });
});

afterAll(() => simulator.close());

async function consentAndGetCode(scopes: readonly string[]): Promise<string> {
  const authorizeUrl = buildAuthorizeUrl({ oauthBaseUrl: simulator.url, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, scopes, state: "state-1" });
  const location = await answerGongConsent(authorizeUrl);
  expect(location.searchParams.get("state")).toBe("state-1");
  return location.searchParams.get("code") ?? "";
}

async function setRateLimit(perSecond: number) {
  const body = JSON.stringify({ rateLimit: perSecond });
  await fetch(`${simulator.url}/__sim/faults`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
}

async function connect(scopes: readonly string[]) {
  const code = await consentAndGetCode(scopes);
  const credentials = { oauthBaseUrl: simulator.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowedApiBaseUrls: [simulator.url] };
  const tokens = await exchangeAuthorizationCode({ ...credentials, code, redirectUri: REDIRECT_URI });
  const ctx: GongContext = { baseUrl: tokens.apiBaseUrl, accessToken: tokens.accessToken };
  return { tokens, ctx, credentials };
}

describe("lib/gong against the Gong simulator", () => {
  it("exchanges a code, refreshes once and refuses a spent refresh token", async () => {
    const { tokens, credentials } = await connect(REQUIRED_GONG_SCOPE_NAMES);
    expect(tokens.grantedScopes.sort()).toEqual([...REQUIRED_GONG_SCOPE_NAMES].sort());
    expect(tokens.apiBaseUrl).toBe(simulator.url);
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const refreshToken = tokens.refreshToken ?? "";
    const refreshed = await refreshAccessToken({ ...credentials, refreshToken });
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    const spent = await refreshAccessToken({ ...credentials, refreshToken }).catch((error: unknown) => error);
    expect(spent).toBeInstanceOf(GongAuthRevokedError);
    expect(spent).toMatchObject({ kind: "invalid_grant" });
  });

  it("pages every extensive call, then fetches their transcripts by id", async () => {
    const { ctx } = await connect(REQUIRED_GONG_SCOPE_NAMES);
    const ids: string[] = [];
    let pages = 0;
    let total: number | null = null;
    for await (const page of iterateExtensiveCalls(ctx, { filter: {} })) {
      pages += 1;
      total ??= page.records?.totalRecords ?? null;
      ids.push(...page.items.map((call) => call.metaData.id));
    }
    expect(pages).toBeGreaterThan(1);
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(ids.length);
    const transcripts = await listCallTranscripts(ctx, { callIds: ids.slice(0, 100) });
    expect(transcripts.items.length).toBeGreaterThan(0);
    expect(ids).toContain(transcripts.items[0]?.callId);
  });

  it("reads users, workspaces, one call and an empty date range", async () => {
    const { ctx } = await connect(REQUIRED_GONG_SCOPE_NAMES);
    expect((await listUsers(ctx)).items.length).toBeGreaterThan(0);
    const [workspace] = await listWorkspaces(ctx);
    expect(workspace?.id).toMatch(/^\d+$/);
    const empty = await listCalls(ctx, { fromDateTime: "1990-01-01T00:00:00Z", toDateTime: "1990-02-01T00:00:00Z" });
    expect(empty).toEqual({ items: [], rejected: [], records: null, nextCursor: null });
    const [first] = (await listCalls(ctx, { fromDateTime: "2000-01-01T00:00:00Z", toDateTime: "2100-01-01T00:00:00Z" })).items;
    expect((await getCall(ctx, first?.id ?? ""))?.id).toBe(first?.id);
    expect(await getCall(ctx, "1234567890123456789")).toBeUndefined();
  });

  it("names the missing scope, and reports revocation", async () => {
    const scopes = REQUIRED_GONG_SCOPE_NAMES.filter((scope) => scope !== "api:calls:read:transcript");
    const { ctx } = await connect(scopes);
    const missing = await listCallTranscripts(ctx, { callIds: ["1"] }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(GongScopeMissingError);
    expect(missing).toMatchObject({ scope: "api:calls:read:transcript", status: 401 });
    await fetch(`${simulator.url}/__sim/revoke`, { method: "POST" });
    const revoked = await listWorkspaces(ctx).catch((error: unknown) => error);
    expect(revoked).toBeInstanceOf(GongAuthRevokedError);
  });

  it("maps the simulator's 429 to GongRateLimitedError with its Retry-After", async () => {
    const { ctx } = await connect(REQUIRED_GONG_SCOPE_NAMES);
    await setRateLimit(1);
    try {
      const results = await Promise.allSettled([listWorkspaces(ctx), listWorkspaces(ctx), listWorkspaces(ctx)]);
      const limited = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]).toBeInstanceOf(GongRateLimitedError);
      expect((limited[0] as GongRateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    } finally {
      await setRateLimit(1000);
    }
  });
});
