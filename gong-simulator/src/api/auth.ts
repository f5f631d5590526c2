import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { HttpError } from "../http/respond";
import type { SimulatorState } from "../state";

/** Who is calling /v2: an OAuth grant (scope-checked) or an access key (every scope). */
export type Caller = { kind: "access-key" } | { kind: "oauth"; scopes: ReadonlySet<string> };

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Who the caller is, for its fault stream: the OAuth app behind a bearer token or the access key, never the token
 * itself, which is new on every connect and refresh, so a test meets the same faults on every run.
 */
export function callerIdentity(state: SimulatorState, header: string | undefined): string {
  const bearer = parseBearer(header);
  if (bearer) {
    const token = state.accessTokens.get(bearer);
    return token ? `oauth:${token.clientId}` : "unknown";
  }
  const basic = parseBasicAuth(header);
  return basic ? `access-key:${basic.user}` : "unknown";
}

function parseBearer(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
}

export function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function authenticateCaller(state: SimulatorState, request: IncomingMessage, nowMs = Date.now()): Caller {
  const header = request.headers.authorization;
  const bearer = parseBearer(header);
  if (bearer) {
    const token = state.accessTokens.get(bearer);
    if (!token) throw new HttpError(401, "Access token is invalid or has been revoked");
    if (token.expiresAtMs <= nowMs) throw new HttpError(401, "Access token has expired");
    return { kind: "oauth", scopes: new Set(token.scopes) };
  }
  const basic = parseBasicAuth(header);
  if (basic && state.config.accessKeys.some((key) => safeEqual(key.accessKey, basic.user) && safeEqual(key.accessKeySecret, basic.password))) {
    return { kind: "access-key" };
  }
  throw new HttpError(401, "Access denied: missing or invalid credentials");
}

/**
 * Gong answers a missing scope with "Access denied" naming the scope: 401 on most endpoints, 403 where
 * Gong's spec documents 403 instead (GET /v2/users, GET /v2/workspaces; API.md §2.6, §2.7, §3).
 */
export function requireScope(caller: Caller, scope: string, deniedStatus: 401 | 403 = 401): void {
  if (caller.kind === "oauth" && !caller.scopes.has(scope)) {
    throw new HttpError(deniedStatus, `You don't have permission to use '${scope}' in your app.`);
  }
}
