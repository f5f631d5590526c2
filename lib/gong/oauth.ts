import "server-only";
import { requireAllowedGongApiBaseUrl } from "./api-base-url";
import {
  GongAuthRevokedError,
  GongClientConfigError,
  GongRateLimitedError,
  GongUpstreamError,
  parseRetryAfter,
} from "./errors";
import { DEFAULT_TIMEOUT_MS } from "./http";
import { tokenErrorResponseSchema, tokenResponseSchema } from "./schemas/oauth";

export const DEFAULT_GONG_API_BASE_URL = "https://api.gong.io";
const TOKEN_PATH = "/oauth2/generate-customer-token";
const ENDPOINT = `POST ${TOKEN_PATH}`;
/** Used only if Gong ever omits `expires_in`: short, so the token is refreshed early rather than used stale. */
const FALLBACK_EXPIRES_IN_SECONDS = 3600;

type ClientCredentials = {
  /** `https://app.gong.io` in production. */
  oauthBaseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** API hosts trusted besides `https://*.gong.io` (GONG_ALLOWED_API_BASE_URLS; the simulator's in development). */
  allowedApiBaseUrls?: readonly string[];
};

export type GongTokens = {
  accessToken: string;
  /** Null when Gong sent none: keep the previous refresh token then. */
  refreshToken: string | null;
  grantedScopes: string[];
  expiresAt: Date;
  /** Per-customer API host, without a trailing slash. */
  apiBaseUrl: string;
  tokenType: string | null;
};

/** A refresh may leave out the host: null then, and the caller keeps the connection's stored regional one. */
export type RefreshedGongTokens = Omit<GongTokens, "apiBaseUrl"> & { apiBaseUrl: string | null };

/** Gong's consent page URL. Scopes are space-separated and sent as `%20`, as in Gong's own example. */
export function buildAuthorizeUrl(input: {
  oauthBaseUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
}): string {
  const params: Array<[string, string]> = [
    ["client_id", input.clientId],
    ["response_type", "code"],
    ["scope", input.scopes.join(" ")],
    ["redirect_uri", input.redirectUri],
    ["state", input.state],
  ];
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&");
  return `${trimSlash(input.oauthBaseUrl)}/oauth2/authorize?${query}`;
}

export async function exchangeAuthorizationCode(input: ClientCredentials & { code: string; redirectUri: string }): Promise<GongTokens> {
  const tokens = await requestTokens(input, {
    grant_type: "authorization_code",
    code: input.code,
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
  });
  // A new grant has no stored host to fall back on; US tenants may be served from the default one (API.md §0).
  return { ...tokens, apiBaseUrl: tokens.apiBaseUrl ?? DEFAULT_GONG_API_BASE_URL };
}

/** Gong's refresh tokens are likely single-use: callers must serialise refreshes per connection. */
export function refreshAccessToken(input: ClientCredentials & { refreshToken: string }): Promise<RefreshedGongTokens> {
  return requestTokens(input, { grant_type: "refresh_token", refresh_token: input.refreshToken });
}

/** Gong documents the grant parameters on the query string with HTTP Basic client auth (API.md §1.3). */
async function requestTokens(input: ClientCredentials, params: Record<string, string>): Promise<RefreshedGongTokens> {
  const url = new URL(`${trimSlash(input.oauthBaseUrl)}${TOKEN_PATH}`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const basic = Buffer.from(`${input.clientId}:${input.clientSecret}`).toString("base64");
  const startedAt = Date.now();
  let response: Response;
  let text: string;
  try {
    response = await (input.fetch ?? fetch)(url, {
      method: "POST",
      headers: { Authorization: `Basic ${basic}`, Accept: "application/json" },
      signal: AbortSignal.timeout(input.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    throw new GongUpstreamError("Gong's token endpoint did not answer", { endpoint: ENDPOINT, cause: error });
  }
  const json = parseJson(text);
  if (!response.ok) throw toTokenError(response, json);
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) {
    throw new GongUpstreamError("Gong's token response was unreadable", { status: response.status, endpoint: ENDPOINT });
  }
  const body = parsed.data;
  const expiresIn = body.expires_in ?? FALLBACK_EXPIRES_IN_SECONDS;
  const apiBaseUrl = body.api_base_url_for_customer?.trim() ? trimSlash(body.api_base_url_for_customer.trim()) : null;
  requireAllowedGongApiBaseUrl(apiBaseUrl, input.allowedApiBaseUrls);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    grantedScopes: (body.scope ?? "").split(/[\s,]+/).filter(Boolean),
    expiresAt: new Date(startedAt + expiresIn * 1000),
    apiBaseUrl,
    tokenType: body.token_type,
  };
}

/** Texts Gong is seen to send for a spent, expired or revoked grant (API.md §1.3: exact bodies unconfirmed). */
const GRANT_INVALID_TEXT = /invalid[_ ]grant|\b(?:expired|revoked)\b|\b(?:token|code|grant)\b[^.]*\binvalid\b/i;

/**
 * What a refusal from the token endpoint means. Only a body saying the grant is invalid (`invalid_grant`, or
 * without an RFC 6749 `error` code a text saying the token or code is invalid, expired or revoked) blames the
 * customer's connection. Any other 4xx (`invalid_client`, `unauthorized_client`, a bare 401, an empty body) is
 * Callbridge's own configuration: the admin is told to check GONG_CLIENT_ID/GONG_CLIENT_SECRET and the
 * connection is left as it is, since reconnecting would fail the same way.
 */
function toTokenError(response: Response, json: unknown) {
  const details = { status: response.status, endpoint: ENDPOINT };
  const body = tokenErrorResponseSchema.safeParse(json);
  const error = body.success ? body.data.error : null;
  const description = body.success
    ? (body.data.error_description ?? body.data.message ?? body.data.errors?.map(String).join("; ") ?? null)
    : null;
  const said = [error, description].filter(Boolean).join(": ") || `HTTP ${response.status}`;
  if (response.status === 429) {
    const seconds = parseRetryAfter(response.headers.get("retry-after"));
    return new GongRateLimitedError(seconds, `Gong's token endpoint is rate limiting; retry after ${seconds} s`, details);
  }
  if (response.status >= 500) return new GongUpstreamError(`Gong's token endpoint failed: ${said}`, details);
  const grantInvalid = error ? error === "invalid_grant" : GRANT_INVALID_TEXT.test(description ?? "");
  if (grantInvalid) return new GongAuthRevokedError("invalid_grant", `Gong refused the grant: ${said}`, details);
  return new GongClientConfigError(
    `Gong's token endpoint refused Callbridge's app (${said}): check GONG_CLIENT_ID and GONG_CLIENT_SECRET.`,
    details,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
