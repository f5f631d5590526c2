import { randomBytes } from "node:crypto";
import type { Grant, SimulatorState } from "../state";

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  scope: string;
  token_type: "Bearer";
  expires_in: number;
  api_base_url_for_customer: string;
}

/** A fresh access/refresh pair for a grant; each refresh token may be used once. */
export function issueTokens(state: SimulatorState, grant: Grant, nowMs = Date.now()): TokenResponse {
  const accessToken = randomBytes(32).toString("base64url");
  const refreshToken = randomBytes(32).toString("base64url");
  const ttl = state.config.tokenTtlSeconds;
  state.accessTokens.set(accessToken, { ...grant, expiresAtMs: nowMs + ttl * 1000 });
  state.refreshTokens.set(refreshToken, { ...grant, used: false });
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    scope: grant.scopes.join(" "),
    token_type: "Bearer",
    expires_in: ttl,
    api_base_url_for_customer: state.origin,
  };
}

/** The admin removed the app in Gong: every token and pending code stops working. */
export function revokeAllTokens(state: SimulatorState): void {
  state.accessTokens.clear();
  state.refreshTokens.clear();
  state.codes.clear();
}
