import type { OAuthApp } from "../config";
import type { SimulatorState } from "../state";

export function findOAuthApp(state: SimulatorState, clientId: string | null | undefined): OAuthApp | undefined {
  return clientId ? state.config.oauthApps.find((app) => app.clientId === clientId) : undefined;
}

/** Exact match with a registered redirect URI, or, for apps that allow it, the same path on any local port. */
export function isRedirectUriAllowed(app: OAuthApp, redirectUri: string | null | undefined): redirectUri is string {
  if (!redirectUri) return false;
  if (app.redirectUris.includes(redirectUri)) return true;
  if (!app.allowLocalhostAnyPort) return false;
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  const local = url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1");
  return local && url.search === "" && url.hash === "" && app.redirectUris.some((registered) => new URL(registered).pathname === url.pathname);
}

export function buildRedirect(redirectUri: string, params: Record<string, string | null | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}
