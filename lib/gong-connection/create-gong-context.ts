import type { Kysely } from "kysely";
import { recordGongRequest } from "@/db/queries/api-usage";
import { getGongConnection } from "@/db/queries/gong-connections";
import { flagConnectionNeedsReauth } from "@/lib/gong-connection/flag-connection-needs-reauth";
import { pauseGongRequests, reserveGongRequestSlot } from "@/db/queries/gong-request-slots";
import type { Database } from "@/db/schema";
import { GongAuthRevokedError, GongRateLimitedError } from "@/lib/gong/errors";
import type { GongContext } from "@/lib/gong/http";
import type { GongAppConfig } from "./config";
import { getAccessToken } from "./get-access-token";

/**
 * Gong allows 3 requests/second per company. 350 ms between request starts keeps even jittered arrivals
 * under that (3 × 350 ms > 1 s) while costing about 5 % of the theoretical rate.
 */
export const GONG_REQUEST_SPACING_MS = 350;

/** Waiting longer than this inside one request is worse than letting the job retry later (nothing is reserved then). */
export const MAX_PACING_WAIT_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request a step had lined up when the connection was disconnected (or lost its grant): it is not sent. */
const notConnected = (endpoint: string) =>
  new GongAuthRevokedError("access_denied", "The Gong connection is no longer connected; the request was not sent.", { endpoint });

/**
 * A Gong client context for one connection: fresh token, shared Postgres pacing, per-day request counting, and
 * the connection marked as needing re-authorization when Gong refuses its token.
 */
export async function createGongContext(
  db: Kysely<Database>,
  config: GongAppConfig,
  connectionId: string,
  options: { spacingMs?: number; maxWaitMs?: number } = {},
): Promise<GongContext> {
  const { connection, accessToken, apiBaseUrl } = await getAccessToken(db, config, connectionId);
  return {
    baseUrl: apiBaseUrl,
    accessToken,
    fetch: config.fetch,
    beforeRequest: async (endpoint) => {
      const slot = await reserveGongRequestSlot(db, connectionId, options.spacingMs ?? GONG_REQUEST_SPACING_MS, options.maxWaitMs ?? MAX_PACING_WAIT_MS);
      if (slot === null) throw notConnected(endpoint);
      if (!slot.booked) {
        const seconds = Math.max(1, Math.ceil(slot.waitMs / 1000));
        throw new GongRateLimitedError(seconds, `Gong's rate limit for this connection is booked for the next ${seconds} s`, { endpoint });
      }
      if (slot.waitMs === 0) return;
      await sleep(slot.waitMs);
      // An admin may have disconnected meanwhile: Gong hears nothing more once the page says "Disconnected".
      if ((await getGongConnection(db, connectionId))?.status !== "connected") throw notConnected(endpoint);
    },
    afterResponse: async (_endpoint, status) => {
      await recordGongRequest(db, connectionId, status);
      if (status === 429) await pauseGongRequests(db, connectionId, 1);
    },
    onError: async (error) => {
      // Only while this token is still the stored one: a reconnect or refresh since then replaced it, and the
      // connection it belongs to now must not be flagged for what happened to the old token.
      if (error instanceof GongAuthRevokedError) {
        await flagConnectionNeedsReauth(db, connectionId, error.message, { tokenVersion: connection.token_version });
      }
    },
  };
}
