import "server-only";
import { GongRequestRejectedError } from "./errors";
import { logger } from "@/lib/observability/logger";

/**
 * Where Gong serves a customer's API: `https://<region>.api.gong.io`, or `https://api.gong.io` (API.md §1.3). The
 * token response names the host, and every later request carries the access token there, so a host outside this
 * (or the operator's GONG_ALLOWED_API_BASE_URLS) is refused rather than sent a token.
 */
export const GONG_API_BASE_URL_PATTERN = "https://*.gong.io";

/** A token response named an API host outside the allowed ones: the tokens are not stored and never used. */
export class GongUntrustedApiHostError extends GongRequestRejectedError {
  constructor(readonly apiBaseUrl: string) {
    super(`Gong's token response named an API host Callbridge does not trust (${apiBaseUrl.slice(0, 200)}); its tokens were refused.`);
    this.name = "GongUntrustedApiHostError";
  }
}

/**
 * Whether `apiBaseUrl` is a bare origin matching `https://*.gong.io` or one of `extraPatterns` (`scheme://host[:port]`,
 * the host optionally starting with `*.` for any subdomain). Credentials, paths, queries and fragments never match.
 */
export function isAllowedGongApiBaseUrl(apiBaseUrl: string, extraPatterns: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(apiBaseUrl);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return false;
  return [GONG_API_BASE_URL_PATTERN, ...extraPatterns].some((pattern) => matchesOriginPattern(url, pattern));
}

function matchesOriginPattern(url: URL, pattern: string): boolean {
  const wildcard = pattern.includes("://*.");
  let expected: URL;
  try {
    expected = new URL(wildcard ? pattern.replace("://*.", "://") : pattern);
  } catch {
    return false;
  }
  if (url.protocol !== expected.protocol || url.port !== expected.port) return false;
  return wildcard ? url.hostname.endsWith(`.${expected.hostname}`) : url.hostname === expected.hostname;
}

/** Throws (and logs, for the operator) when a token response names an API host outside the allowed ones. */
export function requireAllowedGongApiBaseUrl(apiBaseUrl: string | null, extraPatterns: readonly string[] | undefined): void {
  if (apiBaseUrl === null || isAllowedGongApiBaseUrl(apiBaseUrl, extraPatterns)) return;
  const error = new GongUntrustedApiHostError(apiBaseUrl);
  logger.error(
    { apiBaseUrl: apiBaseUrl.slice(0, 200), allowed: [GONG_API_BASE_URL_PATTERN, ...(extraPatterns ?? [])] },
    "gong oauth: refused a token response naming an untrusted API host",
  );
  throw error;
}
