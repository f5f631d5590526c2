import type { IncomingMessage, ServerResponse } from "node:http";
import { parseBasicAuth, safeEqual } from "../api/auth";
import { readBody, sendJson } from "../http/respond";
import type { SimulatorState } from "../state";
import { findOAuthApp } from "./apps";
import { issueTokens } from "./issue-tokens";

type Params = Map<string, string>;

/** Gong documents the grant on the query string; clients also send a form or JSON body. Accept all three. */
async function readParams(request: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = new Map(url.searchParams);
  const raw = (await readBody(request)).toString("utf8").trim();
  if (!raw) return params;
  if ((request.headers["content-type"] ?? "").includes("json") || raw.startsWith("{")) {
    try {
      for (const [key, value] of Object.entries(JSON.parse(raw) as Record<string, unknown>)) if (typeof value === "string") params.set(key, value);
    } catch {
      return params;
    }
  } else {
    for (const [key, value] of new URLSearchParams(raw)) params.set(key, value);
  }
  return params;
}

const INVALID_GRANT = { error: "invalid_grant", error_description: "Token has been expired or revoked." };

/** POST /oauth2/generate-customer-token – code exchange and refresh, HTTP Basic client credentials. */
export async function handleTokenRequest(state: SimulatorState, request: IncomingMessage, response: ServerResponse, url: URL): Promise<number> {
  const reply = (status: number, body: object) => (sendJson(response, status, body, { "Cache-Control": "no-store", Pragma: "no-cache" }), status);
  if (request.method !== "POST") return reply(405, { error: "invalid_request", error_description: "Use POST" });
  const params = await readParams(request, url);
  const credentials = parseBasicAuth(request.headers.authorization);
  const app = findOAuthApp(state, credentials?.user);
  if (!credentials || !app || !safeEqual(app.clientSecret, credentials.password)) {
    return reply(401, { error: "invalid_client", error_description: "Client authentication failed: send HTTP Basic client_id:client_secret" });
  }
  const grantType = params.get("grant_type");
  const nowMs = Date.now();
  if (grantType === "authorization_code") {
    const code = state.codes.get(params.get("code") ?? "");
    if (!code || code.used || code.expiresAtMs <= nowMs || code.clientId !== app.clientId) {
      return reply(400, { error: "invalid_grant", error_description: "Authorization code is invalid, expired or already used." });
    }
    const redirectUri = params.get("redirect_uri");
    if (redirectUri !== undefined && redirectUri !== code.redirectUri) {
      return reply(400, { error: "invalid_grant", error_description: "redirect_uri does not match the authorization request." });
    }
    code.used = true;
    return reply(200, issueTokens(state, { clientId: app.clientId, scopes: code.scopes }, nowMs));
  }
  if (grantType === "refresh_token") {
    const refresh = state.refreshTokens.get(params.get("refresh_token") ?? "");
    if (!refresh || refresh.used || refresh.clientId !== app.clientId) return reply(400, INVALID_GRANT);
    refresh.used = true; // single-use: the response carries the next one
    return reply(200, issueTokens(state, { clientId: app.clientId, scopes: refresh.scopes }, nowMs));
  }
  return reply(400, { error: "unsupported_grant_type", error_description: `Unsupported grant_type: ${grantType ?? "(missing)"}` });
}
