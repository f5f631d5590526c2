import { describe, expect, it } from "vitest";
import errors from "./__fixtures__/errors.json";
import { createFakeFetch, type ScriptedResponse } from "./__fixtures__/fake-fetch";
import {
  GongAuthRevokedError,
  GongNotFoundError,
  GongRateLimitedError,
  GongRequestRejectedError,
  GongSchemaError,
  GongScopeMissingError,
  GongUpstreamError,
  parseRetryAfter,
} from "./errors";
import { getCall } from "./get-call";
import type { GongContext } from "./http";
import { listCallTranscripts } from "./list-call-transcripts";
import { listCalls } from "./list-calls";
import { listExtensiveCalls } from "./list-extensive-calls";
import { listWorkspaces } from "./list-workspaces";

const TOKEN = "secret-access-token-123";

function contextFor(responses: ScriptedResponse[], extra: Partial<GongContext> = {}) {
  const fake = createFakeFetch(responses);
  const ctx: GongContext = { baseUrl: "https://us-49467.api.gong.io/", accessToken: TOKEN, fetch: fake.fetch, ...extra };
  return { ctx, requests: fake.requests };
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

describe("requestGong", () => {
  it("sends the bearer token to the connection's base URL and reports the endpoint", async () => {
    const seen: string[] = [];
    const { ctx, requests } = contextFor([{ body: { requestId: "r", workspaces: [] } }], {
      beforeRequest: async (endpoint) => void seen.push(`before ${endpoint}`),
      afterResponse: (endpoint, status) => void seen.push(`after ${endpoint} ${status}`),
    });
    await listWorkspaces(ctx);
    expect(requests[0]?.url.href).toBe("https://us-49467.api.gong.io/v2/workspaces");
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(seen).toEqual(["before GET /v2/workspaces", "after GET /v2/workspaces 200"]);
  });

  it("maps a 401 naming a scope to GongScopeMissingError", async () => {
    const { ctx } = contextFor([{ status: 401, body: errors.scopeMissing }]);
    const error = await failureOf(listCallTranscripts(ctx, { callIds: ["1"] }));
    expect(error).toBeInstanceOf(GongScopeMissingError);
    expect(error).toMatchObject({ scope: "api:calls:read:transcript", requestId: "45npxoqd2cxbtmugxv6", status: 401 });
    expect(error.message).not.toContain(TOKEN);
  });

  it.each([
    [401, errors.companyInactive],
    [401, {}],
    [403, { requestId: "f", errors: ["Access denied"] }],
  ])("maps a plain %i to GongAuthRevokedError", async (status, body) => {
    const { ctx } = contextFor([{ status, body }]);
    const error = await failureOf(listWorkspaces(ctx));
    expect(error).toBeInstanceOf(GongAuthRevokedError);
    expect(error).toMatchObject({ kind: "access_denied", status, retriable: false });
  });

  it("reads the 'no calls found' 404 as an empty page", async () => {
    const { ctx } = contextFor([{ status: 404, body: errors.noCalls }]);
    const page = await listCalls(ctx, { fromDateTime: "2024-01-01T00:00:00Z", toDateTime: "2024-02-01T00:00:00Z" });
    expect(page).toEqual({ items: [], rejected: [], records: null, nextCursor: null });
  });

  it.each<[string, ScriptedResponse]>([
    ["the wording of Gong's spec", { status: 404, body: { requestId: "s", errors: ["No calls found for the specified period"] } }],
    ["an empty body (behind a proxy)", { status: 404, text: "" }],
    ["a gateway's message field", { status: 404, body: { message: "No calls found corresponding to the provided filters" } }],
  ])("reads a list's 404 with %s as an empty page on every list endpoint", async (_name, response) => {
    const { ctx } = contextFor([response, response, response]);
    const empty = { items: [], rejected: [], records: null, nextCursor: null };
    expect(await listCalls(ctx, { fromDateTime: "2024-01-01", toDateTime: "2024-02-01" })).toEqual(empty);
    expect(await listExtensiveCalls(ctx, { filter: { fromDateTime: "2024-01-01" } })).toEqual(empty);
    expect(await listCallTranscripts(ctx, { callIds: ["7782342274025937895"] })).toEqual(empty);
  });

  it.each<[string, ScriptedResponse]>([
    ["a gateway's Not Found", { status: 404, body: { requestId: "g", errors: ["Not Found"] } }],
    ["an HTML page", { status: 404, text: "<html><body>404 Not Found</body></html>" }],
    ["a body naming one call", { status: 404, body: errors.callNotFound }],
  ])("keeps a list's 404 with %s an error", async (_name, response) => {
    const { ctx } = contextFor([response]);
    expect(await failureOf(listExtensiveCalls(ctx, { filter: {} }))).toBeInstanceOf(GongNotFoundError);
  });

  it("maps any other 404 to GongNotFoundError, and getCall turns it into undefined", async () => {
    const { ctx } = contextFor([{ status: 404, body: errors.callNotFound }, { status: 404, body: errors.callNotFound }]);
    const error = await failureOf(listCalls(ctx, { fromDateTime: "2024-01-01", toDateTime: "2024-02-01" }));
    expect(error).toBeInstanceOf(GongNotFoundError);
    expect(error.message).toContain("Call ID 894411314421502864 was not found");
    expect(await getCall(ctx, "894411314421502864")).toBeUndefined();
  });

  it("maps 429 to GongRateLimitedError with Retry-After seconds", async () => {
    const { ctx } = contextFor([{ status: 429, body: errors.rateLimited, headers: { "Retry-After": "7" } }]);
    const error = await failureOf(listWorkspaces(ctx));
    expect(error).toBeInstanceOf(GongRateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 7, retriable: true, code: "rate_limited" });
  });

  it("reads Retry-After as seconds, an HTTP date, or defaults to 1", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:12 GMT", now)).toBe(12);
    expect(parseRetryAfter(null, now)).toBe(1);
    expect(parseRetryAfter("soon", now)).toBe(1);
  });

  it("maps 500 to GongUpstreamError and 400 to GongRequestRejectedError", async () => {
    const { ctx } = contextFor([{ status: 500, body: errors.serverError }, { status: 400, text: "<html>Bad</html>" }]);
    const upstream = await failureOf(listWorkspaces(ctx));
    expect(upstream).toBeInstanceOf(GongUpstreamError);
    expect(upstream).toMatchObject({ requestId: "s3rv3r3rr0rr3qu3st0", retriable: true });
    expect(await failureOf(listWorkspaces(ctx))).toBeInstanceOf(GongRequestRejectedError);
  });

  it("maps truncated JSON to a retriable GongUpstreamError and a schema mismatch to a permanent GongSchemaError", async () => {
    const { ctx } = contextFor([
      { text: '{"requestId":"t","workspaces":[{"id":"72734', headers: { "x-traceid": "t" } },
      { body: { requestId: "m", workspaces: [{ id: 7273476131570014205 }] } },
    ]);
    const truncated = await failureOf(listWorkspaces(ctx));
    expect(truncated).toBeInstanceOf(GongUpstreamError);
    expect(truncated).toMatchObject({ requestId: "t" });
    const mismatch = await failureOf(listWorkspaces(ctx));
    expect(mismatch).toBeInstanceOf(GongSchemaError);
    expect(mismatch).toMatchObject({ retriable: false, requestId: "m" });
    expect(mismatch.message).toContain("workspaces.0.id");
  });

  it("times out, reports status 0 and maps it to GongUpstreamError", async () => {
    const statuses: number[] = [];
    const hangingFetch = ((_url: URL, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as unknown as typeof fetch;
    const ctx: GongContext = {
      baseUrl: "https://api.gong.io",
      accessToken: TOKEN,
      fetch: hangingFetch,
      timeoutMs: 20,
      afterResponse: (_endpoint, status) => void statuses.push(status),
    };
    const error = await failureOf(listWorkspaces(ctx));
    expect(error).toBeInstanceOf(GongUpstreamError);
    expect(error.message).toContain("timed out");
    expect(statuses).toEqual([0]);
  });

  it("maps network errors to GongUpstreamError", async () => {
    const failingFetch = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    const error = await failureOf(listWorkspaces({ baseUrl: "https://api.gong.io", accessToken: TOKEN, fetch: failingFetch }));
    expect(error).toBeInstanceOf(GongUpstreamError);
    expect(error.message).toContain("failed before a response arrived");
  });
});
